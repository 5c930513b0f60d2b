//! Message templates: a literal message with `{placeholders}` as a sequence of literal
//! tokens and holes, aligned against a pasted message.
//!
//! Alignment is a longest-common-subsequence over tokens, so the literal words must appear in
//! order but anything may stand between them: a placeholder's value, a timestamp prefix, the
//! fields of a log line. The share of the template's literal words found is its coverage;
//! words found far apart where the template has them side by side count against it.

use std::ops::Range;

use super::normalize::{self, Token};

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Item {
    /// A folded word that must appear as written (shared with the index's term of the same
    /// text when the index is read from the cache, so reading it copies no text).
    Literal(std::sync::Arc<str>),
    /// A `{name}` placeholder, which absorbs anything.
    Hole(String),
}

/// A parsed message template.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Template {
    pub items: Vec<Item>,
    /// Number of `Literal` items.
    pub literals: usize,
    /// The index in `items` of each literal, in order.
    pub literal_items: Vec<usize>,
}

/// The first `{name}` of `text`: the byte offsets of its braces.
fn next_hole(text: &str) -> Option<(usize, usize)> {
    text.match_indices('{').find_map(|(open, _)| {
        let inner = &text[open + 1..];
        let close = open + 1 + inner.find(['{', '}'])?;
        (text[close..].starts_with('}')
            && crate::guide::is_placeholder_name(&text[open + 1..close]))
        .then_some((open, close))
    })
}

impl Template {
    /// Parses a message; `{name}` with an identifier inside is a hole, any other brace is
    /// literal text. Only the first [`MAX_TEMPLATE_WORDS`] words are kept.
    #[must_use]
    pub fn parse(message: &str) -> Template {
        let mut items = Vec::new();
        let mut rest = message;
        let mut count = 0usize;
        while count < MAX_TEMPLATE_WORDS {
            let hole = next_hole(rest);
            let literal_end = hole.map_or(rest.len(), |(open, _)| open);
            let literal = &rest[..literal_end];
            normalize::scan(literal, |span, _| {
                if count < MAX_TEMPLATE_WORDS {
                    items.push(Item::Literal(normalize::fold(&literal[span]).into()));
                    count += 1;
                }
            });
            let Some((open, close)) = hole else { break };
            items.push(Item::Hole(rest[open + 1..close].to_owned()));
            rest = &rest[close + 1..];
        }
        let literal_items: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i, Item::Literal(_)))
            .map(|(k, _)| k)
            .collect();
        Template {
            literals: literal_items.len(),
            items,
            literal_items,
        }
    }

    /// The template of `message` from the words a scan of the whole message found
    /// (`words`: the byte where each starts and its term, in order), without scanning or
    /// folding again: the words inside a hole are left out, as [`Template::parse`] leaves
    /// them; `text_of` gives a term's folded text. Also the term of each literal.
    ///
    /// The same as `parse` because no word crosses a brace (a brace ends every word and
    /// value), and the scan before a hole's closing brace leaves nothing that changes how
    /// the text after it is read.
    #[must_use]
    pub fn from_scan(
        message: &str,
        words: &[(usize, u32)],
        text_of: impl Fn(u32) -> String,
    ) -> (Template, Vec<u32>) {
        let mut items = Vec::new();
        let mut terms = Vec::new();
        let mut words = words.iter().peekable();
        let mut from = 0;
        while terms.len() < MAX_TEMPLATE_WORDS {
            let hole = next_hole(&message[from..]).map(|(open, close)| (from + open, from + close));
            let literal_end = hole.map_or(message.len(), |(open, _)| open);
            while let Some(&(start, term)) = words.next_if(|(start, _)| *start < literal_end) {
                // Words before `from` were inside the previous hole.
                if start >= from && terms.len() < MAX_TEMPLATE_WORDS {
                    items.push(Item::Literal(text_of(term).into()));
                    terms.push(term);
                }
            }
            let Some((open, close)) = hole else { break };
            items.push(Item::Hole(message[open + 1..close].to_owned()));
            from = close + 1;
        }
        let literal_items: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i, Item::Literal(_)))
            .map(|(k, _)| k)
            .collect();
        let template = Template {
            literals: literal_items.len(),
            items,
            literal_items,
        };
        (template, terms)
    }

    /// Number of words a message has, as a template would count them (without a cap).
    #[must_use]
    pub fn count_words(message: &str) -> usize {
        let mut n = 0;
        normalize::scan(message, |_, _| n += 1);
        n
    }

    /// The literal words, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|i| match i {
            Item::Literal(w) => Some(&**w),
            Item::Hole(_) => None,
        })
    }
}

