//! The session's rules on two small guides shaped like the ITSMC ones: a dashboard guide
//! whose question asks which message is shown, and a troubleshooting guide whose answers
//! lead into it.

use std::collections::HashSet;

use proptest::prelude::*;

use super::*;

const DASH: &str = r"
id: dash
title: Dashboard messages
escalation: Dash escalation.
start: where-seen
nodes:
  - id: where-seen
    question: Where do you see it?
    answers:
      - {label: Connector status, next: status}
      - {label: Connection details, error: lack}
      - {label: When saving, next: saving}
  - id: status
    question: Which message?
    answers:
      - {label: Unexpected response, error: unexpected}
      - {label: Exception, error: exception}
      - {label: StatusCode=429, error: rate}
      - {label: Not authenticated, error: auth}
  - id: saving
    question: Which message when saving?
    answers:
      - {label: IP, error: ip}
      - {label: Not authenticated, error: auth}
      - {label: Error in saving connection, error: trouble/saving-fails}
errors:
  - {id: unexpected, title: Unexpected, messages: [], symptoms: [], causes: [], checklist: [a], related: [exception, trouble/no-items]}
  - {id: exception, title: Exception, messages: [], symptoms: [], causes: [], checklist: [a], related: [auth, unexpected]}
  - {id: rate, title: Rate, messages: ['StatusCode=429 for {alertName}'], symptoms: [], causes: [], checklist: ['Check the rate for {alertName}', b], related: [trouble/no-items]}
  - {id: auth, title: Auth, messages: [], symptoms: [], causes: [], checklist: [a], related: [lack, ip]}
  - {id: lack, title: Lack, messages: [], symptoms: [], causes: [], checklist: [a]}
  - {id: ip, title: IP, messages: [], symptoms: [], causes: [], checklist: [a]}
";

const TROUBLE: &str = r"
id: trouble
title: Troubleshooting
escalation: Trouble escalation.
start: what
nodes:
  - id: what
    question: What goes wrong?
    answers:
      - {label: No work items, error: no-items}
      - {label: Duplicates, error: duplicates}
      - {label: A dashboard message, guide: dash}
      - {label: IP blocked, error: dash/ip}
errors:
  - {id: no-items, title: No items, messages: [], symptoms: [], causes: [], checklist: [a, b], related: [dash/unexpected, dash/exception, dash/rate, dash/auth]}
  - {id: duplicates, title: Duplicates, messages: [], symptoms: [], causes: [], checklist: [a], related: [no-items]}
  - {id: saving-fails, title: Saving fails, messages: [], symptoms: [], causes: [], checklist: [a], related: [dash/ip]}
";

