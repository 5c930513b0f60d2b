//! `tshoot search` as a user runs it: standard input with `-`, usage errors for an empty
//! query and `--limit 0` (exit 2 with a message, not a silent "nothing found"), a huge
//! paste answered with a warning.

mod common;

use common::tshoot;
use predicates::prelude::*;

#[test]
fn a_dash_reads_the_text_from_standard_input() {
    let log = "2024-11-03T08:15:22Z INFO worker heartbeat ok\n\
               2024-11-03T08:15:23Z ERROR Could not create/update work item for alert CPU-High. \
               ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.\n";
    tshoot()
        .args(["search", "-", "--json"])
        .write_stdin(log)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\": \"missing-connector\""))
        .stdout(predicate::str::contains("CPU-High"));
}

#[test]
fn unrelated_standard_input_finds_nothing() {
    tshoot()
        .args(["search", "-"])
        .write_stdin("kernel panic - not syncing: VFS: Unable to mount root fs\n")
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn an_empty_query_is_a_usage_error() {
    for args in [&["search", ""][..], &["search", "   "], &["search", "-"]] {
        tshoot()
            .args(args)
            .write_stdin("  \n")
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "tshoot: error: the search text is empty",
            ));
    }
}

#[test]
fn limit_zero_is_a_usage_error() {
    tshoot()
        .args(["search", "token expired", "--limit", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--limit 0"));
}

#[test]
fn a_paste_over_the_bound_is_searched_by_its_informative_part_with_a_warning() {
    let noise =
        "2024-11-03T08:15:22Z INFO worker-3 heartbeat ok queue=17 latency_ms=12\n".repeat(2000);
    let text = format!(
        "{noise}2024-11-03T08:15:23Z ERROR AccessToken and RefreshToken invalid. User needs to authenticate again.\n{noise}"
    );
    assert!(text.len() > 200_000);
    tshoot()
        .args(["search", "-", "--json"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"id\": \"invalid-refresh-token\"",
        ))
        .stderr(predicate::str::contains(
            "searched only its most informative part",
        ));
}
