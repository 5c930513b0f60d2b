//! The catalog's summary, cached beside the search index, so that `tshoot list` and a warm
//! `tshoot search` decode no guide at all.
//!
//! `list` needs each guide's id, title, summary, error count, languages and file; `search`
//! needs, for its few hits only, the error's id and title; both print what the load found
//! wrong. All of that depends on the whole catalog (overrides, references between guides),
//! so like the index it is keyed by the exact [`Fingerprint`] of every input file, and
//! written whenever a full load finds the stored one missing or made from other inputs.
//!
//! ```text
//! file    = MAGIC (8) · format version (u32) · fingerprint (u64 length, bytes) · listing · errors
//! listing = length (u32) · CRC-32 (u32) · postcard(guides, problem lines)
//! errors  = length (u32) · CRC-32 (u32) · count (u32) · (count + 1) offsets (u32) · records
//! ```
//! Record `k` (the errors of every guide in catalog order) is `records[offset k .. offset
//! k+1]`, postcard of the error's id and title, decoded only when a hit shows it. Never
//! trusted: every text decoded is checked clean (as the sanitiser leaves it) on the way in;
//! the listing is checked when read, the errors section's checksum on the first record
//! asked for, and each record when it is decoded. Anything wrong means no summary: the
//! caller loads the guides instead.

use std::cell::OnceCell;

use crate::guide::sanitize::is_clean;
use crate::guide::{Catalog, Text};

use super::index::Fingerprint;
use super::{Cache, store};

/// The first bytes of a cached summary.
const MAGIC: &[u8; 8] = b"tshoot\xc2\x01";

/// One guide as `tshoot list` shows it.
#[derive(Debug, serde::Deserialize)]
pub struct GuideLine {
    pub id: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub errors: u32,
    pub languages: Vec<String>,
    pub file: String,
}

/// [`GuideLine`] borrowed from a catalog, for writing (postcard writes both alike).
#[derive(serde::Serialize)]
struct GuideLineOut<'a> {
    id: &'a str,
    title: &'a Text,
    summary: Option<&'a Text>,
    errors: u32,
    languages: &'a [String],
    file: &'a str,
}

/// One error as a search hit shows it.
#[derive(Debug, serde::Deserialize)]
pub struct ErrorLine {
    pub id: String,
    pub title: Text,
}

#[derive(serde::Serialize)]
struct ErrorLineOut<'a> {
    id: &'a str,
    title: &'a Text,
}

#[derive(serde::Deserialize)]
struct Listing {
    guides: Vec<GuideLine>,
    problems: Vec<String>,
}

#[derive(serde::Serialize)]
struct ListingOut<'a> {
    guides: Vec<GuideLineOut<'a>>,
    problems: &'a [String],
}

/// A cached summary; see the module docs.
#[derive(Debug)]
pub struct Summary {
    pub guides: Vec<GuideLine>,
    /// What the load reported (see [`load_problems`]), one line each.
    pub problems: Vec<String>,
    /// The whole file: the errors section is read from it on demand.
    data: Vec<u8>,
    /// Where the errors section's body starts in `data`, and its checksum.
    errors_at: usize,
    errors_crc: u32,
    /// Whether the errors section's checksum holds, once it has been asked.
    errors_ok: OnceCell<bool>,
    /// The number of the first record of each guide.
    first: Vec<usize>,
    /// How many records there are.
    count: usize,
    /// The file it was read from, to remove it when it turns out damaged.
    path: Option<std::path::PathBuf>,
}

/// The lines a command prints on standard error about a load: each file that failed
/// (skipped, unless only a reference between guides was dropped) and each guide overridden
/// by a later source. Lint warnings are left to `tshoot validate`.
#[must_use]
pub fn load_problems(catalog: &Catalog) -> Vec<String> {
    let mut lines = Vec::new();
    for problem in catalog.problems.iter().filter(|p| p.diagnostic.is_error()) {
        let d = &problem.diagnostic;
        // A cross-guide problem leaves its guide loaded, minus the broken reference.
        let loaded = catalog.guides.iter().any(|g| g.origin.file == d.file);
        let skipped = if loaded { "" } else { " (skipped)" };
        lines.push(match d.pos {
            Some(pos) => format!(
                "{}:{}:{}: {}{skipped}",
                d.file, pos.line, pos.col, d.message
            ),
            None => format!("{}: {}{skipped}", d.file, d.message),
        });
    }
    lines.extend(catalog.notices.iter().cloned());
    lines
}

