//! The words of the triage screens (the log-file prompt and the findings), in English and
//! Swedish. They are the triage screens' own, so they live beside them rather than in the
//! shared label table.

use crate::lang::Lang;

/// A phrase of the triage screens; `{…}` marks are filled in by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// The header's place.
    Triage,
    PromptTitle,
    PromptHelp,
    IsFolder,
    CannotRead,
    /// After the megabytes read, while reading.
    EscStops,
    NothingYet,
    NothingFound,
    OverTime,
    Binary,
    BinaryFrom,
    StoppedEarly,
    Stopped,
}

impl Word {
    /// The phrase in `lang`.
    #[must_use]
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, sv) = match self {
            Word::Triage => ("Triage", "Granskning"),
            Word::PromptTitle => (" Log file to triage ", " Loggfil att granska "),
            Word::PromptHelp => (
                "A log file (.gz too). Enter reads it; Esc cancels.",
                "En loggfil (även .gz). Enter läser den; Esc avbryter.",
            ),
            Word::IsFolder => ("{path} is a folder", "{path} är en mapp"),
            Word::CannotRead => ("cannot read {path}: {e}", "kan inte läsa {path}: {e}"),
            Word::EscStops => ("(Esc stops)", "(Esc avbryter)"),
            Word::NothingYet => ("Nothing known found yet.", "Inget känt fel hittat än."),
            Word::NothingFound => ("No known error found.", "Inget känt fel hittades."),
            Word::OverTime => ("over time: {first} – {last}", "över tid: {first} – {last}"),
            Word::Binary => ("binary, skipped", "binär, hoppades över"),
            Word::BinaryFrom => (
                "binary from byte {at} on, skipped",
                "binär från byte {at}, hoppades över",
            ),
            Word::StoppedEarly => ("stopped early: {e}", "avbröts i förtid: {e}"),
            Word::Stopped => ("stopped", "avbruten"),
        };
        match lang {
            Lang::En => en,
            Lang::Sv => sv,
        }
    }
}

/// "1 line", "2 lines" / "1 rad", "2 rader" (`n` already grouped by thousands).
#[must_use]
pub fn lines(n: u64, grouped: &str, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 line".to_owned(),
        (Lang::En, _) => format!("{grouped} lines"),
        (Lang::Sv, 1) => "1 rad".to_owned(),
        (Lang::Sv, _) => format!("{grouped} rader"),
    }
}
