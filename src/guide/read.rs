//! Reading guide files, bounded in size and in time, on worker threads.
//!
//! A walk only `stat`s (see [`super::sources`]); the file may still change into something
//! that blocks before it is opened, and some files block however they are opened (a FUSE
//! or network file system that stopped answering, a `/proc` file). So a file is opened
//! non-blocking (a FIFO then cannot hang the `open`), checked again on the open handle to be
//! a regular file, read up to [`MAX_GUIDE_BYTES`], and every read runs on a worker thread
//! watched by the caller: a read that takes longer than [`Reader::timeout`] is reported, its
//! thread is left behind, and a fresh worker carries on. After [`MAX_STUCK`] such reads the
//! remaining files are reported unread, so the whole load is bounded too.

use std::any::Any;
use std::fs::OpenOptions;
use std::io::Read as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::load::{self, MAX_GUIDE_BYTES};

/// How long one file may take to read before it is given up.
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// After this many reads have timed out, the files not yet started are not read.
pub const MAX_STUCK: usize = 4;

/// How often the caller looks for a stuck read while waiting.
const TICK: Duration = Duration::from_millis(50);

/// How long the caller sleeps when no result has arrived.
const POLL: Duration = Duration::from_millis(1);

/// Reads a regular file of at most [`MAX_GUIDE_BYTES`] bytes.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("this is not a regular file; not read".to_owned());
    }
    if meta.len() > MAX_GUIDE_BYTES {
        return Err(load::too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_GUIDE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_GUIDE_BYTES {
        return Err(load::too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// How files are read: the function, its time bound, and how many threads read at once.
#[derive(Clone, Copy, Debug)]
pub struct Reader {
    pub read: fn(&Path) -> Result<Vec<u8>, String>,
    pub timeout: Duration,
    pub threads: usize,
}

impl Default for Reader {
    fn default() -> Reader {
        Reader {
            read: read_file,
            timeout: READ_TIMEOUT,
            threads: std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        }
    }
}

/// What a worker is doing, as the caller sees it: the worker and the caller change it
/// without a lock (a load of 60,000 files would take one twice per file).
#[derive(Debug, Default)]
struct Slot {
    /// [`IDLE`], the index of the file being read plus one, or [`ABANDONED`]: given up by
    /// the caller, so the worker must drop what it read and stop. The change from reading
    /// to idle (by the worker) and to abandoned (by the caller) is one compare-exchange,
    /// so exactly one of them wins.
    state: AtomicUsize,
    /// When the read in `state` started, in nanoseconds since [`Shared::epoch`]; written
    /// before `state`.
    since_ns: AtomicU64,
}

const IDLE: usize = 0;
const ABANDONED: usize = usize::MAX;

struct Shared<W> {
    paths: Vec<PathBuf>,
    next: AtomicUsize,
    slots: Mutex<Vec<Arc<Slot>>>,
    epoch: Instant,
    read: fn(&Path) -> Result<Vec<u8>, String>,
    work: W,
}

impl<W> Shared<W> {
    fn now_ns(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }
}

type Outcome<T> = Result<Result<T, String>, Box<dyn Any + Send>>;

impl Reader {
    /// Reads every file and runs `work(index, bytes)` on each, on worker threads; the
    /// results keep the order of `paths`. `done` counts the files finished, for a
    /// progress bar. A panic in `work` is a bug and surfaces here.
    pub fn read_all<T, W>(
        &self,
        paths: Vec<PathBuf>,
        work: W,
        done: &AtomicUsize,
    ) -> Vec<Result<T, String>>
    where
        T: Send + 'static,
        W: Fn(usize, Vec<u8>) -> T + Send + Sync + 'static,
    {
        let n = paths.len();
        let mut results: Vec<Option<Result<T, String>>> = (0..n).map(|_| None).collect();
        if n == 0 {
            return Vec::new();
        }
        let shared = Arc::new(Shared {
            paths,
            next: AtomicUsize::new(0),
            slots: Mutex::new(Vec::new()),
            epoch: Instant::now(),
            read: self.read,
            work,
        });
        let (tx, rx) = mpsc::channel::<(usize, Outcome<T>)>();
        for _ in 0..self.threads.clamp(1, n) {
            start_worker(&shared, &tx);
        }
        let (mut received, mut stuck) = (0, 0);
        let mut last_check = Instant::now();
        while received < n {
            // Take what has arrived, then sleep a little rather than wait on the channel:
            // a waiting receiver would be woken (a system call and a switch) per file.
            let mut any = false;
            while let Ok((i, outcome)) = rx.try_recv() {
                any = true;
                let result = outcome.unwrap_or_else(|panic| resume_unwind(panic));
                if results[i].is_none() {
                    results[i] = Some(result);
                    received += 1;
                    done.fetch_add(1, Ordering::Relaxed);
                }
            }
            if received >= n {
                break;
            }
            if last_check.elapsed() >= TICK {
                last_check = Instant::now();
                for i in self.give_up_stuck(&shared) {
                    if results[i].is_none() {
                        results[i] = Some(Err(format!(
                            "reading took longer than {} s; not read",
                            self.timeout.as_secs_f32()
                        )));
                        received += 1;
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                    stuck += 1;
                    if stuck >= MAX_STUCK {
                        let first_unread = shared.next.swap(n, Ordering::SeqCst).min(n);
                        for result in &mut results[first_unread..] {
                            *result = Some(Err(format!(
                                "not read: {MAX_STUCK} files before it took too long to read"
                            )));
                        }
                        received += n - first_unread;
                        done.fetch_add(n - first_unread, Ordering::Relaxed);
                    } else {
                        start_worker(&shared, &tx);
                    }
                }
            }
            if !any {
                std::thread::sleep(POLL);
            }
        }
        results
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err("not read".to_owned())))
            .collect()
    }

    /// Marks the workers whose read has taken too long as abandoned; their files.
    fn give_up_stuck<W>(&self, shared: &Shared<W>) -> Vec<usize> {
        let slots = shared.slots.lock().unwrap_or_else(PoisonError::into_inner);
        let now = shared.now_ns();
        let timeout = u64::try_from(self.timeout.as_nanos()).unwrap_or(u64::MAX);
        let mut given_up = Vec::new();
        for slot in slots.iter() {
            let state = slot.state.load(Ordering::Acquire);
            if state == IDLE || state == ABANDONED {
                continue;
            }
            let since = slot.since_ns.load(Ordering::Acquire);
            if now.saturating_sub(since) > timeout
                && slot
                    .state
                    .compare_exchange(state, ABANDONED, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
            {
                given_up.push(state - 1);
            }
        }
        given_up
    }
}

/// Starts a worker taking files from the shared queue until it is empty; when no thread
/// can be had, works through the queue on this one (without the time bound).
fn start_worker<T, W>(shared: &Arc<Shared<W>>, tx: &mpsc::Sender<(usize, Outcome<T>)>)
where
    T: Send + 'static,
    W: Fn(usize, Vec<u8>) -> T + Send + Sync + 'static,
{
    let me = Arc::new(Slot::default());
    shared
        .slots
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Arc::clone(&me));
    let (ours, our_tx) = (Arc::clone(shared), tx.clone());
    let started = std::thread::Builder::new()
        .name("tshoot-read".to_owned())
        .spawn({
            let me = Arc::clone(&me);
            move || worker(&ours, &me, &our_tx)
        });
    if started.is_err() {
        worker(shared, &me, tx);
    }
}

fn worker<T, W>(shared: &Shared<W>, me: &Slot, tx: &mpsc::Sender<(usize, Outcome<T>)>)
where
    W: Fn(usize, Vec<u8>) -> T,
{
    loop {
        let i = shared.next.fetch_add(1, Ordering::SeqCst);
        let Some(path) = shared.paths.get(i) else {
            return;
        };
        me.since_ns.store(shared.now_ns(), Ordering::Release);
        me.state.store(i + 1, Ordering::Release);
        let bytes = (shared.read)(path);
        if me
            .state
            .compare_exchange(i + 1, IDLE, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            // Abandoned by the caller, which has reported the file.
            return;
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| bytes.map(|b| (shared.work)(i, b))));
        if tx.send((i, outcome)).is_err() {
            return;
        }
    }
}
