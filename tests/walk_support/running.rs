//! A `tshoot` process in plain mode (`TERM=dumb`, its own state folder) whose stdout is
//! collected in the background, for tests that drive it line by line or run two at once.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `tshoot` in plain mode whose stdout is collected in the background.
pub struct Running {
    pub child: Child,
    out: Arc<Mutex<String>>,
}

impl Running {
    pub fn start(state: &Path, args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tshoot"))
            .args(args)
            .env_clear()
            .env("XDG_STATE_HOME", state)
            .env("XDG_DATA_HOME", "/nonexistent/tshoot-test-data")
            .env("HOME", "/nonexistent/tshoot-test-home")
            .env("TERM", "dumb")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts");
        let out = Arc::new(Mutex::new(String::new()));
        let mut stdout = child.stdout.take().expect("stdout");
        let sink = Arc::clone(&out);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("lock")
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Running { child, out }
    }

    /// Waits until the output holds `text` `times` times (a guard against hanging, not a
    /// speed check).
    pub fn wait_for(&self, text: &str, times: usize) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let out = self.out.lock().expect("lock").clone();
            if out.matches(text).count() >= times {
                return;
            }
            assert!(Instant::now() < deadline, "no {text:?} in:\n{out}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        stdin
            .write_all(format!("{line}\n").as_bytes())
            .expect("write");
        stdin.flush().expect("flush");
    }

    /// Writes all of `input` and closes stdin.
    pub fn feed(&mut self, input: &str) {
        let mut stdin = self.child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("write");
    }

    pub fn finish(mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        while self.child.try_wait().expect("wait").is_none() {
            assert!(Instant::now() < deadline, "did not end");
            std::thread::sleep(Duration::from_millis(20));
        }
        // The reader thread may still hold the last bytes.
        std::thread::sleep(Duration::from_millis(50));
        self.out.lock().expect("lock").clone()
    }
}
