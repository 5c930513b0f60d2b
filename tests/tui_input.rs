//! The TUI's input parser, byte for byte: what a terminal sends for each key, click and
//! paste, and what tshoot must read from it. The expected events are crossterm's reading
//! of the same bytes (the key table is written against it), except where crossterm loses
//! a key: `ESC ESC` is two Esc here, and a sequence split across reads is still one key.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use tshoot::tui::input::Parser;

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;

fn k(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn c(ch: char) -> Event {
    k(KeyCode::Char(ch), NONE)
}

fn esc() -> Event {
    k(KeyCode::Esc, NONE)
}

fn mouse(kind: MouseEventKind, column: u16, row: u16, modifiers: KeyModifiers) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    })
}

/// The events of `reads`, each read fed apart, then nothing more arriving in time.
fn read(reads: &[&[u8]]) -> Vec<Event> {
    let mut parser = Parser::default();
    let mut events = Vec::new();
    for bytes in reads {
        parser.feed(bytes);
        while let Some(e) = parser.next_event() {
            events.push(e);
        }
    }
    parser.flush();
    while let Some(e) = parser.next_event() {
        events.push(e);
    }
    events
}

fn table() -> Vec<(&'static [u8], Vec<Event>)> {
    let left = MouseButton::Left;
    vec![
        // Text and control keys.
        (b"a", vec![c('a')]),
        (b"A", vec![k(KeyCode::Char('A'), SHIFT)]),
        ("é€😀".as_bytes(), vec![c('é'), c('€'), c('😀')]),
        (b"\r", vec![k(KeyCode::Enter, NONE)]),
        (b"\t", vec![k(KeyCode::Tab, NONE)]),
        (b"\x7f", vec![k(KeyCode::Backspace, NONE)]),
        (b"\x03", vec![k(KeyCode::Char('c'), CTRL)]),
        (b"\x17", vec![k(KeyCode::Char('w'), CTRL)]),
        (b"\x00", vec![k(KeyCode::Char(' '), CTRL)]),
        (b"\x1c", vec![k(KeyCode::Char('4'), CTRL)]),
        // Esc: alone, twice, three times, and before a sequence.
        (b"\x1b", vec![esc()]),
        (b"\x1b\x1b", vec![esc(), esc()]),
        (b"\x1b\x1b\x1b", vec![esc(), esc(), esc()]),
        (b"\x1b\x1b[A", vec![esc(), k(KeyCode::Up, NONE)]),
        (b"\x1b[27u\x1b[27u", vec![esc(), esc()]),
        // Alt as ESC + key.
        (b"\x1bb", vec![k(KeyCode::Char('b'), ALT)]),
        (b"\x1bB", vec![k(KeyCode::Char('B'), ALT | SHIFT)]),
        (b"\x1b\x7f", vec![k(KeyCode::Backspace, ALT)]),
        (b"\x1b\r", vec![k(KeyCode::Enter, ALT)]),
        (b"\x1b[", vec![k(KeyCode::Char('['), ALT)]),
        (b"\x1bO", vec![k(KeyCode::Char('O'), ALT | SHIFT)]),
        (b"\x1b[\x1b", vec![k(KeyCode::Char('['), ALT), esc()]),
        // Cursor and editing keys, legacy and with xterm modifiers.
        (b"\x1b[A", vec![k(KeyCode::Up, NONE)]),
        (b"\x1bOB", vec![k(KeyCode::Down, NONE)]),
        (b"\x1b[1;5C", vec![k(KeyCode::Right, CTRL)]),
        (b"\x1b[1;3D", vec![k(KeyCode::Left, ALT)]),
        (
            b"\x1b[H\x1b[F",
            vec![k(KeyCode::Home, NONE), k(KeyCode::End, NONE)],
        ),
        (
            b"\x1b[1~\x1b[4~",
            vec![k(KeyCode::Home, NONE), k(KeyCode::End, NONE)],
        ),
        (b"\x1b[3~", vec![k(KeyCode::Delete, NONE)]),
        (b"\x1b[3;5~", vec![k(KeyCode::Delete, CTRL)]),
        (
            b"\x1b[5~\x1b[6~",
            vec![k(KeyCode::PageUp, NONE), k(KeyCode::PageDown, NONE)],
        ),
        (b"\x1bOP", vec![k(KeyCode::F(1), NONE)]),
        (b"\x1b[11~", vec![k(KeyCode::F(1), NONE)]),
        (b"\x1b[[A", vec![k(KeyCode::F(1), NONE)]),
        (b"\x1b[24~", vec![k(KeyCode::F(12), NONE)]),
        (b"\x1b[Z", vec![k(KeyCode::BackTab, SHIFT)]),
        // Kitty's CSI u.
        (b"\x1b[99;5u", vec![k(KeyCode::Char('c'), CTRL)]),
        (b"\x1b[98;3u", vec![k(KeyCode::Char('b'), ALT)]),
        (b"\x1b[9;2u", vec![k(KeyCode::BackTab, SHIFT)]),
        (
            b"\x1b[57400u",
            vec![Event::Key(KeyEvent::new_with_kind_and_state(
                KeyCode::Char('1'),
                NONE,
                KeyEventKind::Press,
                KeyEventState::KEYPAD,
            ))],
        ),
        (
            b"\x1b[97;1:3u",
            vec![Event::Key(KeyEvent::new_with_kind(
                KeyCode::Char('a'),
                NONE,
                KeyEventKind::Release,
            ))],
        ),
        // Mouse: SGR, X10, rxvt; 1-based on the wire, 0-based read.
        (
            b"\x1b[<0;10;5M",
            vec![mouse(MouseEventKind::Down(left), 9, 4, NONE)],
        ),
        (
            b"\x1b[<0;10;5m",
            vec![mouse(MouseEventKind::Up(left), 9, 4, NONE)],
        ),
        (
            b"\x1b[<16;1;1M",
            vec![mouse(MouseEventKind::Down(left), 0, 0, CTRL)],
        ),
        (
            b"\x1b[<64;3;4M\x1b[<65;3;4M",
            vec![
                mouse(MouseEventKind::ScrollUp, 2, 3, NONE),
                mouse(MouseEventKind::ScrollDown, 2, 3, NONE),
            ],
        ),
        (
            b"\x1b[<32;3;4M",
            vec![mouse(MouseEventKind::Drag(left), 2, 3, NONE)],
        ),
        (
            b"\x1b[<35;3;4M",
            vec![mouse(MouseEventKind::Moved, 2, 3, NONE)],
        ),
        (
            b"\x1b[M +!",
            vec![mouse(MouseEventKind::Down(left), 10, 0, NONE)],
        ),
        (
            b"\x1b[32;10;5M",
            vec![mouse(MouseEventKind::Down(left), 9, 4, NONE)],
        ),
        (b"\x1b[I\x1b[O", vec![Event::FocusGained, Event::FocusLost]),
        // Bracketed paste: what is inside is text, ESC included, never keys.
        (
            b"\x1b[200~a\x1b\x1bb\x1b[Aq\x1b[201~q",
            vec![Event::Paste("a\x1b\x1bb\x1b[Aq".into()), c('q')],
        ),
        (b"\x1b[200~\x1b[201~", vec![Event::Paste(String::new())]),
        // Not keys: answers to queries, unknown sequences, broken text.
        (b"\x1b[?1u", vec![]),
        (b"\x1b[?62;22c", vec![]),
        (b"\x1b[12;40R", vec![]),
        (b"\x1b[99~", vec![]),
        (b"\x1b[1;2;3q", vec![]),
        (b"\x1b[1;5", vec![]),
        (b"\xff\x80a", vec![c('a')]),
        (b"\xc3", vec![]),
        // A sequence broken off by another: the first is dropped, the second read.
        (b"\x1b[1;\x1b[A", vec![k(KeyCode::Up, NONE)]),
    ]
}

