//! The time from starting `tshoot` in a pseudo-terminal (80×24) to its first frame and to
//! its home list: `cargo bench --bench load -- first-frame DIR [RUNS]` runs the binary built
//! beside the bench over the guides in DIR (`-- corpus DIR 50000` writes the 50k corpus)
//! and prints the median, fastest and slowest of each. A frame is there once the alternate
//! screen is entered and the header (`tshoot ›`) drawn after it; the home list once a guide
//! row (`… errors`) is drawn. The cache is the environment's (`XDG_CACHE_HOME`): a first
//! run fills it; `TSHOOT_ARGS=--no-cache` adds arguments, here for cold starts.

use std::io::Read as _;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// One start: the time to the first frame and to the home list.
fn once(program: &Path, args: &[String]) -> (Duration, Duration) {
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
    cmd.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("spawns");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 16384];
        while let Ok(n) = reader.read(&mut chunk) {
            if n == 0 || tx.send((Instant::now(), chunk[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    let (mut seen, mut first) = (Vec::new(), None);
    let home = loop {
        let (at, bytes) = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("tshoot drew its home list within 120 s");
        seen.extend_from_slice(&bytes);
        let drawn = |marker: &[u8]| {
            seen.windows(8)
                .position(|w| w == b"\x1b[?1049h")
                .is_some_and(|alt| seen[alt..].windows(marker.len()).any(|w| w == marker))
        };
        if first.is_none() && drawn("tshoot ›".as_bytes()) {
            first = Some(at - start);
        }
        if first.is_some() && drawn(b" errors") {
            break at - start;
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    (first.unwrap_or(home), home)
}

fn summary(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: median {:.1} ms, fastest {:.1} ms, slowest {:.1} ms ({} runs)",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len()
    );
}

/// Starts tshoot `runs` times over the guides in `dir` and prints the timings.
pub fn measure(dir: &Path, runs: usize) {
    let program = Path::new(env!("CARGO_BIN_EXE_tshoot"));
    let mut args: Vec<String> = vec!["--no-builtin".into(), "--guides".into()];
    args.push(dir.to_string_lossy().into_owned());
    args.extend(
        std::env::var("TSHOOT_ARGS")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned),
    );
    let (firsts, homes): (Vec<_>, Vec<_>) = (0..runs.max(1)).map(|_| once(program, &args)).unzip();
    summary("first frame", firsts);
    summary("home list", homes);
}
