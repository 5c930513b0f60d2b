//! Finding the guide files below a source folder without being trapped by the folder.
//!
//! A guides folder is as untrusted as the guides in it, and a folder can be made to hang a
//! naive walk: ten links to `.` give k⁸ paths, one `ln -s / r` walks the whole machine, a
//! FIFO named `x.yaml` blocks the first `open`. So the walk here
//!
//! - tracks the folders it has searched by (device, inode) and never searches one twice;
//! - follows a folder link only when it stays inside the source folder;
//! - stops [`MAX_DIR_DEPTH`] folders down and says so once;
//! - takes only regular files, and never opens anything while walking (only `stat`s);
//! - keeps file names that are not UTF-8 and shows every name escaped ([`display_name`]),
//!   so a name cannot forge an output line or drive the terminal.
//!
//! Reading the files it finds is [`super::read`]'s job.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Diagnostics};

/// Folders more than this many levels below a source are not searched for guides.
pub const MAX_DIR_DEPTH: usize = 8;

/// At most this many folder entries are looked at below one source; the rest are reported.
pub const MAX_ENTRIES: usize = 1_000_000;

/// What identifies one version of a file on disk: a change to any of these means the
/// file must be read again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FileKey {
    pub size: u64,
    /// Modification time in nanoseconds since the epoch.
    pub mtime_ns: i128,
    pub inode: u64,
    pub device: u64,
}

impl FileKey {
    #[must_use]
    pub fn of(meta: &fs::Metadata) -> FileKey {
        FileKey {
            size: meta.size(),
            mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            inode: meta.ino(),
            device: meta.dev(),
        }
    }
}

/// A regular guide file found below a source.
#[derive(Clone, Debug)]
pub struct Found {
    pub path: PathBuf,
    /// The path as shown to the user: escaped by [`display_name`].
    pub shown: String,
    pub key: FileKey,
}

/// One result of a walk, in walk order: a file to read, or a problem to report.
#[derive(Clone, Debug)]
pub enum Item {
    File(Found),
    Problem(Diagnostic),
}

/// The files among a walk's items, in order.
pub fn files(items: &[Item]) -> impl Iterator<Item = &Found> {
    items.iter().filter_map(|item| match item {
        Item::File(found) => Some(found),
        Item::Problem(_) => None,
    })
}

/// Every guide file of a source (a file or a folder), and what was skipped on the way.
#[must_use]
pub fn scan(root: &Path) -> Vec<Item> {
    let shown = display_name(root);
    let mut items = Vec::new();
    let meta = match fs::metadata(root) {
        Ok(meta) => meta,
        Err(e) => {
            items.push(problem(&shown, false, format!("cannot read: {e}")));
            return items;
        }
    };
    if !meta.is_dir() {
        items.push(file_item(root.to_path_buf(), shown, &meta));
        return items;
    }
    let mut walk = Walk {
        root: fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
        visited: HashSet::from([(meta.dev(), meta.ino())]),
        entries: 0,
        too_deep: false,
        too_many: false,
        items,
    };
    walk.folder(root, 0);
    walk.items
}

struct Walk {
    /// The source folder with every link resolved, to tell where a folder link leads.
    root: PathBuf,
    /// (device, inode) of every folder searched so far.
    visited: HashSet<(u64, u64)>,
    entries: usize,
    /// Whether the depth cap (or the entry cap) has been reported for this source.
    too_deep: bool,
    too_many: bool,
    items: Vec<Item>,
}

