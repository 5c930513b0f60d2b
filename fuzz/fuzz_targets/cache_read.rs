//! Any bytes as a cache file, behind a correct header or not, or as one entry's body (past
//! the checksum, which the fuzzer could not forge), or as a stored search index, or as a
//! catalog summary: reading must never panic, every guide it accepts must have its indices
//! inside it (a screen would panic otherwise), every index it accepts must point only
//! inside itself and the catalog (a search would panic otherwise), and every text it
//! accepts must be clean (a screen would print it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tshoot::cache::summary::{self, Summary};
use tshoot::cache::{codec, format, index};
use tshoot::guide::Next;
use tshoot::guide::sanitize::is_clean;

/// The catalog the fuzzed index and summary are checked against: guide `g` has `g % 7`
/// errors, for the first 64 guides.
fn errors(guide: usize) -> Option<usize> {
    (guide < 64).then_some(guide % 7)
}

fn entries(bytes: &[u8], mode: u8) {
    let mut data = Vec::new();
    if mode & 1 == 1 {
        data.extend_from_slice(&format::header("fuzz", b"/guides"));
    }
    data.extend_from_slice(bytes);
    let bodies: Vec<&[u8]> = if mode & 2 == 2 {
        vec![bytes]
    } else {
        let Some(entries) = format::parse(&data, "fuzz", b"/guides") else {
            return;
        };
        entries.into_iter().map(|e| e.body).collect()
    };
    for body in bodies {
        let Some(checked) = format::decode(body) else {
            continue;
        };
        for d in &checked.diagnostics {
            assert!(is_clean(&d.message));
        }
        if let Some(guide) = checked.guide {
            assert!(guide.start < guide.nodes.len());
            for text in guide.texts() {
                assert!(text.all().all(is_clean));
            }
            for answer in guide.nodes.iter().flat_map(|n| &n.answers) {
                match answer.next {
                    Next::Node(i) => assert!(i < guide.nodes.len()),
                    Next::Error(i) => assert!(i < guide.errors.len()),
                    _ => {}
                }
            }
        }
    }
}

fn search_index(bytes: &[u8]) {
    if let Some(index) = codec::decode(bytes, errors) {
        assert!(index::consistent(&index, errors));
        // And it answers without panicking.
        let _ = tshoot::search::search(&index, "timeout deadlock {x} 42");
    }
}

fn catalog_summary(bytes: &[u8]) {
    // Framed and checksummed here (the fuzzer could not forge the checksums): the first
    // two bytes say where the listing ends and the errors section begins.
    let Some((split, rest)) = bytes.split_first_chunk::<2>() else {
        return;
    };
    let split = usize::from(u16::from_le_bytes(*split)).min(rest.len());
    let fingerprint = index::Fingerprint::of_build("fuzz");
    let mut data = summary::header(&fingerprint);
    for section in [&rest[..split], &rest[split..]] {
        let len = u32::try_from(section.len()).unwrap_or(u32::MAX);
        data.extend_from_slice(&len.to_le_bytes());
        data.extend_from_slice(&crc32fast::hash(section).to_le_bytes());
        data.extend_from_slice(section);
    }
    let Some(summary) = Summary::parse(data, &fingerprint) else {
        return;
    };
    for line in &summary.problems {
        assert!(is_clean(line));
    }
    for (g, guide) in summary.guides.iter().enumerate() {
        assert!(is_clean(&guide.id) && is_clean(&guide.file));
        assert!(guide.title.all().all(is_clean));
        for e in 0..(guide.errors as usize).min(8) {
            if let Some(error) = summary.error(g, e) {
                assert!(is_clean(&error.id) && error.title.all().all(is_clean));
            }
        }
    }
}

fuzz_target!(|bytes: &[u8]| {
    // The first byte chooses what the rest is, so the fuzzer spends its time past the
    // headers too.
    let Some((&mode, rest)) = bytes.split_first() else {
        return;
    };
    match mode >> 6 {
        0 | 1 => entries(rest, mode),
        2 => search_index(rest),
        _ => catalog_summary(rest),
    }
});
