//! Reading one source in large blocks, scanning the blocks on every core, and handing the
//! hits back in file order with their line numbers.
//!
//! One thread reads blocks of [`BLOCK`] bytes cut at the last newline (a line longer than a
//! block is cut anyway, and the next block repeats its last [`OVERLAP`] bytes so a message
//! across the cut is still seen); each block also carries the first lines of the next one as
//! a look-ahead. Workers scan blocks in any order; the calling thread puts their results
//! back in order, turning block-relative line numbers into file line numbers. At most a few
//! blocks are in flight, so memory stays bounded whatever the file's size; buffers are
//! reused rather than allocated per block.

use std::collections::BTreeMap;
use std::io::{ErrorKind, Read};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use memchr::{memchr, memrchr};

use super::matcher::Matcher;
use super::prefilter::Prefilter;
use super::scan::{self, Hit, LONG_WINDOW, MAX_SPAN, Scratch};

/// Bytes read per block.
pub const BLOCK: usize = 2 << 20;
/// Most bytes of look-ahead a block carries.
pub const LOOKAHEAD: usize = 64 * 1024;
/// Most bytes repeated after a cut inside a long line.
pub const OVERLAP: usize = 2 * LONG_WINDOW;

/// Shared with whoever watches a read: progress, and a way to stop it.
#[derive(Debug, Default)]
pub struct Control {
    /// Set to stop reading; what was read so far is still reported. Shared so that a
    /// signal handler can set it.
    pub cancel: Arc<AtomicBool>,
    /// Bytes taken from the source so far (compressed bytes for a `.gz`).
    pub read: AtomicU64,
}

/// How a source ended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Bytes of text read (after decompression).
    pub bytes: u64,
    pub lines: u64,
    /// Why reading stopped early, if it did (the part read still counts).
    pub error: Option<String>,
    /// The source holds NUL bytes and was not read.
    pub binary: bool,
    /// Reading was cancelled.
    pub cancelled: bool,
}

/// Options of a read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Read a source with NUL bytes as text instead of skipping it.
    pub text: bool,
    /// Hand a block on as soon as a read returns less than asked (pipes, terminals), so
    /// results show while a slow source is still writing.
    pub eager: bool,
    /// Bytes per block; 0 for [`BLOCK`]. Tests use small blocks to cut messages apart.
    pub block: usize,
}

impl Options {
    fn block(self) -> usize {
        if self.block == 0 {
            BLOCK
        } else {
            self.block.max(64)
        }
    }
}

struct Job {
    seq: u64,
    /// Chosen from the source's first block.
    filter: Arc<Prefilter>,
    buf: Vec<u8>,
    len: usize,
    own: usize,
}

struct Done {
    seq: u64,
    newlines: u64,
    hits: Vec<Hit>,
}

enum Msg {
    Block(Done),
    End {
        blocks: u64,
        bytes: u64,
        ends_with_newline: bool,
        error: Option<String>,
        binary: bool,
    },
}

type Pool = Arc<Mutex<Vec<Vec<u8>>>>;

/// Reads `input` to its end (or until cancelled), calling `on_hit` with each hit's file
/// line number, in file order.
pub fn read(
    matcher: &Arc<Matcher>,
    input: Box<dyn Read + Send>,
    options: Options,
    control: &Arc<Control>,
    mut on_hit: impl FnMut(u64, &Hit),
) -> Outcome {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    let pool: Pool = Arc::default();
    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(workers);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (msg_tx, msg_rx) = mpsc::channel::<Msg>();
    for _ in 0..workers {
        let (jobs, msgs, pool, matcher) = (
            Arc::clone(&job_rx),
            msg_tx.clone(),
            Arc::clone(&pool),
            Arc::clone(matcher),
        );
        std::thread::spawn(move || work(&matcher, &jobs, &msgs, &pool));
    }
    {
        let (control, pool) = (Arc::clone(control), Arc::clone(&pool));
        let matcher = Arc::clone(matcher);
        std::thread::spawn(move || {
            produce(&matcher, input, options, &control, &pool, &job_tx, &msg_tx);
        });
    }
    merge(&msg_rx, control, &mut on_hit)
}

