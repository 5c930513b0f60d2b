//! Loading guides from every source: override by id, broken files skipped, limits, and the
//! sanitiser applied to everything a guide says.

mod common;

use std::fs;
use std::path::Path;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::load::MAX_GUIDE_BYTES;
use tshoot::lang::Lang;

fn guide(id: &str, title: &str) -> String {
    format!(
        "id: {id}\ntitle: {title}\nstart: q\nnodes:\n  - id: q\n    question: Q?\n    answers:\n      - label: A\n        error: e\nerrors:\n  - id: e\n    title: E\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Do it.]\n"
    )
}

fn dir(path: &Path) -> Source {
    Source::Path {
        path: path.to_owned(),
        optional: false,
    }
}

#[test]
fn builtin_guides_load_clean() {
    let catalog = Catalog::load(&[Source::Builtin]);
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    let ids: Vec<&str> = catalog.guides.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["itsmc-dashboard-errors", "itsmc-troubleshooting"]);
}

#[test]
fn a_later_source_overrides_a_guide_by_id_with_a_notice() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(
        tmp.path().join("mine.yaml"),
        guide("itsmc-troubleshooting", "My own version"),
    )
    .expect("write");
    let catalog = Catalog::load(&[Source::Builtin, dir(tmp.path())]);
    assert_eq!(catalog.guides.len(), 2);
    let overridden = catalog.guide("itsmc-troubleshooting").expect("still there");
    assert_eq!(overridden.title.show(Lang::En), "My own version");
    assert_eq!(catalog.notices.len(), 1);
    assert!(
        catalog.notices[0].contains("overrides the one from <builtin>/itsmc-troubleshooting.yaml")
    );
}

#[test]
fn a_broken_file_is_reported_and_the_rest_of_its_folder_still_loads() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(tmp.path().join("a-good.yaml"), guide("good-one", "Good")).expect("write");
    fs::write(
        tmp.path().join("b-broken.yaml"),
        "id: broken\ntitle: [unclosed\n",
    )
    .expect("write");
    fs::write(
        tmp.path().join("c-good.yaml"),
        guide("good-two", "Good too"),
    )
    .expect("write");
    fs::write(tmp.path().join("notes.txt"), "not a guide").expect("write");
    let catalog = Catalog::load(&[dir(tmp.path())]);
    let ids: Vec<&str> = catalog.guides.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["good-one", "good-two"]);
    assert_eq!(catalog.problems.len(), 1);
    let problem = catalog.problems[0].diagnostic.to_string();
    assert!(
        problem.starts_with(&format!("{}:", tmp.path().join("b-broken.yaml").display())),
        "{problem}"
    );
}

#[test]
fn guides_in_subfolders_load_and_hidden_folders_are_skipped() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(tmp.path().join("team/network")).expect("mkdir");
    fs::create_dir_all(tmp.path().join(".git")).expect("mkdir");
    fs::write(tmp.path().join("team/network/dns.yml"), guide("dns", "DNS")).expect("write");
    fs::write(tmp.path().join(".git/config.yaml"), "not: a guide").expect("write");
    let catalog = Catalog::load(&[dir(tmp.path())]);
    assert_eq!(catalog.guides.len(), 1);
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
}

#[test]
fn the_same_guide_id_twice_in_one_source_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(tmp.path().join("a.yaml"), guide("twin", "First")).expect("write");
    fs::write(tmp.path().join("b.yaml"), guide("twin", "Second")).expect("write");
    let catalog = Catalog::load(&[dir(tmp.path())]);
    assert_eq!(catalog.guides.len(), 1);
    assert_eq!(catalog.guides[0].title.show(Lang::En), "First");
    let b = tmp.path().join("b.yaml");
    let a = tmp.path().join("a.yaml");
    assert_eq!(
        catalog.problems[0].diagnostic.to_string(),
        format!(
            "{}:1:5: error: duplicate guide id `twin` (also in {})",
            b.display(),
            a.display()
        )
    );
}

