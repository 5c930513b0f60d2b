//! The cache folder on disk: reading a cache file in one bounded call, writing one
//! atomically, clearing them.
//!
//! Written as a private temporary file (0600) in the same folder, then renamed over the old
//! one: a reader sees the old file or the new one, never half of either, and two tshoot
//! processes writing at once each rename a complete file (the last one wins). A folder that
//! cannot be created or written just means no cache; nothing is reported.

use std::fs::{self, OpenOptions};
use std::io::{self, Read as _, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, OpenOptionsExt as _};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Cache files larger than this are not read (the 50,000-error corpus needs about 40 MB).
pub const MAX_CACHE_BYTES: u64 = 1024 * 1024 * 1024;

/// How cache files are named (guide entries, search indexes); `tshoot cache clear`
/// removes exactly these.
pub const PREFIX: &str = "guides-";
pub const INDEX_PREFIX: &str = "index-";
pub const SUMMARY_PREFIX: &str = "summary-";
pub const SUFFIX: &str = ".bin";
/// Temporary files left by a write that was interrupted.
const TEMP_PREFIX: &str = ".tmp-";
/// A temporary file untouched for this long is left over from a write that was
/// interrupted (a write takes well under a second): the next write removes it.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// The whole of a cache file, if it is a regular file within [`MAX_CACHE_BYTES`].
#[must_use]
pub fn read(path: &Path) -> Option<Vec<u8>> {
    // Non-blocking: a FIFO planted in the cache folder must not hang the start.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_CACHE_BYTES {
        return None;
    }
    let mut data = Vec::with_capacity(usize::try_from(meta.len()).ok()?);
    file.take(MAX_CACHE_BYTES + 1).read_to_end(&mut data).ok()?;
    (data.len() as u64 <= MAX_CACHE_BYTES).then_some(data)
}

/// Whether the file at `path` begins with `prefix` (only that much of it is read).
#[must_use]
pub fn starts_with(path: &Path, prefix: &[u8]) -> bool {
    let Ok(file) = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
    else {
        return false;
    };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = Vec::with_capacity(prefix.len());
    file.take(prefix.len() as u64)
        .read_to_end(&mut head)
        .is_ok_and(|_| head == prefix)
}

/// Writes `bytes` as `dir/name`, atomically, creating `dir` (0700) if needed.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    sweep(dir, STALE_AFTER);
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(dir.join(name)).map_err(|e| e.error)?;
    Ok(())
}

/// Removes every cache file (and leftover temporary file) from `dir`; how many.
pub fn clear(dir: &Path) -> io::Result<usize> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = ([PREFIX, INDEX_PREFIX, SUMMARY_PREFIX]
            .iter()
            .any(|p| name.starts_with(p))
            && name.ends_with(SUFFIX))
            || name.starts_with(TEMP_PREFIX);
        if ours && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Removes the temporary files in `dir` last modified more than `age` ago: what writes
/// that were interrupted (a killed or crashed tshoot) left behind. A write in progress
/// keeps its file fresh, so it is not touched.
pub fn sweep(dir: &Path, age: Duration) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !entry
            .file_name()
            .as_encoded_bytes()
            .starts_with(TEMP_PREFIX.as_bytes())
        {
            continue;
        }
        let stale = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|idle| idle > age);
        if stale {
            // Another process may have removed it first.
            let _ = fs::remove_file(entry.path());
        }
    }
}
