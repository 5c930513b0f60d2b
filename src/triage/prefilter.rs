//! The prefilter: one literal word of every known message, looked for in whole blocks of a
//! log at once, so that only the few lines holding one are read word by word.
//!
//! A line can hold a message only if it holds every literal word of it, so any single word
//! will do for correctness; for speed it should be one that ordinary log lines seldom have.
//! Each message contributes its *rarest-looking* word: words common in logs (`error`,
//! `failed`, `connection`, `request`, …) are passed over, and among the rest the longest
//! wins, ties going to the word with the rarer letters. A word must be written in plain
//! ASCII in the message, because the automaton compares raw bytes ignoring ASCII case, which
//! for such a word is exactly search's folding; a message with no such word falls back to its
//! words as written.
//!
//! The literals go into one `aho-corasick` automaton, run over an ASCII-lowercased copy of
//! each block (see [`lower_into`]).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::pattern::Pattern;
use super::words::Words;

/// Words too common in application logs to be worth looking for.
const COMMON: &[&str] = &[
    "error",
    "errors",
    "failed",
    "failure",
    "fail",
    "exception",
    "connection",
    "request",
    "response",
    "status",
    "code",
    "message",
    "details",
    "detail",
    "information",
    "info",
    "warn",
    "warning",
    "debug",
    "trace",
    "update",
    "create",
    "created",
    "updated",
    "could",
    "not",
    "found",
    "invalid",
    "success",
    "successful",
    "successfully",
    "server",
    "service",
    "client",
    "user",
    "table",
    "incident",
    "alert",
    "event",
    "item",
    "work",
    "more",
    "see",
    "for",
    "the",
    "and",
    "with",
    "from",
    "does",
    "exist",
    "again",
    "time",
    "timeout",
    "true",
    "false",
    "null",
    "result",
    "value",
    "values",
    "name",
    "type",
    "data",
    "http",
    "https",
    "configuration",
    "operation",
    "record",
    "fields",
    "following",
    "det",
    "gick",
    "inte",
    "att",
    "och",
    "fel",
    "har",
    "som",
];

/// Letters that ordinary text seldom holds; a word with them is a better filter.
const RARE_LETTERS: &[u8] = b"jkqxzvwyfbgpm";

/// How good a filter a word is: higher is rarer.
fn rarity(word: &str) -> i64 {
    let len = i64::try_from(word.len()).unwrap_or(i64::MAX / 8);
    let rare =
        i64::try_from(word.bytes().filter(|b| RARE_LETTERS.contains(b)).count()).unwrap_or(0);
    let common = COMMON.contains(&word) || word.bytes().all(|b| b.is_ascii_digit());
    (if common { -1000 } else { 0 }) + len * 4 + rare
}

/// The words of `message` (parsed into `pattern`) that may stand for it: its required words
/// written in plain ASCII, or, when it has none, its longest word as written.
#[must_use]
pub fn candidates(message: &str, pattern: &Pattern) -> Vec<String> {
    let written = Words::of(message);
    let plain: Vec<String> = written
        .list
        .iter()
        .map(|w| &message[w.span.clone()])
        .filter(|w| w.is_ascii())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut out: Vec<String> = pattern
        .required_words()
        .filter(|w| plain.iter().any(|p| p == w))
        .map(str::to_owned)
        .collect();
    out.sort_unstable();
    out.dedup();
    if out.is_empty() {
        out.extend(
            written
                .list
                .iter()
                .map(|w| &message[w.span.clone()])
                .max_by_key(|w| w.len())
                .map(str::to_owned),
        );
    }
    out
}

/// The literal chosen among a message's `candidates`: the one seen least often in `sample`
/// (a first block of the log itself), then the rarest-looking. Words under four letters
/// are taken only when nothing else is left.
#[must_use]
pub fn choose<'c>(candidates: &'c [String], seen: &dyn Fn(&str) -> u64) -> Option<&'c str> {
    candidates
        .iter()
        .min_by_key(|w| (w.len() < 4, seen(w), -rarity(w)))
        .map(String::as_str)
}

/// The automaton over the literals chosen for each message.
#[derive(Clone, Debug)]
pub struct Prefilter {
    /// `None` when there is nothing to look for, or the literals could not be built into
    /// one automaton (far beyond a catalog's worth of words): then nothing matches.
    automaton: Option<AhoCorasick>,
    /// The same literals, for finding the next one fast.
    finder: Option<AhoCorasick>,
    /// The literals, by automaton pattern id.
    pub literals: Vec<String>,
    /// For each literal, the messages (pattern ids) that chose it.
    by_literal: Vec<Vec<u32>>,
}

/// An automaton over `words`; with `any_case`, ignoring ASCII case. `Standard` reports
/// every match (overlapping ones too); `LeftmostFirst` only finds the next one, but may use
/// the vectorised searcher.
fn automaton(words: &[String], any_case: bool, kind: MatchKind) -> Option<AhoCorasick> {
    if words.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(any_case)
        .match_kind(kind)
        .build(words)
        .ok()
}