#[test]
fn files_over_the_size_bound_are_refused_unread() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let big = tmp.path().join("big.yaml");
    // A sparse file: the bound is checked before any byte is read.
    fs::File::create(&big)
        .and_then(|f| f.set_len(MAX_GUIDE_BYTES + 1))
        .expect("create");
    fs::write(tmp.path().join("small.yaml"), guide("small", "Small")).expect("write");
    let catalog = Catalog::load(&[dir(tmp.path())]);
    assert_eq!(catalog.guides.len(), 1);
    let message = catalog.problems[0].diagnostic.to_string();
    assert!(
        message.contains("guides larger than 8 MiB are not read"),
        "{message}"
    );
}

#[test]
fn missing_sources_are_reported_unless_optional() {
    let catalog = Catalog::load(&[
        Source::Path {
            path: "/nonexistent/optional".into(),
            optional: true,
        },
        dir(Path::new("/nonexistent/required")),
    ]);
    assert_eq!(catalog.problems.len(), 1);
    assert!(
        catalog.problems[0]
            .diagnostic
            .to_string()
            .starts_with("/nonexistent/required: error: cannot read")
    );
}

#[test]
fn configured_sources_follow_the_documented_order() {
    let env = std::env::join_paths(["/a", "", "/b"]).expect("joinable");
    let sources = Source::configured(true, Some("/data".into()), Some(&env), &["/flag".into()]);
    let paths: Vec<String> = sources
        .iter()
        .map(|s| match s {
            Source::Builtin => "builtin".to_owned(),
            Source::Path { path, optional } => {
                format!("{}{}", path.display(), if *optional { "?" } else { "" })
            }
        })
        .collect();
    assert_eq!(
        paths,
        ["builtin", "/data/tshoot/guides?", "/a", "/b", "/flag"]
    );
    assert!(!Source::configured(false, None, None, &[]).contains(&Source::Builtin));
}

#[test]
fn escape_sequences_never_survive_loading() {
    let hostile = guide("hostile", "\"Title\\e[31m red\\e]52;c;ZXZpbA==\\u0007 \\e]8;;https://x\\e\\\\link\\e]8;;\\e\\\\ \\u202Eevil\\u009b2J\"")
        .replace("question: Q?", "question: \"Q\\e[2J?\\tTab\"");
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(tmp.path().join("hostile.yaml"), hostile).expect("write");
    let catalog = Catalog::load(&[dir(tmp.path())]);
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    let g = &catalog.guides[0];
    assert_eq!(g.title.show(Lang::En), "Title red link evil");
    assert_eq!(g.nodes[0].question.show(Lang::En), "Q?  Tab");
}

#[test]
fn file_names_are_shown_with_control_characters_escaped() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(
        tmp.path().join("bad\u{7}\u{1b}[31m.yaml"),
        "id: x\ntitle: [\n",
    )
    .expect("write");
    let catalog = Catalog::load(&[dir(tmp.path())]);
    let file = &catalog.problems[0].diagnostic.file;
    assert!(file.ends_with("bad\\x07\\x1b[31m.yaml"), "{file:?}");
}

#[test]
fn references_into_an_overridden_guide_resolve_against_the_guide_that_won() {
    // `target` is overridden by a later source: its error `new` exists only in the
    // winner, `old` only in the guide that lost. A guide of the first source refers to both.
    let first = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    let old_target = guide("target", "Old")
        .replace("error: e\n", "error: old\n")
        .replace("- id: e\n", "- id: old\n");
    fs::write(first.path().join("target.yaml"), old_target).expect("write");
    let referring = guide("referring", "Referring").replace(
        "        error: e\n",
        "        error: e\n      - label: B\n        error: target/e\n      - label: C\n        error: target/old\n",
    );
    fs::write(first.path().join("referring.yaml"), referring).expect("write");
    fs::write(second.path().join("target.yaml"), guide("target", "New")).expect("write");
    let catalog = Catalog::load(&[dir(first.path()), dir(second.path())]);
    let referring = catalog.guide("referring").expect("loaded");
    let labels: Vec<&str> = referring.nodes[0]
        .answers
        .iter()
        .map(|a| a.label.show(Lang::En))
        .collect();
    assert_eq!(
        labels,
        ["A", "B"],
        "the answer into a missing error is dropped"
    );
    let messages: Vec<String> = catalog
        .problems
        .iter()
        .map(|p| p.diagnostic.message.clone())
        .collect();
    assert_eq!(
        messages,
        ["`error` names unknown error `old` of guide `target`"],
        "{messages:?}"
    );
}
