//! Timestamps at the start of log lines, for triage's histogram over time: read without a
//! date crate, since only `YYYY-MM-DD[T ]HH:MM[:SS]` (ISO 8601 and its common log forms)
//! is looked for, as UTC.

/// Seconds since the epoch of a `YYYY-MM-DD[T ]HH:MM[:SS]` timestamp at or near the start
/// of `line` (within its first 40 bytes), if there is one.
#[must_use]
pub fn timestamp(line: &str) -> Option<i64> {
    let head = line.get(..line.len().min(40)).unwrap_or(line).as_bytes();
    (0..head.len().saturating_sub(15)).find_map(|i| parse_time(&head[i..]))
}

#[allow(
    clippy::many_single_char_names,
    reason = "the civil-date algorithm's own names"
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
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + min * 60 + s)
}

/// `2024-05-01 10:22` from seconds since the epoch.
#[allow(
    clippy::many_single_char_names,
    reason = "the civil-date algorithm's own names"
)]
#[must_use]
pub fn clock(t: i64) -> String {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Civil date from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}",
        secs / 3600,
        secs / 60 % 60
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
        assert_eq!(clock(1_714_558_923), "2024-05-01 10:22");
        assert_eq!(clock(0), "1970-01-01 00:00");
    }
}
