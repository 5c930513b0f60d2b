//! Opening what triage reads: a file (gzip-compressed or not, told by its first bytes) or
//! standard input, with the raw bytes taken counted for a progress bar.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use anyhow::Context as _;
use flate2::read::MultiGzDecoder;

use super::reader::Control;

/// Where log text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else a path.
    #[must_use]
    pub fn from_arg(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(PathBuf::from(arg))
        }
    }

    /// The name shown in output: the path as given, or `-`.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// An opened input.
pub struct Opened {
    pub reader: Box<dyn Read + Send>,
    /// Size in bytes of the raw source when known (a regular file).
    pub size: Option<u64>,
    /// Whether the source is a pipe or terminal (read eagerly).
    pub stream: bool,
}

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened")
            .field("size", &self.size)
            .field("stream", &self.stream)
            .finish_non_exhaustive()
    }
}

/// Counts the bytes read into the shared progress.
struct Counted<R> {
    inner: R,
    control: Arc<Control>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.control.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Names a gzip error as such: the part read before it still counts.
struct GzipErrors<R>(R);

impl<R: Read> Read for GzipErrors<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            std::io::Error::new(e.kind(), format!("truncated or corrupt gzip data ({e})"))
        })
    }
}

/// Decompresses when the text starts with the gzip magic bytes, told at the first read,
/// so that opening a silent pipe never waits (reads happen on the reading thread, which a
/// cancel does not need to wait for).
enum Sniff {
    Unknown(Box<dyn Read + Send>),
    Known(Box<dyn Read + Send>),
    Failed,
}

impl Read for Sniff {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Sniff::Unknown(_) = self {
            let Sniff::Unknown(raw) = std::mem::replace(self, Sniff::Failed) else {
                unreachable!("checked just above")
            };
            *self = Sniff::Known(sniffed(raw)?);
        }
        match self {
            Sniff::Known(r) => r.read(buf),
            Sniff::Unknown(_) | Sniff::Failed => Ok(0),
        }
    }
}

/// `raw`, decompressed if it starts like gzip.
fn sniffed(raw: Box<dyn Read + Send>) -> std::io::Result<Box<dyn Read + Send>> {
    let mut buffered = BufReader::with_capacity(64 * 1024, raw);
    let gzip = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gzip {
        Box::new(GzipErrors(MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    })
}

/// Opens `input`; a path that cannot be opened is an error naming it. Standard input is
/// not read here, so this never waits.
pub fn open(input: &Input, control: &Arc<Control>) -> anyhow::Result<Opened> {
    let counted = |raw: Box<dyn Read + Send>| -> Box<dyn Read + Send> {
        Box::new(Counted {
            inner: raw,
            control: Arc::clone(control),
        })
    };
    match input {
        Input::Stdin => {
            // Standard input redirected from a file is read as that file.
            let file = std::io::stdin()
                .as_fd()
                .try_clone_to_owned()
                .ok()
                .map(File::from)
                .filter(|f| f.metadata().is_ok_and(|m| m.is_file()));
            if let Some(file) = file {
                let size = file.metadata().ok().map(|m| m.len());
                let reader =
                    sniffed(counted(Box::new(file))).context("cannot read standard input")?;
                return Ok(Opened {
                    reader,
                    size,
                    stream: false,
                });
            }
            Ok(Opened {
                reader: Box::new(Sniff::Unknown(counted(Box::new(std::io::stdin())))),
                size: None,
                stream: true,
            })
        }
        Input::File(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
            let meta = file
                .metadata()
                .with_context(|| format!("cannot read {}", path.display()))?;
            anyhow::ensure!(!meta.is_dir(), "{} is a folder", path.display());
            let regular = meta.is_file();
            let raw = counted(Box::new(file));
            // A FIFO is read like standard input: it may be silent for a long time.
            let reader: Box<dyn Read + Send> = if regular {
                sniffed(raw).with_context(|| format!("cannot read {}", path.display()))?
            } else {
                Box::new(Sniff::Unknown(raw))
            };
            Ok(Opened {
                reader,
                size: regular.then_some(meta.len()),
                stream: !regular,
            })
        }
    }
}
