//! A deterministic generator of application logs for triage: ordinary lines, known ITSMC
//! messages (with the person's own values in their placeholders, in English and Swedish,
//! some split over two or three lines) at a chosen rate, and near-misses that must not count.
//! It returns its truth: how many times each known error was written.
//!
//! Used by the exact-count test, the benchmark and `examples/triage_log.rs`.
// Generator code: indices and counts are small and the casts deliberate.
#![allow(dead_code, clippy::cast_possible_truncation)]

use std::collections::BTreeMap;
use std::io::Write;

/// A known message as written into the log: its error, and its lines.
struct Known {
    error: &'static str,
    make: fn(&mut Rng) -> Vec<String>,
}

/// Ordinary words of an application log, some of them words the guides use too.
const WORDS: &[&str] = &[
    "request",
    "handled",
    "in",
    "ms",
    "user",
    "session",
    "cache",
    "refreshed",
    "queue",
    "depth",
    "worker",
    "started",
    "finished",
    "job",
    "connection",
    "pool",
    "size",
    "incident",
    "synced",
    "ServiceNow",
    "alert",
    "fired",
    "rule",
    "evaluated",
    "token",
    "renewed",
    "retry",
    "scheduled",
    "template",
    "loaded",
    "ITSM",
    "connector",
    "heartbeat",
    "ok",
    "status",
    "code",
    "200",
    "response",
    "received",
    "work",
    "item",
    "created",
    "event",
    "dispatched",
    "metrics",
    "flushed",
    "exception",
    "none",
    "config",
    "reloaded",
    "sending",
    "request",
    "to",
    "endpoint",
];

const LEVELS: &[&str] = &["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"];
const LOGGERS: &[&str] = &[
    "itsm.sync",
    "itsm.worker",
    "alerts.engine",
    "http.client",
    "app",
];
const ALERTS: &[&str] = &[
    "CPU-High",
    "Disk-Full",
    "Memory Pressure",
    "Heartbeat-Lost",
    "Åtgärd-Krävs",
];
const CONNECTIONS: &[&str] = &["snow-prod", "snow-test", "itsm-eu"];

/// A small, fast, deterministic random source (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn guid(&mut self) -> String {
        let h = format!("{:016x}{:016x}", self.next(), self.next());
        format!(
            "{}-{}-{}-{}-{}",
            &h[..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        )
    }
}

fn one(s: String) -> Vec<String> {
    vec![s]
}

