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
///
/// The lines of one paragraph (up to a blank line, or a line with a list marker, heading
/// or quote) are read together, so `**bold**` or a link that the author's line break split
/// is still one span, as a Markdown reader would show it; the break stays a break.
#[must_use]
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Spans(Vec::new());
    let mut paragraph: Vec<(&str, &str)> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let (prefix, rest) = line.split_at(block_prefix_len(line));
        let blank = rest.trim().is_empty();
        if (blank || !prefix.trim().is_empty()) && !paragraph.is_empty() {
            inline_lines(&paragraph, &mut out);
            paragraph.clear();
        }
        if i > 0 && paragraph.is_empty() {
            out.push(Kind::Plain, "\n");
        }
        paragraph.push((prefix, rest));
        if blank {
            inline_lines(&paragraph, &mut out);
            paragraph.clear();
        }
    }
    inline_lines(&paragraph, &mut out);
    out.0
}

/// Stands for a line break while the lines of a paragraph are read as one: whitespace to
/// the Markdown reader (as a break is), and rarer in guide text than any other.
const BREAK: char = '\u{3000}';

/// The prefixes of a paragraph's next lines, taken as its breaks are met.
type Prefixes<'a> = std::slice::Iter<'a, &'a str>;

/// Adds the spans of a paragraph's lines, each `(prefix, rest)`: the prefixes as written,
/// the rests read as one run of inline Markdown.
fn inline_lines(lines: &[(&str, &str)], out: &mut Spans) {
    let Some(((first_prefix, _), more)) = lines.split_first() else {
        return;
    };
    if more.is_empty() || lines.iter().any(|(_, rest)| rest.contains(BREAK)) {
        for (i, (prefix, rest)) in lines.iter().enumerate() {
            if i > 0 {
                out.push(Kind::Plain, "\n");
            }
            out.push(Kind::Plain, prefix);
            inline(rest, None, out);
        }
        return;
    }
    out.push(Kind::Plain, first_prefix);
    let joined: Vec<&str> = lines.iter().map(|(_, rest)| *rest).collect();
    let prefixes: Vec<&str> = more.iter().map(|(prefix, _)| *prefix).collect();
    inline(
        &joined.join(BREAK.encode_utf8(&mut [0; 4])),
        Some(&mut prefixes.iter()),
        out,
    );
}

struct Spans(Vec<Span>);

impl Spans {
    /// Pushes `s`, each [`BREAK`] in it a line break and the next line's prefix.
    /// Without `prefixes` (a text read line by line) it is pushed as it is.
    fn push_broken(&mut self, kind: Kind, s: &str, prefixes: Option<&mut Prefixes<'_>>) {
        let Some(prefixes) = prefixes else {
            self.push(kind, s);
            return;
        };
        for (i, piece) in s.split(BREAK).enumerate() {
            if i > 0 {
                self.push(Kind::Plain, "\n");
                self.push(Kind::Plain, prefixes.next().copied().unwrap_or(""));
            }
            self.push(kind, piece);
        }
    }

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

/// Adds the spans of one run of inline Markdown; each [`BREAK`] in it becomes a line break
/// followed by the next of `prefixes`.
fn inline(line: &str, mut prefixes: Option<&mut Prefixes<'_>>, out: &mut Spans) {
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
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_broken(kind, &t, prefixes.as_deref_mut());
            }
            Event::Code(c) => out.push_broken(Kind::Code, &c, prefixes.as_deref_mut()),
            Event::SoftBreak | Event::HardBreak => out.push(kind, " "),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link_url = Some(dest_url.into_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link_url.take() {
                    out.push(Kind::Plain, " <");
                    out.push_broken(Kind::Url, &url, prefixes.as_deref_mut());
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
    fn bold_and_links_split_by_a_line_break_are_still_one_span() {
        assert_eq!(
            kinds("Move to a **Secure\nWebhook** action."),
            vec![
                (Kind::Plain, "Move to a ".into()),
                (Kind::Strong, "Secure".into()),
                (Kind::Plain, "\n".into()),
                (Kind::Strong, "Webhook".into()),
                (Kind::Plain, " action.".into()),
            ]
        );
        assert_eq!(
            plain("See [the\ndocs](https://example.com/a) and `a\nb`."),
            "See the\ndocs <https://example.com/a> and a\nb."
        );
        // A continuation line keeps its indentation.
        assert_eq!(
            plain("- item **bold\n  still** bold\n  *and\n     more*"),
            "- item bold\n  still bold\n  and\n     more"
        );
    }

    #[test]
    fn a_blank_line_or_a_new_item_ends_what_a_line_break_does_not() {
        for text in [
            "**a\n\nb**",
            "**a\n   \nb**",
            "- **a\n- b**",
            "1. *a\n2. b*",
            "**a\n# b**",
            "**a\n> b**",
        ] {
            assert_eq!(plain(text), text, "{text:?}");
        }
        assert_eq!(plain("a\n\n**b\nc**\n\nd"), "a\n\nb\nc\n\nd");
        // The stand-in for a break in the text itself: read line by line, as before.
        assert_eq!(plain("**a\u{3000}\nb**"), "**a\u{3000}\nb**");
        assert_eq!(plain("**a\u{3000}b**\nc"), "a\u{3000}b\nc");
    }

    #[test]
    fn angle_brackets_are_text_not_html() {
        assert_eq!(
            plain("ServiceDesk(<workspace name>) and a < b"),
            "ServiceDesk(<workspace name>) and a < b"
        );
    }
}
