//! Writes a generated application log for trying `tshoot triage` at scale, with its truth,
//! and the literals for the side-by-side measurement against grep described in the README:
//!
//! ```sh
//! cargo run --release --example triage_log -- 200 /tmp/triage
//! hyperfine 'tshoot triage /tmp/triage/app.log' \
//!     'grep -c -F -f /tmp/triage/literals.txt /tmp/triage/app.log' \
//!     'rg -c -F -f /tmp/triage/literals.txt /tmp/triage/app.log'
//! ```
//!
//! It writes `app.log` (about that many megabytes, one line in 1,000 a known message and as
//! many near-misses), `truth.txt` (each `guide/error` and how often it was written) and
//! `literals.txt` (one fixed literal per message of the built-in guides).

#[path = "../benches/support/triage_log.rs"]
mod triage_log;

use std::io::Write;
use std::path::PathBuf;

use tshoot::guide::Catalog;
use tshoot::guide::catalog::Source;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let megabytes: u64 = args.next().unwrap_or_else(|| "200".into()).parse()?;
    let out = PathBuf::from(args.next().unwrap_or_else(|| "triage".into()));
    let every: usize = args.next().map_or(Ok(1000), |n| n.parse())?;
    std::fs::create_dir_all(&out)?;
    let mut log =
        std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(out.join("app.log"))?);
    let truth = triage_log::generate(megabytes * 1_000_000, every, 42, &mut log)?;
    log.flush()?;
    let mut t = std::fs::File::create(out.join("truth.txt"))?;
    for (error, n) in &truth.counts {
        writeln!(t, "{n} {error}")?;
    }
    writeln!(
        t,
        "{} lines, {} bytes, {} near-misses",
        truth.lines, truth.bytes, truth.near_misses
    )?;
    let catalog = Catalog::load(&Source::configured(true, None, None, &[]));
    let messages: Vec<&str> = catalog
        .guides
        .iter()
        .flat_map(|g| &g.errors)
        .flat_map(|e| &e.messages)
        .flat_map(tshoot::guide::Text::all)
        .collect();
    let mut l = std::fs::File::create(out.join("literals.txt"))?;
    for literal in triage_log::grep_literals(&messages) {
        writeln!(l, "{literal}")?;
    }
    println!(
        "{} lines, {} bytes in {}",
        truth.lines,
        truth.bytes,
        out.join("app.log").display()
    );
    Ok(())
}