/// The known messages, as a system would log them.
const KNOWN: &[Known] = &[
    Known {
        error: "itsmc-dashboard-errors/servicenow-rate-problem",
        make: |_| one("ServiceDeskHttpBadRequestException: StatusCode=429".into()),
    },
    Known {
        error: "itsmc-dashboard-errors/servicenow-rate-problem",
        // A stack trace splits the exception from its status.
        make: |_| {
            vec![
                "ServiceDeskHttpBadRequestException:".into(),
                "    StatusCode = 429".into(),
            ]
        },
    },
    Known {
        error: "itsmc-dashboard-errors/missing-connector",
        make: |r| {
            let (a, g) = (r.pick(ALERTS), r.guid());
            one(format!(
                "Could not create/update work item for alert {a}. ITSM Connector {g} does not exist or was deleted."
            ))
        },
    },
    Known {
        error: "itsmc-dashboard-errors/missing-connector",
        // A wrapped CSV cell.
        make: |r| {
            let (a, g) = (r.pick(ALERTS), r.guid());
            vec![
                format!("\"Could not create/update work item for alert {a}. ITSM"),
                format!("Connector {g} does not exist or was deleted.\",\"Failed\""),
            ]
        },
    },
    Known {
        error: "itsmc-dashboard-errors/missing-connector",
        make: |r| {
            let (a, g) = (r.pick(ALERTS), r.guid());
            one(format!(
                "Det gick inte att skapa/uppdatera arbets objekt för aviseringen {a}. ITSM-anslutningsprogram {g} finns inte eller har tagits bort."
            ))
        },
    },
    Known {
        error: "itsmc-dashboard-errors/invalid-refresh-token",
        make: |_| {
            one("AccessToken and RefreshToken invalid. User needs to authenticate again.".into())
        },
    },
    Known {
        error: "itsmc-dashboard-errors/invalid-refresh-token",
        make: |_| {
            one(
                "AccessToken och RefreshToken är ogiltiga. Användaren måste autentisera igen."
                    .into(),
            )
        },
    },
    Known {
        error: "itsmc-dashboard-errors/problem-sending-a-request",
        make: |_| {
            one("System.Net.Http.HttpRequestException: An error occurred while sending the request.".into())
        },
    },
    Known {
        error: "itsmc-dashboard-errors/exception-update-failure",
        make: |_| {
            one(r#"response={"error":{"message":"Operation Failed","detail":"ACL Exception Update Failed due to security constraints"},"status":"failure"}"#.into())
        },
    },
    Known {
        error: "itsmc-dashboard-errors/lack-of-connection-details",
        make: |_| one("Something went wrong. Could not get connection details.".into()),
    },
    Known {
        error: "itsmc-dashboard-errors/ip-restrictions",
        make: |r| {
            let c = r.pick(CONNECTIONS);
            one(format!(
                "Failed to add ITSM Connection named \"{c}\" due to Bad Request. Error: Bad request. Invalid parameters provided for connection. Http Exception: Status Code Forbidden."
            ))
        },
    },
    Known {
        error: "itsmc-dashboard-errors/authentication",
        make: |_| one("snow.auth: User Not Authenticated".into()),
    },
    Known {
        error: "itsmc-dashboard-errors/unexpected-response",
        // A long JSON message over three lines.
        make: |r| {
            let id = r.guid();
            vec![
                "Unexpected response from ServiceNow along with success status code. Response: {".into(),
                format!("  \"import_set\": \"{id}\", \"staging_table\": \"x_mioms_microsoft_oms_incident\","),
                "  \"result\": [ { \"transform_map\": \"OMS Incident\", \"table\": \"incident\", \"status\": \"error\", \"error_message\": \"Invalid table\" } ] }".into(),
            ]
        },
    },
    Known {
        error: "itsmc-troubleshooting/error-saving-connection",
        make: |_| one("Error in saving connection".into()),
    },
    Known {
        error: "itsmc-troubleshooting/sync-problems",
        make: |r| {
            let f = ["urgency", "impact, urgency", "assignment_group"][r.below(3)];
            one(format!("No values found for the following fields: {f}."))
        },
    },
];

/// Lines that share words with a known message but are not it.
const NEAR_MISSES: &[fn(&mut Rng) -> String] = &[
    // Another status code.
    |_| "ServiceDeskHttpBadRequestException: StatusCode=500".into(),
    |_| "ServiceDeskHttpBadRequestException: StatusCode=4290".into(),
    // Another product.
    |r| {
        format!(
            "Could not create/update work item for alert {}. Jira Connector {} does not exist or was deleted.",
            r.pick(ALERTS),
            r.guid()
        )
    },
    // A success message sharing most words.
    |_| "AccessToken and RefreshToken renewed. User does not need to authenticate again.".into(),
    |_| "User Authenticated".into(),
    |_| "Something went well. Got connection details.".into(),
    |_| "An error occurred while sending the email.".into(),
    |r| {
        format!(
            "Added ITSM Connection named \"{}\". Status Code OK.",
            r.pick(CONNECTIONS)
        )
    },
    // Symptom words only.
    |_| "ServiceNow answers slowly: too many requests, rate limited, throttled".into(),
    |_| "token expired for the integration user; authentication failed".into(),
    // Half of a split message, with nothing after it.
    |_| "ServiceDeskHttpBadRequestException:".into(),
];

/// What was written.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Truth {
    /// `guide/error` → occurrences.
    pub counts: BTreeMap<&'static str, u64>,
    pub lines: u64,
    pub bytes: u64,
    pub near_misses: u64,
}

/// One ordinary line.
fn ordinary(r: &mut Rng, n: u64, out: &mut Vec<u8>) {
    let _ = write!(
        out,
        "2024-05-{:02}T{:02}:{:02}:{:02}.{:03}Z {} [{}] req={:08x} ",
        1 + n / 86_400_000 % 28,
        n / 3_600_000 % 24,
        n / 60_000 % 60,
        n / 1000 % 60,
        n % 1000,
        r.pick(LEVELS),
        r.pick(LOGGERS),
        r.next() as u32
    );
    for i in 0..6 + r.below(10) {
        if i > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(r.pick(WORDS).as_bytes());
    }
    out.push(b'\n');
}

