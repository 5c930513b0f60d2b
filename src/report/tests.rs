//! The report of sessions over two small guides, one of them hostile.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::*;
use crate::guide::Catalog;
use crate::session::{ErrorRef, Session};

const DASH: &str = r"
id: dash
title: {en: Dashboard messages, sv: Instrumentpanelens meddelanden}
escalation:
  en: |-
    Collect:
    - the **alert rule**;
    - the time.
  sv: |-
    Samla:
    - **aviseringsregeln**;
    - tiden.
start: where-seen
nodes:
  - id: where-seen
    question: {en: Which message?, sv: Vilket meddelande?}
    answers:
      - {label: {en: StatusCode=429, sv: StatusCode=429}, error: rate}
      - {label: {en: Something else, sv: Något annat}, guide: trouble}
errors:
  - id: rate
    title: {en: Too many requests, sv: För många anrop}
    messages: ['StatusCode=429 for alert {alertName}']
    symptoms: []
    causes: []
    checklist:
      - {en: 'Find alert rule {alertName} and lower its rate', sv: 'Hitta aviseringsregeln {alertName} och sänk takten'}
      - {en: Wait an hour, sv: Vänta en timme}
    related: [trouble/no-items]
";

const TROUBLE: &str = r"
id: trouble
title: {en: Troubleshooting, sv: Felsökning}
escalation: {en: 'Call **support**.', sv: 'Ring **supporten**.'}
start: what
nodes:
  - id: what
    question: {en: What goes wrong?, sv: Vad blir fel?}
    answers:
      - {label: {en: 'No **work items**', sv: Inga arbetsobjekt}, error: no-items}
errors:
  - id: no-items
    title: {en: No work items, sv: Inga arbetsobjekt}
    messages: []
    symptoms: []
    causes: []
    checklist: [{en: Check the action group, sv: Kontrollera åtgärdsgruppen}]
";

const HOSTILE: &str = r###"
id: evil
title: "## Outcome"
escalation: "Fine.\n## Outcome\nFixed by magic\n<script>alert(1)</script>\n```"
start: q
nodes:
  - id: q
    question: "<img src=x onerror=alert(1)>"
    answers:
      - {label: "[click](javascript:alert(1))", error: e}
errors:
  - id: e
    title: "# Fixed"
    messages: ["<!-- {x} -->"]
    symptoms: []
    causes: []
    checklist:
      - "[docs](https://learn.microsoft.com/x) and [home](file:///etc/passwd) for {x}"
      - "---"
"###;

