//! Writes untrusted text into a Markdown file so that it can only be text.
//!
//! Guide text is inline Markdown, and it comes from files anyone can share; the report is
//! pasted into tickets and rendered. So guide text is re-emitted from its parsed form: words
//! escaped, `code`, **bold** and *emphasis* kept, links kept only when they are http(s), raw
//! HTML shown as text, and no line able to start a heading, a fence or a thematic break. A
//! list the author wrote (`- item`) stays a list. What the person pasted is not Markdown at
//! all: it is written verbatim inside a fence longer than any backtick run in it.

use std::fmt::Write as _;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// ASCII punctuation that could mean something to a Markdown or HTML renderer.
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '!', '|', '~', '&',
];

/// `text` with every [`SPECIAL`] character backslash-escaped.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line that cannot begin a list, a thematic break or a setext underline: a leading `-`,
/// `+` or `=`, or the `.`/`)` after leading digits, is escaped.
fn guard_line_start(line: String) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

/// A code span holding `text` literally, whatever backticks it contains.
#[must_use]
pub fn code(text: &str) -> String {
    let text = text.replace('\n', " ");
    let fence = "`".repeat(longest_run(&text, '`') + 1);
    // A space on each side keeps a backtick at either end from joining the fence; a
    // renderer strips one space each side.
    format!("{fence} {text} {fence}")
}

/// A fenced block holding `text` verbatim, for what the person pasted.
#[must_use]
pub fn verbatim(text: &str) -> String {
    let fence = "`".repeat((longest_run(text, '`') + 1).max(3));
    format!("{fence}text\n{text}\n{fence}")
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// One line of guide text (a title, a step): inline Markdown only; newlines become spaces.
#[must_use]
pub fn inline(text: &str) -> String {
    guard_line_start(inline_line(&text.replace('\n', " ")))
}

/// A guide text that may span lines (an escalation text): each line keeps its indentation
/// (up to three spaces) and list marker, and nothing else of block syntax.
#[must_use]
pub fn block(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = line.len() - line.trim_start().len();
        let rest = line.trim_start();
        let (marker, rest) = list_marker(rest);
        if marker.is_empty() {
            out.push_str(&guard_line_start(inline_line(rest)));
        } else {
            // Three spaces at most: four would start a code block.
            out.push_str(&" ".repeat(indent.min(3)));
            out.push_str(marker);
            out.push_str(&inline_line(rest));
        }
    }
    out
}

/// A leading `- `, `* `, `+ ` or `1. ` list marker, and the rest of the line.
fn list_marker(line: &str) -> (&str, &str) {
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return line.split_at(2);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && line[digits..].starts_with(". ") {
        return line.split_at(digits + 2);
    }
    ("", line)
}