#[test]
fn each_sequence_read_at_once_is_its_events() {
    for (bytes, expected) in table() {
        assert_eq!(read(&[bytes]), expected, "bytes {:?}", bytes.escape_ascii());
    }
}

#[test]
fn each_sequence_read_byte_by_byte_is_the_same_events() {
    // Bytes arriving one read at a time, faster than the Esc wait, frame the same.
    for (bytes, expected) in table() {
        let reads: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(read(&reads), expected, "bytes {:?}", bytes.escape_ascii());
    }
}

#[test]
fn after_an_esc_in_the_same_read_esc_and_a_letter_are_two_keys() {
    // Esc, Esc, t typed quickly (tmux forwards them in one write): not Esc and Alt+t.
    assert_eq!(read(&[b"\x1b\x1bt"]), [esc(), esc(), c('t')]);
    assert_eq!(read(&[b"\x1b\x1b\x1bt"]), [esc(), esc(), esc(), c('t')]);
    // ESC and a letter alone is still Alt and the letter.
    assert_eq!(read(&[b"\x1bt"]), [k(KeyCode::Char('t'), ALT)]);
}

#[test]
fn a_lone_esc_waits_for_the_time_out_and_is_then_esc() {
    let mut parser = Parser::default();
    parser.feed(b"\x1b");
    assert!(parser.waiting(), "a lone ESC may start a sequence");
    assert_eq!(parser.next_event(), None);
    parser.flush();
    assert_eq!(parser.next_event(), Some(esc()));
    assert!(!parser.waiting());
    // After the wait, what follows is read on its own: Esc, then `[` and `A` typed.
    let mut parser = Parser::default();
    parser.feed(b"\x1b");
    parser.flush();
    parser.feed(b"[A");
    let events: Vec<_> = std::iter::from_fn(|| parser.next_event()).collect();
    assert_eq!(events, [esc(), c('['), k(KeyCode::Char('A'), SHIFT)]);
}

