//! Times in reports and file names: UTC, with the offset written out, from seconds since
//! the Unix epoch (the caller reads the clock).

use time::OffsetDateTime;

/// The civil date and time of `secs`: (year, month, day, hour, minute, second).
fn civil(secs: u64) -> (i32, u8, u8, u8, u8, u8) {
    let t = i64::try_from(secs)
        .ok()
        .and_then(|s| OffsetDateTime::from_unix_timestamp(s).ok())
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    (
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
    )
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
