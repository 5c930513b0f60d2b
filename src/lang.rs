//! The user's language: `--lang`, then `TSHOOT_LANG`, then the POSIX locale variables.
//!
//! Only the choice lives here; the strings themselves are in guides ([`crate::guide::Text`])
//! and in the label table ([`crate::labels`]).

use std::fmt;

/// A language tshoot can speak. Content in other languages still loads; it is shown through
/// the English fallback.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

/// The environment variables consulted, in order of precedence.
pub const LANG_VARS: [&str; 4] = ["TSHOOT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// The ISO 639-1 code used as a key in guide texts.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// Parses a language or locale name: `sv`, `sv_SE.UTF-8`, `sv-FI`, `en_US`.
    /// `C`, `POSIX` and languages tshoot does not speak give `None`.
    ///
    /// ```
    /// use tshoot::lang::Lang;
    /// assert_eq!(Lang::from_locale("sv_SE.UTF-8"), Some(Lang::Sv));
    /// assert_eq!(Lang::from_locale("C.UTF-8"), None);
    /// ```
    #[must_use]
    pub fn from_locale(value: &str) -> Option<Lang> {
        let lang = value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(Lang::En),
            "sv" => Some(Lang::Sv),
            _ => None,
        }
    }

    /// The language to use: the flag if given, else the first non-empty variable of
    /// [`LANG_VARS`]; a value tshoot does not speak means English.
    pub fn detect(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        LANG_VARS
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_locale(&value))
            .unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn locale_names() {
        assert_eq!(Lang::from_locale("sv_SE.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::from_locale("sv-FI"), Some(Lang::Sv));
        assert_eq!(Lang::from_locale("SV"), Some(Lang::Sv));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::from_locale("de_DE"), None);
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn flag_beats_environment() {
        let e = env(&[("TSHOOT_LANG", "sv")]);
        assert_eq!(Lang::detect(Some(Lang::En), e), Lang::En);
    }

    #[test]
    fn precedence_follows_the_variable_order() {
        let all = [
            ("LANG", "en_US.UTF-8"),
            ("LC_MESSAGES", "sv_SE"),
            ("LC_ALL", ""),
        ];
        assert_eq!(
            Lang::detect(None, env(&all)),
            Lang::Sv,
            "empty LC_ALL is skipped"
        );
        let with_tshoot = [("TSHOOT_LANG", "en"), ("LC_ALL", "sv_SE.UTF-8")];
        assert_eq!(Lang::detect(None, env(&with_tshoot)), Lang::En);
        assert_eq!(
            Lang::detect(None, env(&[("LC_ALL", "sv_SE.UTF-8"), ("LANG", "en_US")])),
            Lang::Sv
        );
    }

    #[test]
    fn unknown_or_missing_locale_means_english() {
        assert_eq!(Lang::detect(None, env(&[])), Lang::En);
        assert_eq!(
            Lang::detect(None, env(&[("LANG", "de_DE.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::detect(None, env(&[("LANG", "C")])), Lang::En);
    }
}
