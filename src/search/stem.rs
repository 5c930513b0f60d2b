//! Word forms: Snowball stems (the `rust-stemmers` crate) in English and Swedish, so that
//! `åtgärderna` finds `åtgärden`, `mallarna` finds `mallar`, `skickades` finds `skickas`
//! and `failing` finds `failed`.
//!
//! Both languages are applied to every word: a query does not say its language, and a
//! stem that happens to exist in the other language costs a weaker match at most. Words
//! are folded first (`å` → `a`); the Swedish suffixes Snowball removes are ASCII but for
//! a few rare ones, so folding loses little. Swedish is stemmed twice, since Snowball
//! removes one ending and Swedish stacks them (`mallarnas` → `mallar` → `mall`).

use std::borrow::Cow;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static EN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
static SV: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Swedish));

/// Shortest word that is stemmed; shorter ones are matched as written.
pub const MIN_STEM_WORD: usize = 4;

/// Whether a folded word is stemmed at all: letters only, of a sensible length.
#[must_use]
pub fn stems(word: &str) -> bool {
    (MIN_STEM_WORD..=super::normalize::MAX_WORD_LEN).contains(&word.len())
        && word.chars().all(char::is_alphabetic)
}

/// The English stem of a folded word.
#[must_use]
pub fn english(word: &str) -> Cow<'_, str> {
    EN.stem(word)
}

/// The Swedish stem of a folded word (two rounds).
#[must_use]
pub fn swedish(word: &str) -> String {
    let once = SV.stem(word).into_owned();
    if once.len() >= 3 && once.len() < word.len() {
        let twice = SV.stem(&once);
        if twice.len() >= 3 {
            return twice.into_owned();
        }
    }
    once
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem() {
        assert_eq!(swedish("atgarderna"), swedish("atgarden"));
        assert_eq!(swedish("mallarna"), swedish("mallar"));
        assert_eq!(swedish("mallarnas"), swedish("mallarna"));
        assert_eq!(swedish("skickades"), swedish("skickas"));
        assert_eq!(english("failing"), english("failed"));
        assert_eq!(english("templates"), english("template"));
        assert_ne!(english("connector"), english("collector"));
    }
}
