//! Any bytes as a cache file, behind a correct header or not, or as one entry's body (past
//! the checksum, which the fuzzer could not forge): reading must never panic, every guide
//! it accepts must have its indices inside it (a screen would panic otherwise), and every
//! text it accepts must be clean (a screen would print it).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tshoot::cache::format;
use tshoot::guide::Next;
use tshoot::guide::sanitize::is_clean;

fuzz_target!(|bytes: &[u8]| {
    // The first byte chooses: the bytes as a whole file, or as entries after a valid
    // header, so the fuzzer spends its time past the header too.
    let Some((&mode, rest)) = bytes.split_first() else {
        return;
    };
    let mut data = Vec::new();
    if mode & 1 == 1 {
        data.extend_from_slice(&format::header("fuzz", b"/guides"));
    }
    data.extend_from_slice(rest);
    let bodies: Vec<&[u8]> = if mode & 2 == 2 {
        vec![rest]
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
});
