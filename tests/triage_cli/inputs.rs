//! What triage reads: unreadable, gzip, binary and invalid UTF-8 files, a line longer
//! than a block, an endless pipe, a log that turns binary, continued lines.

use super::*;

#[test]
fn an_unreadable_file_is_named_and_the_others_are_still_read() {
    let out = tshoot()
        .args(["triage", "--json", "/nonexistent/app.log"])
        .arg(log("other.log"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("tshoot: error: cannot read /nonexistent/app.log: "),
        "{err}"
    );
    assert_eq!(json_counts(&out.stdout), expected("other.log"));
}

#[test]
fn gzip_files_are_read_decompressed_and_a_truncated_one_still_counts_its_part() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read(log("mixed.log")).expect("fixture");
    let gz = gzip(&text);
    let whole = dir.path().join("app.log.gz");
    std::fs::write(&whole, &gz).expect("write");
    let out = tshoot()
        .args(["triage", "--json"])
        .arg(&whole)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_counts(&out.stdout), expected("mixed.log"));

    // Cut the stream: the part before the cut is still triaged, and the cut is an error.
    let mut long = Vec::new();
    for _ in 0..2000 {
        long.extend_from_slice(&text);
    }
    let gz = gzip(&long);
    let cut = dir.path().join("cut.log.gz");
    std::fs::write(&cut, &gz[..gz.len() * 2 / 3]).expect("write");
    let out = tshoot()
        .args(["triage", "--json"])
        .arg(&cut)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cut.log.gz: truncated or corrupt gzip data"),
        "{err}"
    );
    assert!(err.contains("lines before it were read"), "{err}");
    let counts = json_counts(&out.stdout);
    let n = counts["itsmc-dashboard-errors/missing-connector"];
    assert!(n > 1000 && n < 6000, "{n}");
}

#[test]
fn a_binary_file_is_skipped_unless_read_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = b"\x00\x01\x02 core dump\n".to_vec();
    bytes.extend_from_slice(&std::fs::read(log("other.log")).expect("fixture"));
    let bin = dir.path().join("dump.bin");
    std::fs::write(&bin, &bytes).expect("write");
    let out = tshoot().arg("triage").arg(&bin).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("dump.bin: binary file (it holds NUL bytes), skipped; --text reads it anyway"),
        "{err}"
    );
    let out = tshoot()
        .args(["triage", "--text", "--json"])
        .arg(&bin)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(list[0]["first"]["line"], 3);
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let mut bytes = b"\xff\xfe garbage \xc3\n2024 \xe9t\xe9 ERROR ".to_vec();
    bytes.extend_from_slice(
        b"AccessToken and RefreshToken invalid. User needs to authenticate again. \xff\n",
    );
    let out = tshoot()
        .args(["triage", "--annotate"])
        .write_stdin(bytes)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("-:2: itsmc-dashboard-errors/invalid-refresh-token: 2024 \u{fffd}t\u{fffd} ERROR AccessToken"), "{text}");
}

#[test]
fn a_line_longer_than_a_block_is_still_checked() {
    // 5 MB on one line, a known message in the middle of it and another at its end.
    let mut line = vec![b'x'; 2_500_000];
    line.extend_from_slice(b" User Not Authenticated ");
    line.extend(std::iter::repeat_n(b'y', 2_500_000));
    line.extend_from_slice(b" ServiceDeskHttpBadRequestException: StatusCode=429\nnext line\n");
    let out = tshoot()
        .args(["triage", "--json"])
        .write_stdin(line)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json_counts(&out.stdout).len(), 2, "{list}");
    assert!(
        list.as_array()
            .expect("list")
            .iter()
            .all(|o| o["first"]["line"] == 1 && o["count"] == 1)
    );
}

