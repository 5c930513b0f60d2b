//! `tshoot triage FILE` on a terminal: the real binary in a pseudo-terminal opens the triage
//! screen, shows an error found in a pipe that never ends while it is still being read,
//! stops reading on Esc, opens the error's checklist on Enter, and quits on q.
#![cfg(unix)]

mod common;

use std::io::Write;

use common::pty::Session;

#[test]
fn triage_screen_reads_a_pipe_stops_on_esc_and_opens_the_checklist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("live.log");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let fifo_path = fifo.to_str().expect("UTF-8 path");
    let mut tui = Session::start(&["triage", fifo_path]);

    // The writer keeps the pipe open: reading would never end by itself.
    let mut log = std::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("open fifo");
    log.write_all(b"2024-05-01T10:00:00Z ERROR [auth] User Not Authenticated\n")
        .expect("write");
    log.flush().expect("flush");
    tui.wait_for("User not authenticated");
    tui.wait_for("(Esc stops)");
    tui.send(b"\x1b");
    tui.wait_for("1 line, 0.0 MB");
    assert!(tui.screen().contains("stopped"), "{}", tui.screen());
    tui.send(b"\r");
    tui.wait_for("Did this fix it?");
    tui.send(b"q");
    tui.finish();
    drop(log);
}
