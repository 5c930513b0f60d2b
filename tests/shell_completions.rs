//! Shell integration as a user installs it: the completion scripts load in their shells
//! and complete guide and error ids from the catalog loaded at Tab time; the man page
//! renders without a roff warning. Shells and groff that are not installed are skipped
//! with a printed note.

mod common;

use std::path::Path;
use std::process::Command;

use common::{fixtures, tshoot};

fn installed(program: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("note: `{program}` is not installed; its check is skipped");
    }
    found
}

fn script(shell: &str) -> String {
    let out = tshoot()
        .args(["completions", shell])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{shell}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn write_script(dir: &Path, shell: &str) -> std::path::PathBuf {
    let path = dir.join(format!("tshoot.{shell}"));
    std::fs::write(&path, script(shell)).expect("write script");
    path
}

/// Runs a bash snippet after sourcing the completion script, with the test environment
/// (so the completer sees the same guides as `tshoot` would).
fn bash(script: &Path, snippet: &str, guides: Option<&Path>) -> String {
    let mut cmd = Command::new("bash");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("XDG_DATA_HOME", "/nonexistent/tshoot-test-data")
        .env("XDG_CONFIG_HOME", "/nonexistent/tshoot-test-config")
        .env("HOME", "/nonexistent/tshoot-test-home")
        .arg("--norc")
        .arg("-c")
        .arg(format!("source {}\n{snippet}", script.display()));
    if let Some(dir) = guides {
        cmd.env("TSHOOT_GUIDES", dir);
    }
    let out = cmd.output().expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// What pressing Tab after `line` offers, as the bash function computes it.
fn complete(script: &Path, words: &[&str], guides: Option<&Path>) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let snippet = format!(
        "COMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_TYPE=9\n_clap_complete_tshoot tshoot {} {}\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quoted.join(" "),
        words.len() - 1,
        quoted[words.len() - 1],
        quoted[words.len().saturating_sub(2)],
    );
    bash(script, &snippet, guides)
        .lines()
        .map(|l| l.trim_end().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_bash_script_is_valid_registers_and_completes_ids_from_the_catalog() {
    if !installed("bash") {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = write_script(tmp.path(), "bash");
    let check = Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .expect("bash -n");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let registered = bash(&path, "complete -p tshoot", None);
    assert!(
        registered.contains("-F _clap_complete_tshoot tshoot"),
        "{registered}"
    );

    assert_eq!(complete(&path, &["tshoot", "gr"], None), ["graph"]);
    assert_eq!(
        complete(&path, &["tshoot", "show", "missing-c"], None),
        ["missing-connector"]
    );
    assert_eq!(
        complete(&path, &["tshoot", "graph", "itsmc-t"], None),
        ["itsmc-troubleshooting"]
    );
    let both = complete(&path, &["tshoot", "list", "itsmc"], None);
    assert_eq!(both, ["itsmc-dashboard-errors", "itsmc-troubleshooting"]);
    assert_eq!(
        complete(&path, &["tshoot", "--guide", "itsmc-d"], None),
        ["itsmc-dashboard-errors"]
    );
    // Guides added after the script was written complete too: ids come from the catalog
    // loaded at Tab time.
    let extra = fixtures().join("graph");
    assert_eq!(
        complete(&path, &["tshoot", "graph", "hostile"], Some(&extra)),
        ["hostile-labels"]
    );
    assert_eq!(
        complete(
            &path,
            &["tshoot", "show", "shared-question/app"],
            Some(&extra)
        ),
        ["shared-question/application"]
    );
    assert!(complete(&path, &["tshoot", "graph", "hostile"], None).is_empty());
    assert_eq!(
        complete(&path, &["tshoot", "completions", "fi"], None),
        ["fish"]
    );
}

#[test]
fn zsh_and_fish_scripts_parse() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for (shell, check) in [("zsh", &["-n"][..]), ("fish", &["--no-execute"][..])] {
        if !installed(shell) {
            continue;
        }
        let path = write_script(tmp.path(), shell);
        let out = Command::new(shell)
            .args(check)
            .arg(&path)
            .output()
            .expect("shell runs");
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn every_shell_gets_a_script_that_calls_tshoot_back() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let text = script(shell);
        assert!(text.contains("_TSHOOT_COMPLETE"), "{shell}: {text}");
        assert!(text.contains("tshoot"), "{shell}");
    }
    let out = tshoot()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_renders_without_warnings_and_documents_every_command() {
    let out = tshoot().arg("man").output().expect("runs");
    assert!(out.status.success());
    let tmp = tempfile::tempdir().expect("temp dir");
    let page = tmp.path().join("tshoot.1");
    std::fs::write(&page, &out.stdout).expect("write page");
    let roff = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(roff.starts_with(".ie \\n(.g .ds Aq") && roff.contains(".TH tshoot 1"));

    if installed("groff") {
        let check = Command::new("groff")
            .args(["-k", "-man", "-ww", "-z"])
            .arg(&page)
            .output()
            .expect("groff runs");
        let warnings = String::from_utf8_lossy(&check.stderr);
        assert!(check.status.success() && warnings.is_empty(), "{warnings}");
    }
    if !installed("man") {
        return;
    }
    let shown = Command::new("man")
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .arg("-l")
        .arg(&page)
        .output()
        .expect("man runs");
    let text = String::from_utf8_lossy(&shown.stdout);
    for heading in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "EXIT STATUS",
        "ENVIRONMENT",
        "FILES",
    ] {
        assert!(
            text.lines().any(|l| l == heading),
            "{heading} missing:\n{text}"
        );
    }
    for command in [
        "list",
        "show",
        "search",
        "graph",
        "validate",
        "completions",
        "man",
    ] {
        assert!(
            text.contains(&format!("   tshoot {command}\n")),
            "`tshoot {command}` missing"
        );
    }
    assert!(text.contains("--format <FORMAT>"));
}
