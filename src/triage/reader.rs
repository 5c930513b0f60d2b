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
use std::io::Read;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use memchr::{memchr, memrchr};

use super::feed::{Feed, Fill};
use super::matcher::Matcher;
use super::prefilter::Prefilter;
use super::scan::{self, Hit, LONG_WINDOW, MAX_SPAN, Scratch};

/// Bytes read per block.
pub const BLOCK: usize = 2 << 20;
/// Most bytes of look-ahead a block carries.
pub const LOOKAHEAD: usize = 64 * 1024;
/// Most bytes repeated after a cut inside a long line.
pub const OVERLAP: usize = 2 * LONG_WINDOW;
/// A NUL byte within this many bytes of the start makes a source binary: it is skipped
/// whole. A NUL byte further on (a core dump appended to a log) ends the reading at the line
/// holding it, and the outcome says where ([`Outcome::binary_from`]).
pub const SNIFF: u64 = 8192;

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
    /// The source holds NUL bytes near its start and was not read.
    pub binary: bool,
    /// The source turned binary later: the byte offset of its first NUL byte. The lines
    /// before the one holding it were read; the rest was skipped.
    pub binary_from: Option<u64>,
    /// Reading was cancelled.
    pub cancelled: bool,
}

/// Options of a read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Read a source with NUL bytes as text instead of skipping it.
    pub text: bool,
    /// The source is a stream (a pipe, a terminal): when it has been silent for a moment,
    /// hand on what was read, so results show while it is still writing. A message split
    /// over lines that arrive more than that moment apart may be missed.
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
        binary_from: Option<u64>,
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
    // Reading may have stopped at the cancel before this loop saw it.
    outcome.cancelled |= control.cancel.load(Ordering::Relaxed);
    if let Some(Msg::End {
        bytes,
        ends_with_newline,
        error,
        binary,
        binary_from,
        ..
    }) = end
    {
        outcome.bytes = bytes;
        outcome.lines += u64::from(bytes > 0 && !ends_with_newline && !binary);
        outcome.error = error;
        outcome.binary = binary;
        outcome.binary_from = binary_from;
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
        let newlines = scan::scan(
            matcher,
            &job.filter,
            bytes,
            job.own,
            &mut scratch,
            &mut hits,
        );
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

/// The reading thread.
fn produce(
    matcher: &Matcher,
    input: Box<dyn Read + Send>,
    options: Options,
    control: &Control,
    pool: &Pool,
    jobs: &SyncSender<Job>,
    msgs: &Sender<Msg>,
) {
    let block = options.block();
    // A cut inside a long line repeats this much; less than a block, so reading advances.
    let overlap = OVERLAP.min(block / 4);
    let mut feed = Feed::new(input, options.eager);
    let mut seq = 0u64;
    let mut bytes = 0u64;
    let mut carry: Vec<u8> = Vec::new();
    let mut waiting: Option<Job> = None;
    let mut ends_with_newline = true;
    let mut error = None;
    let mut binary = false;
    let mut binary_from = None;
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
        let mut fill = feed.fill(&mut buf, &mut len, control).unwrap_or_else(|e| {
            error = Some(e.to_string());
            Fill::End
        });
        bytes += (len - before) as u64;
        // Only the bytes new in this block: the carried ones were looked at before.
        if !options.text
            && let Some(nul) = memchr(0, &buf[before..len]).map(|i| before + i)
        {
            let offset = bytes - (len - nul) as u64;
            if offset < SNIFF {
                binary = true;
                bytes = 0;
                break;
            }
            // Read the lines before the one holding it, and stop there.
            let cut = memrchr(b'\n', &buf[..nul]).map_or(0, |i| i + 1);
            bytes -= (len - cut) as u64;
            len = cut;
            binary_from = Some(offset);
            fill = Fill::End;
        }
        if len > before {
            ends_with_newline = buf[len - 1] == b'\n';
        } else if binary_from.is_some() {
            // Cut before a line: the carried part of it is not a line read.
            ends_with_newline = true;
        }
        // The literals are chosen by how rare they are in the source's first block.
        let filter = Arc::clone(
            filter.get_or_insert_with(|| Arc::new(matcher.prefilter(Some(&buf[..len])))),
        );
        let last_newline = memrchr(b'\n', &buf[..len]);
        let own = match fill {
            Fill::End => len,
            Fill::Full | Fill::Idle => last_newline.map_or(len, |i| i + 1),
        };
        carry.clear();
        if own < len {
            carry.extend_from_slice(&buf[own..len]);
        } else if fill == Fill::Full && last_newline.is_none() {
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
            let job = Job {
                seq,
                filter,
                buf,
                len,
                own: len,
            };
            seq += 1;
            // A silent stream: hand the block on now, without waiting for its look-ahead.
            if fill == Fill::Idle {
                if jobs.send(job).is_err() {
                    return;
                }
            } else {
                waiting = Some(job);
            }
        }
        if fill == Fill::End {
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
        binary_from,
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
