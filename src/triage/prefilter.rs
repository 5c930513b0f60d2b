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
//! The literals go into one `aho-corasick` automaton (case-insensitive for ASCII).

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

/// The literal chosen for `message` (as parsed into `pattern`): the rarest plain word.
#[must_use]
pub fn choose(message: &str, pattern: &Pattern) -> Option<String> {
    let written = Words::of(message);
    let plain: Vec<String> = written
        .list
        .iter()
        .map(|w| &message[w.span.clone()])
        .filter(|w| w.is_ascii())
        .map(str::to_ascii_lowercase)
        .collect();
    let required: Vec<&str> = pattern.required_words().collect();
    if let Some(best) = required
        .iter()
        .filter(|w| plain.iter().any(|p| p == *w))
        .max_by_key(|w| rarity(w))
    {
        return Some((*best).to_owned());
    }
    // No plain word: the longest word as written in the message.
    written
        .list
        .iter()
        .map(|w| &message[w.span.clone()])
        .max_by_key(|w| w.len())
        .map(str::to_owned)
}

/// The automaton over every chosen literal.
#[derive(Clone, Debug)]
pub struct Prefilter {
    /// `None` when the literals could not be built into one (far beyond a catalog's worth
    /// of words): then nothing matches, rather than everything.
    automaton: Option<AhoCorasick>,
    /// The literals, by automaton pattern id.
    pub literals: Vec<String>,
}

impl Prefilter {
    /// Builds the automaton over `literals` (deduplicated by the caller).
    #[must_use]
    pub fn new(literals: Vec<String>) -> Prefilter {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&literals)
            .ok();
        Prefilter {
            automaton,
            literals,
        }
    }

    /// The start of the first literal in `haystack`, if any.
    #[must_use]
    pub fn find(&self, haystack: &[u8]) -> Option<usize> {
        self.automaton.as_ref()?.find(haystack).map(|m| m.start())
    }

    /// Every literal id found in `haystack`, in no particular order, possibly repeated.
    pub fn present<'h>(&'h self, haystack: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
        self.automaton
            .iter()
            .flat_map(move |a| a.find_overlapping_iter(haystack))
            .map(|m| m.pattern().as_usize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(message: &str) -> String {
        let p = Pattern::parse(message).expect("a pattern");
        choose(message, &p).expect("a literal")
    }

    #[test]
    fn the_rarest_plain_word_of_each_message_is_chosen() {
        assert_eq!(
            pick("ServiceDeskHttpBadRequestException: StatusCode=429"),
            "servicedeskhttpbadrequestexception"
        );
        assert_eq!(
            pick(
                "Could not create/update work item for alert {alertName}. ITSM Connector {connectionIdentifier} does not exist or was deleted."
            ),
            "connector"
        );
        assert_eq!(
            pick("An error occurred while sending the request."),
            "occurred"
        );
        // Swedish: a word written with å/ä/ö is never chosen, its plain neighbours are.
        assert_eq!(
            pick("något gick fel. Det gick inte att hämta anslutnings information."),
            "anslutnings"
        );
    }

    #[test]
    fn finds_any_literal_ignoring_ascii_case() {
        let p = Prefilter::new(vec!["refreshtoken".into(), "servicenow".into()]);
        assert_eq!(p.find(b"xx SERVICENOW yy"), Some(3));
        assert_eq!(p.find(b"nothing here"), None);
        let mut found: Vec<usize> = p.present(b"RefreshToken ServiceNow").collect();
        found.sort_unstable();
        assert_eq!(found, [0, 1]);
    }
}
