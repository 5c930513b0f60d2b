//! Saving an exported session report (made by [`crate::report`]): the loop's side of the
//! export effect, and its clock.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Seconds since the Unix epoch, now: read by the loop only.
#[must_use]
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes `contents` to a new file in `dir` named after `stem`, atomically: a temporary
/// file in the same folder, readable by the owner only, then linked to its final name,
/// which never replaces an existing file (`-2`, `-3`… are tried instead).
pub fn save(dir: &Path, stem: &str, extension: &str, contents: &str) -> std::io::Result<PathBuf> {
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
                format!("{stem}.{extension}")
            } else {
                format!("{stem}-{n}.{extension}")
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
    fn saving_never_overwrites_and_keeps_files_private() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = save(dir.path(), "s", "md", "one").expect("saved");
        let b = save(dir.path(), "s", "md", "two").expect("saved");
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