fn prefix(r: &mut Rng, n: u64, out: &mut Vec<u8>) {
    let _ = write!(
        out,
        "2024-05-{:02}T{:02}:{:02}:{:02}.{:03}Z ERROR [{}] ",
        1 + n / 86_400_000 % 28,
        n / 3_600_000 % 24,
        n / 60_000 % 60,
        n / 1000 % 60,
        n % 1000,
        r.pick(LOGGERS),
    );
}

/// Writes about `bytes` bytes of log in which one line in `every` starts a known message and
/// as many again are near-misses.
pub fn generate(
    bytes: u64,
    every: usize,
    seed: u64,
    out: &mut impl Write,
) -> std::io::Result<Truth> {
    let mut r = Rng::new(seed);
    let mut truth = Truth::default();
    let mut buf = Vec::with_capacity(1 << 16);
    let mut n = 0u64;
    while truth.bytes < bytes {
        buf.clear();
        let roll = r.below(every.max(2));
        if roll == 0 {
            let known = &KNOWN[r.below(KNOWN.len())];
            let lines = (known.make)(&mut r);
            prefix(&mut r, n, &mut buf);
            for line in &lines {
                buf.extend_from_slice(line.as_bytes());
                buf.push(b'\n');
            }
            *truth.counts.entry(known.error).or_default() += 1;
            truth.lines += lines.len() as u64;
        } else if roll == 1 {
            prefix(&mut r, n, &mut buf);
            let line = NEAR_MISSES[r.below(NEAR_MISSES.len())](&mut r);
            buf.extend_from_slice(line.as_bytes());
            buf.push(b'\n');
            truth.near_misses += 1;
            truth.lines += 1;
        } else {
            ordinary(&mut r, n, &mut buf);
            truth.lines += 1;
        }
        n += 37;
        truth.bytes += buf.len() as u64;
        out.write_all(&buf)?;
    }
    Ok(truth)
}

/// One fixed literal per known message, as `grep -F -f` would be given them: the longest
/// part of each guide message between its `{placeholders}`.
#[must_use]
pub fn grep_literals(messages: &[&str]) -> Vec<String> {
    let is_name =
        |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    messages
        .iter()
        .filter_map(|m| {
            let mut parts = Vec::new();
            let mut rest = *m;
            let mut from = 0;
            while let Some(open) = rest[from..].find('{').map(|o| from + o) {
                match rest[open + 1..].find('}') {
                    Some(c) if is_name(&rest[open + 1..open + 1 + c]) => {
                        parts.push(&rest[..open]);
                        rest = &rest[open + c + 2..];
                        from = 0;
                    }
                    _ => from = open + 1,
                }
            }
            parts.push(rest);
            parts
                .into_iter()
                .map(str::trim)
                .max_by_key(|p| p.len())
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
        })
        .collect()
}

/// `n` known messages as a system would log them, each with its error and its lines (a
/// log prefix before the first), and `n` near-misses with a prefix: for tests that compare
/// readings line by line.
#[must_use]
pub fn samples(n: usize, seed: u64) -> (Vec<(&'static str, Vec<String>)>, Vec<String>) {
    let mut r = Rng::new(seed);
    let with_prefix = |r: &mut Rng, i: usize, first: &str| {
        let mut buf = Vec::new();
        prefix(r, i as u64 * 37, &mut buf);
        format!("{}{first}", String::from_utf8_lossy(&buf))
    };
    let mut known = Vec::new();
    let mut near = Vec::new();
    for i in 0..n {
        // Every message in turn, then at random.
        let k = if i < KNOWN.len() {
            i
        } else {
            r.below(KNOWN.len())
        };
        let mut lines = (KNOWN[k].make)(&mut r);
        lines[0] = with_prefix(&mut r, i, &lines[0]);
        known.push((KNOWN[k].error, lines));
        let m = if i < NEAR_MISSES.len() {
            i
        } else {
            r.below(NEAR_MISSES.len())
        };
        let line = NEAR_MISSES[m](&mut r);
        near.push(with_prefix(&mut r, i, &line));
    }
    (known, near)
}
