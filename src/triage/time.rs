//! Timestamps at the start of log lines, for triage's histogram over time: only
//! `YYYY-MM-DD[T ]HH:MM[:SS]` (ISO 8601 and its common log forms) is looked for, as UTC; the
//! calendar arithmetic is the `time` crate's.

use time::{Date, Month, OffsetDateTime};

/// Seconds since the epoch of a `YYYY-MM-DD[T ]HH:MM[:SS]` timestamp at or near the start
/// of `line` (within its first 40 bytes), if there is one.
#[must_use]
pub fn timestamp(line: &str) -> Option<i64> {
    let head = line.get(..line.len().min(40)).unwrap_or(line).as_bytes();
    (0..head.len().saturating_sub(15)).find_map(|i| parse_time(&head[i..]))
}

#[allow(
    clippy::many_single_char_names,
    reason = "y, m, d, h, s name the timestamp's own fields"
)]
fn parse_time(b: &[u8]) -> Option<i64> {
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = b.get(r)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    if b.get(4) != Some(&b'-')
        || b.get(7) != Some(&b'-')
        || !matches!(b.get(10), Some(b'T' | b' '))
        || b.get(13) != Some(&b':')
    {
        return None;
    }
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, min) = (num(11..13)?, num(14..16)?);
    let s = if b.get(16) == Some(&b':') {
        num(17..19).unwrap_or(0)
    } else {
        0
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || h > 23 || min > 59 || s > 60 {
        return None;
    }
    let date = Date::from_calendar_date(
        i32::try_from(y).ok()?,
        Month::try_from(u8::try_from(m).ok()?).ok()?,
        u8::try_from(d).ok()?,
    )
    .ok()?;
    let days = date
        .midnight()
        .assume_utc()
        .unix_timestamp()
        .div_euclid(86_400);
    Some(days * 86_400 + h * 3600 + min * 60 + s)
}

/// Whether `line` starts with a `YYYY-MM-DD[T ]HH:MM` timestamp (within its first 40 bytes,
/// as [`timestamp`] reads it).
#[must_use]
pub fn starts_with_timestamp(line: &[u8]) -> bool {
    let head = &line[..line.len().min(40)];
    (0..head.len().saturating_sub(15)).any(|i| parse_time(&head[i..]).is_some())
}

/// `2024-05-01 10:22` from seconds since the epoch.
#[must_use]
pub fn clock(t: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp(t).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_at_the_start_of_a_line_are_read() {
        assert_eq!(
            timestamp("2024-05-01T10:22:03Z ERROR x"),
            Some(1_714_558_923)
        );
        assert_eq!(timestamp("[2024-05-01 10:22] x"), Some(1_714_558_920));
        assert_eq!(timestamp("1970-01-01 00:00:00"), Some(0));
        assert_eq!(timestamp("no time here, 2024 was a year"), None);
        assert_eq!(timestamp("2024-13-01T10:22:03Z"), None);
        // A day the month does not have is not a time; a leap day is.
        assert_eq!(timestamp("2023-02-29T10:22:03Z"), None);
        assert_eq!(timestamp("2024-02-29 00:00:00"), Some(1_709_164_800));
        assert_eq!(clock(1_714_558_923), "2024-05-01 10:22");
        assert_eq!(clock(0), "1970-01-01 00:00");
    }
}
