//! A deterministic generator of synthetic guides for benchmarks: any number of errors with
//! realistic field lengths (titles of a few words, messages of 10–25 words with
//! placeholders and ids, symptoms, causes, checklists), spread over guides of 100 errors.
//! The same count always gives the same guides.
// Benchmark data: the casts between integer and float widths are deliberate.
#![allow(
    dead_code,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss
)]

use std::fmt::Write as _;

/// Common words of troubleshooting text, used with a Zipf-like skew.
const WORDS: &[&str] = &[
    "connection",
    "failed",
    "error",
    "service",
    "request",
    "timeout",
    "server",
    "client",
    "token",
    "certificate",
    "expired",
    "invalid",
    "access",
    "denied",
    "permission",
    "user",
    "account",
    "network",
    "proxy",
    "firewall",
    "port",
    "address",
    "host",
    "name",
    "resolution",
    "database",
    "query",
    "table",
    "index",
    "lock",
    "deadlock",
    "transaction",
    "rollback",
    "commit",
    "disk",
    "space",
    "memory",
    "process",
    "thread",
    "queue",
    "message",
    "worker",
    "job",
    "schedule",
    "configuration",
    "setting",
    "value",
    "missing",
    "required",
    "unknown",
    "field",
    "parameter",
    "version",
    "upgrade",
    "install",
    "package",
    "dependency",
    "module",
    "library",
    "driver",
    "device",
    "storage",
    "volume",
    "mount",
    "file",
    "path",
    "directory",
    "read",
    "write",
    "sync",
    "backup",
    "restore",
    "snapshot",
    "replica",
    "cluster",
    "node",
    "pod",
    "container",
    "image",
    "registry",
    "pull",
    "push",
    "deploy",
    "release",
    "rollout",
    "health",
    "check",
    "probe",
    "alert",
    "rule",
    "action",
    "group",
    "incident",
    "ticket",
    "workflow",
    "approval",
    "license",
    "quota",
    "limit",
    "rate",
    "throttle",
    "retry",
    "backoff",
    "session",
    "cookie",
    "login",
    "password",
    "secret",
    "key",
    "vault",
    "policy",
    "role",
    "scope",
    "tenant",
    "subscription",
    "region",
    "zone",
    "gateway",
    "load",
    "balancer",
    "route",
    "dns",
    "tls",
    "handshake",
    "socket",
    "stream",
    "buffer",
    "overflow",
    "parse",
    "format",
    "encoding",
    "schema",
    "migration",
    "cache",
    "stale",
    "refresh",
    "webhook",
    "endpoint",
    "api",
    "response",
    "status",
    "code",
    "header",
    "payload",
    "size",
    "exceeded",
    "not",
    "found",
    "could",
    "cannot",
    "unable",
    "while",
    "during",
    "after",
    "before",
    "when",
    "because",
    "the",
    "a",
    "to",
    "of",
    "for",
    "in",
    "on",
    "with",
    "from",
    "is",
    "was",
    "does",
    "exist",
    "deleted",
    "created",
    "updated",
    "started",
    "stopped",
    "running",
    "pending",
    "blocked",
    "unavailable",
    "unreachable",
    "slow",
    "high",
];

/// Product and component names that make each synthetic guide's vocabulary its own.
const SYLLABLES: &[&str] = &[
    "ar", "bel", "cor", "dax", "en", "fyr", "gal", "hex", "ion", "jor", "kal", "lum", "mir", "nox",
    "orb", "pax", "qua", "ryn", "sol", "tor", "ul", "vex", "wyn", "xan", "yor", "zed",
];

/// A small deterministic random source (splitmix64).
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    #[must_use]
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// An index skewed towards the start, as word frequencies are.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() % 1_000_000) as f64 / 1_000_000.0;
        ((u * u) * n as f64) as usize
    }
}

fn product(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.range(2, 3) {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    s
}

fn sentence(rng: &mut Rng, (lo, hi): (usize, usize), own: &[String]) -> String {
    let words = rng.range(lo, hi);
    let mut out = Vec::with_capacity(words);
    for _ in 0..words {
        if rng.below(6) == 0 {
            out.push(own[rng.below(own.len())].clone());
        } else {
            out.push(WORDS[rng.skewed(WORDS.len())].to_owned());
        }
    }
    let mut s = out.join(" ");
    if let Some(first) = s.get(0..1) {
        s.replace_range(0..1, &first.to_uppercase());
    }
    s
}

fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// One guide of `errors` errors as YAML; `n` numbers it.
#[must_use]
pub fn guide_yaml(n: usize, errors: usize) -> String {
    let mut rng = Rng::new(n as u64 * 7919 + 17);
    let own: Vec<String> = (0..12).map(|_| product(&mut rng)).collect();
    let mut y = String::new();
    let _ = writeln!(y, "id: synth-{n}");
    let _ = writeln!(y, "title: {}", quoted(&sentence(&mut rng, (5, 5), &own)));
    let _ = writeln!(y, "tags: [{}, {}]", own[0], own[1]);
    let _ = writeln!(y, "start: q0\nnodes:");
    // A chain of questions: each leads to eight errors and the next question.
    let questions = errors.div_ceil(8);
    for q in 0..questions {
        let _ = writeln!(
            y,
            "  - id: q{q}\n    question: {}\n    answers:",
            quoted(&sentence(&mut rng, (6, 6), &own))
        );
        for e in q * 8..((q + 1) * 8).min(errors) {
            let _ = writeln!(
                y,
                "      - label: {}\n        error: e{e}",
                quoted(&sentence(&mut rng, (4, 4), &own))
            );
        }
        if q + 1 < questions {
            let _ = writeln!(y, "      - label: Something else\n        next: q{}", q + 1);
        }
    }
    let _ = writeln!(y, "errors:");
    for e in 0..errors {
        let _ = writeln!(
            y,
            "  - id: e{e}\n    title: {}",
            quoted(&sentence(&mut rng, (3, 7), &own))
        );
        let _ = writeln!(y, "    messages:");
        for _ in 0..rng.range(1, 2) {
            let mut m = sentence(&mut rng, (10, 25), &own);
            let _ = write!(
                m,
                " {{resourceName}} code {} at {{timestamp}}.",
                1000 + rng.below(9000)
            );
            let _ = writeln!(y, "      - {}", quoted(&m));
        }
        let _ = writeln!(y, "    symptoms:");
        for _ in 0..rng.range(2, 4) {
            let _ = writeln!(y, "      - {}", quoted(&sentence(&mut rng, (3, 8), &own)));
        }
        let _ = writeln!(y, "    causes:");
        for _ in 0..rng.range(1, 3) {
            let _ = writeln!(y, "      - {}", quoted(&sentence(&mut rng, (8, 20), &own)));
        }
        let _ = writeln!(y, "    checklist:");
        for _ in 0..rng.range(3, 6) {
            let _ = writeln!(y, "      - {}", quoted(&sentence(&mut rng, (6, 14), &own)));
        }
    }
    y
}

/// Guides holding `errors` errors in all, 100 to a guide.
#[must_use]
pub fn guides(errors: usize) -> Vec<String> {
    (0..errors.div_ceil(100))
        .map(|n| guide_yaml(n, (errors - n * 100).min(100)))
        .collect()
}
