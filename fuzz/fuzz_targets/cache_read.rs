//! Any bytes as a cache file, behind a correct header or not: reading must never panic, and
//! every guide it accepts must have its indices inside it (a screen would panic otherwise).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tshoot::cache::format;
use tshoot::guide::Next;

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
    let Some(entries) = format::parse(&data, "fuzz", b"/guides") else {
        return;
    };
    for entry in entries {
        let Some(checked) = format::decode(entry.body) else {
            continue;
        };
        if let Some(guide) = checked.guide {
            assert!(guide.start < guide.nodes.len());
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