#[test]
fn a_paste_is_not_decided_by_time_and_ends_at_its_marker_wherever_reads_split() {
    let whole: &[u8] = b"\x1b[200~line 1\r\n\x1b[31mred\x1b[0m\x1b[201~x";
    // From the end of its start marker on (a terminal writes a marker at once).
    for cut in 6..whole.len() {
        let mut parser = Parser::default();
        parser.feed(&whole[..cut]);
        // A slow paste: the time-out passes in the middle of it.
        parser.flush();
        parser.feed(&whole[cut..]);
        let events: Vec<_> = std::iter::from_fn(|| parser.next_event()).collect();
        assert_eq!(
            events,
            [Event::Paste("line 1\r\n\x1b[31mred\x1b[0m".into()), c('x')],
            "cut at {cut}"
        );
    }
}

#[test]
fn a_huge_paste_is_bounded_and_what_follows_it_is_still_read() {
    let max = tshoot::tui::input::parse::PASTE_MAX;
    let mut parser = Parser::default();
    parser.feed(b"\x1b[200~");
    let chunk = vec![b'x'; 64 * 1024];
    for _ in 0..(max / chunk.len() + 8) {
        parser.feed(&chunk);
    }
    parser.feed(b"\x1b[201~q");
    match parser.next_event() {
        Some(Event::Paste(text)) => assert_eq!(text.len(), max),
        other => panic!("expected the paste, got {other:?}"),
    }
    assert_eq!(parser.next_event(), Some(c('q')));
}

#[test]
fn garbage_does_not_stall_the_keys_after_it() {
    let mut bytes = b"\x1b[".to_vec();
    bytes.extend(std::iter::repeat_n(b'1', 10_000));
    bytes.extend(b"A\x1b\x1b");
    let events = read(&[&bytes]);
    assert_eq!(events[events.len() - 2..], [esc(), esc()]);
}
