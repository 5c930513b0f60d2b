//! A guided session as Markdown, ready to paste into a ticket, and the safe way to save it.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::guide::Guide;
use crate::lang::Lang;
use crate::session::{At, Walk};

/// The session as Markdown: guide, each question and answer, the error, the steps ticked,
/// the outcome, and the time.
#[must_use]
pub fn markdown(guide: &Guide, walk: &Walk, lang: Lang, time: &str) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# tshoot session: {}\n", guide.title.show(lang));
    let _ = writeln!(md, "- Guide: `{}`\n- Time: {time}\n", guide.id);
    let _ = writeln!(md, "## Answers\n");
    for crumb in &walk.path {
        let node = &guide.nodes[crumb.node];
        let _ = writeln!(
            md,
            "1. {} — **{}**",
            node.question.show(lang),
            node.answers[crumb.answer].label.show(lang)
        );
    }
    let shown: Vec<usize> = walk
        .tried
        .iter()
        .copied()
        .chain(match walk.at {
            At::Outcome(e) | At::Solved(e) => Some(e),
            _ => None,
        })
        .collect();
    for e in shown {
        let error = &guide.errors[e];
        let _ = writeln!(md, "\n## {} (`{}`)\n", error.title.show(lang), error.id);
        for message in error.messages.iter().take(1) {
            let _ = writeln!(md, "> {}\n", message.show(lang));
        }
        for (i, step) in error.checklist.iter().enumerate() {
            let mark = if walk.ticked(e, i) { "x" } else { " " };
            let _ = writeln!(md, "- [{mark}] {}", step.text.show(lang));
        }
    }
    let outcome = match walk.at {
        At::Solved(e) => format!(
            "Fixed by the steps for {}.",
            guide.errors[e].title.show(lang)
        ),
        At::Escalation => format!(
            "Not fixed; escalated.\n\n{}",
            guide.escalation.as_ref().map_or("", |t| t.show(lang))
        ),
        _ => "In progress.".to_owned(),
    };
    let _ = writeln!(md, "\n## Outcome\n\n{outcome}");
    md
}

/// The current UTC time as `YYYY-MM-DD HH:MM:SS UTC`.
#[must_use]
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format_utc(secs)
}

/// Formats seconds since the Unix epoch as a UTC date and time.
#[must_use]
pub fn format_utc(secs: u64) -> String {
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
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Writes `contents` to a new file in `dir` named after `stem`, atomically: a temporary
/// file in the same folder, readable by the owner only, then linked to its final name,
/// which never replaces an existing file (`-2`, `-3`… are tried instead).
pub fn save(dir: &Path, stem: &str, contents: &str) -> std::io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{stem}.{}.tmp", std::process::id()));
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let result = (|| {
        let mut file = options.open(&tmp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        for n in 1..1000 {
            let name = if n == 1 {
                format!("{stem}.md")
            } else {
                format!("{stem}-{n}.md")
            };
            let path = dir.join(name);
            match fs::hard_link(&tmp, &path) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other(
            "too many sessions saved under one name",
        ))
    })();
    let _ = fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(format_utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(format_utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(format_utc(1_795_774_125), "2026-11-27 10:08:45 UTC");
    }

    #[test]
    fn saving_never_overwrites_and_keeps_files_private() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = save(dir.path(), "s", "one").expect("saved");
        let b = save(dir.path(), "s", "two").expect("saved");
        assert_ne!(a, b);
        assert_eq!(fs::read_to_string(&a).expect("read"), "one");
        assert_eq!(fs::read_to_string(&b).expect("read"), "two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&a).expect("meta").permissions().mode() & 0o777,
                0o600
            );
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
