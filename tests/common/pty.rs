//! The real binary in a real pseudo-terminal at 80×24: keys in, the screen as a vt100
//! parser sees it, signals, and an exit that must leave the terminal cooked again.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub struct Session {
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    pub output: Arc<Mutex<Vec<u8>>>,
    pub master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        Session::start_with_program(env!("CARGO_BIN_EXE_tshoot"), args, env)
    }

    pub fn start_with_program(program: &str, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATH", "/usr/bin:/bin");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("XDG_DATA_HOME", "/nonexistent/tshoot-pty-test");
        cmd.env("HOME", "/nonexistent/tshoot-pty-test");
        // An empty value removes the variable.
        for (k, v) in env {
            if v.is_empty() {
                cmd.env_remove(k);
            } else {
                cmd.env(k, v);
            }
        }
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
        Session {
            child,
            writer,
            output,
            master: pty.master,
        }
    }

    pub fn screen(&self) -> String {
        let size = |n| std::num::NonZero::new(n).expect("not zero");
        let mut parser = vt100::Parser::new(size(24), size(80), 0);
        parser.process(&self.output.lock().expect("lock"));
        parser.screen().contents()
    }

    pub fn wait_for(&self, text: &str) {
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

    /// Sends a signal (`-TERM`, `-HUP`) to the process.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .args([name, &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("writes");
        self.writer.flush().expect("flushes");
    }

    /// Waits for the process to end successfully and returns everything it wrote.
    pub fn finish(self) -> Vec<u8> {
        let (code, out) = self.finish_with_code();
        assert_eq!(code, 0, "failed");
        out
    }

    /// Waits for the process to end and returns whether it succeeded, and its output.
    pub fn finish_any(self) -> (bool, Vec<u8>) {
        let (code, out) = self.finish_with_code();
        (code == 0, out)
    }

    /// Waits for the process to end and returns its exit status and its output.
    pub fn finish_with_code(mut self) -> (u32, Vec<u8>) {
        let start = Instant::now();
        let success;
        loop {
            if let Some(status) = self.child.try_wait().expect("waits") {
                success = status.exit_code();
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        std::thread::sleep(Duration::from_millis(200));
        // Raw mode is off again: the terminal echoes and reads lines.
        let termios = self.master.get_termios().expect("the pty's settings");
        let cooked = LocalFlags::ICANON | LocalFlags::ECHO;
        assert!(
            termios.local_flags.contains(cooked),
            "raw mode left on: {:?}",
            termios.local_flags
        );
        (success, self.output.lock().expect("lock").clone())
    }

    /// Kills the process with SIGKILL (nothing of its own runs) and reaps it.
    pub fn kill_9(&mut self) {
        self.signal("-KILL");
        self.child.wait().expect("reaped");
    }
}
