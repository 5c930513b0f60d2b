//! Masks what identifies a person's systems before an export goes into a public ticket.
//!
//! Values captured from the person's message, and anything that looks like a GUID, an e-mail
//! address, an IP address or a host name, become `<guid-1>`, `<email-1>`, `<ip-1>`,
//! `<host-1>` or `<NAME-1>` (a captured value, by its placeholder's name). The same value
//! always gets the same mask, so a reader can still follow "the same connection" through the
//! text. Hosts of the guides' own public links (documentation sites) may be let through, so
//! the links in a checklist still work.
//!
//! Pure: text in, text out; one [`Redactor`] per export keeps the numbering consistent.

use std::collections::HashMap;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

use regex::Regex;

/// Top-level domains that make a two-label name (`contoso.com`) a host name; a name with
/// three labels or more counts whatever its last label. Keeps `config.toml`, `e.g.` and
/// `README.md` from being taken for hosts.
const TLDS: &[&str] = &[
    "com", "net", "org", "io", "edu", "gov", "mil", "int", "biz", "info", "dev", "app", "cloud",
    "local", "internal", "corp", "lan", "home", "intra", "se", "no", "dk", "fi", "de", "uk", "nl",
    "fr", "eu", "us", "ca", "au", "ch", "at", "be", "es", "it", "pl", "jp", "cn", "in", "br",
];

/// File name endings that are not hosts even with three labels (`app.config.json`).
const FILE_ENDINGS: &[&str] = &[
    "json", "yaml", "yml", "toml", "xml", "txt", "md", "log", "gz", "zip", "exe", "dll", "ps1",
    "sh", "py", "rs", "js", "ts", "csv", "html", "htm", "conf", "cfg", "ini",
];

static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<email>\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b)",
        r"|(?P<guid>\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\b)",
        r"|(?P<ip4>\b(?:\d{1,3}\.){3}\d{1,3}\b)",
        r"|(?P<ip6>(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})",
        r"|(?P<host>\b[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\b)",
    ))
    .expect("the redaction pattern is valid")
});

/// Masks values consistently across every text of one export.
#[derive(Debug, Default)]
pub struct Redactor {
    /// Captured values (longest first) and the name of their placeholder.
    captured: Vec<(String, String)>,
    /// Hosts let through (lowercase).
    allowed: Vec<String>,
    /// Lowercased value → mask.
    masks: HashMap<String, String>,
    /// Masks handed out per kind, for numbering.
    counts: HashMap<String, usize>,
}

impl Redactor {
    /// A redactor masking these captured `(name, value)` pairs as well as the patterns.
    #[must_use]
    pub fn new(captured: &[(String, String)]) -> Redactor {
        let mut captured: Vec<(String, String)> = captured
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(n, v)| (mask_name(n), v.clone()))
            .collect();
        captured.sort_by_key(|c| std::cmp::Reverse(c.1.len()));
        Redactor {
            captured,
            ..Redactor::default()
        }
    }

    /// Lets the hosts of these URLs through (the guides' own documentation links).
    #[must_use]
    pub fn allowing_hosts_of<'a>(mut self, urls: impl IntoIterator<Item = &'a str>) -> Redactor {
        for url in urls {
            let rest = url.split_once("://").map_or(url, |(_, r)| r);
            let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
            if !host.is_empty() {
                self.allowed.push(host.to_ascii_lowercase());
            }
        }
        self
    }

    /// `text` with every sensitive value masked.
    pub fn redact(&mut self, text: &str) -> String {
        let text = self.redact_captured(text);
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for caps in PATTERN.captures_iter(&text) {
            let Some((kind, m)) = ["email", "guid", "ip4", "ip6", "host"]
                .iter()
                .find_map(|k| caps.name(k).map(|m| (*k, m)))
            else {
                continue;
            };
            let value = m.as_str();
            let kind = match kind {
                "ip4" if value.parse::<Ipv4Addr>().is_ok() => "ip",
                "ip6" if is_ipv6(&text, m.start(), m.end()) => "ip",
                "host" if self.is_host(value) => "host",
                "email" | "guid" => kind,
                _ => continue,
            };
            out.push_str(&text[last..m.start()]);
            out.push_str(&self.mask(kind, value));
            last = m.end();
        }
        out.push_str(&text[last..]);
        out
    }

    fn redact_captured(&mut self, text: &str) -> String {
        let mut text = text.to_owned();
        for i in 0..self.captured.len() {
            let (name, value) = self.captured[i].clone();
            if text.contains(&value) {
                let mask = self.mask(&name, &value);
                text = text.replace(&value, &mask);
            }
        }
        text
    }

    fn is_host(&self, value: &str) -> bool {
        let lower = value.to_ascii_lowercase();
        let labels: Vec<&str> = lower.split('.').collect();
        let last = labels.last().copied().unwrap_or("");
        let plausible = last.len() >= 2
            && last.chars().all(|c| c.is_ascii_alphabetic())
            && !FILE_ENDINGS.contains(&last)
            && (labels.len() >= 3 || TLDS.contains(&last));
        plausible
            && !self
                .allowed
                .iter()
                .any(|a| lower == *a || lower.ends_with(&format!(".{a}")))
    }

    fn mask(&mut self, kind: &str, value: &str) -> String {
        let key = format!("{kind}\u{0}{}", value.to_lowercase());
        if let Some(mask) = self.masks.get(&key) {
            return mask.clone();
        }
        let n = self.counts.entry(kind.to_owned()).or_insert(0);
        *n += 1;
        let mask = format!("<{kind}-{n}>");
        self.masks.insert(key, mask.clone());
        mask
    }
}

