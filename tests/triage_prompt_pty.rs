//! The triage path prompt on a terminal: `~/` is the home folder and Tab completes a name
//! as a shell does (the real binary in a pseudo-terminal, with its own HOME).
#![cfg(unix)]

mod common;

use common::pty::Session;

#[test]
fn tilde_is_home_and_tab_completes_the_name() {
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        home.path().join("app.log"),
        "2024-05-01T10:00:00Z ERROR [auth] User Not Authenticated\n",
    )
    .expect("write");
    std::fs::write(home.path().join("apt.log"), "x\n").expect("write");
    let home_dir = home.path().to_str().expect("UTF-8");
    let mut tui = Session::start_with(&[], &[("HOME", home_dir)]);
    tui.wait_for("triage a log file");
    tui.send(b"t");
    tui.wait_for("Log file to triage");
    // Two names start so: Tab completes what they share and lists them.
    tui.send(b"~/a\t");
    tui.wait_for("app.log  apt.log");
    tui.send(b"p\t");
    tui.wait_for("> ~/app.log");
    tui.send(b"\r");
    tui.wait_for("User not authenticated");
    tui.wait_for("1 line,");
    tui.send(b"q");
    tui.finish();
}
