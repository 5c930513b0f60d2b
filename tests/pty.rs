//! The real binary in a real pseudo-terminal: it starts on the home screen, takes typing,
//! and on `q`, Ctrl-C, SIGTERM, SIGHUP or a panic turns raw mode off, leaves the alternate
//! screen, shows the cursor and turns off mouse capture and bracketed paste.
#![cfg(unix)]

mod common;

use std::time::{Duration, Instant};

use common::pty::Session;
use nix::sys::termios::LocalFlags;

/// The terminal was given back: every mode turned on was turned off after it.
fn assert_restored(out: &[u8]) {
    let text = String::from_utf8_lossy(out);
    for (on, off, what) in [
        ("\x1b[?1049h", "\x1b[?1049l", "alternate screen"),
        ("\x1b[?2004h", "\x1b[?2004l", "bracketed paste"),
        ("\x1b[?1000h", "\x1b[?1000l", "mouse capture"),
        (
            "\x1b[>1u",
            "\x1b[<1u",
            "unambiguous Esc (kitty keyboard protocol)",
        ),
    ] {
        let last_on = text
            .rfind(on)
            .unwrap_or_else(|| panic!("{what} never turned on"));
        let last_off = text
            .rfind(off)
            .unwrap_or_else(|| panic!("{what} never turned off"));
        assert!(last_off > last_on, "{what} left on");
    }
    let hidden = text.rfind("\x1b[?25l").unwrap_or(0);
    assert!(
        text.rfind("\x1b[?25h").is_some_and(|shown| shown > hidden),
        "cursor left hidden"
    );
}

#[test]
fn starts_takes_typing_and_quits_with_q() {
    let mut s = Session::start(&[]);
    s.wait_for("Connector status errors in the ITSMC dashboard");
    let running = s.master.get_termios().expect("the pty's settings");
    assert!(
        !running.local_flags.contains(LocalFlags::ICANON),
        "the UI runs in raw mode"
    );
    s.send(b"/");
    s.wait_for("Type or paste");
    s.send(b"StatusCode=429");
    s.wait_for("ServiceNow rate limit (HTTP 429)");
    s.send(b"\x1b");
    s.wait_for("Type or paste");
    s.send(b"\x1b");
    s.wait_for("Guides");
    s.send(b"q");
    assert_restored(&s.finish());
}

#[test]
fn two_esc_in_one_read_are_two_where_the_terminal_sends_them_unambiguously() {
    let mut s = Session::start(&[]);
    s.wait_for("Connector status errors in the ITSMC dashboard");
    s.send(b"/StatusCode=429");
    s.wait_for("ServiceNow rate limit (HTTP 429)");
    // Esc twice as a terminal in kitty's "disambiguate" mode sends it, in one write:
    // the first clears the field, the second goes back home.
    s.send(b"\x1b[27u\x1b[27u");
    s.wait_for("Guides");
    s.send(b"q");
    assert_restored(&s.finish());
}

#[test]
fn two_esc_in_one_read_are_two_where_the_terminal_sends_legacy_esc() {
    // As tmux 3.3a, xterm or the Linux console send them: nothing here answers the kitty
    // keyboard request, and both ESC bytes arrive in one write.
    let mut s = Session::start(&[]);
    s.wait_for("Connector status errors in the ITSMC dashboard");
    s.send(b"/StatusCode=429");
    s.wait_for("ServiceNow rate limit (HTTP 429)");
    s.send(b"\x1b\x1b");
    // One Esc would only clear the field; the second goes home.
    s.wait_for("Guides");
    // Keys sent as sequences still read as one key each: ↓ and Enter open a guide.
    s.send(b"/429\x1b[B\x1b[A\r");
    s.wait_for("Did this fix it?");
    s.send(b"q");
    assert_restored(&s.finish());
}

#[test]
fn ctrl_c_quits_from_the_search_field() {
    let mut s = Session::start(&["--search", "token expired"]);
    s.wait_for("Invalid refresh token");
    s.send(b"\x03");
    assert_restored(&s.finish());
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let s = Session::start(&["--guide", "itsmc-dashboard-errors"]);
    s.wait_for("Where do you see the error?");
    s.signal("-TERM");
    let (code, out) = s.finish_with_code();
    assert_eq!(code, 143);
    assert_restored(&out);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    // What a terminal emulator's window closing sends. (Closing the master here is not
    // possible while the reader thread holds a copy of it.)
    let s = Session::start(&["--search", "429"]);
    s.wait_for("ServiceNow rate limit");
    s.signal("-HUP");
    let (code, out) = s.finish_with_code();
    assert_eq!(code, 129);
    assert_restored(&out);
}

