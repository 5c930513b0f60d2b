//! `tshoot triage` end to end: every output mode and exit code, fixture logs that state
//! what they hold (`# expect: COUNT guide/error`), stdin, `.gz`, unreadable and binary
//! files, invalid UTF-8, a line longer than a block, and a pipe that never ends.

#[path = "../common/mod.rs"]
mod common;
mod inputs;
mod outputs;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use common::{fixtures, header, tshoot};

fn log(name: &str) -> PathBuf {
    fixtures().join("triage").join(name)
}

/// The counts a fixture says it holds.
fn expected(name: &str) -> BTreeMap<String, u64> {
    let bytes = std::fs::read(log(name)).expect("fixture");
    header(&bytes, "expect")
        .into_iter()
        .filter(|l| l != "nothing")
        .map(|l| {
            let (n, id) = l.split_once(' ').expect("COUNT guide/error");
            (id.to_owned(), n.parse().expect("a count"))
        })
        .collect()
}

fn json_counts(stdout: &[u8]) -> BTreeMap<String, u64> {
    let list: serde_json::Value = serde_json::from_slice(stdout).expect("JSON");
    list.as_array()
        .expect("a list")
        .iter()
        .map(|o| {
            (
                format!(
                    "{}/{}",
                    o["guide"].as_str().expect("guide"),
                    o["id"].as_str().expect("id")
                ),
                o["count"].as_u64().expect("count"),
            )
        })
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("compress");
    enc.finish().expect("compress")
}