/// Whether a link may stay a link in the report.
fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A URL as a Markdown link destination.
fn destination(url: &str) -> String {
    let mut out = String::new();
    for c in url.chars() {
        match c {
            '<' | '>' | '(' | ')' | '\\' | '`' | '"' | '\'' | '[' | ']' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Re-emits one line of inline Markdown with only what [`inline`] allows.
fn inline_line(line: &str) -> String {
    // Leading spaces would make an indented code block.
    let line = line.trim_start();
    let mut out = String::new();
    // The destination of each open link: `Some` when it stays a link.
    let mut links: Vec<Option<String>> = Vec::new();
    // The parser would read a leading `#`, `>` or fence as block syntax and drop it; an
    // escaped line reads as text, which is what it is shown as.
    let events = Parser::new_ext(line, Options::empty()).collect::<Vec<_>>();
    let blocky = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(
                Tag::Heading { .. }
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(_)
                    | Tag::List(_)
                    | Tag::HtmlBlock
            ) | Event::Rule
        )
    });
    if blocky {
        return guard_line_start(escape(line));
    }
    for event in events {
        match event {
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&escape(&t)),
            Event::Code(c) => out.push_str(&code(&c)),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => out.push_str("**"),
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => out.push('*'),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let keep = is_web(&dest_url).then(|| destination(&dest_url));
                if keep.is_some() {
                    out.push('[');
                }
                links.push(keep);
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(Some(url)) = links.pop() {
                    let _ = write!(out, "]({url})");
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a `CommonMark` renderer reads in `markdown`: each element as a short name, text
    /// as `text:…`, links as `link:URL`.
    fn read(markdown: &str) -> Vec<String> {
        Parser::new_ext(markdown, Options::empty())
            .filter_map(|e| match e {
                Event::Start(Tag::Heading { .. }) => Some("heading".into()),
                Event::Start(Tag::CodeBlock(_)) => Some("codeblock".into()),
                Event::Start(Tag::BlockQuote(_)) => Some("quote".into()),
                Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::InlineHtml(_) => {
                    Some("html".into())
                }
                Event::Rule => Some("rule".into()),
                Event::Start(Tag::List(Some(_))) => Some("ol".into()),
                Event::Start(Tag::List(None)) => Some("ul".into()),
                Event::Start(Tag::Item) => Some("item".into()),
                Event::Start(Tag::Strong) => Some("strong".into()),
                Event::Start(Tag::Emphasis) => Some("em".into()),
                Event::Code(c) => Some(format!("code:{c}")),
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    Some(format!("link:{dest_url}"))
                }
                Event::Text(t) => Some(format!("text:{t}")),
                _ => None,
            })
            .collect()
    }

    fn text_of(markdown: &str) -> String {
        read(markdown)
            .iter()
            .filter_map(|e| e.strip_prefix("text:"))
            .collect()
    }

    #[test]
    fn guide_text_cannot_forge_structure_or_html() {
        for hostile in [
            "## Outcome",
            "Fixed.\n## Outcome\nFixed by nothing",
            "```\nthe rest of the file is code",
            "    indented code",
            "---",
            "text\n===",
            "text\n---",
            "text\n- - -",
            "+ item",
            "1) item",
            "<script>alert(1)</script>",
            "<!-- hide the rest",
            "<img src=x onerror=alert(1)>",
            "> quoted",
        ] {
            for md in [inline(hostile), block(hostile)] {
                let read = read(&md);
                for forged in ["heading", "codeblock", "quote", "html", "rule"] {
                    assert!(
                        !read.iter().any(|e| e == forged),
                        "{hostile:?} became {md:?}, read as {read:?}"
                    );
                }
            }
        }
        // What was written is still what is read, as text.
        assert_eq!(text_of(&inline("## Outcome")), "## Outcome");
        assert_eq!(text_of(&inline("<b>x</b>")), "<b>x</b>");
    }

    #[test]
    fn only_web_links_stay_links() {
        let md = inline(
            "[docs](https://learn.microsoft.com/a_(b)) [x](javascript:alert(1)) [f](file:///etc/passwd) <https://ok.example/> [d](data:text/html,hi) ![i](JAVASCRIPT:x)",
        );
        let links: Vec<String> = read(&md)
            .into_iter()
            .filter(|e| e.starts_with("link:"))
            .collect();
        assert_eq!(
            links,
            [
                "link:https://learn.microsoft.com/a_%28b%29",
                "link:https://ok.example/"
            ],
            "{md}"
        );
        assert!(text_of(&md).contains("docs x f"), "{md}");
    }

    #[test]
    fn the_authors_inline_markup_and_lists_survive() {
        let md = inline("Select **Sync**, then `Save` *now* (2 < 3).");
        let read = read(&md);
        for e in ["strong", "code:Save", "em"] {
            assert!(read.iter().any(|x| x == e), "{md}: {read:?}");
        }
        assert_eq!(text_of(&md), "Select Sync, then  now (2 < 3).");
        let list = read_list(&block(
            "Collect:\n- the **rule**;\n- the time.\n1. then call",
        ));
        assert_eq!(list, ["ul", "item", "item", "ol", "item"]);
    }

    fn read_list(md: &str) -> Vec<String> {
        read(md)
            .into_iter()
            .filter(|e| ["ul", "ol", "item"].contains(&e.as_str()))
            .collect()
    }

    #[test]
    fn code_and_verbatim_hold_any_backticks() {
        assert_eq!(read(&code("a``b")), ["code:a``b"]);
        assert_eq!(read(&code("`x")), ["code:`x"]);
        let pasted = "```\n## not a heading\n<b>x</b>";
        let read = read(&verbatim(pasted));
        assert_eq!(read, ["codeblock", &format!("text:{pasted}\n")]);
    }
}
