//! `tshoot triage FILE` on a terminal: the real binary in a pseudo-terminal opens the triage
//! screen, shows an error found in a pipe that never ends while it is still being read,
//! stops reading on Esc, opens the error's checklist on Enter, and quits on q.
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn screen(output: &Mutex<Vec<u8>>) -> String {
    let size = |n| std::num::NonZero::new(n).expect("not zero");
    let mut parser = vt100::Parser::new(size(24), size(80), 0);
    parser.process(&output.lock().expect("lock"));
    parser.screen().contents()
}

fn wait_for(output: &Mutex<Vec<u8>>, text: &str) {
    let start = Instant::now();
    while !screen(output).contains(text) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "never showed {text:?}:\n{}",
            screen(output)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

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
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tshoot"));
    cmd.arg("triage");
    cmd.arg(&fifo);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("PATH", "/usr/bin:/bin");
    cmd.env("XDG_DATA_HOME", "/nonexistent/tshoot-pty-test");
    cmd.env("HOME", "/nonexistent/tshoot-pty-test");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    let mut child = pty.slave.spawn_command(cmd).expect("spawns");
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
    let mut keys = pty.master.take_writer().expect("writer");
    let mut press = |bytes: &[u8]| {
        keys.write_all(bytes).expect("writes");
        keys.flush().expect("flushes");
    };

    // The writer keeps the pipe open: reading would never end by itself.
    let mut log = std::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("open fifo");
    log.write_all(b"2024-05-01T10:00:00Z ERROR [auth] User Not Authenticated\n")
        .expect("write");
    log.flush().expect("flush");
    wait_for(&output, "User not authenticated");
    wait_for(&output, "(Esc stops)");
    press(b"\x1b");
    wait_for(&output, "1 lines, 0.0 MB");
    assert!(screen(&output).contains("stopped"), "{}", screen(&output));
    press(b"\r");
    wait_for(&output, "Did this fix it?");
    press(b"q");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "did not exit:\n{}",
            screen(&output)
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    drop(log);
}
