//! The cache file format: a header naming the build and the source, then one framed,
//! checksummed entry per guide file.
//!
//! ```text
//! file   = MAGIC (8) · format version (u32) · build (u32 length, bytes) · source (u32, bytes)
//!          · entry*
//! entry  = length of the rest (u32) · CRC-32 of the rest (u32) · rest
//! rest   = size (u64) · mtime ns (i128) · inode (u64) · device (u64) · path (u32, bytes)
//!          · postcard(Checked)
//! ```
//! All integers little-endian. The file is never trusted: a header that is not exactly ours
//! (magic, format version, build, source) makes the whole file unused; entries are read
//! until the first one that is truncated or fails its checksum; a body that does not decode,
//! decodes into a guide whose indices point outside it, or holds a text the sanitiser would
//! have changed (an escape sequence, a control character, a direction override), is a miss. Lengths are checked
//! against the bytes that remain before anything is allocated, and postcard caps what it
//! preallocates, so a hostile length costs nothing. The types stored are not recursive, so
//! there is no nesting to exhaust.

use crate::guide::load::Checked;
use crate::guide::sanitize::is_clean;
use crate::guide::sources::FileKey;
use crate::guide::{Guide, Next, Related};

/// The first bytes of every cache file.
pub const MAGIC: &[u8; 8] = b"tshoot\xc0\x01";

/// Raised whenever the layout above or the stored types change.
pub const FORMAT_VERSION: u32 = 1;

/// The fixed part of an entry after its length and checksum.
const KEY_BYTES: usize = 8 + 16 + 8 + 8;

/// One entry as found in a cache file, body not yet decoded.
#[derive(Clone, Copy, Debug)]
pub struct RawEntry<'a> {
    pub path: &'a [u8],
    pub key: FileKey,
    /// The encoded `Checked`.
    pub body: &'a [u8],
    /// The whole entry, framing included, to copy into a rewritten file as it is.
    pub bytes: &'a [u8],
}

/// The header of a cache file for `source` written by `build`.
#[must_use]
pub fn header(build: &str, source: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 + build.len() + source.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    push_bytes(&mut out, build.as_bytes());
    push_bytes(&mut out, source);
    out
}

/// Appends the entry of one file; `false` (and nothing appended) if it cannot be encoded.
pub fn push_entry(out: &mut Vec<u8>, path: &[u8], key: FileKey, checked: &Checked) -> bool {
    let Ok(body) = postcard::to_stdvec(checked) else {
        return false;
    };
    let mut rest = Vec::with_capacity(KEY_BYTES + 4 + path.len() + body.len());
    rest.extend_from_slice(&key.size.to_le_bytes());
    rest.extend_from_slice(&key.mtime_ns.to_le_bytes());
    rest.extend_from_slice(&key.inode.to_le_bytes());
    rest.extend_from_slice(&key.device.to_le_bytes());
    push_bytes(&mut rest, path);
    rest.extend_from_slice(&body);
    let Ok(len) = u32::try_from(rest.len()) else {
        return false;
    };
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&rest).to_le_bytes());
    out.extend_from_slice(&rest);
    true
}

/// The entries of a cache file, or `None` when its header is not exactly the expected one.
#[must_use]
pub fn parse<'a>(data: &'a [u8], build: &str, source: &[u8]) -> Option<Vec<RawEntry<'a>>> {
    let expected = header(build, source);
    let mut rest = data.strip_prefix(expected.as_slice())?;
    let mut entries = Vec::new();
    while !rest.is_empty() {
        let Some(entry) = next_entry(&mut rest) else {
            break;
        };
        entries.push(entry);
    }
    Some(entries)
}

/// Takes one entry off the front of `rest`; `None` when it is truncated or corrupt.
fn next_entry<'a>(rest: &mut &'a [u8]) -> Option<RawEntry<'a>> {
    let whole = *rest;
    let mut r = Reader(whole);
    let len = usize::try_from(r.u32()?).ok()?;
    let crc = r.u32()?;
    let body = r.take(len)?;
    if crc32fast::hash(body) != crc {
        return None;
    }
    let bytes = &whole[..8 + len];
    *rest = r.0;
    let mut b = Reader(body);
    let key = FileKey {
        size: u64::from_le_bytes(b.array()?),
        mtime_ns: i128::from_le_bytes(b.array()?),
        inode: u64::from_le_bytes(b.array()?),
        device: u64::from_le_bytes(b.array()?),
    };
    let path_len = usize::try_from(b.u32()?).ok()?;
    let path = b.take(path_len)?;
    Some(RawEntry {
        path,
        key,
        body: b.0,
        bytes,
    })
}

/// Decodes an entry's body; `None` when it does not decode into a consistent result whose
/// every text is clean.
#[must_use]
pub fn decode(body: &[u8]) -> Option<Checked> {
    let checked: Checked = postcard::from_bytes(body).ok()?;
    let texts_clean = checked
        .diagnostics
        .iter()
        .all(|d| is_clean(&d.message) && is_clean(&d.file));
    (texts_clean
        && checked
            .guide
            .as_ref()
            .is_none_or(|g| consistent(g) && clean(g)))
    .then_some(checked)
}

/// Whether every string of a guide is one the loader could have made: sanitised at load
/// (see [`crate::guide::sanitize`]), so no escape sequence, control character or direction
/// override. A cache entry that carries one was not written by tshoot; it is refused like a
/// corrupt one, and the file is read again.
fn clean(guide: &Guide) -> bool {
    let mut strings: Vec<&str> = vec![guide.id.as_str(), guide.origin.file.as_str()];
    strings.extend(
        guide
            .tags
            .iter()
            .chain(&guide.languages)
            .map(String::as_str),
    );
    strings.extend(guide.sources.iter().map(|l| l.url.as_str()));
    for node in &guide.nodes {
        strings.push(&node.id);
        for answer in &node.answers {
            match &answer.next {
                Next::OtherError { guide, error, .. } => {
                    strings.extend([guide, error].map(String::as_str));
                }
                Next::OtherGuide { guide, .. } => strings.push(guide),
                Next::Node(_) | Next::Error(_) => {}
            }
        }
    }
    for error in &guide.errors {
        strings.push(&error.id);
        strings.extend(error.links.iter().map(|l| l.url.as_str()));
        strings.extend(error.checklist.iter().filter_map(|s| s.link.as_deref()));
        for related in &error.related {
            if let Related::Other { guide, error, .. } = related {
                strings.extend([guide, error].map(String::as_str));
            }
        }
    }
    strings.into_iter().all(is_clean)
        && guide
            .texts()
            .into_iter()
            .all(|t| t.all().chain(t.languages()).all(is_clean))
}

/// Whether every index inside a guide points at something that exists, as validation
/// guarantees; a decoded guide that breaks this would panic a screen, so it is refused.
fn consistent(guide: &Guide) -> bool {
    let nodes = guide.nodes.len();
    let errors = guide.errors.len();
    let answer_ok = |next: &Next| match next {
        Next::Node(i) => *i < nodes,
        Next::Error(i) => *i < errors,
        _ => true,
    };
    guide.start < nodes
        && guide
            .nodes
            .iter()
            .all(|n| n.answers.iter().all(|a| answer_ok(&a.next)))
        && guide.errors.iter().all(|e| {
            e.related
                .iter()
                .all(|r| !matches!(r, Related::Local(i) if *i >= errors))
        })
}

fn push_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    // A length over u32 is written as u32::MAX and can never match on reading.
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(bytes);
}

/// A cursor over untrusted bytes: every take is checked against what remains.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }
}
