//! Rules on an error's content and on every text of a guide: message length, empty
//! checklists, `related` syntax, translations present in every language the guide uses, and
//! links that are web addresses.

use serde_saphyr::Spanned;

use super::{Ids, is_id};
use crate::guide::Text;
use crate::guide::diagnostic::{Diagnostics, Pos};
use crate::guide::raw::{RawGuide, SString, SText};
use crate::search::template::{MAX_TEMPLATE_WORDS, Template};

pub(super) fn check_errors(raw: &RawGuide, ids: &Ids, diags: &mut Diagnostics) {
    for error in &raw.errors {
        let error = &error.value;
        // Search matches only the first words of a very long message.
        for message in &error.messages {
            // Every word takes a byte at least: a shorter message cannot be too long.
            let words = message
                .value
                .all()
                .filter(|m| m.len() > MAX_TEMPLATE_WORDS)
                .map(Template::count_words)
                .max();
            if let Some(words) = words.filter(|&w| w > MAX_TEMPLATE_WORDS) {
                diags.warning(
                    Pos::of(message),
                    format!(
                        "message of error `{}` has {words} words; search matches only its first {MAX_TEMPLATE_WORDS}",
                        error.id.value
                    ),
                );
            }
        }
        if error.checklist.value.is_empty() {
            diags.error(
                Pos::of(&error.checklist),
                format!("error `{}` has an empty checklist", error.id.value),
            );
        }
        for related in &error.related {
            match related.value.split_once('/') {
                Some((guide, rest)) if guide == raw.id.value => {
                    let local = Spanned {
                        value: rest.to_owned(),
                        ..*related
                    };
                    ids.error(&local, "`related`", diags);
                }
                Some((guide, rest)) => {
                    if !is_id(guide) || !is_id(rest) {
                        diags.error(
                            Pos::of(related),
                            format!(
                                "`related` entry `{}` is not `guide-id/error-id`",
                                related.value
                            ),
                        );
                    }
                }
                None => {
                    ids.error(related, "`related`", diags);
                }
            }
        }
    }
}

/// Every text of the guide, with its position.
fn texts(raw: &RawGuide) -> Vec<&SText> {
    let mut all: Vec<&SText> = vec![&raw.title];
    all.extend(&raw.summary);
    all.extend(&raw.escalation);
    all.extend(raw.sources.iter().map(|l| &l.title));
    for node in &raw.nodes {
        all.push(&node.value.question);
        all.extend(&node.value.help);
        all.extend(node.value.answers.value.iter().map(|a| &a.value.label));
    }
    for error in &raw.errors {
        let e = &error.value;
        all.push(&e.title);
        all.extend(e.messages.iter().chain(&e.symptoms).chain(&e.causes));
        for step in &e.checklist.value {
            all.push(&step.value.step);
            all.extend(&step.value.details);
        }
        all.extend(e.links.iter().map(|l| &l.title));
    }
    all
}

/// Warns about localized texts missing a language that other texts of the guide have;
/// returns the guide's languages in first-seen order.
pub(super) fn check_languages(raw: &RawGuide, diags: &mut Diagnostics) -> Vec<String> {
    let texts = texts(raw);
    let mut languages: Vec<String> = Vec::new();
    for text in &texts {
        for code in text.value.languages() {
            if !languages.iter().any(|l| l == code) {
                languages.push(code.to_owned());
            }
        }
    }
    for text in &texts {
        if let Text::Localized(_) = &text.value {
            let missing: Vec<&str> = languages
                .iter()
                .map(String::as_str)
                .filter(|l| !text.value.languages().any(|c| c == *l))
                .collect();
            if !missing.is_empty() {
                diags.warning(
                    Pos::of(text),
                    format!(
                        "this text has no `{}` translation, which other texts of the guide have",
                        missing.join("`, `")
                    ),
                );
            }
        }
    }
    languages
}

pub(super) fn check_links(raw: &RawGuide, diags: &mut Diagnostics) {
    let mut urls: Vec<&SString> = raw.sources.iter().map(|l| &l.url).collect();
    for error in &raw.errors {
        urls.extend(error.value.links.iter().map(|l| &l.url));
        urls.extend(
            error
                .value
                .checklist
                .value
                .iter()
                .filter_map(|s| s.value.link.as_ref()),
        );
    }
    for url in urls {
        if !is_web_url(&url.value) {
            diags.error(
                Pos::of(url),
                format!("`{}` is not an http:// or https:// address", url.value),
            );
        }
    }
}

fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control()))
}
