//! Builds a [`Guide`] from a [`RawGuide`] that passed validation: ids become indices and
//! every string is sanitised.

use super::diagnostic::Pos;
use super::raw::{RawGuide, RawLink, SText};
use super::sanitize::clean;
use super::validate::Ids;
use super::{Answer, ErrorEntry, Guide, Link, Node, Origin, Related, Step, Text};

fn text(t: &SText) -> Text {
    match &t.value {
        Text::Plain(s) => Text::Plain(clean(s)),
        Text::Localized(pairs) => {
            Text::Localized(pairs.iter().map(|(c, s)| (c.clone(), clean(s))).collect())
        }
    }
}

fn link(l: &RawLink) -> Link {
    Link {
        title: text(&l.title),
        url: clean(&l.url.value),
    }
}

/// `None` only if a reference does not resolve, which validation has reported already.
pub(super) fn build(
    raw: &RawGuide,
    ids: &Ids,
    start: usize,
    languages: Vec<String>,
    mut origin: Origin,
) -> Option<Guide> {
    origin.id_pos = Pos::of(&raw.id);
    let nodes = raw
        .nodes
        .iter()
        .map(|n| {
            let n = &n.value;
            let answers = n
                .answers
                .value
                .iter()
                .map(|a| {
                    Some(Answer {
                        label: text(&a.value.label),
                        next: ids.target(&a.value)?,
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Node {
                id: n.id.value.clone(),
                question: text(&n.question),
                help: n.help.as_ref().map(text),
                answers,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let errors = raw
        .errors
        .iter()
        .map(|e| {
            let e = &e.value;
            let related = e
                .related
                .iter()
                .map(|r| match r.value.split_once('/') {
                    Some((g, rest)) if g == raw.id.value => {
                        ids.errors.get(rest).map(|&i| Related::Local(i))
                    }
                    Some((g, rest)) => Some(Related::Other {
                        guide: g.to_owned(),
                        error: rest.to_owned(),
                        pos: Pos::of(r),
                    }),
                    None => ids.errors.get(r.value.as_str()).map(|&i| Related::Local(i)),
                })
                .collect::<Option<Vec<_>>>()?;
            Some(ErrorEntry {
                id: e.id.value.clone(),
                title: text(&e.title),
                messages: e.messages.iter().map(text).collect(),
                symptoms: e.symptoms.iter().map(text).collect(),
                causes: e.causes.iter().map(text).collect(),
                checklist: e
                    .checklist
                    .value
                    .iter()
                    .map(|s| Step {
                        text: text(&s.value.step),
                        details: s.value.details.as_ref().map(text),
                        link: s.value.link.as_ref().map(|l| clean(&l.value)),
                    })
                    .collect(),
                links: e.links.iter().map(link).collect(),
                related,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Guide {
        id: raw.id.value.clone(),
        title: text(&raw.title),
        summary: raw.summary.as_ref().map(text),
        tags: raw.tags.iter().map(|t| clean(&t.value)).collect(),
        sources: raw.sources.iter().map(link).collect(),
        escalation: raw.escalation.as_ref().map(text),
        start,
        nodes,
        errors,
        languages,
        origin,
    })
}
