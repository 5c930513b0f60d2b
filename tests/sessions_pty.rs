//! The full-screen session in a real pseudo-terminal survives `kill -9`: it was saved as it
//! went, `tshoot sessions` lists it, and `tshoot resume` reopens it in the TUI where it stood.
#![cfg(unix)]

mod common;
mod walk_support;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use serde_json::Value;

struct Pty {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Arc<Mutex<Vec<u8>>>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    fn start(args: &[&str], state: &Path) -> Pty {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tshoot"));
        cmd.args(args);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATH", "/usr/bin:/bin");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("XDG_DATA_HOME", "/nonexistent/tshoot-pty-test");
        cmd.env("HOME", "/nonexistent/tshoot-pty-test");
        cmd.env("XDG_STATE_HOME", state);
        let child = pty.slave.spawn_command(cmd).expect("spawns");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("lock").extend_from_slice(&chunk[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("writer");
        Pty {
            child,
            writer,
            output,
            _master: pty.master,
        }
    }

    fn screen(&self) -> String {
        let size = |n| std::num::NonZero::new(n).expect("not zero");
        let mut parser = vt100::Parser::new(size(24), size(80), 0);
        parser.process(&self.output.lock().expect("lock"));
        parser.screen().contents()
    }

    /// Waits for `text` on screen (a guard against hanging, not a speed check).
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.screen().contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "never showed {text:?}:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("writes");
        self.writer.flush().expect("flushes");
    }

    fn kill_9(&mut self) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        self.child.wait().expect("reaped");
    }
}

fn sessions(state: &Path) -> Value {
    let out = common::tshoot()
        .args(["sessions", "--json"])
        .env("XDG_STATE_HOME", state)
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The first few words of a text: enough to find it on an 80-column screen.
fn start_of(text: &str) -> String {
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_tui_session_killed_with_sigkill_resumes_in_the_tui_where_it_stood() {
    let state = tempfile::tempdir().expect("temp");
    let guides = walk_support::builtin();
    let guide = &guides[0];
    let error = "itsmc-dashboard-errors/servicenow-rate-problem";
    let path = walk_support::path_to(guide, error);
    let title = walk_support::en(&walk_support::error_entry(&guides, error)["title"]);
    let start = guide["start"].as_str().expect("start");

    let mut tui = Pty::start(&["--guide", "itsmc-dashboard-errors"], state.path());
    tui.wait_for(&start_of(&walk_support::question_text(guide, start)));
    for answer in &path {
        tui.send(answer.to_string().as_bytes());
    }
    tui.wait_for(&start_of(&title));
    // Saved as it went: wait for the save of the last answer, then kill without warning.
    let deadline = Instant::now() + Duration::from_secs(30);
    while sessions(state.path())[0]["answered"] != path.len() {
        assert!(
            Instant::now() < deadline,
            "never saved: {}",
            sessions(state.path())
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    tui.kill_9();

    let rows = sessions(state.path());
    assert_eq!(rows.as_array().expect("rows").len(), 1);
    assert_eq!(rows[0]["status"], "open");
    assert_eq!(rows[0]["title"], title.as_str());

    // A new process reopens it in the TUI at the same outcome.
    let mut again = Pty::start(&["resume"], state.path());
    again.wait_for(&start_of(&title));
    again.wait_for("Did this fix it?");
    again.send(b"y");
    again.wait_for("Fixed");
    let deadline = Instant::now() + Duration::from_secs(30);
    while sessions(state.path())[0]["status"] != "fixed" {
        assert!(Instant::now() < deadline, "never saved as fixed");
        std::thread::sleep(Duration::from_millis(50));
    }
    again.send(b"q");
    let deadline = Instant::now() + Duration::from_secs(30);
    while again.child.try_wait().expect("waits").is_none() {
        assert!(Instant::now() < deadline, "did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
    let rows = sessions(state.path());
    assert_eq!(
        rows.as_array().expect("rows").len(),
        1,
        "the same session: {rows}"
    );
}
