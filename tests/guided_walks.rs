//! Guided sessions over the built-in ITSMC guides, written from what the guides mean: after
//! "not fixed", a session offers only causes the person's answers left possible, in the order
//! the author gave them, across guides, and then escalates.
//!
//! Paths are found by the error they lead to, not by answer numbers, so the tests hold while
//! the guides' wording and order change.

use std::collections::VecDeque;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::{Guide, Next};
use tshoot::session::{ErrorRef, Place, Session};

fn builtin() -> Catalog {
    Catalog::load(&[Source::Builtin])
}

/// The answers (0-based) that lead from the start of `guide` to its error `error`, fewest
/// first, staying in the guide.
fn path_to(guide: &Guide, error: &str) -> Vec<usize> {
    let target = guide
        .errors
        .iter()
        .position(|e| e.id == error)
        .unwrap_or_else(|| panic!("{}/{error} exists", guide.id));
    let mut queue = VecDeque::from([(guide.start, Vec::new())]);
    let mut seen = vec![false; guide.nodes.len()];
    while let Some((node, path)) = queue.pop_front() {
        if std::mem::replace(&mut seen[node], true) {
            continue;
        }
        for (i, answer) in guide.nodes[node].answers.iter().enumerate() {
            let mut next = path.clone();
            next.push(i);
            match answer.next {
                Next::Error(e) if e == target => return next,
                Next::Node(n) => queue.push_back((n, next)),
                _ => {}
            }
        }
    }
    panic!("no answers lead to {}/{error}", guide.id)
}

/// A session of `guide` answered up to `error`'s outcome.
fn walk_to(catalog: &Catalog, guide: &str, error: &str) -> Session {
    let g = catalog.guide(guide).expect("built in");
    let mut s = Session::from_guide(catalog, guide, 0).expect("built in");
    for answer in path_to(g, error) {
        assert!(s.choose(catalog, answer));
    }
    assert_eq!(s.at(), &Place::Outcome(ErrorRef::new(guide, error)));
    s
}

/// Says "not fixed" until escalation; the errors offered on the way.
fn offered_until_escalation(catalog: &Catalog, s: &mut Session) -> Vec<ErrorRef> {
    let mut offered = Vec::new();
    for _ in 0..100 {
        assert!(s.not_fixed(catalog));
        match s.at() {
            Place::Outcome(e) => offered.push(e.clone()),
            Place::Escalation => return offered,
            other => panic!("not fixed led to {other:?}"),
        }
    }
    panic!("no escalation: {offered:?}")
}

/// The errors an error's `related` entries name, in order.
fn related(catalog: &Catalog, error: &ErrorRef) -> Vec<ErrorRef> {
    let (guide, entry) = error.find(catalog).expect("loaded");
    entry
        .related
        .iter()
        .map(|r| match r {
            tshoot::guide::Related::Local(i) => ErrorRef::new(&guide.id, &guide.errors[*i].id),
            tshoot::guide::Related::Other { guide, error, .. } => ErrorRef::new(guide, error),
        })
        .collect()
}

/// The errors the other answers of the last answered question lead to directly.
fn sibling_outcomes(catalog: &Catalog, s: &Session) -> Vec<ErrorRef> {
    let last = s.path().last().expect("answered");
    let (guide, node) = last.node.find(catalog).expect("loaded");
    node.answers
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != last.answer)
        .filter_map(|(_, a)| match &a.next {
            Next::Error(e) => Some(ErrorRef::new(&guide.id, &guide.errors[*e].id)),
            Next::OtherError { guide, error, .. } => Some(ErrorRef::new(guide, error)),
            _ => None,
        })
        .collect()
}

/// Whether `sub` appears in `list` in the same order.
fn in_order(sub: &[ErrorRef], list: &[ErrorRef]) -> bool {
    let mut rest = list.iter();
    sub.iter().all(|x| rest.any(|y| y == x))
}

#[test]
fn after_429_not_fixed_offers_only_its_related_causes_then_escalates() {
    let c = builtin();
    let mut s = walk_to(&c, "itsmc-dashboard-errors", "servicenow-rate-problem");
    let root = ErrorRef::new("itsmc-dashboard-errors", "servicenow-rate-problem");
    let unseen = sibling_outcomes(&c, &s);
    assert!(
        unseen.len() >= 5,
        "the 429 question offers the other status messages: {unseen:?}"
    );
    let related = related(&c, &root);
    let offered = offered_until_escalation(&c, &mut s);
    assert!(
        in_order(&offered, &related),
        "{offered:?} not in the order of {related:?}"
    );
    for e in &offered {
        assert!(
            !unseen.contains(e),
            "{e} is a message the person said they do not see"
        );
    }
    assert!(offered.len() <= related.len());
    assert_eq!(s.at(), &Place::Escalation);
    let escalations: Vec<&str> = s
        .escalations(&c)
        .iter()
        .map(|(g, _)| g.id.as_str())
        .collect();
    assert!(
        escalations.contains(&"itsmc-dashboard-errors"),
        "{escalations:?}"
    );
}

#[test]
fn no_work_items_offers_its_related_dashboard_causes_in_order_never_duplicates() {
    let c = builtin();
    let mut s = walk_to(&c, "itsmc-troubleshooting", "work-items-not-created");
    let root = ErrorRef::new("itsmc-troubleshooting", "work-items-not-created");
    let related = related(&c, &root);
    let ruled = s.ruled_out(&c);
    let expected: Vec<ErrorRef> = related
        .iter()
        .filter(|e| !ruled.contains(e))
        .cloned()
        .collect();
    let offered = offered_until_escalation(&c, &mut s);
    assert_eq!(offered, expected);
    let duplicates = ErrorRef::new("itsmc-troubleshooting", "duplicate-work-items");
    assert!(!offered.contains(&duplicates), "the opposite symptom");
    assert!(
        offered.iter().any(|e| e.guide == "itsmc-dashboard-errors"),
        "its related dashboard errors are offered like local ones: {offered:?}"
    );
}

#[test]
fn every_answer_path_offers_only_what_its_answers_left_possible() {
    let c = builtin();
    for guide in &c.guides {
        for error in &guide.errors {
            let g = c.guide(&guide.id).expect("loaded");
            let reachable = g.nodes.iter().any(|n| {
                n.answers.iter().any(|a| match a.next {
                    Next::Error(e) => g.errors[e].id == error.id,
                    _ => false,
                })
            });
            if !reachable {
                continue;
            }
            let mut s = walk_to(&c, &guide.id, &error.id);
            let root = ErrorRef::new(&guide.id, &error.id);
            let ruled = s.ruled_out(&c);
            let related = related(&c, &root);
            let offered = offered_until_escalation(&c, &mut s);
            assert!(in_order(&offered, &related), "{root}: {offered:?}");
            for e in &offered {
                assert!(!ruled.contains(e), "{root}: offered {e}, ruled out");
            }
        }
    }
}