/// Writes `src` into `dst` (as long) in ASCII lowercase and counts its newlines, in one
/// pass.
///
/// The prefilter looks for lowercase literals in the lowercased copy: the same answer as
/// ignoring case, but it lets `aho-corasick` use its vectorised (Teddy) searcher, which it
/// cannot when asked to ignore case; that is about twice as fast. The loop is written so the
/// compiler vectorises it: small chunks keep the newline count in a byte.
pub fn lower_into(src: &[u8], dst: &mut [u8]) -> u64 {
    let mut newlines = 0u64;
    for (s, d) in src.chunks(128).zip(dst.chunks_mut(128)) {
        let mut n = 0u8;
        for (a, b) in s.iter().zip(d.iter_mut()) {
            *b = a | (u8::from(a.wrapping_sub(b'A') < 26) << 5);
            n += u8::from(*a == b'\n');
        }
        newlines += u64::from(n);
    }
    newlines
}

impl Prefilter {
    /// Chooses a literal for every message from its candidates (`candidates[pattern id]`),
    /// by how often each appears in `sample` when one is given.
    #[must_use]
    pub fn new(candidates: &[Vec<String>], sample: Option<&[u8]>) -> Prefilter {
        let counts = sample.map(|sample| {
            let mut all: Vec<String> = candidates.iter().flatten().cloned().collect();
            all.sort_unstable();
            all.dedup();
            let mut counts = vec![0u64; all.len()];
            if let Some(a) = automaton(&all, true, MatchKind::Standard) {
                for m in a.find_overlapping_iter(sample) {
                    counts[m.pattern().as_usize()] += 1;
                }
            }
            (all, counts)
        });
        let seen = |w: &str| {
            counts.as_ref().map_or(0, |(all, counts)| {
                all.binary_search_by(|a| a.as_str().cmp(w))
                    .map_or(0, |i| counts[i])
            })
        };
        let mut literals: Vec<String> = Vec::new();
        let mut by_literal: Vec<Vec<u32>> = Vec::new();
        for (p, words) in candidates.iter().enumerate() {
            let Some(literal) = choose(words, &seen).map(str::to_ascii_lowercase) else {
                continue;
            };
            let id = literals
                .iter()
                .position(|l| *l == literal)
                .unwrap_or_else(|| {
                    literals.push(literal.clone());
                    by_literal.push(Vec::new());
                    literals.len() - 1
                });
            by_literal[id].push(u32::try_from(p).unwrap_or(u32::MAX));
        }
        Prefilter {
            finder: automaton(&literals, false, MatchKind::LeftmostFirst),
            automaton: automaton(&literals, false, MatchKind::Standard),
            literals,
            by_literal,
        }
    }

    /// The start of the first literal in `haystack` (in ASCII lowercase), if any.
    #[must_use]
    pub fn find(&self, haystack: &[u8]) -> Option<usize> {
        self.finder.as_ref()?.find(haystack).map(|m| m.start())
    }

    /// The messages (pattern ids) whose literal `haystack` (in ASCII lowercase) holds,
    /// sorted, each once.
    #[must_use]
    pub fn patterns_in(&self, haystack: &[u8]) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .automaton
            .iter()
            .flat_map(|a| a.find_overlapping_iter(haystack))
            .flat_map(|m| self.by_literal[m.pattern().as_usize()].iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(message: &str, sample: &str) -> String {
        let p = Pattern::parse(message).expect("a pattern");
        let filter = Prefilter::new(&[candidates(message, &p)], Some(sample.as_bytes()));
        filter.literals[0].clone()
    }

    #[test]
    fn without_a_sample_the_rarest_looking_plain_word_is_chosen() {
        let rate = "ServiceDeskHttpBadRequestException: StatusCode=429";
        assert_eq!(pick(rate, ""), "servicedeskhttpbadrequestexception");
        assert_eq!(
            pick("An error occurred while sending the request.", ""),
            "occurred"
        );
        // Swedish: a word written with å/ä/ö is never chosen, its plain neighbours are.
        assert_eq!(
            pick(
                "något gick fel. Det gick inte att hämta anslutnings information.",
                ""
            ),
            "anslutnings"
        );
    }

    #[test]
    fn the_word_least_seen_in_the_log_itself_wins() {
        let missing = "Could not create/update work item for alert {alertName}. ITSM Connector {connectionIdentifier} does not exist or was deleted.";
        assert_eq!(pick(missing, ""), "connector");
        let log = "INFO connector heartbeat ok\nINFO connector synced 3 items\nINFO alert fired\n";
        assert_eq!(pick(missing, log), "deleted");
    }

    #[test]
    fn finds_any_literal_in_the_lowercased_text() {
        let cands = vec![
            vec!["refreshtoken".to_owned()],
            vec!["servicenow".to_owned()],
        ];
        let p = Prefilter::new(&cands, None);
        let mut lower = [0u8; 17];
        assert_eq!(lower_into(b"xx SERVICENOW yy\n", &mut lower), 1);
        assert_eq!(&lower, b"xx servicenow yy\n");
        assert_eq!(p.find(&lower), Some(3));
        assert_eq!(p.find(b"nothing here"), None);
        let mut lower = [0u8; 36];
        lower_into(b"RefreshToken ServiceNow refreshtoken", &mut lower);
        assert_eq!(p.patterns_in(&lower), [0, 1]);
    }
}