/// The summary file of `catalog`, made from the inputs `fingerprint` names; `None` when
/// it is too large for its lengths.
#[must_use]
pub fn encode(catalog: &Catalog, fingerprint: &Fingerprint) -> Option<Vec<u8>> {
    let problems = load_problems(catalog);
    let listing = ListingOut {
        guides: catalog
            .guides
            .iter()
            .map(|g| {
                Some(GuideLineOut {
                    id: &g.id,
                    title: &g.title,
                    summary: g.summary.as_ref(),
                    errors: u32::try_from(g.errors.len()).ok()?,
                    languages: &g.languages,
                    file: &g.origin.file,
                })
            })
            .collect::<Option<_>>()?,
        problems: &problems,
    };
    let listing = postcard::to_stdvec(&listing).ok()?;
    let mut records = Vec::new();
    let mut offsets: Vec<u32> = vec![0];
    for guide in &catalog.guides {
        for error in &guide.errors {
            let out = ErrorLineOut {
                id: &error.id,
                title: &error.title,
            };
            records = postcard::to_extend(&out, records).ok()?;
            offsets.push(u32::try_from(records.len()).ok()?);
        }
    }
    let mut errors = Vec::with_capacity(4 + offsets.len() * 4 + records.len());
    errors.extend_from_slice(&u32::try_from(offsets.len() - 1).ok()?.to_le_bytes());
    for offset in &offsets {
        errors.extend_from_slice(&offset.to_le_bytes());
    }
    errors.extend_from_slice(&records);

    let mut out = fingerprint.header(*MAGIC);
    for section in [&listing, &errors] {
        out.extend_from_slice(&u32::try_from(section.len()).ok()?.to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(section).to_le_bytes());
        out.extend_from_slice(section);
    }
    Some(out)
}

/// The header of a summary file made from the inputs `fingerprint` names.
#[must_use]
pub fn header(fingerprint: &Fingerprint) -> Vec<u8> {
    fingerprint.header(*MAGIC)
}

/// Takes one section (length, checksum, body) off the front of `rest`: the body, where it
/// starts, and its checksum, not yet verified.
fn section<'a>(rest: &mut &'a [u8], at: &mut usize) -> Option<(&'a [u8], usize, u32)> {
    let (len, tail) = rest.split_first_chunk::<4>()?;
    let (crc, tail) = tail.split_first_chunk::<4>()?;
    let len = usize::try_from(u32::from_le_bytes(*len)).ok()?;
    if len > tail.len() {
        return None;
    }
    let (body, tail) = tail.split_at(len);
    let start = *at + 8;
    *at = start + len;
    *rest = tail;
    Some((body, start, u32::from_le_bytes(*crc)))
}

fn clean_text(text: &Text) -> bool {
    text.all().chain(text.languages()).all(is_clean)
}

fn u32_at(data: &[u8], at: usize) -> Option<usize> {
    let bytes = data.get(at..at.checked_add(4)?)?;
    usize::try_from(u32::from_le_bytes(bytes.try_into().ok()?)).ok()
}

impl Summary {
    /// Reads a summary file; `None` unless it was made from exactly the inputs
    /// `fingerprint` names and its listing is sound.
    #[must_use]
    pub fn parse(data: Vec<u8>, fingerprint: &Fingerprint) -> Option<Summary> {
        let header = fingerprint.header(*MAGIC);
        let mut rest = data.strip_prefix(header.as_slice())?;
        let mut at = header.len();
        let (listing, _, crc) = section(&mut rest, &mut at)?;
        if crc32fast::hash(listing) != crc {
            return None;
        }
        let (errors, errors_at, errors_crc) = section(&mut rest, &mut at)?;
        if !rest.is_empty() {
            return None;
        }
        let Listing { guides, problems } = postcard::from_bytes(listing).ok()?;
        let clean = problems.iter().all(|p| is_clean(p))
            && guides.iter().all(|g| {
                is_clean(&g.id)
                    && is_clean(&g.file)
                    && g.languages.iter().all(|l| is_clean(l))
                    && clean_text(&g.title)
                    && g.summary.as_ref().is_none_or(clean_text)
            });
        if !clean {
            return None;
        }
        let mut first = Vec::with_capacity(guides.len());
        let mut count = 0usize;
        for guide in &guides {
            first.push(count);
            count = count.checked_add(usize::try_from(guide.errors).ok()?)?;
        }
        // The offsets must fit in the section; the records are checked when read.
        let offsets_end = count.checked_add(2)?.checked_mul(4)?;
        if u32_at(errors, 0)? != count || offsets_end > errors.len() {
            return None;
        }
        Some(Summary {
            guides,
            problems,
            data,
            errors_at,
            errors_crc,
            errors_ok: OnceCell::new(),
            first,
            count,
            path: None,
        })
    }