/// The calling thread's part: results back in order.
fn merge(msgs: &Receiver<Msg>, control: &Control, on_hit: &mut impl FnMut(u64, &Hit)) -> Outcome {
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let mut newlines = 0u64;
    let mut end: Option<Msg> = None;
    // The errors already reported on the last line with a hit (a long line read in pieces).
    let mut last_line: (u64, Vec<u32>) = (0, Vec::new());
    let mut outcome = Outcome::default();
    loop {
        if let Some(Msg::End { blocks, .. }) = &end
            && next >= *blocks
        {
            break;
        }
        if control.cancel.load(Ordering::Relaxed) {
            outcome.cancelled = true;
            break;
        }
        match msgs.recv_timeout(Duration::from_millis(50)) {
            Ok(Msg::Block(done)) => {
                pending.insert(done.seq, done);
            }
            Ok(m @ Msg::End { .. }) => end = Some(m),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        while let Some(done) = pending.remove(&next) {
            for hit in &done.hits {
                let line = newlines + hit.line + 1;
                if last_line.0 != line {
                    last_line = (line, Vec::new());
                } else if last_line.1.contains(&hit.known) {
                    continue;
                }
                last_line.1.push(hit.known);
                on_hit(line, hit);
            }
            newlines += done.newlines;
            next += 1;
        }
    }
    outcome.lines = newlines;
    if let Some(Msg::End {
        bytes,
        ends_with_newline,
        error,
        binary,
        ..
    }) = end
    {
        outcome.bytes = bytes;
        outcome.lines += u64::from(bytes > 0 && !ends_with_newline && !binary);
        outcome.error = error;
        outcome.binary = binary;
    } else {
        outcome.bytes = control.read.load(Ordering::Relaxed);
    }
    outcome
}

fn work(matcher: &Matcher, jobs: &Mutex<Receiver<Job>>, msgs: &Sender<Msg>, pool: &Pool) {
    let mut scratch = Scratch::default();
    loop {
        let job = {
            let Ok(rx) = jobs.lock() else { return };
            rx.recv()
        };
        let Ok(job) = job else { return };
        let mut hits = Vec::new();
        let bytes = &job.buf[..job.len];
        let newlines = scan::scan(matcher, &job.filter, bytes, job.own, &mut scratch, &mut hits);
        if let Ok(mut p) = pool.lock() {
            p.push(job.buf);
        }
        if msgs
            .send(Msg::Block(Done {
                seq: job.seq,
                newlines,
                hits,
            }))
            .is_err()
        {
            return;
        }
    }
}

/// Reads into `buf[*len..]` (but the look-ahead room at its end) until the block is full, the source ends (`true`), or,
/// when eager, a read comes back short with a whole line in the block.
fn fill(
    input: &mut dyn Read,
    buf: &mut [u8],
    len: &mut usize,
    eager: bool,
    control: &Control,
) -> std::io::Result<bool> {
    let block = buf.len() - LOOKAHEAD;
    while *len < block {
        if control.cancel.load(Ordering::Relaxed) {
            return Ok(true);
        }
        match input.read(&mut buf[*len..block]) {
            Ok(0) => return Ok(true),
            Ok(n) => {
                let short = *len + n < block;
                *len += n;
                if eager && short && memchr(b'\n', &buf[..*len]).is_some() {
                    return Ok(false);
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(false)
}

/// The reading thread.
fn produce(
    matcher: &Matcher,
    mut input: Box<dyn Read + Send>,
    options: Options,
    control: &Control,
    pool: &Pool,
    jobs: &SyncSender<Job>,
    msgs: &Sender<Msg>,
) {
    let block = options.block();
    // A cut inside a long line repeats this much; less than a block, so reading advances.
    let overlap = OVERLAP.min(block / 4);
    let mut seq = 0u64;
    let mut bytes = 0u64;
    let mut carry: Vec<u8> = Vec::new();
    let mut waiting: Option<Job> = None;
    let mut ends_with_newline = true;
    let mut error = None;
    let mut binary = false;
    let mut filter: Option<Arc<Prefilter>> = None;
    loop {
        let mut buf = pool
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_else(|| vec![0; block + LOOKAHEAD]);
        buf[..carry.len()].copy_from_slice(&carry);
        let mut len = carry.len();
        let before = len;
        let eof = match fill(&mut input, &mut buf, &mut len, options.eager, control) {
            Ok(eof) => eof,
            Err(e) => {
                error = Some(e.to_string());
                true
            }
        };
        bytes += (len - before) as u64;
        if seq == 0 && waiting.is_none() && !options.text && memchr(0, &buf[..len]).is_some() {
            binary = true;
            bytes = 0;
            break;
        }
        if len > 0 {
            ends_with_newline = buf[len - 1] == b'\n';
        }
        // The literals are chosen by how rare they are in the source's first block.
        let filter = Arc::clone(
            filter.get_or_insert_with(|| Arc::new(matcher.prefilter(Some(&buf[..len])))),
        );
        let own = if eof {
            len
        } else {
            memrchr(b'\n', &buf[..len]).map_or(len, |i| i + 1)
        };
        carry.clear();
        if own < len {
            carry.extend_from_slice(&buf[own..len]);
        } else if !eof && memrchr(b'\n', &buf[..len]).is_none() {
            // A line longer than a block: repeat its end in the next one.
            carry.extend_from_slice(&buf[len.saturating_sub(overlap)..len]);
        }
        let len = own;
        if let Some(mut prev) = waiting.take() {
            let ahead = lookahead(&buf[..len]);
            prev.buf[prev.len..prev.len + ahead.len()].copy_from_slice(ahead);
            prev.len += ahead.len();
            if jobs.send(prev).is_err() {
                return;
            }
        }
        if len > 0 {
            waiting = Some(Job {
                seq,
                filter,
                buf,
                len,
                own: len,
            });
            seq += 1;
        }
        if eof {
            break;
        }
    }
    if let Some(last) = waiting.take()
        && jobs.send(last).is_err()
    {
        return;
    }
    let _ = msgs.send(Msg::End {
        blocks: seq,
        bytes,
        ends_with_newline,
        error,
        binary,
    });
}

/// The first [`MAX_SPAN`]` - 1` lines of `buf`, at most [`LOOKAHEAD`] bytes of them.
fn lookahead(buf: &[u8]) -> &[u8] {
    let mut end = 0;
    for _ in 1..MAX_SPAN {
        match memchr(b'\n', &buf[end..]) {
            Some(i) if end + i < LOOKAHEAD => end += i + 1,
            Some(_) => break,
            None => {
                end = buf.len().min(LOOKAHEAD);
                break;
            }
        }
    }
    &buf[..end]
}