#[test]
fn a_panic_in_the_loop_restores_the_terminal() {
    let s = Session::start_with(&[], &[("TSHOOT_TEST_PANIC", "1")]);
    let (success, out) = s.finish_any();
    assert!(!success, "a panic must not look like success");
    assert_restored(&out);
    assert!(
        String::from_utf8_lossy(&out).contains("TSHOOT_TEST_PANIC is set"),
        "the panic message is shown"
    );
}

/// The bytes written since `mark` (an offset into the output).
fn since(s: &Session, mark: usize) -> String {
    String::from_utf8_lossy(&s.output.lock().expect("lock")[mark..]).into_owned()
}

fn written(s: &Session) -> usize {
    s.output.lock().expect("lock").len()
}

#[test]
fn a_burst_of_keystrokes_is_all_read_and_ctrl_c_still_quits() {
    let mut s = Session::start(&[]);
    s.wait_for("Guides");
    // 5,000 keys typed (not pasted) into the search field, ending in a word of its own.
    let mut burst = b"/".to_vec();
    burst.extend(b"ab ".repeat(1665));
    burst.extend(b"zqzq");
    assert_eq!(burst.len(), 5_000);
    s.send(&burst);
    s.wait_for("zqzq");
    s.send(b"\x03");
    assert_restored(&s.finish());
    // And Ctrl-C right behind a burst, before it has been drawn.
    let mut s = Session::start(&[]);
    s.wait_for("Guides");
    let mut burst = b"/".to_vec();
    burst.extend(b"ab ".repeat(1666));
    burst.push(0x03);
    s.send(&burst);
    assert_restored(&s.finish());
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_redraws() {
    // A shell with job control, as a user has: Ctrl-Z stops only a process it can continue
    // (the kernel drops the stop of an orphaned process group).
    let mut s =
        Session::start_with_program("bash", &["--norc", "--noprofile", "-i"], &[("PS1", "$ ")]);
    s.wait_for("$ ");
    s.send(format!("{} \r", env!("CARGO_BIN_EXE_tshoot")).as_bytes());
    s.wait_for("Connector status errors");
    let mark = written(&s);
    s.send(b"\x1a");
    s.wait_for("Stopped");
    let out = since(&s, mark);
    for (off, what) in [
        ("\x1b[?1049l", "alternate screen"),
        ("\x1b[?1000l", "mouse capture"),
        ("\x1b[?2004l", "bracketed paste"),
        ("\x1b[?25h", "cursor"),
    ] {
        assert!(out.contains(off), "{what} not given back while stopped");
    }
    let mark = written(&s);
    s.send(b"fg\r");
    // The screen showed the shell's "Stopped"; now the UI is drawn again.
    s.wait_for("Connector status errors");
    assert!(
        since(&s, mark).contains("\x1b[?1049h"),
        "alternate screen again"
    );
    s.send(b"q");
    s.wait_for("$ ");
    let mark = written(&s);
    s.send(b"echo status=$?\r");
    let start = Instant::now();
    while !since(&s, mark).contains("status=0") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{}",
            since(&s, mark)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    s.send(b"exit\r");
    assert_restored(&s.finish());
}

#[test]
fn a_dumb_terminal_gets_the_plain_commands_not_the_full_screen() {
    // TERM=dumb: the plain commands are listed instead.
    let s = Session::start_with(&[], &[("TERM", "dumb")]);
    let (code, out) = s.finish_with_code();
    let text = String::from_utf8_lossy(&out);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("tshoot search") && text.contains("tshoot walk"),
        "{text}"
    );
    assert!(!text.contains("\x1b[?1049h"), "no full screen was opened");
    // No TERM at all, asked for the full screen by --search: refused in one line naming
    // the plain commands.
    let s = Session::start_with(&["--search", "429"], &[("TERM", "")]);
    let (code, out) = s.finish_with_code();
    let text = String::from_utf8_lossy(&out);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("TERM=unset") && text.contains("tshoot search"),
        "{text}"
    );
    assert!(!text.contains("\x1b[?1049h"), "no full screen was opened");
}

#[test]
fn open_link_without_a_browser_says_so_beside_the_address() {
    // An empty PATH: no xdg-open, gio or other launcher can be found.
    let empty = tempfile::tempdir().expect("temp dir");
    let path = empty.path().to_str().expect("utf-8");
    let mut s = Session::start_with(&["--search", "StatusCode=429"], &[("PATH", path)]);
    s.wait_for("ServiceNow rate limit (HTTP 429)");
    s.send(b"\r");
    s.wait_for("Did this fix it?");
    s.send(b"o");
    s.wait_for("No browser could be started: https://");
    s.send(b"q");
    assert_restored(&s.finish());
}
