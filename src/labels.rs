//! Every user-facing label of tshoot, in every language it speaks, in one table.

use crate::lang::Lang;

/// A label of the interface (guide content has its own translations).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Guides,
    Errors,
    Messages,
    Symptoms,
    Causes,
    Checklist,
    Links,
    Related,
    Guide,
    NoGuides,
    ShowHint,
}

impl Label {
    /// The label in `lang`.
    #[must_use]
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, sv) = match self {
            Label::Guides => ("Guides", "Guider"),
            Label::Errors => ("errors", "fel"),
            Label::Messages => ("Message", "Meddelande"),
            Label::Symptoms => ("You may notice", "Du kanske märker"),
            Label::Causes => ("Causes", "Orsaker"),
            Label::Checklist => ("Checklist", "Checklista"),
            Label::Links => ("Read more", "Läs mer"),
            Label::Related => ("Related errors", "Relaterade fel"),
            Label::Guide => ("Guide", "Guide"),
            Label::NoGuides => ("No guides are loaded.", "Inga guider är inlästa."),
            Label::ShowHint => (
                "Show an error with: tshoot show ERROR-ID",
                "Visa ett fel med: tshoot show FEL-ID",
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Sv => sv,
        }
    }
}
