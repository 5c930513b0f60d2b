//! The config file and its place in the precedence: flag > `TSHOOT_*` > config file >
//! locale / colour environment > default, shown by `tshoot config` and felt by commands.

mod common;

use common::{fixtures, tshoot};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// tshoot with `config` as its config file's text (none when `None`).
fn run(config: Option<&str>, env: &[(&str, &str)], args: &[&str]) -> Run {
    let home = tempfile::tempdir().expect("temp dir");
    if let Some(text) = config {
        let dir = home.path().join("tshoot");
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("config.toml"), text).expect("write config");
    }
    let mut cmd = tshoot();
    cmd.env("XDG_CONFIG_HOME", home.path()).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The `key = "value"  # source` line of `tshoot config`.
fn setting(out: &Run, key: &str) -> String {
    out.stdout
        .lines()
        .find(|l| l.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("no {key}: {}", out.stdout))
        .to_owned()
}

/// (config file, environment, flags, the line `tshoot config` shows)
type Case<'a> = (
    Option<&'a str>,
    &'a [(&'a str, &'a str)],
    &'a [&'a str],
    &'a str,
);

#[test]
fn language_precedence() {
    let sv = Some("language = \"sv\"\n");
    let table: &[Case] = &[
        (None, &[], &[], "language = \"en\"  # default"),
        (
            None,
            &[("LANG", "sv_SE.UTF-8")],
            &[],
            "language = \"sv\"  # LANG",
        ),
        (sv, &[], &[], "language = \"sv\"  # config file"),
        (
            sv,
            &[("LANG", "en_US.UTF-8"), ("LC_ALL", "en_GB")],
            &[],
            "language = \"sv\"  # config file",
        ),
        (
            sv,
            &[("TSHOOT_LANG", "en")],
            &[],
            "language = \"en\"  # TSHOOT_LANG",
        ),
        (
            sv,
            &[("TSHOOT_LANG", "")],
            &[],
            "language = \"sv\"  # config file",
        ),
        (
            sv,
            &[("TSHOOT_LANG", "sv")],
            &["--lang", "en"],
            "language = \"en\"  # --lang",
        ),
    ];
    for (config, env, flags, expected) in table {
        let mut args = flags.to_vec();
        args.push("config");
        let out = run(*config, env, &args);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert_eq!(
            setting(&out, "language"),
            *expected,
            "{config:?} {env:?} {flags:?}"
        );
    }
    // And a command follows it.
    let list = run(sv, &[("LANG", "en_US.UTF-8")], &["list"]);
    assert!(list.stdout.starts_with("Guider"), "{}", list.stdout);
}

#[test]
fn color_precedence_is_felt_on_a_pipe() {
    let escapes = |config: Option<&str>, env: &[(&str, &str)], flags: &[&str]| {
        let mut args = flags.to_vec();
        args.push("list");
        run(config, env, &args).stdout.contains('\u{1b}')
    };
    let always = Some("color = \"always\"\n");
    let never = Some("color = \"never\"\n");
    assert!(!escapes(None, &[], &[]));
    assert!(
        escapes(always, &[], &[]),
        "the config file forces colour on a pipe"
    );
    assert!(
        !escapes(always, &[("NO_COLOR", "1")], &[]),
        "NO_COLOR beats the file"
    );
    assert!(
        escapes(never, &[("CLICOLOR_FORCE", "1")], &[]),
        "CLICOLOR_FORCE beats the file"
    );
    assert!(
        !escapes(always, &[], &["--color", "never"]),
        "the flag beats the file"
    );
    assert!(escapes(never, &[], &["--color", "always"]));
    let shown = run(always, &[("NO_COLOR", "1")], &["config"]);
    assert_eq!(setting(&shown, "color"), "color = \"auto\"  # NO_COLOR");
}

#[test]
fn config_guide_folders_load_between_the_user_folder_and_tshoot_guides() {
    let graph = fixtures().join("graph");
    let config = format!("guides = [\"{}\"]\n", graph.display());
    let list = run(Some(&config), &[], &["list"]);
    assert!(list.stdout.contains("hostile-labels"), "{}", list.stdout);

    // A guide of the same id in TSHOOT_GUIDES wins over the config file's.
    let later = tempfile::tempdir().expect("temp dir");
    let minimal = std::fs::read_to_string(fixtures().join("valid/minimal.yaml")).expect("fixture");
    std::fs::write(
        later.path().join("g.yaml"),
        minimal.replace("id: minimal", "id: shared-question"),
    )
    .expect("write");
    let out = run(
        Some(&config),
        &[("TSHOOT_GUIDES", later.path().to_str().expect("UTF-8"))],
        &["list", "shared-question", "--json"],
    );
    assert!(
        out.stderr.contains("overrides the one from")
            && out.stderr.contains("shared-question.yaml"),
        "{}",
        out.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(json["title"], "Minimal guide");

    let shown = run(Some(&config), &[], &["config"]);
    assert!(
        shown
            .stdout
            .contains(&format!("#   {}  # config file", graph.display())),
        "{}",
        shown.stdout
    );
}

#[test]
fn a_mistake_in_the_file_is_an_error_with_its_place_and_config_still_answers() {
    let bad = "language = \"sv\"\ncolour = \"never\"\n";
    let out = run(Some(bad), &[], &["list"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.starts_with("tshoot: error: ")
            && out
                .stderr
                .contains("tshoot/config.toml:2:1: unknown field `colour`"),
        "{}",
        out.stderr
    );
    let path = run(Some(bad), &[], &["config", "--path"]);
    assert_eq!(path.code, Some(0));
    assert!(path.stdout.trim_end().ends_with("tshoot/config.toml"));
    let shown = run(Some(bad), &[], &["config"]);
    assert_eq!(shown.code, Some(2));
    assert!(shown.stdout.contains("has an error") && shown.stderr.contains(":2:1:"));

    let bad_value = run(Some("\nlanguage = \"de\"\n"), &[], &["list"]);
    assert!(
        bad_value
            .stderr
            .contains("config.toml:2:12: unknown variant `de`"),
        "{}",
        bad_value.stderr
    );
}

#[test]
fn the_default_file_is_valid_and_documents_every_key() {
    let default = run(None, &[], &["config", "--default"]);
    assert_eq!(default.code, Some(0));
    for key in ["language", "guides", "color", "theme"] {
        assert!(default.stdout.contains(&format!("# {key} = ")), "{key}");
    }
    // As written, it changes nothing and breaks nothing.
    let out = run(Some(&default.stdout), &[], &["config"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(setting(&out, "language"), "language = \"en\"  # default");
    // Uncommented, every key is accepted.
    let uncommented: String = default
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("# ").filter(|l| l.contains(" = ")))
        .flat_map(|l| [l, "\n"])
        .collect();
    let out = run(Some(&uncommented), &[], &["config"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert_eq!(setting(&out, "theme"), "theme = \"default\"  # config file");
}
