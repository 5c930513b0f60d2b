//! Writes the synthetic benchmark guides to a folder, for trying tshoot at scale and for
//! the side-by-side measurement against `fzf --filter` described in the README:
//!
//! ```sh
//! cargo run --release --example synth -- 50000 /tmp/synth
//! ```
//!
//! It writes `guides/synth-N.yaml` (100 errors each, or as many as a third argument says) and
//! `errors.txt`, every error as one line (guide/id, title, messages, symptoms, causes), as fzf
//! would be given them.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::io::Write;
use std::path::PathBuf;

use tshoot::guide::load;
use tshoot::lang::Lang;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let errors: usize = args.next().unwrap_or_else(|| "50000".into()).parse()?;
    let out = PathBuf::from(args.next().unwrap_or_else(|| "synth".into()));
    let per_guide: usize = args.next().map_or(Ok(100), |n| n.parse())?;
    let guides = out.join("guides");
    std::fs::create_dir_all(&guides)?;
    let mut lines = std::io::BufWriter::new(std::fs::File::create(out.join("errors.txt"))?);
    let yamls: Vec<String> = (0..errors.div_ceil(per_guide))
        .map(|n| synth::guide_yaml(n, (errors - n * per_guide).min(per_guide)))
        .collect();
    for (n, yaml) in yamls.iter().enumerate() {
        std::fs::write(guides.join(format!("synth-{n}.yaml")), yaml)?;
        let guide = load::check("synth", yaml.as_bytes(), 0)
            .guide
            .ok_or_else(|| anyhow::anyhow!("synthetic guide {n} does not validate"))?;
        for e in &guide.errors {
            let texts = e.messages.iter().chain(&e.symptoms).chain(&e.causes);
            let joined: Vec<&str> = texts.map(|t| t.show(Lang::En)).collect();
            writeln!(
                lines,
                "{}/{}\t{}\t{}",
                guide.id,
                e.id,
                e.title.show(Lang::En),
                joined.join(" | ")
            )?;
        }
    }
    println!("{errors} errors in {}", out.display());
    Ok(())
}