impl Walk {
    /// Searches `dir`, which is `depth` levels below the source and not yet visited.
    fn folder(&mut self, dir: &Path, depth: usize) {
        let mut entries: Vec<(PathBuf, bool)> = match fs::read_dir(dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_symlink())))
                .collect(),
            Err(e) => {
                let shown = display_name(dir);
                self.items
                    .push(problem(&shown, false, format!("cannot read folder: {e}")));
                return;
            }
        };
        entries.sort();
        for (path, is_link) in entries {
            if self.entries >= MAX_ENTRIES {
                if !self.too_many {
                    self.too_many = true;
                    self.items.push(problem(
                        &display_name(dir),
                        false,
                        format!(
                            "more than {MAX_ENTRIES} files and folders below this source; the rest are not searched"
                        ),
                    ));
                }
                return;
            }
            self.entries += 1;
            self.entry(path, is_link, depth);
        }
    }

    fn entry(&mut self, path: PathBuf, is_link: bool, depth: usize) {
        let Some(name) = path.file_name() else { return };
        let name = name.as_encoded_bytes();
        if name.starts_with(b".") {
            return;
        }
        let is_guide = is_guide_name(name);
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                if is_guide {
                    let shown = display_name(&path);
                    self.items
                        .push(problem(&shown, false, format!("cannot read: {e}")));
                }
                return;
            }
        };
        if meta.is_dir() {
            self.subfolder(&path, &meta, is_link, depth + 1);
        } else if is_guide {
            let shown = display_name(&path);
            self.items.push(file_item(path, shown, &meta));
        }
    }

    fn subfolder(&mut self, path: &Path, meta: &fs::Metadata, is_link: bool, depth: usize) {
        if depth > MAX_DIR_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.items.push(problem(
                    &display_name(path),
                    false,
                    format!(
                        "this folder is more than {MAX_DIR_DEPTH} levels below its source; guides in it and in any deeper folder are not read"
                    ),
                ));
            }
            return;
        }
        if self.visited.contains(&(meta.dev(), meta.ino())) {
            // A second way into a folder already searched loses no guide; a link that
            // does it is worth a warning (it is often a loop), a bind mount is not.
            if is_link {
                self.items.push(problem(
                    &display_name(path),
                    true,
                    "folder link to a folder already searched (a loop?); not followed".to_owned(),
                ));
            }
            return;
        }
        if is_link {
            let target = fs::canonicalize(path);
            if !target.as_ref().is_ok_and(|t| t.starts_with(&self.root)) {
                let to = target.map_or_else(|e| e.to_string(), |t| display_name(&t));
                self.items.push(problem(
                    &display_name(path),
                    false,
                    format!("folder link leads outside the source folder (to {to}); not followed"),
                ));
                return;
            }
        }
        self.visited.insert((meta.dev(), meta.ino()));
        self.folder(path, depth);
    }
}

/// A file to read if it is a regular file; a FIFO, device or socket is reported, unopened.
fn file_item(path: PathBuf, shown: String, meta: &fs::Metadata) -> Item {
    if meta.is_file() {
        return Item::File(Found {
            path,
            shown,
            key: FileKey::of(meta),
        });
    }
    let kind = kind_of(meta);
    problem(
        &shown,
        false,
        format!("this is {kind}, not a regular file; not read"),
    )
}

fn kind_of(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    let t = meta.file_type();
    if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

fn problem(shown: &str, warning: bool, message: String) -> Item {
    let mut diags = Diagnostics::new(shown);
    if warning {
        diags.warning(None, message);
    } else {
        diags.error(None, message);
    }
    Item::Problem(diags.list.remove(0))
}

/// Whether a file name (as bytes) ends in `.yaml` or `.yml`, in any case.
fn is_guide_name(name: &[u8]) -> bool {
    let lower = |ext: &[u8]| {
        name.len() > ext.len() && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext)
    };
    lower(b".yaml") || lower(b".yml")
}

/// A path as shown to the user: bytes that are not UTF-8 as `\xFF`, control and invisible
/// direction characters as `\n`, `\t`, `\x1b`, `\u{202e}`, so that a file name can neither
/// break an output line nor reach the terminal as a control sequence.
#[must_use]
pub fn display_name(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if c.is_ascii_control() => {
                    let _ = write!(out, "\\x{:02x}", u32::from(c));
                }
                c if c.is_control() || is_direction_mark(c) => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02x}");
        }
    }
    out
}

/// Invisible characters that reorder text (bidi overrides and marks).
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt as _;
    use std::path::Path;

    use super::{display_name, is_guide_name};

    #[test]
    fn names_are_shown_escaped() {
        let name = |bytes: &[u8]| display_name(Path::new(OsStr::from_bytes(bytes)));
        assert_eq!(name(b"g/a.yaml"), "g/a.yaml");
        assert_eq!(name(b"g/\xffx.yaml"), "g/\\xffx.yaml");
        assert_eq!(
            name(b"g/a\nb.yaml: error: forged"),
            "g/a\\nb.yaml: error: forged"
        );
        assert_eq!(name(b"\x1b[31mred\t"), "\\x1b[31mred\\t");
        assert_eq!(name("r\u{202e}lmth.yaml".as_bytes()), "r\\u{202e}lmth.yaml");
        assert_eq!(name("\u{9b}2J".as_bytes()), "\\u{9b}2J");
        assert_eq!(name("svenska-åäö.yaml".as_bytes()), "svenska-åäö.yaml");
    }

    #[test]
    fn guide_names_end_in_yaml_or_yml() {
        assert!(is_guide_name(b"a.yaml"));
        assert!(is_guide_name(b"A.YML"));
        assert!(is_guide_name(b"\xff.yaml"));
        assert!(!is_guide_name(b".yaml"));
        assert!(!is_guide_name(b"a.yaml.bak"));
        assert!(!is_guide_name(b"yaml"));
    }
}
