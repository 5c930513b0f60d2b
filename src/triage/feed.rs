//! Where the triage reader takes its bytes from. A file is read directly; a stream (a pipe,
//! a terminal) is read by a helper thread in chunks, so that a silent pipe is noticed after
//! [`IDLE`] and what has arrived is scanned instead of waiting for more.

use std::io::{ErrorKind, Read};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use memchr::memchr;

use super::reader::{Control, LOOKAHEAD};

/// How a fill ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fill {
    /// The block is full.
    Full,
    /// The source ended (or reading was cancelled).
    End,
    /// A stream has had nothing new for a while: hand on what is there.
    Idle,
}

/// How long a stream may be silent before what was read is handed on.
pub(super) const IDLE: Duration = Duration::from_millis(50);

/// Where the reading thread takes bytes from: the source itself, or, for a stream, chunks
/// that a helper thread reads, so that a silent pipe can be noticed instead of waited on.
pub(super) enum Feed {
    Direct(Box<dyn Read + Send>),
    Chunks {
        rx: Receiver<std::io::Result<Vec<u8>>>,
        pending: Vec<u8>,
        at: usize,
    },
}

impl Feed {
    pub(super) fn new(input: Box<dyn Read + Send>, eager: bool) -> Feed {
        if !eager {
            return Feed::Direct(input);
        }
        let (tx, rx) = mpsc::sync_channel(16);
        std::thread::spawn(move || {
            let mut input = input;
            loop {
                let mut chunk = vec![0; 64 * 1024];
                match input.read(&mut chunk) {
                    Ok(0) => return,
                    Ok(n) => {
                        chunk.truncate(n);
                        if tx.send(Ok(chunk)).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
            }
        });
        Feed::Chunks {
            rx,
            pending: Vec::new(),
            at: 0,
        }
    }

    /// Reads into `buf[*len..]` (but the look-ahead room at its end).
    pub(super) fn fill(
        &mut self,
        buf: &mut [u8],
        len: &mut usize,
        control: &Control,
    ) -> std::io::Result<Fill> {
        let block = buf.len() - LOOKAHEAD;
        let start = *len;
        while *len < block {
            if control.cancel.load(Ordering::Relaxed) {
                return Ok(Fill::End);
            }
            match self {
                Feed::Direct(input) => match input.read(&mut buf[*len..block]) {
                    Ok(0) => return Ok(Fill::End),
                    Ok(n) => *len += n,
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                },
                Feed::Chunks { rx, pending, at } => {
                    if *at < pending.len() {
                        let n = (pending.len() - *at).min(block - *len);
                        buf[*len..*len + n].copy_from_slice(&pending[*at..*at + n]);
                        *at += n;
                        *len += n;
                        continue;
                    }
                    match rx.recv_timeout(IDLE) {
                        Ok(Ok(chunk)) => {
                            *pending = chunk;
                            *at = 0;
                        }
                        Ok(Err(e)) => return Err(e),
                        Err(RecvTimeoutError::Disconnected) => return Ok(Fill::End),
                        Err(RecvTimeoutError::Timeout) => {
                            if *len > start && memchr(b'\n', &buf[start..*len]).is_some() {
                                return Ok(Fill::Idle);
                            }
                        }
                    }
                }
            }
        }
        Ok(Fill::Full)
    }
}
