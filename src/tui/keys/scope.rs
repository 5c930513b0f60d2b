//! Where keys are read: one [`Scope`] a screen, step of a guided session or overlay. A
//! screen whose keys differ from every other's adds its variant here (and to
//! [`Scope::ALL`]); its keys go in the table (`table.rs`).

/// Where keys are read: a screen, a step of a guided session, or an overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Home,
    Guide,
    Question,
    Outcome,
    Solved,
    Escalation,
    Reference,
    /// The search screen: keys go to its text field.
    Search,
    /// The `?` overlay.
    Help,
    /// The overlay listing guide files that could not be loaded.
    Problems,
    /// The known errors of a log file.
    Triage,
    /// The field asking which log file to triage.
    TriagePrompt,
    /// The overlay choosing how a session is exported.
    Export,
    /// The map of a guide's tree.
    Map,
    /// A guided session with the focus on its side panel's answers (Tab): the keys move
    /// among them and go back to one; none acts on the hidden main selection.
    Answers,
}

impl Scope {
    /// Every scope, in the order the README lists them.
    pub const ALL: [Scope; 15] = [
        Scope::Home,
        Scope::Guide,
        Scope::Question,
        Scope::Outcome,
        Scope::Solved,
        Scope::Escalation,
        Scope::Reference,
        Scope::Search,
        Scope::Help,
        Scope::Problems,
        Scope::Triage,
        Scope::TriagePrompt,
        Scope::Export,
        Scope::Map,
        Scope::Answers,
    ];

    /// Whether keys go to a text field (so `q`, `b`, `/` are typed, not obeyed).
    #[must_use]
    pub fn typing(self) -> bool {
        matches!(self, Scope::Search | Scope::TriagePrompt)
    }

    /// The scope's name in the README table.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Scope::Home => "home",
            Scope::Guide => "guide",
            Scope::Question => "question",
            Scope::Outcome => "outcome",
            Scope::Solved => "solved",
            Scope::Escalation => "escalation",
            Scope::Reference => "reference",
            Scope::Search => "search",
            Scope::Help => "help",
            Scope::Problems => "problems",
            Scope::Triage => "triage",
            Scope::TriagePrompt => "triage path",
            Scope::Export => "export",
            Scope::Map => "map",
            Scope::Answers => "answers panel",
        }
    }
}
