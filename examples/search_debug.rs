//! Prints how search reads a query: its words, each word's weight and matches, and the
//! hits with their scores. `cargo run --example search_debug -- "query"`.

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::{self, Index, Query};

fn main() {
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let catalog = Catalog::load(&[Source::Builtin]);
    let index = Index::new(&catalog);
    let query = Query::parse(&text, &index);
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default();
    for w in &query.words {
        let m = index.match_word(w, query.is_typing(w), &matcher);
        let terms: Vec<String> = m
            .terms
            .iter()
            .take(6)
            .map(|t| {
                format!(
                    "{}:{:.2}:idf{:.2}",
                    index.terms[t.term as usize].text,
                    t.quality,
                    index.idf(t.term)
                )
            })
            .collect();
        println!("{w:>20}  {terms:?}");
    }
    for hit in search::search(&index, &text).iter().take(5) {
        let g = &catalog.guides[hit.entry.guide];
        println!(
            "{:>4}  {}/{}",
            hit.score, g.id, g.errors[hit.entry.error].id
        );
    }
}
