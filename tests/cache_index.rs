//! The search index as the cache stores it (`cache::codec`): read back, it is the index
//! that was built, part for part; and no bytes make the reader panic or give an index
//! whose ids point outside it.

use tshoot::cache::{codec, index::consistent};
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::{self, Index};

#[path = "../benches/support/synth.rs"]
mod synth;

/// Every part of an index, maps in key order, so two indexes compare as text.
fn parts(index: &Index) -> String {
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v.join("\n")
    };
    let fields: Vec<String> = index
        .fields
        .iter()
        .map(|f| format!("{} {:?} {:?}", f.entry, f.kind, f.text))
        .collect();
    let terms: Vec<String> = index
        .terms
        .iter()
        .map(|t| {
            let postings: Vec<(u32, u32)> = t.postings.iter().map(|p| (p.entry, p.field)).collect();
            format!("{:?} {postings:?} {:?}", t.text, t.templates)
        })
        .collect();
    let templates: Vec<String> = index
        .templates
        .iter()
        .map(|t| format!("{} {} {:?} {:?}", t.field, t.distinct, t.terms, t.template))
        .collect();
    let idf: Vec<u32> = index.idf.iter().map(|f| f.to_bits()).collect();
    let weights: Vec<u32> = index.field_weights.iter().map(|f| f.to_bits()).collect();
    format!(
        "{:?}\n{}\n{}\n{}\n{:?}\n{:?}\n{idf:?}\n{weights:?}\n{}\n{}\n{}\n{}\n{}",
        index.entries,
        fields.join("\n"),
        terms.join("\n"),
        templates.join("\n"),
        index.sorted,
        index.field_starts,
        sorted(
            index
                .lookup
                .iter()
                .map(|(k, v)| format!("{k:?} {v}"))
                .collect()
        ),
        sorted(
            index
                .buckets
                .iter()
                .map(|(k, v)| format!("{k:?} {v:?}"))
                .collect()
        ),
        sorted(
            index
                .stems_en
                .iter()
                .map(|(k, v)| format!("{k:?} {v:?}"))
                .collect()
        ),
        sorted(
            index
                .stems_sv
                .iter()
                .map(|(k, v)| format!("{k:?} {v:?}"))
                .collect()
        ),
        sorted(
            index
                .compounds
                .iter()
                .map(|(k, v)| format!("{k:?} {v:?}"))
                .collect()
        ),
    )
}

fn errors_of(catalog: &Catalog) -> impl Fn(usize) -> Option<usize> + '_ {
    |g| catalog.guides.get(g).map(|g| g.errors.len())
}

#[test]
fn an_index_read_back_is_the_index_built() {
    let mut files: Vec<(String, Vec<u8>)> = synth::guides(3_000)
        .into_iter()
        .enumerate()
        .map(|(i, y)| (format!("synth-{i}.yaml"), y.into_bytes()))
        .collect();
    for (name, text) in tshoot::guide::catalog::BUILTIN {
        files.push(((*name).to_owned(), text.as_bytes().to_vec()));
    }
    let catalog = Catalog::from_files(files);
    let built = Index::new(&catalog);
    assert!(!built.compounds.is_empty() && !built.stems_sv.is_empty());
    let bytes = codec::encode(&built).expect("encodes");
    let read = codec::decode(&bytes, errors_of(&catalog)).expect("decodes");
    assert_eq!(parts(&read), parts(&built));
    assert!(consistent(&read, errors_of(&catalog)));
    for query in [
        "deadlock timeout",
        "certifcate expird",
        "Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2 does not exist or was deleted.",
        "varför får jag två incidenter för en avisering?",
        "AccesToken",
    ] {
        assert_eq!(
            search::search(&read, query),
            search::search(&built, query),
            "{query}"
        );
    }
    // A catalog with fewer errors than the index names is not this index's.
    let fewer = |g: usize| {
        catalog
            .guides
            .get(g)
            .map(|g| g.errors.len().saturating_sub(1))
    };
    assert!(codec::decode(&bytes, fewer).is_none());
}

#[test]
fn damaged_index_bytes_are_refused_or_still_consistent() {
    let catalog = Catalog::load(&[Source::Builtin]);
    let built = Index::new(&catalog);
    let bytes = codec::encode(&built).expect("encodes");
    // About a thousand places spread over the whole file.
    let step = (bytes.len() / 1000).max(1);
    for cut in (0..bytes.len()).step_by(step) {
        assert!(
            codec::decode(&bytes[..cut], errors_of(&catalog)).is_none(),
            "cut {cut}"
        );
    }
    let mut taken = 0;
    for at in (0..bytes.len()).step_by(step) {
        for flip in [0x01, 0x40, 0xff] {
            let mut bad = bytes.clone();
            bad[at] ^= flip;
            if let Some(index) = codec::decode(&bad, errors_of(&catalog)) {
                taken += 1;
                assert!(
                    consistent(&index, errors_of(&catalog)),
                    "byte {at} ^ {flip:#x}"
                );
            }
        }
    }
    // Some flips only change a number within range (a posting's field, a kind): the
    // file's checksum catches those; the reader's job is that nothing can point outside.
    assert!(taken > 0);
}

#[test]
fn hostile_texts_in_an_index_are_refused() {
    let catalog = Catalog::load(&[Source::Builtin]);
    let built = Index::new(&catalog);
    for bad in [
        "\u{1b}]52;c;ZWNobyBoaQ==\u{7}",
        "\u{1b}[2J",
        "\u{202e}txt",
        "a\tb",
        "cr\r",
    ] {
        let mut hostile = codec::decode(
            &codec::encode(&built).expect("encodes"),
            errors_of(&catalog),
        )
        .expect("decodes");
        hostile.fields[0].text.push_str(bad);
        let bytes = codec::encode(&hostile).expect("encodes");
        assert!(
            codec::decode(&bytes, errors_of(&catalog)).is_none(),
            "field {bad:?}"
        );

        let mut hostile = codec::decode(
            &codec::encode(&built).expect("encodes"),
            errors_of(&catalog),
        )
        .expect("decodes");
        hostile.terms[0].text.push_str(bad);
        // A term's text is also its literals' text: keep the template words in step.
        let text: std::sync::Arc<str> = hostile.terms[0].text.as_str().into();
        for t in &mut hostile.templates {
            for (k, item) in t.template.items.iter_mut().enumerate() {
                if let tshoot::search::template::Item::Literal(w) = item
                    && t.template
                        .literal_items
                        .iter()
                        .position(|&i| i == k)
                        .is_some_and(|l| t.terms[l] == 0)
                {
                    *w = text.clone();
                }
            }
        }
        let bytes = codec::encode(&hostile).expect("encodes");
        assert!(
            codec::decode(&bytes, errors_of(&catalog)).is_none(),
            "term {bad:?}"
        );
    }
}