/// An IPv6 address standing alone (not inside a word, a time like `14:38:12`, or `std::fs`).
fn is_ipv6(text: &str, start: usize, end: usize) -> bool {
    let value = &text[start..end];
    let alone = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == ':' || c == '_'));
    alone(text[..start].chars().next_back())
        && alone(text[end..].chars().next())
        && value.chars().any(|c| c.is_ascii_digit())
        && value.parse::<Ipv6Addr>().is_ok()
}

/// A placeholder name usable in a mask: letters, digits, `_` and `-`; else `value`.
fn mask_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .take(32)
        .collect();
    if clean.is_empty() {
        "value".to_owned()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input, masked output; each line with a fresh redactor that knows one captured value
    /// (`alertName` = `CPU high on web-01`) and lets the documentation host through.
    const TABLE: &[(&str, &str)] = &[
        // GUIDs, any case, the same one twice.
        (
            "connection 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed",
            "connection <guid-1> failed",
        ),
        (
            "3F2504E0-4F89-11D3-9A0C-0305E82C3301 and 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "<guid-1> and <guid-1>",
        ),
        (
            "a 3f2504e0-4f89-11d3-9a0c-0305e82c3301 b 00000000-0000-0000-0000-000000000001",
            "a <guid-1> b <guid-2>",
        ),
        // E-mail before host: one mask for the whole address.
        ("sent to Anna.Berg@contoso.com.", "sent to <email-1>."),
        // IP addresses, v4 and v6.
        ("from 10.0.12.7 and 10.0.12.7", "from <ip-1> and <ip-1>"),
        ("peer 2001:db8::8a2e:370:7334 down", "peer <ip-1> down"),
        ("link-local fe80::1", "link-local <ip-1>"),
        // Host names, also inside a URL.
        (
            "https://contoso.service-now.com/api/now/table",
            "https://<host-1>/api/now/table",
        ),
        ("snow01.corp.local and contoso.com", "<host-1> and <host-2>"),
        // The captured value, and what is inside it.
        (
            "Alert CPU high on web-01 fired twice: CPU high on web-01",
            "Alert <alertName-1> fired twice: <alertName-1>",
        ),
        // Documentation links stay.
        (
            "see https://learn.microsoft.com/azure/azure-monitor",
            "see https://learn.microsoft.com/azure/azure-monitor",
        ),
        // Negative cases: nothing to mask.
        (
            "version 1.2.3 of config.toml, e.g. README.md",
            "version 1.2.3 of config.toml, e.g. README.md",
        ),
        (
            "at 14:38:12 UTC, std::fs and a::b",
            "at 14:38:12 UTC, std::fs and a::b",
        ),
        (
            "step 2.1 of 4; 999.1.1.1 is no address",
            "step 2.1 of 4; 999.1.1.1 is no address",
        ),
        ("app.config.json is a file", "app.config.json is a file"),
        (
            "Error 429: too many requests",
            "Error 429: too many requests",
        ),
        ("deadbeef-0000 is not a GUID", "deadbeef-0000 is not a GUID"),
    ];

    fn redactor() -> Redactor {
        Redactor::new(&[("alertName".to_owned(), "CPU high on web-01".to_owned())])
            .allowing_hosts_of(["https://learn.microsoft.com/azure/azure-monitor/alerts"])
    }

    #[test]
    fn table_of_inputs_and_masked_outputs() {
        for (input, expected) in TABLE {
            assert_eq!(redactor().redact(input), *expected, "input: {input}");
        }
    }

    #[test]
    fn the_same_value_keeps_its_mask_across_texts() {
        let mut r = redactor();
        let a = r.redact("host snow01.corp.local, ip 10.1.1.1");
        let b = r.redact("again 10.1.1.1 and SNOW01.corp.local, then 10.1.1.2");
        assert_eq!(a, "host <host-1>, ip <ip-1>");
        assert_eq!(b, "again <ip-1> and <host-1>, then <ip-2>");
    }

    #[test]
    fn captured_names_become_safe_mask_names() {
        let mut r = Redactor::new(&[
            ("<evil>\u{1b}[31m".to_owned(), "secret-value".to_owned()),
            (String::new(), "other".to_owned()),
            ("blank".to_owned(), "  ".to_owned()),
        ]);
        assert_eq!(
            r.redact("secret-value and other, then  spaces"),
            "<evil31m-1> and <value-1>, then  spaces"
        );
    }
}
