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
    NoGuides,
    ShowHint,
    StartGuided,
    BrowseReference,
    StillPossible,
    YourAnswers,
    DidItFix,
    YesNo,
    Solved,
    Escalate,
    Tried,
    Search,
    SearchPrompt,
    NoMatch,
    Captured,
    Reference,
    Keys,
    TooSmall,
    Saved,
    NotSaved,
    KeyMove,
    KeyOpen,
    KeyBack,
    KeySearch,
    KeyHelp,
    KeyQuit,
    KeyChoose,
    KeyTick,
    KeyRestart,
    KeyExport,
    KeyLink,
    KeyFocus,
    KeyPrevious,
    KeyFixed,
    KeyClear,
    KeyAnyKey,
    StepsTicked,
    YesNoShort,
    LoadProblems,
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
            Label::NoGuides => ("No guides are loaded.", "Inga guider är inlästa."),
            Label::ShowHint => (
                "Show an error with: tshoot show ERROR-ID",
                "Visa ett fel med: tshoot show FEL-ID",
            ),
            Label::StartGuided => ("Start guided troubleshooting", "Starta guidad felsökning"),
            Label::BrowseReference => ("Browse the error reference", "Bläddra i felreferensen"),
            Label::StillPossible => ("Still possible", "Fortfarande möjligt"),
            Label::YourAnswers => ("Your answers", "Dina svar"),
            Label::DidItFix => ("Did this fix it?", "Löste det problemet?"),
            Label::YesNo => (
                "y yes · n no, next likely cause",
                "y ja · n nej, nästa troliga orsak",
            ),
            Label::Solved => ("Fixed", "Löst"),
            Label::Escalate => ("Nothing helped: escalate", "Inget hjälpte: eskalera"),
            Label::Tried => ("Tried", "Provat"),
            Label::Search => ("Search", "Sök"),
            Label::SearchPrompt => (
                "Type or paste an error message, a symptom or a code",
                "Skriv eller klistra in ett felmeddelande, ett symtom eller en kod",
            ),
            Label::NoMatch => ("No error matches.", "Inget fel matchar."),
            Label::Captured => ("From your message", "Från ditt meddelande"),
            Label::Reference => ("Error reference", "Felreferens"),
            Label::Keys => ("Keys", "Tangenter"),
            Label::TooSmall => ("Terminal too small", "Terminalen är för liten"),
            Label::Saved => ("Saved to", "Sparad i"),
            Label::NotSaved => ("Could not save the session", "Kunde inte spara sessionen"),
            Label::KeyMove => ("move", "flytta"),
            Label::KeyOpen => ("open", "öppna"),
            Label::KeyBack => ("back", "tillbaka"),
            Label::KeySearch => ("search", "sök"),
            Label::KeyHelp => ("help", "hjälp"),
            Label::KeyQuit => ("quit", "avsluta"),
            Label::KeyChoose => ("choose", "välj"),
            Label::KeyTick => ("tick step", "bocka av steg"),
            Label::KeyRestart => ("restart", "börja om"),
            Label::KeyExport => ("save as Markdown", "spara som Markdown"),
            Label::KeyLink => ("open link", "öppna länk"),
            Label::KeyFocus => ("switch panel", "byt panel"),
            Label::KeyPrevious => ("previous question", "föregående fråga"),
            Label::KeyFixed => ("fixed / not fixed", "löst / inte löst"),
            Label::KeyClear => ("clear, then back", "rensa, sedan tillbaka"),
            Label::KeyAnyKey => ("Esc, ? or q closes this.", "Esc, ? eller q stänger."),
            Label::YesNoShort => ("y/n", "y/n"),
            Label::StepsTicked => ("Steps ticked", "Avbockade steg"),
            Label::LoadProblems => ("Guide files not loaded", "Guidefiler som inte lästes in"),
        };
        match lang {
            Lang::En => en,
            Lang::Sv => sv,
        }
    }

    /// "1 error", "3 errors" in `lang`.
    #[must_use]
    pub fn errors(n: usize, lang: Lang) -> String {
        match (lang, n) {
            (Lang::En, 1) => "1 error".to_owned(),
            (Lang::En, n) => format!("{n} errors"),
            (Lang::Sv, n) => format!("{n} fel"),
        }
    }

    /// "1 guide file could not be loaded (p shows it)", plural in `lang`.
    #[must_use]
    pub fn failed_files(n: usize, lang: Lang) -> String {
        match (lang, n) {
            (Lang::En, 1) => "1 guide file could not be loaded: p shows why".to_owned(),
            (Lang::En, n) => format!("{n} guide files could not be loaded: p shows why"),
            (Lang::Sv, 1) => "1 guidefil kunde inte läsas in: p visar varför".to_owned(),
            (Lang::Sv, n) => format!("{n} guidefiler kunde inte läsas in: p visar varför"),
        }
    }
}