fn catalog() -> Catalog {
    let catalog = Catalog::from_files(vec![
        ("dash.yaml".into(), DASH.as_bytes().to_vec()),
        ("trouble.yaml".into(), TROUBLE.as_bytes().to_vec()),
    ]);
    let errors: Vec<String> = catalog
        .problems
        .iter()
        .filter(|p| p.diagnostic.is_error())
        .map(|p| p.diagnostic.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(catalog.guides.len(), 2);
    catalog
}

fn e(name: &str) -> ErrorRef {
    ErrorRef::try_from(name.to_owned()).expect("guide/error")
}

fn outcome(name: &str) -> Place {
    Place::Outcome(e(name))
}

/// Starts at `guide` and gives the 1-based answers.
fn walk(catalog: &Catalog, guide: &str, answers: &[usize]) -> Session {
    let mut s = Session::from_guide(catalog, guide, 1000).expect("guide loaded");
    for &a in answers {
        assert!(s.choose(catalog, a - 1), "answer {a} at {:?}", s.at());
    }
    s
}

/// Says "not fixed" until escalation; the outcomes shown on the way.
fn not_fixed_to_the_end(catalog: &Catalog, s: &mut Session) -> Vec<String> {
    let mut shown = Vec::new();
    for _ in 0..50 {
        assert!(s.not_fixed(catalog));
        match s.at() {
            Place::Outcome(e) => shown.push(e.to_string()),
            Place::Escalation => return shown,
            other => panic!("not fixed led to {other:?}"),
        }
    }
    panic!("no escalation after 50 tries: {shown:?}")
}

#[test]
fn after_429_not_fixed_offers_only_its_related_errors_then_escalates() {
    let c = catalog();
    let mut s = walk(&c, "dash", &[1, 3]);
    assert_eq!(s.at(), &outcome("dash/rate"));
    // Its one related error, in another guide; that one's related dashboard messages are
    // exactly the ones the person said they do not see.
    assert_eq!(not_fixed_to_the_end(&c, &mut s), ["trouble/no-items"]);
    let texts: Vec<&str> = s
        .escalations(&c)
        .iter()
        .map(|(_, t)| t.show(crate::lang::Lang::En))
        .collect();
    assert_eq!(texts, ["Trouble escalation.", "Dash escalation."]);
}

#[test]
fn no_work_items_offers_its_related_dashboard_errors_in_order_never_the_other_answers() {
    let c = catalog();
    let mut s = walk(&c, "trouble", &[1]);
    assert_eq!(s.at(), &outcome("trouble/no-items"));
    let shown = not_fixed_to_the_end(&c, &mut s);
    // Its own related entries in the author's order, and nothing else: never the
    // duplicates the first answer ruled out, nor what the dashboard errors relate to.
    assert_eq!(
        shown,
        [
            "dash/unexpected",
            "dash/exception",
            "dash/rate",
            "dash/auth"
        ]
    );
    assert_eq!(s.escalations(&c).len(), 2);
}

#[test]
fn the_answers_rule_out_what_only_other_answers_lead_to() {
    let c = catalog();
    let s = walk(&c, "dash", &[1, 3]);
    let ruled: HashSet<String> = s.ruled_out(&c).iter().map(ToString::to_string).collect();
    let expected: HashSet<String> = [
        "dash/lack",
        "dash/ip",
        "trouble/saving-fails",
        "dash/unexpected",
        "dash/exception",
        "dash/auth",
    ]
    .map(String::from)
    .into();
    assert_eq!(ruled, expected);
    // `auth` is reachable from the first answer too: the first question alone keeps it.
    let first = walk(&c, "dash", &[1]);
    assert!(!first.ruled_out(&c).contains(&e("dash/auth")));
    assert!(first.ruled_out(&c).contains(&e("dash/ip")));
}

#[test]
fn an_answer_into_another_guide_crosses_and_a_jump_back_returns_across() {
    let c = catalog();
    let mut s = walk(&c, "trouble", &[3]);
    assert_eq!(s.at(), &Place::Question(NodeRef::new("dash", "where-seen")));
    assert_eq!(s.current_guide(), "dash");
    assert!(s.choose(&c, 0));
    assert!(s.choose(&c, 2));
    assert_eq!(s.at(), &outcome("dash/rate"));
    assert_eq!(s.crossings(), [1]);
    // The person said it is not "no work items": rate's only related error is ruled out.
    assert!(s.offers(&c).is_empty());
    assert!(s.jump(0));
    assert_eq!(s.at(), &Place::Question(NodeRef::new("trouble", "what")));
    assert!(s.path().is_empty());
    assert_eq!(s.current_guide(), "trouble");
    assert!(s.choose(&c, 0));
    assert_eq!(s.at(), &outcome("trouble/no-items"));
}

#[test]
fn a_cross_guide_error_answer_leads_to_that_outcome() {
    let c = catalog();
    let mut s = walk(&c, "dash", &[3, 3]);
    assert_eq!(s.at(), &outcome("trouble/saving-fails"));
    assert_eq!(s.crossings(), Vec::<usize>::new());
    // Its related `dash/ip` is the other answer of the question just answered.
    assert_eq!(s.offers(&c), Vec::<ErrorRef>::new());
    assert!(s.not_fixed(&c));
    assert_eq!(s.at(), &Place::Escalation);
    assert_eq!(s.current_guide(), "trouble");
    assert!(s.back());
    assert_eq!(s.at(), &Place::Question(NodeRef::new("dash", "saving")));
    assert!(s.tried().is_empty());
}

#[test]
fn a_session_from_search_starts_at_the_outcome_with_the_message_and_values() {
    let c = catalog();
    let mut s = Session::from_search(
        &c,
        e("dash/rate"),
        "  StatusCode=429 for CPU-High\u{1b}[2J ",
        vec![("alertName".into(), "CPU-High".into())],
        1234,
    )
    .expect("loaded");
    assert_eq!(s.at(), &outcome("dash/rate"));
    assert_eq!(s.message(), Some("StatusCode=429 for CPU-High"));
    assert_eq!(s.started(), 1234);
    let (_, rate) = e("dash/rate").find(&c).expect("loaded");
    let step = rate.checklist[0].text.show(crate::lang::Lang::En);
    assert_eq!(filled(step, s.captures()), "Check the rate for CPU-High");
    // Nothing was answered, so nothing is ruled out: its related error is offered.
    assert!(s.tick(&c, 0));
    assert!(s.not_fixed(&c));
    assert_eq!(s.at(), &outcome("trouble/no-items"));
    assert!(!s.back(), "no question was answered");
    assert!(s.restart(&c));
    assert_eq!(s.at(), &outcome("dash/rate"));
    assert!(s.is_ticked(&e("dash/rate"), 0), "ticks survive a restart");
    assert!(Session::from_search(&c, e("dash/nope"), "x", vec![], 0).is_none());
    let r = Session::from_reference(&c, e("trouble/duplicates"), 5).expect("loaded");
    assert_eq!(r.message(), None);
    assert_eq!(r.offers(&c), [e("trouble/no-items")]);
}

#[test]
fn ticks_belong_to_their_error_and_survive_going_back_and_forth() {
    let c = catalog();
    let mut s = walk(&c, "trouble", &[1]);
    assert!(s.tick(&c, 1));
    assert!(!s.tick(&c, 2), "no third step");
    assert_eq!(s.progress(&c, &e("trouble/no-items")), (1, 2));
    assert!(s.back());
    assert!(!s.tick(&c, 0), "no checklist at a question");
    assert!(s.choose(&c, 0));
    assert!(s.is_ticked(&e("trouble/no-items"), 1));
    assert!(s.tick(&c, 1));
    assert_eq!(s.progress(&c, &e("trouble/no-items")), (0, 2));
    assert!(s.fixed());
    assert_eq!(s.at(), &Place::Solved(e("trouble/no-items")));
    assert!(!s.fixed() && !s.not_fixed(&c) && !s.choose(&c, 0));
}

#[test]
fn actions_that_do_not_apply_change_nothing() {
    let c = catalog();
    let mut s = walk(&c, "dash", &[1]);
    let before = s.clone();
    for action in [
        Action::Answer(4),
        Action::Answer(usize::MAX),
        Action::Jump(1),
        Action::Tick(0),
        Action::Fixed,
        Action::NotFixed,
    ] {
        assert!(!s.apply(&c, action), "{action:?}");
        assert_eq!(s, before, "{action:?}");
    }
    let mut fresh = Session::from_guide(&c, "dash", 0).expect("loaded");
    assert!(!fresh.apply(&c, Action::Back));
    assert!(!fresh.apply(&c, Action::Restart));
    assert!(Session::from_guide(&c, "nope", 0).is_none());
}

#[test]
fn a_session_round_trips_through_json_with_ids_as_strings() {
    let c = catalog();
    let mut s = Session::from_search(
        &c,
        e("dash/rate"),
        "429",
        vec![("alertName".into(), "CPU".into())],
        7,
    )
    .expect("loaded");
    s.tick(&c, 1);
    s.not_fixed(&c);
    let json = serde_json::to_value(&s).expect("serialises");
    assert_eq!(json["at"]["at"], "trouble/no-items");
    assert_eq!(json["tried"][0], "dash/rate");
    assert_eq!(json["ticks"]["dash/rate"][0], 1);
    assert_eq!(json["start"]["from"], "search");
    let back: Session = serde_json::from_value(json).expect("reads back");
    assert_eq!(back, s);
    let bad = serde_json::json!({"start": {"from": "reference", "error": "no-slash"}});
    assert!(serde_json::from_value::<Start>(bad["start"].clone()).is_err());
}

#[test]
fn check_names_what_a_changed_catalog_no_longer_has() {
    let c = catalog();
    let only_trouble = Catalog::from_files(vec![("t.yaml".into(), TROUBLE.as_bytes().to_vec())]);
    let in_dash = walk(&c, "dash", &[1]);
    assert_eq!(in_dash.check(&c), Ok(()));
    let err = in_dash.check(&only_trouble).expect_err("dash is gone");
    assert_eq!(err, "guide `dash` is not loaded");
    // Without `dash`, the answer that led into it is dropped, and the path says so.
    let crossed = walk(&c, "trouble", &[3, 1]);
    assert_eq!(crossed.check(&c), Ok(()));
    let err = crossed
        .check(&only_trouble)
        .expect_err("the answer is gone");
    assert_eq!(err, "question `trouble/what` has no answer 3");
}

/// The errors `root`'s `related` entries name.
fn related_of(c: &Catalog, root: &ErrorRef) -> Vec<ErrorRef> {
    root.find(c).map_or_else(Vec::new, |(g, entry)| {
        entry
            .related
            .iter()
            .filter_map(|r| refs::related(g, r))
            .collect()
    })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => (0usize..10).prop_map(Action::Answer),
        3 => Just(Action::NotFixed),
        1 => Just(Action::Back),
        1 => (0usize..4).prop_map(Action::Jump),
        1 => Just(Action::Restart),
        1 => (0usize..5).prop_map(Action::Tick),
        1 => Just(Action::Fixed),
    ]
}