/// How well a paste matches a template.
#[derive(Clone, Debug, PartialEq)]
pub struct Alignment {
    /// Share of the template's literal words found in order (of the part the paste can
    /// hold, when it is cut), less a penalty for words found far apart that the template
    /// has side by side and for a cut; 0 to 1, and 1 only for the whole message.
    pub score: f32,
    /// For each hole, its name and the byte range of the paste it absorbed.
    pub captures: Vec<(String, Range<usize>)>,
    /// Indices of the paste tokens matched to literal words.
    pub matched: Vec<usize>,
    /// Indices of the literal words matched, in the same order.
    pub literals: Vec<usize>,
    /// Whether the paste holds only part of the message (cut at either end).
    pub cut: bool,
}

/// Longest pastes considered token by token; the rest of a longer paste is ignored.
pub const MAX_PASTE_TOKENS: usize = 4096;
/// Most literal words of a template; a longer message is matched by its beginning (and
/// `validate` warns about it).
pub const MAX_TEMPLATE_WORDS: usize = 256;
/// Weight of a word matched as written, and of one matched in another form (a stem, or a
/// word cut at the edge of the paste).
pub const EXACT: u32 = 4;
pub const FORM: u32 = 3;

/// Least share of a template that a cut paste must hold to count.
const MIN_VISIBLE_SHARE: f32 = 0.3;

impl super::align::Literals for Template {
    fn count(&self) -> usize {
        self.literal_items.len()
    }
    fn hole_before(&self, i: usize) -> bool {
        i > 0 && self.literal_items[i] != self.literal_items[i - 1] + 1
    }
}

/// Aligns `paste` (the tokens of the text) against `template`, words matching only as
/// written: the simple form, for tests and tools.
#[must_use]
pub fn align(template: &Template, paste: &[Token], text: &str) -> Alignment {
    let paste = &paste[..paste.len().min(MAX_PASTE_TOKENS)];
    let words: Vec<&str> = template.words().collect();
    let positions: Vec<usize> = (0..paste.len())
        .filter(|&k| words.contains(&paste[k].text.as_str()))
        .collect();
    align_with(
        &mut super::align::Aligner::default(),
        template,
        paste,
        text,
        &positions,
        |i, k| if words[i] == paste[k].text { EXACT } else { 0 },
    )
}