#[test]
fn an_endless_pipe_shows_what_was_found_on_ctrl_c() {
    let bin = assert_cmd::cargo::cargo_bin("tshoot");
    let mut child = std::process::Command::new(bin)
        .args(["triage", "--no-builtin", "--guides"])
        .arg(fixtures().join("../../guides"))
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(b"2024-05-02T08:00:00Z ERROR User Not Authenticated\n")
        .expect("write");
    stdin.flush().expect("flush");
    // Time to start, read the line, find the silence and scan it, on a busy machine.
    std::thread::sleep(std::time::Duration::from_secs(3));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let out = child.wait_with_output().expect("ends");
    drop(stdin);
    assert_eq!(out.status.code(), Some(130));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("1  itsmc-dashboard-errors/authentication"),
        "{text}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("tshoot: warning: -: interrupted after 1 lines"),
        "{err}"
    );
}

#[test]
fn a_log_that_turns_binary_later_is_read_up_to_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let message = "2024-05-02T08:00:00Z ERROR [snow.auth] User Not Authenticated\n";
    // Past the 8 KiB sniffed at the start: in the first 2 MiB block, and in a later one.
    for size in [100_000, 3_000_000] {
        let mut bytes = Vec::new();
        let mut lines = 0u64;
        while bytes.len() < size {
            bytes.extend_from_slice(b"2024-05-02T07:59:59Z INFO [app] heartbeat ok\n");
            lines += 1;
        }
        bytes.extend_from_slice(message.as_bytes());
        // A core dump appended: its first line starts with text, then NUL bytes, then a
        // line that looks like the message again.
        let dump_line = bytes.len() as u64;
        bytes.extend_from_slice(b"core ELF");
        let nul = bytes.len();
        bytes.extend_from_slice(b"\x00\x01\x02\x00\x00\n");
        bytes.extend_from_slice(message.as_bytes());
        let path = dir.path().join("app.log");
        std::fs::write(&path, &bytes).expect("write");

        let out = tshoot().arg("triage").arg(&path).output().expect("runs");
        assert_eq!(out.status.code(), Some(0), "a warning, not a failure");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "app.log: binary data (a NUL byte) at byte {nul}; the {} lines before it were read, the rest skipped; --text reads it anyway",
                lines + 1
            )),
            "{size}: {err}"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with("1  itsmc-dashboard-errors/authentication"),
            "{stdout}"
        );
        assert!(
            stdout.contains(&format!("app.log: {} lines, ", lines + 1))
                && stdout.contains("(binary from there on, skipped)"),
            "{stdout}"
        );
        assert!(dump_line > 8192);

        // Read as text, the message after the dump counts too.
        let out = tshoot()
            .args(["triage", "--text", "--json"])
            .arg(&path)
            .output()
            .expect("runs");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(list[0]["count"], 2);
        assert_eq!(list[0]["last"]["line"], lines + 3);
    }
}

#[test]
fn a_message_continued_on_prefixed_lines_counts_once_at_its_first_line() {
    let out = tshoot()
        .args(["triage", "--annotate"])
        .arg(log("prefixed.log"))
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let places: Vec<&str> = stdout
        .lines()
        .map(|l| {
            let rest = l.split_once("prefixed.log:").expect("a path").1;
            let (line, rest) = rest.split_once(": ").expect("a line number");
            let id = rest.split_once(": ").expect("an id").0;
            &l[l.len() - rest.len() - line.len() - 2..][..line.len() + 2 + id.len()]
        })
        .collect();
    assert_eq!(
        places,
        [
            "8: itsmc-dashboard-errors/servicenow-rate-problem",
            "11: itsmc-dashboard-errors/missing-connector",
            "13: itsmc-dashboard-errors/servicenow-rate-problem",
            "14: itsmc-dashboard-errors/unexpected-response",
            "17: itsmc-dashboard-errors/missing-connector",
            "21: itsmc-dashboard-errors/missing-connector",
        ],
        "{stdout}"
    );
    // The repeated prefix is not part of the line shown.
    assert!(
        stdout.contains("ServiceDeskHttpBadRequestException:     StatusCode = 429"),
        "{stdout}"
    );
}
