//! Opening what triage reads: a file (gzip-compressed or not, told by its first bytes) or
//! standard input, with the raw bytes taken counted for a progress bar.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
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
    /// Whether the text is gzip-decompressed.
    pub gzip: bool,
    /// Whether the source is a pipe or terminal (read eagerly).
    pub stream: bool,
}

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened")
            .field("size", &self.size)
            .field("gzip", &self.gzip)
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

/// Opens `input`; a path that cannot be opened is an error naming it.
pub fn open(input: &Input, control: &Arc<Control>) -> anyhow::Result<Opened> {
    let (raw, size, stream): (Box<dyn Read + Send>, Option<u64>, bool) = match input {
        Input::Stdin => (Box::new(std::io::stdin()), None, true),
        Input::File(path) => {
            let file =
                File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
            let meta = file
                .metadata()
                .with_context(|| format!("cannot read {}", path.display()))?;
            anyhow::ensure!(!meta.is_dir(), "{} is a folder", path.display());
            let regular = meta.is_file();
            (Box::new(file), regular.then_some(meta.len()), !regular)
        }
    };
    let mut buffered = BufReader::with_capacity(
        64 * 1024,
        Counted {
            inner: raw,
            control: Arc::clone(control),
        },
    );
    let head = buffered
        .fill_buf()
        .with_context(|| format!("cannot read {}", input.name()))?;
    let gzip = head.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn Read + Send> = if gzip {
        Box::new(GzipErrors(MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    };
    Ok(Opened {
        reader,
        size,
        gzip,
        stream,
    })
}
