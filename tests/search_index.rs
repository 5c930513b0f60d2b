//! The index over a large synthetic catalog: building it on several threads gives exactly
//! the index one thread builds.

#[path = "../benches/support/synth.rs"]
mod synth;

use tshoot::guide::{Catalog, load};
use tshoot::search::{self, Index};

fn catalog(errors: usize) -> Catalog {
    let guides = synth::guides(errors)
        .iter()
        .enumerate()
        .map(|(i, y)| {
            load::check(&format!("synth-{i}.yaml"), y.as_bytes(), 0)
                .guide
                .expect("synthetic guides are valid")
        })
        .collect();
    Catalog {
        guides,
        ..Catalog::default()
    }
}

#[test]
fn building_on_several_threads_gives_the_same_index() {
    let catalog = catalog(1_050);
    let one = Index::with_threads(&catalog, 1);
    for threads in [2, 3, 4] {
        let many = Index::with_threads(&catalog, threads);
        assert_eq!(one.entries, many.entries);
        assert_eq!(one.field_starts, many.field_starts);
        assert_eq!(one.terms.len(), many.terms.len());
        for term in &one.terms {
            let other = &many.terms[many.lookup[&term.text] as usize];
            let postings = |t: &tshoot::search::index::Term| {
                t.postings
                    .iter()
                    .map(|p| (p.entry, p.field))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                postings(term),
                postings(other),
                "postings of {:?}",
                term.text
            );
            let templates = |idx: &Index, t: &tshoot::search::index::Term| {
                t.templates
                    .iter()
                    .map(|&x| idx.templates[x as usize].field)
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                templates(&one, term),
                templates(&many, other),
                "templates of {:?}",
                term.text
            );
        }
        for query in [
            "connection t",
            "certifcate expired",
            "deadlock timeout while commit",
        ] {
            assert_eq!(
                search::search(&one, query),
                search::search(&many, query),
                "{query}"
            );
        }
    }
}

/// The index is plain data: written out and read back (with postcard, as the guide cache
/// does), it answers
/// every query as the one built.
#[test]
fn a_serialised_index_answers_as_the_one_built() {
    let catalog = tshoot::guide::catalog::Catalog::load(&[tshoot::guide::catalog::Source::Builtin]);
    let built = Index::new(&catalog);
    let bytes = postcard::to_stdvec(&built).expect("serialises");
    let read: Index = postcard::from_bytes(&bytes).expect("deserialises");
    for query in [
        "Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.",
        "varför får jag två incidenter för en avisering?",
        "åtgärderna misslyckades",
        "AccesToken",
        "kernel panic",
    ] {
        assert_eq!(
            search::search(&built, query),
            search::search(&read, query),
            "{query}"
        );
    }
}
