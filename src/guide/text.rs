//! `Text`: a guide string that is either one text for every language or one text per language.
//!
//! Guides are bilingual data, so every human-facing field is a `Text`. Picking the string to
//! show is the job of [`Text::get`], which falls back to English (then to any language) and
//! says so, so a screen can mark the fallback visibly.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use crate::lang::Lang;

/// A human-facing string of a guide.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Text {
    /// One string for every language (a literal error message, a product name).
    Plain(String),
    /// One string per language code, in the order the author wrote them.
    Localized(Vec<(String, String)>),
}

/// The string chosen for a language, and whether it is a fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pick<'a> {
    pub text: &'a str,
    /// The language actually shown when the requested one was missing.
    pub fallback: Option<&'a str>,
}

impl Text {
    /// The string for `lang`: that language, else English, else the first one written.
    #[must_use]
    pub fn get(&self, lang: Lang) -> Pick<'_> {
        match self {
            Text::Plain(s) => Pick {
                text: s,
                fallback: None,
            },
            Text::Localized(pairs) => {
                if let Some((_, s)) = pairs.iter().find(|(code, _)| code == lang.code()) {
                    return Pick {
                        text: s,
                        fallback: None,
                    };
                }
                let (code, s) = pairs
                    .iter()
                    .find(|(code, _)| code == Lang::En.code())
                    .or(pairs.first())
                    .map_or(("", ""), |(c, s)| (c.as_str(), s.as_str()));
                Pick {
                    text: s,
                    fallback: Some(code),
                }
            }
        }
    }

    /// The string for `lang`, without saying whether it fell back.
    #[must_use]
    pub fn show(&self, lang: Lang) -> &str {
        self.get(lang).text
    }

    /// Every string of this text, in every language.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        let (plain, pairs) = match self {
            Text::Plain(s) => (Some(s.as_str()), &[][..]),
            Text::Localized(pairs) => (None, pairs.as_slice()),
        };
        plain
            .into_iter()
            .chain(pairs.iter().map(|(_, s)| s.as_str()))
    }

    /// The language codes this text has (none for a plain text).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        let pairs = match self {
            Text::Plain(_) => &[][..],
            Text::Localized(pairs) => pairs.as_slice(),
        };
        pairs.iter().map(|(code, _)| code.as_str())
    }

    /// Applies `f` to every string.
    #[must_use]
    pub fn map(self, f: impl Fn(&str) -> String) -> Text {
        match self {
            Text::Plain(s) => Text::Plain(f(&s)),
            Text::Localized(pairs) => {
                Text::Localized(pairs.into_iter().map(|(c, s)| (c, f(&s))).collect())
            }
        }
    }
}

/// Whether `code` looks like a language code: two or three lowercase ASCII letters.
#[must_use]
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

pub(crate) const EXPECTING: &str =
    "a text (a string, or one string per language such as `en:` and `sv:`)";

/// Reads a `Text` from any deserializer: a scalar, or a map of language code → string.
pub(crate) struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
        Ok(Text::Plain(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Text, E> {
        Ok(Text::Plain(s))
    }

    // Unquoted `true` or `42` in a text field is meant as text.
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Text, E> {
        Ok(Text::Plain(b.to_string()))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Text, E> {
        Ok(Text::Plain(n.to_string()))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Text, E> {
        Ok(Text::Plain(n.to_string()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text, E> {
        Err(E::custom(
            "a number is not a text here: put it in quotes so it is kept as written",
        ))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
        read_language_map(map, None)
    }
}

/// Reads the rest of a language map; `first` is a key the caller already took.
pub(crate) fn read_language_map<'de, A: MapAccess<'de>>(
    mut map: A,
    first: Option<String>,
) -> Result<Text, A::Error> {
    let mut pairs = Vec::new();
    let mut key = match first {
        Some(k) => Some(k),
        None => map.next_key::<String>()?,
    };
    while let Some(code) = key {
        if !is_language_code(&code) {
            return Err(de::Error::custom(format!(
                "`{code}` is not a language code: use a code such as `en` or `sv`"
            )));
        }
        let value: PlainString = map.next_value()?;
        pairs.push((code, value.0));
        key = map.next_key::<String>()?;
    }
    if pairs.is_empty() {
        return Err(de::Error::custom("a text needs at least one language"));
    }
    Ok(Text::Localized(pairs))
}

/// A string value inside a language map; numbers and booleans are taken as written.
struct PlainString(String);

impl<'de> Deserialize<'de> for PlainString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(TextVisitor)? {
            Text::Plain(s) => Ok(PlainString(s)),
            Text::Localized(_) => Err(de::Error::custom(
                "a translation must be a string, not another map",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            d.deserialize_any(TextVisitor)
        } else {
            // A binary format (the cache) holds what `Serialize` wrote: the enum itself.
            Ok(match Binary::deserialize(d)? {
                Binary::Plain(s) => Text::Plain(s),
                Binary::Localized(pairs) => Text::Localized(pairs),
            })
        }
    }
}

/// `Text` as its derived `Serialize` writes it, for binary formats.
#[derive(serde::Deserialize)]
#[serde(rename = "Text")]
enum Binary {
    Plain(String),
    Localized(Vec<(String, String)>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn localized(pairs: &[(&str, &str)]) -> Text {
        Text::Localized(
            pairs
                .iter()
                .map(|(c, s)| ((*c).to_owned(), (*s).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn picks_requested_language() {
        let t = localized(&[("en", "Yes"), ("sv", "Ja")]);
        assert_eq!(
            t.get(Lang::Sv),
            Pick {
                text: "Ja",
                fallback: None
            }
        );
    }

    #[test]
    fn falls_back_to_english_and_says_so() {
        let t = localized(&[("de", "Ja"), ("en", "Yes")]);
        assert_eq!(
            t.get(Lang::Sv),
            Pick {
                text: "Yes",
                fallback: Some("en")
            }
        );
    }

    #[test]
    fn falls_back_to_first_language_without_english() {
        let t = localized(&[("sv", "Ja")]);
        assert_eq!(t.get(Lang::En).fallback, Some("sv"));
        assert_eq!(t.get(Lang::En).text, "Ja");
    }

    #[test]
    fn plain_text_is_never_a_fallback() {
        assert_eq!(Text::Plain("x".into()).get(Lang::Sv).fallback, None);
    }

    #[test]
    fn language_codes() {
        assert!(is_language_code("en"));
        assert!(is_language_code("sv"));
        assert!(is_language_code("fil"));
        assert!(!is_language_code("EN"));
        assert!(!is_language_code("step"));
        assert!(!is_language_code("s"));
    }
}
