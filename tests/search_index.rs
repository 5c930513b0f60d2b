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
