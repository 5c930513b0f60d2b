//! One fixture per validation rule: each states in its header the exact diagnostics
//! (`# expect: line:col: severity: message`) and whether the JSON Schema accepts its shape
//! (`# schema: valid|invalid`). The guides are checked beside the built-in ones, as
//! `tshoot validate FILE` does, so cross-guide references resolve.

mod common;

use std::path::Path;

use tshoot::guide::catalog::{Catalog, Source};

fn diagnostics_of(path: &Path) -> Vec<String> {
    let catalog = Catalog::load(&[
        Source::Builtin,
        Source::Path {
            path: path.to_owned(),
            optional: false,
        },
    ]);
    catalog
        .problems
        .iter()
        .filter(|p| p.source == 1)
        .map(|p| p.diagnostic.to_string())
        .collect()
}

#[test]
fn every_invalid_fixture_reports_exactly_its_expected_diagnostics() {
    let files = common::yaml_files(&common::fixtures().join("invalid"));
    assert!(
        files.len() >= 25,
        "one fixture per rule, found {}",
        files.len()
    );
    for file in files {
        let bytes = std::fs::read(&file).expect("fixture is readable");
        let expected: Vec<String> = common::header(&bytes, "expect")
            .into_iter()
            .map(|e| format!("{}:{e}", file.display()))
            .collect();
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` line",
            file.display()
        );
        assert_eq!(diagnostics_of(&file), expected, "in {}", file.display());
    }
}

#[test]
fn valid_fixtures_and_shipped_guides_have_no_diagnostics() {
    let mut files = common::yaml_files(&common::fixtures().join("valid"));
    files.extend(common::yaml_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("guides"),
    ));
    assert!(files.len() >= 4);
    for file in files {
        assert_eq!(
            diagnostics_of(&file),
            Vec::<String>::new(),
            "in {}",
            file.display()
        );
    }
}

/// The YAML of a file as JSON, or `None` when it is not loadable YAML at all.
fn as_json(bytes: &[u8]) -> Option<serde_json::Value> {
    let text = std::str::from_utf8(bytes).ok()?;
    serde_saphyr::from_str(text).ok()
}

fn schema() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/guide.schema.json");
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("schema exists"))
            .expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn schema_accepts_every_guide_the_parser_accepts() {
    let schema = schema();
    let mut files = common::yaml_files(&common::fixtures().join("valid"));
    files.extend(common::yaml_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("guides"),
    ));
    for file in files {
        let json = as_json(&std::fs::read(&file).expect("readable")).expect("valid YAML");
        let errors: Vec<String> = schema.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
    }
}

#[test]
fn schema_agrees_with_each_fixture_header() {
    let schema = schema();
    let (mut rejected, mut accepted) = (0, 0);
    for file in common::yaml_files(&common::fixtures().join("invalid")) {
        let bytes = std::fs::read(&file).expect("readable");
        let verdict = common::header(&bytes, "schema");
        let schema_accepts = as_json(&bytes).is_some_and(|json| schema.is_valid(&json));
        match verdict.as_slice() {
            [v] if v == "invalid" => {
                rejected += 1;
                assert!(!schema_accepts, "the schema accepts {}", file.display());
            }
            [v] if v == "valid" => {
                accepted += 1;
                assert!(schema_accepts, "the schema rejects {}", file.display());
            }
            other => panic!(
                "{}: `# schema:` must be valid or invalid, not {other:?}",
                file.display()
            ),
        }
    }
    // The shape rules (syntax, unknown/missing fields, types, languages) are all schema-invalid.
    assert!(
        rejected >= 10 && accepted >= 5,
        "rejected {rejected}, accepted {accepted}"
    );
}

#[test]
fn the_example_in_the_authors_guide_is_a_clean_guide() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("guides/README.md"))
            .expect("guides/README.md exists");
    let section = readme
        .find("## A complete small example")
        .expect("the example section");
    let start =
        section + readme[section..].find("```yaml\n").expect("a yaml block") + "```yaml\n".len();
    let example = &readme[start..start + readme[start..].find("```").expect("closed block")];
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("printer.yaml");
    std::fs::write(&file, example).expect("write");
    assert_eq!(diagnostics_of(&file), Vec::<String>::new());
    let catalog = Catalog::load(&[Source::Path {
        path: file,
        optional: false,
    }]);
    assert_eq!(catalog.guides[0].errors.len(), 2);
}