/// Aligns the tokens of `paste` at `positions` (those that can match a literal, in
/// order) against `template`; `weight(literal, token)` is [`EXACT`], [`FORM`] or 0.
pub fn align_with(
    aligner: &mut super::align::Aligner,
    template: &Template,
    paste: &[Token],
    text: &str,
    positions: &[usize],
    mut weight: impl FnMut(usize, usize) -> u32,
) -> Alignment {
    let n = template.literal_items.len();
    let none = Alignment {
        score: 0.0,
        captures: Vec::new(),
        matched: Vec::new(),
        literals: Vec::new(),
        cut: false,
    };
    if n == 0 || positions.is_empty() {
        return none;
    }
    let (local, total) = aligner.align(template, positions, |i, k| weight(i, positions[k]));
    let pairs: Vec<(usize, usize)> = local.iter().map(|&(i, k)| (i, positions[k])).collect();
    let (Some(&(first_lit, first_tok)), Some(&(last_lit, last_tok))) =
        (pairs.first(), pairs.last())
    else {
        return none;
    };
    // A paste that starts (ends) within one word of a matched literal is cut there: the
    // literals before (after) it are out of its reach and do not count against it.
    let words: Vec<usize> = paste
        .iter()
        .enumerate()
        .filter(|(_, t)| t.class == super::normalize::Class::Word)
        .map(|(k, _)| k)
        .collect();
    let near_start = words.iter().take(2).any(|&k| k == first_tok);
    let near_end = words.iter().rev().take(2).any(|&k| k == last_tok);
    let from = if near_start { first_lit } else { 0 };
    let to = if near_end { last_lit + 1 } else { n };
    let visible = to - from;
    #[allow(clippy::cast_precision_loss)]
    let share = visible as f32 / n as f32;
    if visible < n && (share < MIN_VISIBLE_SHARE || visible < n.min(4)) {
        return none;
    }
    // Words the template has side by side but the paste has apart cost a little each.
    let mut stray = 0usize;
    for w in pairs.windows(2) {
        let ((a_lit, a_tok), (b_lit, b_tok)) = (w[0], w[1]);
        let hole_between = template.items
            [template.literal_items[a_lit]..template.literal_items[b_lit]]
            .iter()
            .any(|it| matches!(it, Item::Hole(_)));
        if !hole_between {
            stray += (b_tok - a_tok - 1).min(8);
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let coverage = total as f32 / (EXACT as f32 * visible as f32);
    let cut_factor = if visible < n { 0.55 + 0.4 * share } else { 1.0 };
    #[allow(clippy::cast_precision_loss)]
    let score = coverage.min(1.0) / (1.0 + 0.15 * stray as f32) * cut_factor;
    Alignment {
        score,
        captures: captures(template, &pairs, paste, text),
        matched: pairs.iter().map(|&(_, tok)| tok).collect(),
        literals: pairs.iter().map(|&(lit, _)| lit).collect(),
        cut: visible < n,
    }
}

/// The text each hole absorbed: what stands between the matched words around it.
fn captures(
    template: &Template,
    pairs: &[(usize, usize)],
    paste: &[Token],
    text: &str,
) -> Vec<(String, Range<usize>)> {
    let lits = &template.literal_items;
    let mut out = Vec::new();
    for (pos, item) in template.items.iter().enumerate() {
        let Item::Hole(name) = item else { continue };
        // The matched literal just before the hole and the one just after, if any.
        let before = pairs.iter().rev().find(|&&(l, _)| lits[l] < pos);
        let after = pairs.iter().find(|&&(l, _)| lits[l] > pos);
        let (Some(&(bl, bt)), Some(&(al, at))) = (before, after) else {
            continue;
        };
        // Only when the words right around the hole were found.
        let adjacent = lits[bl] + 1 == pos && lits[al] == pos + 1 + extra_holes(template, pos);
        if !adjacent || at <= bt {
            continue;
        }
        let range = trim(text, paste[bt].span.end..paste[at].span.start);
        if !range.is_empty() {
            out.push((name.clone(), range));
        }
    }
    out
}

/// Holes directly following the one at `pos` (`{a}{b}` share one gap).
fn extra_holes(template: &Template, pos: usize) -> usize {
    template.items[pos + 1..]
        .iter()
        .take_while(|i| matches!(i, Item::Hole(_)))
        .count()
}

/// Shrinks a range of `text` past surrounding spaces and punctuation.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let is_edge = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '='
            )
    };
    let start = range.start + (s.len() - s.trim_start_matches(is_edge).len());
    let end = range.start + s.trim_end_matches(is_edge).len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy as _;

    use super::*;

    const MISSING: &str = "Could not create/update work item for alert {alertName}. ITSM Connector {connectionIdentifier} does not exist or was deleted.";

    /// Texts built from the pieces that matter to templates: holes and braces that are
    /// not holes, values (which may hold punctuation), camel case, non-ASCII.
    fn pieces() -> impl proptest::strategy::Strategy<Value = String> {
        let piece = proptest::sample::select(vec![
            "Could",
            "not",
            " ",
            " ",
            ".",
            "-",
            "{name}",
            "{a_b}",
            "{ x}",
            "{",
            "}",
            "{}",
            "{1a}",
            "{{x}}",
            "code=429",
            "2024-05-01T10:22:03Z",
            "/var/log/x.log",
            "a/b/c",
            "https://a.example/c?d=1",
            "StatusCode",
            "Åtgärden",
            "é",
            "\n",
            "x{y}z",
            "0x1f3a9c7d",
            "0c9e41d2-1f3a-4b5c-8d7e-0123456789ab",
            "\"",
            ":",
            "=",
        ]);
        proptest::collection::vec(piece, 0..700).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        /// The index builds each template from its own scan of the field; that template
        /// and its terms are the ones `parse` gives, past the word cap too.
        #[test]
        fn the_index_builds_the_parsed_template(text in pieces(), any in ".{0,80}") {
            for text in [text, any] {
                let mut index = crate::search::Index::default();
                index.add_field(0, crate::search::index::FieldKind::Message, text.clone());
                let parsed = Template::parse(&text);
                let built = &index.templates[0];
                proptest::prop_assert_eq!(&built.template.items, &parsed.items, "{:?}", text);
                proptest::prop_assert_eq!(&built.template.literal_items, &parsed.literal_items);
                proptest::prop_assert_eq!(built.template.literals, parsed.literals);
                let terms: Vec<u32> = parsed.words().map(|w| index.lookup[w]).collect();
                proptest::prop_assert_eq!(&built.terms, &terms);
            }
        }
    }

    #[test]
    fn parses_holes_and_leaves_other_braces_literal() {
        let t = Template::parse("Response: { \"import_set\": \"{import_set_id}\", \"x\": 1 }");
        assert_eq!(
            t.items,
            [
                Item::Literal("response".into()),
                Item::Literal("import".into()),
                Item::Literal("set".into()),
                Item::Hole("import_set_id".into()),
                Item::Literal("x".into()),
                Item::Literal("1".into()),
            ]
        );
        assert_eq!(t.literals, 5);
    }

    #[test]
    fn a_paste_with_values_and_noise_covers_the_template_and_captures_values() {
        let t = Template::parse(MISSING);
        let paste = "2024-05-01T10:22:03Z ERROR [itsm] Could not create/update work item for alert CPU-High. ITSM Connector 0c9e41d2-1f3a-4b5c-8d7e-0123456789ab does not exist or was deleted.\"}";
        let a = align(&t, &normalize::tokens(paste), paste);
        assert!((a.score - 1.0).abs() < f32::EPSILON, "{a:?}");
        let captured: Vec<(&str, &str)> = a
            .captures
            .iter()
            .map(|(n, r)| (n.as_str(), &paste[r.clone()]))
            .collect();
        assert_eq!(
            captured,
            [
                ("alertName", "CPU-High"),
                (
                    "connectionIdentifier",
                    "0c9e41d2-1f3a-4b5c-8d7e-0123456789ab"
                )
            ]
        );
    }

    #[test]
    fn scattered_common_words_score_low() {
        let t = Template::parse("Error in saving connection");
        let paste =
            "error: the cache in node 3 is stale; saving snapshot failed; connection reset by peer";
        let a = align(&t, &normalize::tokens(paste), paste);
        assert!(a.score < 0.5, "{a:?}");
    }

    #[test]
    fn unrelated_text_covers_little() {
        let t = Template::parse(MISSING);
        let paste = "kernel panic - not syncing: VFS: Unable to mount root fs";
        assert!(align(&t, &normalize::tokens(paste), paste).score < 0.2);
    }
}
