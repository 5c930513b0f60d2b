//! The configuration file, `$XDG_CONFIG_HOME/tshoot/config.toml`: a user's standing
//! choices (language, extra guide folders, colour, theme), below flags and tshoot's own
//! environment variables in precedence.
//!
//! Parsing is pure ([`parse`]): text in, [`Config`] or a [`ConfigError`] with the line and
//! column out. A misspelt key is an error, not a silent no-op, for the same reason an
//! unknown field in a guide is: a typo must not pass unnoticed.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::lang::Lang;

/// A config file larger than this is refused (a real one is a few lines).
pub const MAX_BYTES: usize = 64 * 1024;

/// The commented default written by `tshoot config --default`: every key, commented out,
/// with the value tshoot uses when it is absent.
pub const DEFAULT: &str = r#"# tshoot configuration: $XDG_CONFIG_HOME/tshoot/config.toml
# (~/.config/tshoot/config.toml when XDG_CONFIG_HOME is not set).
# Every key is optional; a key tshoot does not know is an error.

# Language of labels and guide content: "en" or "sv".
# Overridden by --lang and TSHOOT_LANG; overrides LC_ALL, LC_MESSAGES and LANG.
# language = "en"

# Extra guide folders (or files), loaded after your own guides folder
# ($XDG_DATA_HOME/tshoot/guides) and before TSHOOT_GUIDES and --guides; later ones win.
# A leading ~/ is your home folder; a relative path is relative to this file's folder.
# guides = ["~/team-guides"]

# Colour: "auto" (on a terminal), "always" or "never".
# Overridden by --color, NO_COLOR and CLICOLOR_FORCE.
# color = "auto"

# Terminal UI theme: "default" (colours) or "mono" (bold and reverse video only).
# theme = "default"
"#;

/// When to colour output, as the config file says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// The terminal UI's look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Default,
    Mono,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawLang {
    En,
    Sv,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    language: Option<RawLang>,
    guides: Option<Vec<String>>,
    color: Option<Color>,
    theme: Option<Theme>,
}

/// The settings a config file makes; `None` where it says nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub language: Option<Lang>,
    /// Absolute, or relative to the current folder when the file's folder is unknown.
    pub guides: Vec<PathBuf>,
    pub color: Option<Color>,
    pub theme: Option<Theme>,
}

/// A config file that could not be used, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    /// 1-based line and column, when the problem has a place.
    pub pos: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file.display())?;
        if let Some((line, col)) = self.pos {
            write!(f, "{line}:{col}:")?;
        }
        write!(f, " {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The 1-based line and column of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// `~/x` in the home folder, a relative path beside the config file.
fn resolve(path: &str, base: &Path, home: Option<&Path>) -> PathBuf {
    if let (Some(rest), Some(home)) = (path.strip_prefix("~/"), home) {
        return home.join(rest);
    }
    let path = PathBuf::from(path);
    if path.is_absolute() {
        path
    } else {
        base.join(path)
    }
}

/// Reads a config file's text. `file` names it in messages, its folder anchors relative
/// guide paths, `home` expands `~/`.
pub fn parse(text: &str, file: &Path, home: Option<&Path>) -> Result<Config, ConfigError> {
    let error = |pos, message: String| ConfigError {
        file: file.to_owned(),
        pos,
        message,
    };
    if text.len() > MAX_BYTES {
        return Err(error(
            None,
            format!("the file is larger than {} KiB", MAX_BYTES / 1024),
        ));
    }
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let pos = e.span().map(|s| line_col(text, s.start));
        error(pos, e.message().trim_end().to_owned())
    })?;
    let base = file.parent().unwrap_or(Path::new("."));
    Ok(Config {
        language: raw.language.map(|l| match l {
            RawLang::En => Lang::En,
            RawLang::Sv => Lang::Sv,
        }),
        guides: raw
            .guides
            .unwrap_or_default()
            .iter()
            .map(|g| resolve(g, base, home))
            .collect(),
        color: raw.color,
        theme: raw.theme,
    })
}

/// Where the config file is: `$XDG_CONFIG_HOME/tshoot/config.toml`, else
/// `~/.config/tshoot/config.toml`.
#[must_use]
pub fn path(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let absolute = |v: Option<String>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    absolute(var("XDG_CONFIG_HOME"))
        .or_else(|| absolute(var("HOME")).map(|h| h.join(".config")))
        .map(|dir| dir.join("tshoot").join("config.toml"))
}

/// Loads the config file at `path`; a missing file is an empty config.
pub fn load(path: &Path, home: Option<&Path>) -> Result<Config, ConfigError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(ConfigError {
                file: path.to_owned(),
                pos: None,
                message: format!("cannot read: {e}"),
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| ConfigError {
        file: path.to_owned(),
        pos: None,
        message: "the file is not valid UTF-8 text".to_owned(),
    })?;
    parse(&text, path, home)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(
            text,
            Path::new("/etc/x/config.toml"),
            Some(Path::new("/home/u")),
        )
    }

    #[test]
    fn the_commented_default_is_valid_and_says_nothing() {
        assert_eq!(parse_str(DEFAULT), Ok(Config::default()));
        // …and uncommented, every key in it is known.
        let uncommented: String = DEFAULT
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| l.contains(" = "))
                    .unwrap_or("")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let all = parse_str(&uncommented).expect("every default key is known");
        assert_eq!(all.language, Some(Lang::En));
        assert_eq!(all.guides, [PathBuf::from("/home/u/team-guides")]);
        assert_eq!(all.color, Some(Color::Auto));
        assert_eq!(all.theme, Some(Theme::Default));
    }

    #[test]
    fn values_and_paths() {
        let c = parse_str(
            "language = \"sv\"\nguides = [\"~/a\", \"rel\", \"/abs\"]\ncolor = \"never\"\ntheme = \"mono\"\n",
        )
        .expect("valid");
        assert_eq!(c.language, Some(Lang::Sv));
        assert_eq!(
            c.guides,
            [
                PathBuf::from("/home/u/a"),
                PathBuf::from("/etc/x/rel"),
                PathBuf::from("/abs")
            ]
        );
        assert_eq!(c.color, Some(Color::Never));
        assert_eq!(c.theme, Some(Theme::Mono));
    }

    #[test]
    fn mistakes_are_errors_with_their_place() {
        let table: [(&str, (usize, usize), &str); 5] = [
            (
                "language = \"sv\"\ncolour = \"never\"\n",
                (2, 1),
                "unknown field `colour`",
            ),
            ("\n  language = \"de\"\n", (2, 14), "unknown variant `de`"),
            ("guides = \"~/x\"\n", (1, 10), "invalid type"),
            ("theme = \"dark\"\n", (1, 9), "unknown variant `dark`"),
            ("language = \n", (1, 12), ""),
        ];
        for (text, pos, says) in table {
            let e = parse_str(text).expect_err(text);
            assert_eq!(e.pos, Some(pos), "{text:?}: {e}");
            assert!(e.message.contains(says), "{text:?}: {e}");
            assert!(e.to_string().starts_with("/etc/x/config.toml:"), "{e}");
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("x", 99), (1, 2));
    }

    #[test]
    fn where_the_file_is() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            path(env(&[("XDG_CONFIG_HOME", "/c"), ("HOME", "/h")])),
            Some(PathBuf::from("/c/tshoot/config.toml"))
        );
        assert_eq!(
            path(env(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/h")])),
            Some(PathBuf::from("/h/.config/tshoot/config.toml")),
            "a relative XDG_CONFIG_HOME is ignored, as the spec says"
        );
        assert_eq!(path(env(&[])), None);
    }
}
