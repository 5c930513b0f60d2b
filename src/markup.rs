//! Inline Markdown of guide text (`code`, **bold**, *emphasis*, [links](url)) as styled
//! spans, so each front end (plain text, terminal, TUI) styles them its own way.
//!
//! Guide text is inline only: block syntax (headings, lists) is kept as the author typed it,
//! since a guide's lists are its own YAML lists.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// How a span of text is meant to look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Plain,
    Strong,
    Emphasis,
    Code,
    /// The visible text of a link.
    Link,
    /// The address of a link, shown after its text.
    Url,
}

/// A run of text with one look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub kind: Kind,
    pub text: String,
}

/// Splits a text into styled spans. Newlines are kept, and a line's leading indentation
/// and list marker (`- `, `* `, `1. `) stay as written rather than becoming Markdown blocks.
#[must_use]
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Spans(Vec::new());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(Kind::Plain, "\n");
        }
        let (prefix, rest) = line.split_at(block_prefix_len(line));
        out.push(Kind::Plain, prefix);
        inline(rest, &mut out);
    }
    out.0
}

struct Spans(Vec<Span>);

impl Spans {
    fn push(&mut self, kind: Kind, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(s),
            _ => self.0.push(Span {
                kind,
                text: s.to_owned(),
            }),
        }
    }
}

/// The length of a line's indentation plus list marker or heading hashes.
fn block_prefix_len(line: &str) -> usize {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("+ ") {
        2
    } else if digits > 0 && (rest[digits..].starts_with(". ") || rest[digits..].starts_with(") ")) {
        digits + 2
    } else {
        rest.bytes()
            .take_while(|&b| b == b'#' || b == b'>' || b == b' ')
            .count()
    };
    indent + marker
}

/// Adds the spans of one line of inline Markdown.
fn inline(line: &str, out: &mut Spans) {
    let (mut strong, mut emphasis) = (0u32, 0u32);
    let mut link_url: Option<String> = None;
    for event in Parser::new_ext(line, Options::empty()) {
        let kind = if link_url.is_some() {
            Kind::Link
        } else if strong > 0 {
            Kind::Strong
        } else if emphasis > 0 {
            Kind::Emphasis
        } else {
            Kind::Plain
        };
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => out.push(kind, &t),
            Event::Code(c) => out.push(Kind::Code, &c),
            Event::SoftBreak | Event::HardBreak => out.push(kind, " "),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link_url = Some(dest_url.into_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link_url.take() {
                    out.push(Kind::Plain, " <");
                    out.push(Kind::Url, &url);
                    out.push(Kind::Plain, ">");
                }
            }
            _ => {}
        }
    }
}

/// The text without any markup.
///
/// ```
/// assert_eq!(tshoot::markup::plain("Select **Sync**, then `Save`."), "Select Sync, then Save.");
/// ```
#[must_use]
pub fn plain(text: &str) -> String {
    spans(text).into_iter().map(|s| s.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        spans(text).into_iter().map(|s| (s.kind, s.text)).collect()
    }

    #[test]
    fn inline_styles() {
        assert_eq!(
            kinds("Select **Sync**, then `Save`."),
            vec![
                (Kind::Plain, "Select ".into()),
                (Kind::Strong, "Sync".into()),
                (Kind::Plain, ", then ".into()),
                (Kind::Code, "Save".into()),
                (Kind::Plain, ".".into()),
            ]
        );
    }

    #[test]
    fn links_show_their_address() {
        assert_eq!(
            plain("See [the docs](https://example.com/a)."),
            "See the docs <https://example.com/a>."
        );
    }

    #[test]
    fn list_markers_numbers_and_newlines_stay() {
        let text = "Collect:\n- the message;\n2. the time\n  *indented* line";
        assert_eq!(
            plain(text),
            "Collect:\n- the message;\n2. the time\n  indented line"
        );
    }

    #[test]
    fn angle_brackets_are_text_not_html() {
        assert_eq!(
            plain("ServiceDesk(<workspace name>) and a < b"),
            "ServiceDesk(<workspace name>) and a < b"
        );
    }
}
