//! `tshoot config [--path|--default]`, and the one place that settles each setting from
//! its sources: a flag, then tshoot's own environment variables, then the config file,
//! then the general environment (locale, `NO_COLOR`), then the default.
//!
//! Without flags, `tshoot config` prints every effective setting and where it came from,
//! which is how a user (and a test) sees the precedence at work.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::config::{self, Color, Config, ConfigError, Theme};
use crate::lang::Lang;

use super::Args;
use super::report::ColorWhen;

/// The config file as found at start.
#[derive(Debug)]
pub struct Loaded {
    pub path: Option<PathBuf>,
    pub result: Result<Config, ConfigError>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Reads the config file (a missing one is an empty config).
#[must_use]
pub fn load() -> Loaded {
    let path = config::path(var);
    let home = var("HOME").map(PathBuf::from);
    let result = match &path {
        Some(p) => config::load(p, home.as_deref()),
        None => Ok(Config::default()),
    };
    Loaded { path, result }
}

/// Every setting with the source that decided it.
#[derive(Debug)]
pub struct Settled {
    pub lang: (Lang, &'static str),
    pub color: (ColorWhen, &'static str),
    pub theme: (Theme, &'static str),
    /// Guide folders from the config file.
    pub guides: Vec<PathBuf>,
}

fn set(var: &str) -> bool {
    std::env::var_os(var).is_some_and(|v| !v.is_empty())
}

/// Decides each setting: flag, then `TSHOOT_*`, then the config file, then the general
/// environment, then the default.
#[must_use]
pub fn settle(args: &Args, config: &Config) -> Settled {
    let lang = if let Some(&lang) = args.lang.first() {
        (lang, "--lang")
    } else if set("TSHOOT_LANG") {
        (Lang::detect(None, var), "TSHOOT_LANG")
    } else if let Some(lang) = config.language {
        (lang, "config file")
    } else if let Some(name) = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find(|v| set(v))
    {
        (Lang::detect(None, var), name)
    } else {
        (Lang::default(), "default")
    };
    let color = if let Some(color) = args.color {
        (color, "--color")
    } else if set("NO_COLOR") {
        (ColorWhen::Auto, "NO_COLOR")
    } else if set("CLICOLOR_FORCE") {
        (ColorWhen::Auto, "CLICOLOR_FORCE")
    } else if let Some(color) = config.color {
        let when = match color {
            Color::Auto => ColorWhen::Auto,
            Color::Always => ColorWhen::Always,
            Color::Never => ColorWhen::Never,
        };
        (when, "config file")
    } else {
        (ColorWhen::Auto, "default")
    };
    let theme = match config.theme {
        Some(theme) => (theme, "config file"),
        None => (Theme::default(), "default"),
    };
    Settled {
        lang,
        color,
        theme,
        guides: config.guides.clone(),
    }
}

pub fn run(
    loaded: &Loaded,
    settled: &Settled,
    context: &super::Context,
    path: bool,
    default: bool,
) -> anyhow::Result<ExitCode> {
    let mut out = anstream::stdout().lock();
    if default {
        out.write_all(config::DEFAULT.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(file) = &loaded.path else {
        anyhow::bail!("no config folder: neither XDG_CONFIG_HOME nor HOME is set");
    };
    if path {
        writeln!(out, "{}", file.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    let state = match &loaded.result {
        Err(e) => {
            super::report::error(e);
            "has an error; these settings ignore it"
        }
        Ok(_) if file.exists() => "read",
        Ok(_) => "not found; `tshoot config --default` prints a commented one",
    };
    writeln!(out, "# {} ({state})", file.display())?;
    let (lang, from) = settled.lang;
    writeln!(out, "language = \"{lang}\"  # {from}")?;
    let (color, from) = settled.color;
    let color = match color {
        ColorWhen::Auto => "auto",
        ColorWhen::Always => "always",
        ColorWhen::Never => "never",
    };
    writeln!(out, "color = \"{color}\"  # {from}")?;
    let (theme, from) = settled.theme;
    let theme = match theme {
        Theme::Default => "default",
        Theme::Mono => "mono",
    };
    writeln!(out, "theme = \"{theme}\"  # {from}")?;
    writeln!(out, "# guide sources, later ones win:")?;
    for source in &context.sources {
        match source {
            crate::guide::catalog::Source::Path { path, .. } => {
                let from = if settled.guides.contains(path) {
                    "  # config file"
                } else {
                    ""
                };
                writeln!(out, "#   {}{from}", path.display())?;
            }
            crate::guide::catalog::Source::Builtin => writeln!(out, "#   (the built-in guides)")?,
        }
    }
    Ok(if loaded.result.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}
