//! The vocabulary between keys, screens and the loop: what the user meant ([`Msg`]) and
//! what only the loop may do ([`Effect`]).

/// What the user meant by a key, a paste or a click.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Leave tshoot.
    Quit,
    /// Stop the process (Ctrl-Z); `fg` continues it.
    Suspend,
    /// Go back: close the overlay, clear the field, or return to the previous screen.
    Back,
    /// One question back in a guided session.
    PreviousQuestion,
    /// Open the keys of this screen (closes the overlay when it is open).
    Help,
    /// Open the list of guide files that could not be loaded.
    Problems,
    /// Open the search screen.
    OpenSearch,
    /// Open the map of the current guide's tree.
    OpenMap,
    /// Go back to answered question `n` (0-based) of the breadcrumb, as the map asks.
    JumpBack(usize),
    /// Ask for a log file to triage.
    OpenTriage,
    /// Move the selection one up.
    Up,
    /// Move the selection one down.
    Down,
    /// Move the selection by the height of the view.
    PageUp,
    /// Move the selection by the height of the view.
    PageDown,
    /// Move to the first item.
    First,
    /// Move to the last item.
    Last,
    /// Open or choose the selection.
    Enter,
    /// Choose answer or option `n` (1-based, as typed).
    Choose(usize),
    /// Tick or untick the selected checklist step.
    Tick,
    /// Start the guided session over.
    Restart,
    /// The fix worked.
    Fixed,
    /// The fix did not work.
    NotFixed,
    /// Export the session (the overlay asks Markdown or JSON, and redaction).
    Export,
    /// Open the selected link in the browser.
    OpenLink,
    /// Copy the useful thing on screen to the clipboard (OSC 52).
    Copy,
    /// Copy the whole session as Markdown to the clipboard.
    CopySession,
    /// Move the focus to the next panel.
    NextFocus,
    /// Type a character into the text field.
    Type(char),
    /// Pasted text.
    Paste(String),
    /// Complete the path typed (Tab in the triage prompt), as a shell does.
    Complete,
    /// A text field edit: cursor moves and deletions.
    Edit(Edit),
    /// The mouse wheel: rows, negative upwards.
    Scroll(i16),
    /// A left click at this column and row of the screen.
    Click { x: u16, y: u16 },
}

/// Editing a one-line text field the way a shell line is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Cursor one character left.
    Left,
    /// Cursor one character right.
    Right,
    /// Cursor to the start.
    Home,
    /// Cursor to the end.
    End,
    /// Cursor one word left.
    WordLeft,
    /// Cursor one word right.
    WordRight,
    /// Delete from the start to the cursor.
    ClearToStart,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete the word after the cursor.
    DeleteWordRight,
    /// Delete from the cursor to the end.
    ClearToEnd,
}

/// Work for the loop: anything that touches the world outside the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Leave the loop.
    Quit,
    /// Give the terminal back and stop until continued.
    Suspend,
    /// Write this export (Markdown or JSON, file ending `extension`), made at time `at`, to
    /// a new file in the data dir named after that time.
    Export {
        contents: String,
        extension: &'static str,
        at: u64,
    },
    /// Open this address in the browser.
    Open(String),
    /// Put `text` on the clipboard through the terminal (OSC 52); `what` names it for the
    /// status line.
    Copy { text: String, what: String },
    /// Reopen the saved session with this id.
    Resume(String),
}
