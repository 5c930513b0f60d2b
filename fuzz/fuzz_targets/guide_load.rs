//! Any bytes as a guide file: loading must never panic, and a guide that loads must carry
//! no control character in its title.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let checked = tshoot::guide::load::check("fuzz.yaml", bytes, 0);
    if let Some(guide) = checked.guide {
        assert!(guide.title.all().all(|t| !t.chars().any(|c| c.is_control() && c != '\n')));
    }
});
