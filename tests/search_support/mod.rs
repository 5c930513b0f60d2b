//! The golden-table runner the search tables share: each case is (class, query, expected
//! first hit as `D/error` or `T/error`, or "" for no hit at all).

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::search::{self, Index};

const D: &str = "itsmc-dashboard-errors";
const T: &str = "itsmc-troubleshooting";

/// `D/x` and `T/x` as `guide/error`.
#[must_use]
pub fn expected(code: &str) -> String {
    code.replacen("D/", &format!("{D}/"), 1)
        .replacen("T/", &format!("{T}/"), 1)
}

/// `guide/error` of a hit.
#[must_use]
pub fn name(catalog: &Catalog, hit: &search::Hit) -> String {
    let guide = &catalog.guides[hit.entry.guide];
    format!("{}/{}", guide.id, guide.errors[hit.entry.error].id)
}

/// The built-in catalog and its index.
#[must_use]
pub fn builtin() -> (Catalog, Index) {
    let catalog = Catalog::load(&[Source::Builtin]);
    let index = Index::new(&catalog);
    (catalog, index)
}

/// Runs every case; panics listing the ones that failed, with the top three hits each.
/// Prints the number of cases per class.
pub fn assert_cases(cases: &[(&str, &str, &str)]) {
    let (catalog, index) = builtin();
    let mut failures = Vec::new();
    let mut classes: Vec<(&str, usize)> = Vec::new();
    for &(class, query, want) in cases {
        match classes.iter_mut().find(|(c, _)| *c == class) {
            Some((_, n)) => *n += 1,
            None => classes.push((class, 1)),
        }
        let hits = search::search(&index, query);
        let got: Vec<String> = hits
            .iter()
            .take(3)
            .map(|h| format!("{} ({})", name(&catalog, h), h.score))
            .collect();
        let ok = if want.is_empty() {
            hits.is_empty()
        } else {
            hits.first()
                .is_some_and(|h| name(&catalog, h) == expected(want))
        };
        if !ok {
            failures.push(format!("[{class}] {query:?}: want {want:?}, got {got:?}"));
        }
    }
    println!("cases per class: {classes:?}");
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
