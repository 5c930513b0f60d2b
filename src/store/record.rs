//! The session file: what is written to disk, and the checks a file must pass before any of
//! it is believed.
//!
//! A session file is data another process, an older or newer tshoot, or a hostile user may
//! have written. It is read in two steps, as guides are: [`File`] mirrors the JSON (shape
//! only), then [`Saved::from_file`] checks the format name and version, bounds every string,
//! and passes every string shown in lists through [`clean`] once, so nothing read from a
//! session file can drive a terminal. The session itself is kept as JSON and only ever
//! replayed, action by action, over the catalog of the day: a guide that changed since is
//! noticed there, not trusted.

use serde::{Deserialize, Serialize};

use crate::guide::sanitize::clean;

/// The `format` field of every session file.
pub const FORMAT: &str = "tshoot-session";
/// The version this tshoot reads and writes.
pub const VERSION: u32 = 1;
/// A larger file is not read at all.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;
/// A longer string is cut (titles, captured values).
const MAX_TEXT_CHARS: usize = 2_000;

/// How a session ended, if it did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Still going: a question or a checklist is open.
    Open,
    /// A fix worked.
    Fixed,
    /// Nothing helped; the escalation was shown.
    Escalated,
}

impl Status {
    /// Fixed or escalated: kept as history, then removed.
    #[must_use]
    pub fn finished(self) -> bool {
        self != Status::Open
    }
}

/// Where a session stands, summarised when it is saved, for lists that do not load guides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The question asked or the error shown (its title, in the session's language).
    pub title: String,
    /// Questions answered so far.
    pub answered: usize,
    /// Checklist steps ticked, and all steps, when at an outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<(usize, usize)>,
}

/// The JSON of a session file, shape only.
#[derive(Debug, Serialize, Deserialize)]
pub struct File {
    pub format: String,
    pub version: u32,
    pub id: String,
    /// Saves so far; a save that finds a different number on disk was overtaken.
    pub revision: u64,
    /// RFC 3339, UTC.
    pub started: String,
    pub updated: String,
    pub lang: String,
    /// What the session is about, for lists.
    pub title: String,
    pub status: Status,
    pub place: Place,
    /// The guide the session began in.
    pub guide: String,
    /// The session itself, as the session model writes it; read back by replaying it over
    /// the catalog of the day (see `cli::resume`), never trusted as it is.
    pub session: serde_json::Value,
}

/// A checked session, safe to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub id: String,
    pub revision: u64,
    /// Seconds since the Unix epoch.
    pub started: i64,
    pub updated: i64,
    pub lang: String,
    pub title: String,
    pub status: Status,
    pub place: Place,
    pub guide: String,
    pub session: serde_json::Value,
}

/// Whether `id` may name a session file: lowercase letters, digits and `-`, at most 64.
#[must_use]
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Saved {
    /// Parses and checks a session file's bytes. The message says what is wrong.
    pub fn parse(bytes: &[u8]) -> Result<Saved, String> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(format!("larger than {MAX_FILE_BYTES} bytes"));
        }
        // Look at the format and version first, so a newer file says so instead of
        // failing on a field this version does not know.
        let head: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON: {e}"))?;
        if head.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
            return Err("not a tshoot session file".to_owned());
        }
        match head.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) if v > u64::from(VERSION) => {
                return Err(format!(
                    "written by a newer tshoot (format version {v}; this one reads {VERSION})"
                ));
            }
            _ => return Err("unknown format version".to_owned()),
        }
        let file: File = serde_json::from_value(head).map_err(|e| format!("malformed: {e}"))?;
        Saved::from_file(file)
    }

    /// Checks a parsed file: ids, times, bounds; cleans every string.
    pub fn from_file(file: File) -> Result<Saved, String> {
        if !valid_id(&file.id) {
            return Err("bad session id".to_owned());
        }
        let started = crate::store::clock::parse(&file.started)
            .ok_or_else(|| "bad `started` time".to_owned())?;
        let updated = crate::store::clock::parse(&file.updated)
            .ok_or_else(|| "bad `updated` time".to_owned())?;
        if !file.session.is_object() {
            return Err("no session in it".to_owned());
        }
        Ok(Saved {
            id: file.id,
            revision: file.revision,
            started,
            updated,
            lang: text(&file.lang),
            title: text(&file.title),
            status: file.status,
            place: Place {
                title: text(&file.place.title),
                ..file.place
            },
            guide: text(&file.guide),
            session: file.session,
        })
    }

    /// The file to write.
    #[must_use]
    pub fn to_file(&self) -> File {
        File {
            format: FORMAT.to_owned(),
            version: VERSION,
            id: self.id.clone(),
            revision: self.revision,
            started: crate::store::clock::format(self.started),
            updated: crate::store::clock::format(self.updated),
            lang: self.lang.clone(),
            title: self.title.clone(),
            status: self.status,
            place: self.place.clone(),
            guide: self.guide.clone(),
            session: self.session.clone(),
        }
    }
}

/// A string from a file made safe to print, and bounded.
fn text(s: &str) -> String {
    let cleaned = clean(s);
    match cleaned.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => cleaned[..cut].to_owned(),
        None => cleaned,
    }
}
