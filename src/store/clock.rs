//! Times in session files and lists: RFC 3339 on disk, "3 h ago" on screen.
//!
//! Times are seconds since the Unix epoch inside tshoot; only this module formats or parses
//! them, so the file format and the wording live in one place.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::lang::Lang;

/// Now, in seconds since the Unix epoch.
#[must_use]
pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// `2026-11-28T14:38:12Z`.
#[must_use]
pub fn format(secs: i64) -> String {
    OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned())
}

/// `2026-11-28 14:38 UTC`, for people.
#[must_use]
pub fn human(secs: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp(secs).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// Parses an RFC 3339 time; `None` for anything else.
#[must_use]
pub fn parse(s: &str) -> Option<i64> {
    if s.len() > 64 {
        return None;
    }
    OffsetDateTime::parse(s, &Rfc3339)
        .ok()
        .map(OffsetDateTime::unix_timestamp)
}

/// How long ago `then` was, seen at `now`: "just now", "12 min ago", "3 h ago", "2 days ago".
#[must_use]
pub fn ago(then: i64, now: i64, lang: Lang) -> String {
    let secs = now.saturating_sub(then).max(0);
    let (n, en, sv) = match secs {
        0..60 => return (if lang == Lang::Sv { "nyss" } else { "just now" }).to_owned(),
        60..3_600 => (secs / 60, "min ago", "min sedan"),
        3_600..86_400 => (secs / 3_600, "h ago", "h sedan"),
        _ => (
            secs / 86_400,
            if secs < 2 * 86_400 {
                "day ago"
            } else {
                "days ago"
            },
            if secs < 2 * 86_400 {
                "dag sedan"
            } else {
                "dagar sedan"
            },
        ),
    };
    format!("{n} {}", if lang == Lang::Sv { sv } else { en })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_rfc3339() {
        assert_eq!(format(1_795_774_125), "2026-11-27T10:08:45Z");
        assert_eq!(parse("2026-11-27T10:08:45Z"), Some(1_795_774_125));
        assert_eq!(parse("2026-11-27T11:08:45+01:00"), Some(1_795_774_125));
        assert_eq!(human(1_795_774_125), "2026-11-27 10:08 UTC");
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "1795774125",
            &"9".repeat(200),
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ago_in_words() {
        let now = 1_000_000;
        assert_eq!(ago(now - 5, now, Lang::En), "just now");
        assert_eq!(ago(now + 500, now, Lang::En), "just now");
        assert_eq!(ago(now - 12 * 60, now, Lang::En), "12 min ago");
        assert_eq!(ago(now - 3 * 3_600 - 59, now, Lang::En), "3 h ago");
        assert_eq!(ago(now - 86_400, now, Lang::En), "1 day ago");
        assert_eq!(ago(now - 3 * 86_400, now, Lang::Sv), "3 dagar sedan");
    }
}
