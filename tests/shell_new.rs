//! `tshoot new`: the scaffold is a guide tshoot loads, validates clean (no warning either),
//! matches the JSON Schema its first line names, has a comment on every field, and is
//! never written over an existing file.

mod common;

use std::path::Path;

use common::tshoot;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(data: &Path, args: &[&str]) -> Run {
    let out = tshoot()
        .env("XDG_DATA_HOME", data)
        .args(args)
        .output()
        .expect("runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn new_writes_into_the_user_guides_folder_and_the_guide_validates_clean() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = run(data.path(), &["new", "office-printer"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let path = data.path().join("tshoot/guides/office-printer.yaml");
    assert_eq!(out.stdout.trim_end(), path.display().to_string());
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.starts_with("# yaml-language-server: $schema=.tshoot/guide.schema.json\n"));

    let check = run(data.path(), &["validate", path.to_str().expect("UTF-8")]);
    assert_eq!(check.code, Some(0), "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.is_empty(),
        "no diagnostic at all: {}",
        check.stdout
    );
    assert!(
        check
            .stderr
            .contains("1 guide loaded; 0 errors, 0 warnings")
    );

    // It is loaded from the user folder: one question, two errors.
    let list = run(data.path(), &["list", "office-printer", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&list.stdout).expect("JSON");
    assert_eq!(json["questions"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["questions"][0]["answers"], 2);
    // Its placeholder message is found by search, with a value in its {server} slot.
    let hit = run(
        data.path(),
        &["search", "Could not reach db01.example.com", "--json"],
    );
    assert_eq!(hit.code, Some(0), "{}", hit.stderr);
    assert!(hit.stdout.contains("\"office-printer\""), "{}", hit.stdout);
}

#[test]
fn both_languages_are_written_and_swedish_shows_in_swedish() {
    let data = tempfile::tempdir().expect("temp dir");
    let out = run(data.path(), &["new", "bilingual", "--lang", "en,sv"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let path = data.path().join("tshoot/guides/bilingual.yaml");
    let check = run(data.path(), &["validate", path.to_str().expect("UTF-8")]);
    assert!(
        check.stdout.is_empty() && check.code == Some(0),
        "no missing translation: {}",
        check.stdout
    );
    let sv = run(data.path(), &["list", "bilingual", "--lang", "sv"]);
    assert!(sv.stdout.contains("Var ser du problemet?"), "{}", sv.stdout);
    let en = run(data.path(), &["list", "bilingual", "--lang", "en"]);
    assert!(
        en.stdout.contains("Where do you see the problem?"),
        "{}",
        en.stdout
    );
}

#[test]
fn the_scaffold_matches_the_schema_it_names_and_comments_every_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (id, langs) in [("one-language", "en"), ("two-languages", "en,sv")] {
        let out = run(
            dir.path(),
            &[
                "new",
                id,
                "--lang",
                langs,
                "--out",
                dir.path().to_str().expect("UTF-8"),
            ],
        );
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        let text = std::fs::read_to_string(dir.path().join(format!("{id}.yaml"))).expect("read");
        let schema_copy = dir.path().join(".tshoot/guide.schema.json");
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&schema_copy).expect("schema copy"))
                .expect("JSON");
        let shipped = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/guide.schema.json"),
        )
        .expect("schema");
        assert_eq!(
            schema,
            serde_json::from_str::<serde_json::Value>(&shipped).expect("JSON")
        );
        let guide: serde_json::Value = serde_saphyr::from_str(&text).expect("YAML");
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        let errors: Vec<String> = validator
            .iter_errors(&guide)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{id}: {errors:?}");

        // Every top-level field has a comment just above it.
        let lines: Vec<&str> = text.lines().collect();
        for key in [
            "id",
            "title",
            "summary",
            "tags",
            "sources",
            "escalation",
            "start",
            "nodes",
            "errors",
        ] {
            let at = lines
                .iter()
                .position(|l| l.starts_with(&format!("{key}:")))
                .unwrap_or_else(|| panic!("{id}: no `{key}`"));
            assert!(
                lines[at - 1].starts_with('#'),
                "{id}: `{key}` has no comment"
            );
        }
    }
}

#[test]
fn new_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.yaml");
    std::fs::write(&path, "my own work\n").expect("write");
    let out = run(
        dir.path(),
        &["new", "mine", "--out", path.to_str().expect("UTF-8")],
    );
    assert_eq!(out.code, Some(2));
    assert!(
        out.stderr.starts_with("tshoot: error: ") && out.stderr.contains("never overwrites"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "my own work\n"
    );
    // The same through a folder.
    let again = run(
        dir.path(),
        &["new", "mine", "--out", dir.path().to_str().expect("UTF-8")],
    );
    assert_eq!(again.code, Some(2));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "my own work\n"
    );
}

#[test]
fn a_bad_id_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(
        dir.path(),
        &[
            "new",
            "My Guide",
            "--out",
            dir.path().to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("is not a guide id"), "{}", out.stderr);
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn an_id_already_loaded_gets_a_warning_and_the_new_file_still_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = run(
        dir.path(),
        &[
            "new",
            "itsmc-troubleshooting",
            "--out",
            dir.path().to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(out.code, Some(0));
    assert!(
        out.stderr
            .contains("tshoot: warning: a guide `itsmc-troubleshooting` is already loaded"),
        "{}",
        out.stderr
    );
}