    /// Removes the file this summary was read from, so that the next load writes it
    /// again: for a summary found damaged only when an error was read from it.
    pub fn discard(&self) {
        if let Some(path) = &self.path {
            // Already gone, or replaced by another process: either way it is rebuilt.
            let _ = std::fs::remove_file(path);
        }
    }

    /// The number of errors of guide `guide`, if there is such a guide.
    #[must_use]
    pub fn errors_of(&self, guide: usize) -> Option<usize> {
        self.guides
            .get(guide)
            .and_then(|g| usize::try_from(g.errors).ok())
    }

    /// Error `error` of guide `guide`: decoded now, and only if it is sound.
    #[must_use]
    pub fn error(&self, guide: usize, error: usize) -> Option<ErrorLine> {
        if error >= self.errors_of(guide)? {
            return None;
        }
        let k = self.first.get(guide)? + error;
        let section_len = u32_at(&self.data, self.errors_at - 8)?;
        let section = self
            .data
            .get(self.errors_at..self.errors_at.checked_add(section_len)?)?;
        let sound = *self
            .errors_ok
            .get_or_init(|| crc32fast::hash(section) == self.errors_crc);
        if !sound || k >= self.count {
            return None;
        }
        let records = 4 + (self.count + 1) * 4;
        let (start, end) = (u32_at(section, 4 + k * 4)?, u32_at(section, 8 + k * 4)?);
        if start > end {
            return None;
        }
        let bytes = section.get(records.checked_add(start)?..records.checked_add(end)?)?;
        let line: ErrorLine = postcard::from_bytes(bytes).ok()?;
        (is_clean(&line.id) && clean_text(&line.title)).then_some(line)
    }
}

impl Cache {
    fn summary_name(fingerprint: &Fingerprint) -> String {
        fingerprint.file_name(store::SUMMARY_PREFIX)
    }

    /// Where the summary of the catalog `fingerprint` names is kept.
    #[must_use]
    pub fn summary_file(&self, fingerprint: &Fingerprint) -> std::path::PathBuf {
        self.dir.join(Cache::summary_name(fingerprint))
    }

    /// The cached summary of the catalog `fingerprint` names, if there is a sound one.
    #[must_use]
    pub fn summary(&self, fingerprint: &Fingerprint) -> Option<Summary> {
        let path = self.summary_file(fingerprint);
        let data = store::read(&path)?;
        let ours = data.starts_with(&fingerprint.header(*MAGIC));
        let Some(mut summary) = Summary::parse(data, fingerprint) else {
            // Made from these very inputs yet unsound: the next load must not keep it.
            if ours {
                let _ = std::fs::remove_file(&path);
            }
            return None;
        };
        summary.path = Some(path);
        Some(summary)
    }

    /// Writes the summary of `catalog` unless the one stored was made from the same
    /// inputs (only its header is read to tell).
    pub fn remember_summary(&self, catalog: &Catalog, fingerprint: &Fingerprint) {
        let path = self.dir.join(Cache::summary_name(fingerprint));
        let header = fingerprint.header(*MAGIC);
        if store::starts_with(&path, &header) {
            return;
        }
        if let Some(bytes) = encode(catalog, fingerprint) {
            // A folder we cannot write just means no cache.
            let _ = store::write(&self.dir, &Cache::summary_name(fingerprint), &bytes);
        }
    }
}
