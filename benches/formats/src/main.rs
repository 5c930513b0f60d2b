//! Which binary format for the guide cache? postcard, bincode 2 (both through serde, on the
//! real types) and rkyv 0.8 (zero-copy, on a mirror of the guide types, since its derives
//! would have to be on every guide type) on the 50k-error corpus: bytes, write time, read
//! time (for rkyv: validated access, then a full copy into owned types, which the catalog
//! needs). `cargo run --release` in this folder; the median of 7 runs is printed.

use std::time::{Duration, Instant};

use tshoot::guide::load::{self, Checked};
use tshoot::guide::{ErrorEntry, Guide, Next, Related, Text};

#[path = "../../support/synth.rs"]
mod synth;

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
enum MText {
    Plain(String),
    Localized(Vec<(String, String)>),
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct MGuide {
    id: String,
    title: MText,
    summary: Option<MText>,
    tags: Vec<String>,
    escalation: Option<MText>,
    start: u64,
    nodes: Vec<MNode>,
    errors: Vec<MError>,
    languages: Vec<String>,
    file: String,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct MNode {
    id: String,
    question: MText,
    help: Option<MText>,
    answers: Vec<(MText, u8, u64)>,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct MError {
    id: String,
    title: MText,
    messages: Vec<MText>,
    symptoms: Vec<MText>,
    causes: Vec<MText>,
    checklist: Vec<(MText, Option<MText>, Option<String>)>,
    links: Vec<(MText, String)>,
    related: Vec<u64>,
}

fn text(t: &Text) -> MText {
    match t {
        Text::Plain(s) => MText::Plain(s.clone()),
        Text::Localized(p) => MText::Localized(p.clone()),
    }
}

fn error(e: &ErrorEntry) -> MError {
    let texts = |v: &[Text]| v.iter().map(text).collect();
    MError {
        id: e.id.clone(),
        title: text(&e.title),
        messages: texts(&e.messages),
        symptoms: texts(&e.symptoms),
        causes: texts(&e.causes),
        checklist: e
            .checklist
            .iter()
            .map(|s| (text(&s.text), s.details.as_ref().map(text), s.link.clone()))
            .collect(),
        links: e.links.iter().map(|l| (text(&l.title), l.url.clone())).collect(),
        related: e
            .related
            .iter()
            .filter_map(|r| match r {
                Related::Local(i) => Some(*i as u64),
                Related::Other { .. } => None,
            })
            .collect(),
    }
}

fn mirror(g: &Guide) -> MGuide {
    MGuide {
        id: g.id.clone(),
        title: text(&g.title),
        summary: g.summary.as_ref().map(text),
        tags: g.tags.clone(),
        escalation: g.escalation.as_ref().map(text),
        start: g.start as u64,
        nodes: g
            .nodes
            .iter()
            .map(|n| MNode {
                id: n.id.clone(),
                question: text(&n.question),
                help: n.help.as_ref().map(text),
                answers: n
                    .answers
                    .iter()
                    .map(|a| match a.next {
                        Next::Node(i) => (text(&a.label), 0, i as u64),
                        Next::Error(i) => (text(&a.label), 1, i as u64),
                        _ => (text(&a.label), 2, 0),
                    })
                    .collect(),
            })
            .collect(),
        errors: g.errors.iter().map(error).collect(),
        languages: g.languages.clone(),
        file: g.origin.file.clone(),
    }
}

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..7)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[3]
}

fn row(name: &str, bytes: usize, write: Duration, read: Duration, note: &str) {
    println!(
        "| {name} | {:.1} MB | {:.0} ms | {:.0} ms | {note} |",
        bytes as f64 / 1e6,
        write.as_secs_f64() * 1e3,
        read.as_secs_f64() * 1e3
    );
}

fn main() {
    let checked: Vec<Checked> = synth::guides(50_000)
        .iter()
        .enumerate()
        .map(|(i, y)| load::check(&format!("synth-{i}.yaml"), y.as_bytes(), 0))
        .collect();
    println!("| format | size | write | read | note |\n|---|---|---|---|---|");

    let pc: Vec<Vec<u8>> = checked
        .iter()
        .map(|c| postcard::to_stdvec(c).expect("encodes"))
        .collect();
    let write = median(|| {
        for c in &checked {
            std::hint::black_box(postcard::to_stdvec(c).expect("encodes"));
        }
    });
    let read = median(|| {
        for b in &pc {
            std::hint::black_box(postcard::from_bytes::<Checked>(b).expect("decodes"));
        }
    });
    row("postcard 1.2 (serde)", pc.iter().map(Vec::len).sum(), write, read, "owned types");

    let config = bincode::config::standard();
    let bc: Vec<Vec<u8>> = checked
        .iter()
        .map(|c| bincode::serde::encode_to_vec(c, config).expect("encodes"))
        .collect();
    let write = median(|| {
        for c in &checked {
            std::hint::black_box(bincode::serde::encode_to_vec(c, config).expect("encodes"));
        }
    });
    let read = median(|| {
        for b in &bc {
            let (c, _): (Checked, usize) =
                bincode::serde::decode_from_slice(b, config).expect("decodes");
            std::hint::black_box(c);
        }
    });
    row("bincode 2.0 (serde)", bc.iter().map(Vec::len).sum(), write, read, "owned types");

    let mirrors: Vec<MGuide> = checked
        .iter()
        .filter_map(|c| c.guide.as_ref().map(mirror))
        .collect();
    let rk: Vec<rkyv::util::AlignedVec> = mirrors
        .iter()
        .map(|m| rkyv::to_bytes::<rkyv::rancor::Error>(m).expect("encodes"))
        .collect();
    let write = median(|| {
        for m in &mirrors {
            std::hint::black_box(rkyv::to_bytes::<rkyv::rancor::Error>(m).expect("encodes"));
        }
    });
    let access = median(|| {
        for b in &rk {
            std::hint::black_box(
                rkyv::access::<ArchivedMGuide, rkyv::rancor::Error>(b).expect("valid"),
            );
        }
    });
    let read = median(|| {
        for b in &rk {
            let a = rkyv::access::<ArchivedMGuide, rkyv::rancor::Error>(b).expect("valid");
            std::hint::black_box(
                rkyv::deserialize::<MGuide, rkyv::rancor::Error>(a).expect("decodes"),
            );
        }
    });
    let bytes = rk.iter().map(|b| b.len()).sum();
    row("rkyv 0.8, validated access", bytes, write, access, "zero-copy, archived types only");
    row("rkyv 0.8, access + to owned", bytes, write, read, "owned (mirror) types");
}