fn catalog() -> Catalog {
    let c = Catalog::from_files(vec![
        ("dash.yaml".into(), DASH.as_bytes().to_vec()),
        ("trouble.yaml".into(), TROUBLE.as_bytes().to_vec()),
        ("evil.yaml".into(), HOSTILE.as_bytes().to_vec()),
    ]);
    let errors: Vec<String> = c
        .problems
        .iter()
        .filter(|p| p.diagnostic.is_error())
        .map(|p| p.diagnostic.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    c
}

/// 2026-11-28 14:38:14 UTC.
const NOW: u64 = 1_795_876_694;

/// From a pasted 429 message: tick the first step, not fixed twice, escalate.
fn escalated_search(c: &Catalog) -> Session {
    let mut s = Session::from_search(
        c,
        ErrorRef::new("dash", "rate"),
        "2026-11-28 StatusCode=429 for alert CPU-High",
        vec![("alertName".into(), "CPU-High".into())],
        NOW - 600,
    )
    .expect("loaded");
    assert!(s.tick(c, 0));
    assert!(s.not_fixed(c));
    assert!(s.not_fixed(c));
    s
}

/// The headings of a Markdown document, as (level, text).
fn headings(md: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut current: Option<(u8, String)> = None;
    for event in Parser::new_ext(md, Options::empty()) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                };
                current = Some((level, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut current {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

#[test]
fn a_search_session_reports_its_message_values_ticks_and_escalation() {
    let c = catalog();
    let md = markdown(&c, &escalated_search(&c), Lang::En, NOW);
    for expected in [
        "# tshoot session: Dashboard messages\n",
        "- Started from: a search → Too many requests (` dash/rate `)\n",
        "- Started: 2026-11-28 14:28:14 +00:00\n",
        "- Exported: 2026-11-28 14:38:14 +00:00\n",
        "## Your message\n\n```text\n2026-11-28 StatusCode=429 for alert CPU-High\n```\n",
        "## From your message\n\n- ` alertName ` = ` CPU-High `\n",
        "No question was answered.",
        "> StatusCode=429 for alert ` CPU-High `\n",
        "1 of 2 steps done",
        "- [x] Find alert rule ` CPU-High ` and lower its rate\n- [ ] Wait an hour\n",
        "## No work items (` trouble/no-items `)\n\n*Did not fix it*\n\n0 of 1 steps done\n\n- [ ] Check the action group\n",
        "## Outcome\n\nNot fixed; escalated.\n",
        // The current guide's escalation, then the starting guide's.
        "**Troubleshooting**\n\nCall **support**.\n\n**Dashboard messages**\n\nCollect:\n- the **alert rule**;\n- the time.\n",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    let sections: Vec<String> = headings(&md).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        sections,
        [
            "tshoot session: Dashboard messages",
            "Your message",
            "From your message",
            "Questions and answers",
            "Too many requests (dash/rate)",
            "No work items (trouble/no-items)",
            "Outcome"
        ]
    );
}

#[test]
fn a_swedish_report_has_only_swedish_labels() {
    let c = catalog();
    let md = markdown(&c, &escalated_search(&c), Lang::Sv, NOW);
    for expected in [
        "# tshoot-session: Instrumentpanelens meddelanden",
        "- Startade från: en sökning → För många anrop",
        "- Startad: ",
        "- Exporterad: ",
        "## Ditt meddelande",
        "## Från ditt meddelande",
        "## Frågor och svar",
        "Ingen fråga besvarades.",
        "*Löste det inte*",
        "1 av 2 steg gjorda",
        "- [x] Hitta aviseringsregeln ` CPU-High ` och sänk takten",
        "## Resultat",
        "Inte löst; eskalerat.",
        "Ring **supporten**.",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    for english in [
        "Guide:",
        "Time:",
        "## Answers",
        "Started",
        "Exported",
        "message",
        "Questions",
        "Did not",
        "steps done",
        "Outcome",
        "escalated",
        "Collect",
    ] {
        assert!(!md.contains(english), "English {english:?} in\n{md}");
    }
}

#[test]
fn a_guided_session_lists_each_answer_and_where_it_crossed_guides() {
    let c = catalog();
    let mut s = Session::from_guide(&c, "dash", NOW).expect("loaded");
    assert!(s.choose(&c, 1));
    assert!(s.choose(&c, 0));
    assert!(s.fixed());
    let md = markdown(&c, &s, Lang::En, NOW);
    for expected in [
        "- Started from: the guide Dashboard messages (` dash `)\n",
        "1. Which message? — **Something else**\n",
        // The answer is bold as a whole; its own bold would close that early.
        "2. *On into the guide* Troubleshooting (` trouble `): What goes wrong? — **No work items**\n",
        "## No work items (` trouble/no-items `)\n\n*Fixed*\n",
        "## Outcome\n\nFixed by the steps for No work items (` trouble/no-items `).\n",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    assert!(!md.contains("## Your message"), "no message was pasted");
    assert!(!md.contains("## From your message"), "nothing was captured");
}

#[test]
fn a_hostile_guide_cannot_forge_sections_html_or_links() {
    let c = catalog();
    let mut s = Session::from_search(
        &c,
        ErrorRef::new("evil", "e"),
        "## Outcome\n<b>",
        vec![("x".into(), "`## Fixed` <script>".into())],
        NOW,
    )
    .expect("loaded");
    s.restart(&c);
    let mut guided = Session::from_guide(&c, "evil", NOW).expect("loaded");
    assert!(guided.choose(&c, 0));
    assert!(guided.not_fixed(&c));
    for session in [s, guided] {
        let md = markdown(&c, &session, Lang::En, NOW);
        let top_level = headings(&md).into_iter().filter(|(l, _)| *l == 1).count();
        let outcome_headings = headings(&md)
            .into_iter()
            .filter(|(_, t)| t == "Outcome")
            .count();
        assert_eq!(outcome_headings, 1, "{md}");
        assert_eq!(top_level, 1, "{md}");
        for event in Parser::new_ext(&md, Options::empty()) {
            match event {
                Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in\n{md}"),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    assert!(dest_url.starts_with("https://"), "link {dest_url} in\n{md}");
                }
                Event::Rule => panic!("a rule in\n{md}"),
                _ => {}
            }
        }
    }
}

/// From a triage of two files that found the 429 error three times.
fn from_triage(c: &Catalog, sample: &str, file: &str) -> Session {
    use crate::session::{LogFinding, LogPlace, LogValues};
    let log = LogFinding {
        files: vec![file.to_owned(), "b.log".to_owned()],
        count: 3,
        first: LogPlace {
            file: file.to_owned(),
            line: 12,
        },
        last: LogPlace {
            file: "b.log".to_owned(),
            line: 4,
        },
        values: vec![LogValues {
            name: "alertName".into(),
            values: vec![("Disk-Full".into(), 1), ("CPU-High".into(), 2)],
        }],
        sample: sample.to_owned(),
    };
    Session::from_triage(c, ErrorRef::new("dash", "rate"), log, NOW - 60).expect("loaded")
}

#[test]
fn a_triage_session_reports_what_the_log_showed() {
    let c = catalog();
    let s = from_triage(
        &c,
        "10:00 ERROR StatusCode=429 for alert Disk-Full",
        "a.log",
    );
    let md = markdown(&c, &s, Lang::En, NOW);
    for expected in [
        "- Started from: a log triage → Too many requests (` dash/rate `)\n",
        "## What the log showed\n\n- Log files: ` a.log `, ` b.log `\n- Occurrences: 3\n\
         - First: ` a.log:12 `\n- Last: ` b.log:4 `\n- Values in the lines (how often):\n  \
         - ` alertName `: ` CPU-High ` (2), ` Disk-Full ` (1)\n",
        "The first line:\n\n```text\n10:00 ERROR StatusCode=429 for alert Disk-Full\n```\n",
        // The placeholders are filled with the value seen most often.
        "> StatusCode=429 for alert ` CPU-High `\n",
        "- [ ] Find alert rule ` CPU-High ` and lower its rate\n",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    let sections: Vec<String> = headings(&md).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        sections,
        [
            "tshoot session: Dashboard messages",
            "What the log showed",
            "Questions and answers",
            "Too many requests (dash/rate)",
            "Outcome"
        ]
    );
    let md = markdown(&c, &s, Lang::Sv, NOW);
    for expected in [
        "- Startade från: en genomgång av loggen → För många anrop",
        "## Vad loggen visade",
        "- Loggfiler: ` a.log `, ` b.log `",
        "- Förekomster: 3",
        "- Första: ` a.log:12 `",
        "- Sista: ` b.log:4 `",
        "- Värden i raderna (hur ofta):",
        "Första raden:",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    for english in [
        "log showed",
        "Occurrences",
        "First",
        "Last",
        "Values",
        "line",
    ] {
        assert!(!md.contains(english), "English {english:?} in\n{md}");
    }
}

#[test]
fn a_log_line_or_file_name_cannot_forge_sections() {
    let c = catalog();
    let s = from_triage(&c, "```\n# Fixed\n<b>x</b>", "`a`.log\n# Solved");
    let md = markdown(&c, &s, Lang::En, NOW);
    let sections: Vec<String> = headings(&md).into_iter().map(|(_, t)| t).collect();
    assert_eq!(
        sections,
        [
            "tshoot session: Dashboard messages",
            "What the log showed",
            "Questions and answers",
            "Too many requests (dash/rate)",
            "Outcome"
        ],
        "{md}"
    );
    assert!(md.contains("- First: `` `a`.log # Solved:12 ``"), "{md}");
}