fn builtin() -> Catalog {
    Catalog::load(&[crate::guide::catalog::Source::Builtin])
}

proptest! {
    /// After any answers and "not fixed", the outcome on screen is the one an answer (or the
    /// start) led to, or one of its `related` entries, and never one the answers ruled out;
    /// no error is tried twice.
    #[test]
    fn every_offered_error_follows_from_the_answers(
        builtin_guides in any::<bool>(),
        start in 0usize..64,
        actions in proptest::collection::vec(action(), 0..40),
    ) {
        let c = if builtin_guides { builtin() } else { catalog() };
        let guide = &c.guides[start % c.guides.len()];
        let mut s = if start % 3 == 0 {
            let error = ErrorRef::of(guide, start % guide.errors.len()).expect("in range");
            Session::from_search(&c, error, "q", vec![], 0).expect("loaded")
        } else {
            Session::from_guide(&c, &guide.id, 0).expect("loaded")
        };
        for action in actions {
            let before = s.clone();
            let changed = s.apply(&c, action);
            prop_assert_eq!(changed, s != before, "{:?}", action);
            prop_assert_eq!(s.check(&c), Ok(()));
            let Place::Outcome(shown) = s.at() else { continue };
            let root = s.root().expect("an outcome has a root").clone();
            if s.tried().is_empty() {
                prop_assert_eq!(shown, &root);
                if let Some(last) = s.path().last() {
                    let (g, node) = last.node.find(&c).expect("loaded");
                    let target = Target::of(&c, g, &node.answers[last.answer].next);
                    prop_assert_eq!(target, Some(Target::Error(root.clone())));
                } else {
                    let from_an_error = !matches!(s.start(), Start::Guide { .. });
                    prop_assert!(from_an_error);
                }
            } else {
                prop_assert!(related_of(&c, &root).contains(shown));
            }
            prop_assert!(!s.ruled_out(&c).contains(shown), "{} was ruled out", shown);
            let distinct: HashSet<&ErrorRef> = s.tried().iter().collect();
            prop_assert_eq!(distinct.len(), s.tried().len());
            prop_assert!(!s.tried().contains(shown));
        }
    }
}

#[test]
fn still_possible_follows_this_tree_and_direct_outcomes_not_another_guides_questions() {
    let c = catalog();
    let s = Session::from_guide(&c, "trouble", 0).expect("loaded");
    let possible: Vec<String> = s
        .still_possible(&c)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        possible,
        ["dash/ip", "trouble/no-items", "trouble/duplicates"]
    );
    let s = walk(&c, "trouble", &[1]);
    assert_eq!(s.still_possible(&c), [e("trouble/no-items")]);
}
