//! Times in reports and file names: UTC, with the offset written out, from seconds since
//! the Unix epoch (the caller reads the clock).

/// The civil date and time of `secs`: (year, month, day, hour, minute, second).
fn civil(secs: u64) -> (i64, i64, i64, u64, u64, u64) {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, rem / 3600, rem % 3600 / 60, rem % 60)
}

/// `YYYY-MM-DD HH:MM:SS +00:00`: the time in UTC, with its offset.
#[must_use]
pub fn format_utc(secs: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02} +00:00")
}

/// `tshoot-YYYYMMDD-HHMMSS`: a file name stem for a report exported at `secs`.
#[must_use]
pub fn file_stem(secs: u64) -> String {
    let (y, mo, d, h, mi, s) = civil(secs);
    format!("tshoot-{y:04}{mo:02}{d:02}-{h:02}{mi:02}{s:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates_with_offset() {
        assert_eq!(format_utc(0), "1970-01-01 00:00:00 +00:00");
        assert_eq!(format_utc(951_782_400), "2000-02-29 00:00:00 +00:00");
        assert_eq!(format_utc(951_868_799), "2000-02-29 23:59:59 +00:00");
        assert_eq!(format_utc(1_795_774_125), "2026-11-27 10:08:45 +00:00");
        assert_eq!(file_stem(1_795_774_125), "tshoot-20261127-100845");
    }
}
