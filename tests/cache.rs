//! The guide cache: hits, misses and invalidation (touch, edit, delete, rename, a folder
//! added), the same catalog and the same search results with and without it, corrupt and
//! hostile cache files ignored and rebuilt, a cache folder that cannot be written, and two
//! processes at once.

mod cache_support;
mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use cache_support::{Setup, guide, setup};
use tshoot::cache::{self, Cache, format};
use tshoot::guide::catalog::Catalog;
use tshoot::guide::load;
use tshoot::guide::read::{Reader, read_file};
use tshoot::guide::sources::FileKey;

#[path = "../benches/support/synth.rs"]
mod synth;

/// Every file read through [`logged`], by any test of this binary.
static READS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn logged(path: &Path) -> Result<Vec<u8>, String> {
    READS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(path.to_owned());
    read_file(path)
}

impl Setup {
    /// Loads through the cache; the names of the files that had to be read.
    fn load(&self) -> (Catalog, Vec<String>) {
        self.load_with(Some(&self.cache))
    }

    fn load_with(&self, cache: Option<&Cache>) -> (Catalog, Vec<String>) {
        let reader = Reader {
            read: logged,
            ..Reader::default()
        };
        let catalog = cache::load(&self.sources(), cache, &reader, &cache::Progress::default());
        let mut reads: Vec<String> = READS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .filter_map(|p| p.strip_prefix(&self.guides).ok())
            .map(|p| p.display().to_string())
            .collect();
        READS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .retain(|p| !p.starts_with(&self.guides));
        reads.sort();
        (catalog, reads)
    }

    fn cache_file(&self) -> PathBuf {
        self.cache.file_for(&self.guides)
    }
}

/// Everything a user could see of a catalog, as text.
fn seen(catalog: &Catalog) -> String {
    format!(
        "{:#?}\n{:#?}\n{:#?}",
        catalog.guides, catalog.problems, catalog.notices
    )
}

fn titles(catalog: &Catalog) -> Vec<String> {
    catalog
        .guides
        .iter()
        .map(|g| g.title.show(tshoot::lang::Lang::En).to_owned())
        .collect()
}

#[test]
fn a_second_load_reads_no_guide_file_and_gives_the_same_catalog() {
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    s.write("b.yaml", &guide("b", "Beta"));
    s.write("broken.yaml", "id: [\n");
    let (cold, reads) = s.load();
    assert_eq!(reads, ["a.yaml", "b.yaml", "broken.yaml"]);
    assert!(s.cache_file().is_file());
    let (warm, reads) = s.load();
    assert!(reads.is_empty(), "{reads:?}");
    assert_eq!(seen(&warm), seen(&cold));
    let (plain, _) = s.load_with(None);
    assert_eq!(seen(&warm), seen(&plain));
    // The broken file's message is remembered too.
    assert_eq!(warm.problems.len(), 1);
    assert!(warm.problems[0].diagnostic.file.ends_with("broken.yaml"));
}

fn set_mtime(path: &Path, when: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(when)
        .expect("set mtime");
}

#[test]
fn a_touched_file_is_read_again_and_only_it() {
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    s.write("b.yaml", &guide("b", "Beta"));
    s.load();
    set_mtime(
        &s.guides.join("b.yaml"),
        SystemTime::now() + Duration::from_secs(10),
    );
    let (_, reads) = s.load();
    assert_eq!(reads, ["b.yaml"]);
    let (_, reads) = s.load();
    assert!(reads.is_empty(), "{reads:?}");
}

#[test]
fn an_edit_that_keeps_size_and_mtime_is_still_seen_through_the_inode() {
    // Editors that save by writing a new file and renaming it over the old one change
    // the inode even when size and time match.
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    s.load();
    let path = s.guides.join("a.yaml");
    let before = fs::metadata(&path)
        .expect("stat")
        .modified()
        .expect("mtime");
    let new = s.guides.join("a.yaml.new");
    fs::write(&new, guide("a", "Omega")).expect("write");
    set_mtime(&new, before);
    fs::rename(&new, &path).expect("rename");
    let (catalog, reads) = s.load();
    assert_eq!(reads, ["a.yaml"]);
    assert_eq!(titles(&catalog), ["Omega"]);
}

#[test]
fn an_edited_file_shows_its_new_content() {
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    s.write("b.yaml", &guide("b", "Beta"));
    s.load();
    s.write("a.yaml", &guide("a", "Alpha, edited"));
    let (catalog, reads) = s.load();
    assert_eq!(reads, ["a.yaml"]);
    assert_eq!(titles(&catalog), ["Alpha, edited", "Beta"]);
}

#[test]
fn a_deleted_file_is_gone_and_a_renamed_one_is_found_under_its_new_name() {
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    s.write("b.yaml", &guide("b", "Beta"));
    s.write("c.yaml", &guide("c", "Gamma"));
    s.load();
    fs::remove_file(s.guides.join("a.yaml")).expect("rm");
    fs::rename(s.guides.join("b.yaml"), s.guides.join("z.yaml")).expect("mv");
    let (catalog, reads) = s.load();
    assert_eq!(reads, ["z.yaml"]);
    assert_eq!(titles(&catalog), ["Gamma", "Beta"]);
    assert!(catalog.guides[1].origin.file.ends_with("z.yaml"));
    let (again, reads) = s.load();
    assert!(reads.is_empty(), "{reads:?}");
    assert_eq!(seen(&again), seen(&catalog));
}

#[test]
fn a_folder_added_is_read_and_the_rest_comes_from_the_cache() {
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    s.load();
    s.write("team/x.yaml", &guide("x", "Ex"));
    s.write("team/y.yaml", &guide("y", "Why"));
    let (catalog, reads) = s.load();
    assert_eq!(reads, ["team/x.yaml", "team/y.yaml"]);
    assert_eq!(titles(&catalog), ["Alpha", "Ex", "Why"]);
}

#[test]
fn another_build_never_reads_this_builds_cache() {
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    s.load();
    let other = Cache::with_build(s.cache.dir().to_owned(), "another build".to_owned());
    let (_, reads) = s.load_with(Some(&other));
    assert_eq!(reads, ["a.yaml"]);
    // It wrote its own; this build now misses once and writes again.
    let (_, reads) = s.load();
    assert_eq!(reads, ["a.yaml"]);
}

/// Replaces the cache file with `bytes`, loads, and checks that the catalog is exactly the
/// one without a cache, and that the cache was rebuilt (the next load reads nothing).
fn survives(s: &Setup, bytes: &[u8], what: &str) {
    fs::write(s.cache_file(), bytes).expect("write the cache file");
    let (catalog, _) = s.load();
    let (plain, _) = s.load_with(None);
    assert_eq!(seen(&catalog), seen(&plain), "{what}");
    let (_, reads) = s.load();
    assert!(reads.is_empty(), "{what}: not rebuilt: {reads:?}");
}

fn with_guides() -> (Setup, Vec<u8>) {
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    s.write("b.yaml", &guide("b", "Beta"));
    s.write("c.yaml", &guide("c", "Gamma"));
    s.load();
    let good = fs::read(s.cache_file()).expect("a cache file");
    (s, good)
}

#[test]
fn truncated_cache_files_are_ignored_and_rebuilt() {
    let (s, good) = with_guides();
    for cut in (0..good.len()).step_by(7) {
        survives(&s, &good[..cut], &format!("cut at {cut}"));
    }
}

#[test]
fn every_flipped_byte_is_caught() {
    let (s, good) = with_guides();
    for at in (0..good.len()).step_by(3) {
        let mut bad = good.clone();
        bad[at] ^= 0x5a;
        survives(&s, &bad, &format!("byte {at} flipped"));
    }
}

#[test]
fn garbage_and_foreign_files_are_ignored() {
    let (s, good) = with_guides();
    survives(&s, b"", "empty");
    survives(&s, &[0xff; 4096], "0xff bytes");
    survives(&s, b"tshoot\xc0\x01\x00\x00\x00\x00", "magic only");
    let mut foreign = good.clone();
    foreign[8] = foreign[8].wrapping_add(1); // format version
    survives(&s, &foreign, "another format version");
    let mut doubled = good.clone();
    doubled.extend_from_slice(&good);
    survives(&s, &doubled, "two files in one");
}

/// A cache file holding one entry for `a.yaml` with this body, framed and checksummed
/// correctly, so only the body's decoding stands between it and the catalog.
fn crafted(s: &Setup, body: &[u8]) -> Vec<u8> {
    let path = s.guides.join("a.yaml");
    let key = FileKey::of(&fs::metadata(&path).expect("stat"));
    let source = std::path::absolute(&s.guides).expect("absolute");
    let mut out = format::header("test build", source.as_os_str().as_encoded_bytes());
    let mut rest = Vec::new();
    rest.extend_from_slice(&key.size.to_le_bytes());
    rest.extend_from_slice(&key.mtime_ns.to_le_bytes());
    rest.extend_from_slice(&key.inode.to_le_bytes());
    rest.extend_from_slice(&key.device.to_le_bytes());
    let p = path.as_os_str().as_encoded_bytes();
    rest.extend_from_slice(&u32::try_from(p.len()).expect("short").to_le_bytes());
    rest.extend_from_slice(p);
    rest.extend_from_slice(body);
    out.extend_from_slice(&u32::try_from(rest.len()).expect("short").to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&rest).to_le_bytes());
    out.extend_from_slice(&rest);
    out
}

#[test]
fn hostile_entries_with_valid_checksums_are_refused() {
    let (s, _) = with_guides();
    // Huge lengths: a Vec or String claiming 2^63 elements, as postcard varints.
    let huge = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
    survives(&s, &crafted(&s, &huge), "huge length");
    survives(&s, &crafted(&s, &[0xff; 64]), "varint overflow");
    survives(&s, &crafted(&s, &[]), "empty body");
    // A frame claiming more bytes than the file has.
    let mut long = crafted(&s, b"x");
    let header_len = format::header(
        "test build",
        std::path::absolute(&s.guides)
            .expect("absolute")
            .as_os_str()
            .as_encoded_bytes(),
    )
    .len();
    long[header_len..header_len + 4].copy_from_slice(&u32::MAX.to_le_bytes());
    survives(&s, &long, "frame longer than the file");
}

#[test]
fn a_decoded_guide_whose_indices_point_nowhere_is_refused() {
    let (s, _) = with_guides();
    let path = s.guides.join("a.yaml");
    let mut checked = load::check("a.yaml", &fs::read(&path).expect("read"), 0);
    checked.guide.as_mut().expect("a guide").start = 99;
    let body = postcard::to_stdvec(&checked).expect("encode");
    survives(&s, &crafted(&s, &body), "start out of range");
    let mut checked = load::check("a.yaml", &fs::read(&path).expect("read"), 0);
    checked.guide.as_mut().expect("a guide").nodes[0].answers[0].next =
        tshoot::guide::Next::Error(7);
    let body = postcard::to_stdvec(&checked).expect("encode");
    survives(&s, &crafted(&s, &body), "answer out of range");
}

#[test]
fn a_fifo_or_a_folder_in_place_of_the_cache_file_is_no_cache() {
    let (s, _) = with_guides();
    let file = s.cache_file();
    fs::remove_file(&file).expect("rm");
    let status = std::process::Command::new("mkfifo")
        .arg(&file)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let (catalog, reads) = s.load();
    assert_eq!(reads.len(), 3);
    assert_eq!(titles(&catalog), ["Alpha", "Beta", "Gamma"]);
    fs::remove_file(&file).expect("rm");
    fs::create_dir(&file).expect("mkdir");
    let (catalog, _) = s.load();
    assert_eq!(titles(&catalog), ["Alpha", "Beta", "Gamma"]);
}

#[test]
fn a_cache_folder_that_cannot_be_created_means_no_cache() {
    let s = setup();
    s.write("a.yaml", &guide("a", "Alpha"));
    let blocker = s.guides.parent().expect("parent").join("not-a-folder");
    fs::write(&blocker, "").expect("write");
    let cache = Cache::with_build(blocker.join("cache"), "test build".to_owned());
    for _ in 0..2 {
        let (catalog, reads) = s.load_with(Some(&cache));
        assert_eq!(reads, ["a.yaml"]);
        assert_eq!(titles(&catalog), ["Alpha"]);
    }
}

#[test]
fn cache_files_are_private() {
    let (s, _) = with_guides();
    let mode = |p: &Path| fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&s.cache_file()), 0o600);
    assert_eq!(mode(s.cache.dir()), 0o700);
}

#[test]
fn the_generated_corpus_searches_the_same_with_and_without_the_cache() {
    let s = setup();
    for (n, yaml) in synth::guides(5_000).iter().enumerate() {
        s.write(&format!("part-{}/synth-{n}.yaml", n % 7), yaml);
    }
    s.load();
    let (warm, reads) = s.load();
    assert!(reads.is_empty());
    let (plain, _) = s.load_with(None);
    assert_eq!(warm.guides.len(), 50);
    assert_eq!(seen(&warm), seen(&plain));
    let (a, b) = (
        tshoot::search::Index::new(&warm),
        tshoot::search::Index::new(&plain),
    );
    let lang = tshoot::lang::Lang::En;
    let mut queries = vec![
        "connection timeout".to_owned(),
        "certifcate expird".to_owned(),
    ];
    for guide in warm.guides.iter().step_by(5) {
        for error in guide.errors.iter().step_by(17) {
            queries.push(error.title.show(lang).to_owned());
            queries.push(error.messages[0].show(lang).replace("{timestamp}", "noon"));
        }
    }
    for q in &queries {
        let hits = |index| {
            tshoot::search::search(index, q)
                .iter()
                .map(|h| (h.entry, h.score, h.field))
                .collect::<Vec<_>>()
        };
        let (with, without) = (hits(&a), hits(&b));
        assert!(!without.is_empty(), "{q}");
        assert_eq!(with, without, "{q}");
    }
}

#[test]
fn two_processes_at_once_agree_and_leave_a_valid_cache() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let guides = tmp.path().join("guides");
    for (n, yaml) in synth::guides(2_000).iter().enumerate() {
        fs::create_dir_all(&guides).expect("mkdir");
        fs::write(guides.join(format!("synth-{n}.yaml")), yaml).expect("write");
    }
    let run = |extra: &[&str]| {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("tshoot"));
        cmd.env_clear()
            .env("HOME", "/nonexistent/tshoot-test-home")
            .env("XDG_CACHE_HOME", tmp.path().join("cache"))
            .args(["search", "--json", "--no-builtin", "--guides"])
            .arg(&guides)
            .args(extra)
            .arg("deadlock timeout");
        cmd
    };
    let expected = run(&["--no-cache"]).output().expect("runs").stdout;
    assert!(!expected.is_empty());
    let children: Vec<std::process::Child> = (0..4)
        .map(|_| {
            run(&[])
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success());
        assert_eq!(out.stdout, expected);
    }
    let after = run(&[]).output().expect("runs");
    assert_eq!(after.stdout, expected);
    // One file of guide entries, one search index, one summary, no temporary file left
    // behind.
    let mut left: Vec<String> = fs::read_dir(tmp.path().join("cache/tshoot"))
        .expect("the cache folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left.len(), 3, "{left:?}");
    assert!(
        left[0].starts_with("guides-")
            && left[1].starts_with("index-")
            && left[2].starts_with("summary-"),
        "{left:?}"
    );
}

#[test]
fn no_cache_writes_nothing_and_cache_clear_removes_the_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let guides = tmp.path().join("guides");
    fs::create_dir(&guides).expect("mkdir");
    fs::write(guides.join("a.yaml"), guide("a", "Alpha")).expect("write");
    let cache_home = tmp.path().join("cache");
    let list = |extra: &[&str]| {
        common::tshoot()
            .env("XDG_CACHE_HOME", &cache_home)
            .args(["list", "--guides"])
            .arg(&guides)
            .args(extra)
            .assert()
            .success()
    };
    list(&["--no-cache"]);
    assert!(!cache_home.exists());
    list(&[]);
    // `search` adds the search index to the guide entries and the summary.
    common::tshoot()
        .env("XDG_CACHE_HOME", &cache_home)
        .args(["search", "--guides"])
        .arg(&guides)
        .arg("Alpha")
        .assert()
        .success();
    assert_eq!(
        fs::read_dir(cache_home.join("tshoot"))
            .expect("dir")
            .count(),
        3
    );
    common::tshoot()
        .env("XDG_CACHE_HOME", &cache_home)
        .args(["cache", "clear"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("removed 3 cache files from "));
    assert_eq!(
        fs::read_dir(cache_home.join("tshoot"))
            .expect("dir")
            .count(),
        0
    );
}

fn hits(index: &tshoot::search::Index, q: &str) -> Vec<(tshoot::search::Entry, u32, u32)> {
    tshoot::search::search(index, q)
        .iter()
        .map(|h| (h.entry, h.score, h.field))
        .collect()
}

#[test]
fn the_search_index_is_cached_for_exactly_the_same_files() {
    let s = setup();
    for (n, yaml) in synth::guides(1_000).iter().enumerate() {
        s.write(&format!("synth-{n}.yaml"), yaml);
    }
    let load = || {
        cache::load_cached(
            &s.sources(),
            &s.cache,
            &Reader::default(),
            &cache::Progress::default(),
        )
    };
    let (catalog, fingerprint) = load();
    assert!(s.cache.cached_index(&catalog, &fingerprint).is_none());
    let built = s.cache.index(&catalog, &fingerprint);
    let (catalog, fingerprint) = load();
    let cached = s
        .cache
        .cached_index(&catalog, &fingerprint)
        .expect("the index comes from the cache");
    for q in ["deadlock timeout", "certifcate expird", "token"] {
        assert!(!hits(&built, q).is_empty(), "{q}");
        assert_eq!(hits(&cached, q), hits(&built, q), "{q}");
    }
    // One guide changed: the catalog's inputs differ, so the index is built again.
    s.write("synth-3.yaml", &guide("synth-3", "Replaced"));
    let (catalog, fingerprint) = load();
    assert!(s.cache.cached_index(&catalog, &fingerprint).is_none());
    let rebuilt = s.cache.index(&catalog, &fingerprint);
    assert_eq!(
        hits(&rebuilt, "Replaced"),
        hits(&tshoot::search::Index::new(&catalog), "Replaced")
    );
    assert!(s.cache.cached_index(&catalog, &fingerprint).is_some());
}

#[test]
fn a_corrupt_search_index_is_built_again() {
    let s = setup();
    for (n, yaml) in synth::guides(300).iter().enumerate() {
        s.write(&format!("synth-{n}.yaml"), yaml);
    }
    let load = || {
        cache::load_cached(
            &s.sources(),
            &s.cache,
            &Reader::default(),
            &cache::Progress::default(),
        )
    };
    let (catalog, fingerprint) = load();
    let fresh = s.cache.index(&catalog, &fingerprint);
    let file = fs::read_dir(s.cache.dir())
        .expect("cache dir")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("index-"))
        })
        .expect("an index file");
    let good = fs::read(&file).expect("read");
    let step = (good.len() / 200).max(1);
    for at in (0..good.len()).step_by(step) {
        let mut bad = good.clone();
        bad[at] ^= 0x21;
        fs::write(&file, &bad).expect("write");
        assert!(
            s.cache.cached_index(&catalog, &fingerprint).is_none(),
            "byte {at}"
        );
        fs::write(&file, &good[..at]).expect("write");
        assert!(
            s.cache.cached_index(&catalog, &fingerprint).is_none(),
            "cut at {at}"
        );
    }
    let rebuilt = s.cache.index(&catalog, &fingerprint);
    assert_eq!(hits(&rebuilt, "deadlock"), hits(&fresh, "deadlock"));
    assert!(s.cache.cached_index(&catalog, &fingerprint).is_some());
}

/// Plants a text in a decoded guide.
type Plant = fn(&mut tshoot::guide::Guide, &str);

/// Texts an attacker who can write the cache folder would plant: a clipboard write, a
/// screen clear, a bidi override, a tab and a bare carriage return.
const HOSTILE: [&str; 5] = [
    "\u{1b}]52;c;ZWNobyBoaQ==\u{7}",
    "\u{1b}[2J",
    "\u{202e}txt.exe",
    "a\tb",
    "line\rover",
];

#[test]
fn cached_text_that_is_not_clean_is_refused_and_read_again() {
    let (s, _) = with_guides();
    let path = s.guides.join("a.yaml");
    let fresh = || load::check("a.yaml", &fs::read(&path).expect("read"), 0);
    let plants: [(&str, Plant); 6] = [
        ("title", |g, bad| {
            g.title = g.title.clone().map(|t| format!("{t}{bad}"));
        }),
        ("message", |g, bad| {
            g.errors[0].messages[0] = g.errors[0].messages[0].clone().map(|t| format!("{bad}{t}"));
        }),
        ("checklist", |g, bad| {
            g.errors[0].checklist[0].text = g.errors[0].checklist[0]
                .text
                .clone()
                .map(|_| bad.to_owned());
        }),
        ("error id", |g, bad| g.errors[0].id = format!("e{bad}")),
        ("tag", |g, bad| g.tags.push(bad.to_owned())),
        ("node id", |g, bad| g.nodes[0].id = bad.to_owned()),
    ];
    for (field, plant) in plants {
        for bad in HOSTILE {
            let mut checked = fresh();
            plant(checked.guide.as_mut().expect("a guide"), bad);
            let body = postcard::to_stdvec(&checked).expect("encode");
            assert!(format::decode(&body).is_none(), "{field} {bad:?}");
            survives(&s, &crafted(&s, &body), &format!("{field} {bad:?}"));
        }
    }
    // A diagnostic's message is shown too.
    let mut checked = fresh();
    checked.diagnostics.push(tshoot::guide::Diagnostic {
        file: "a.yaml".to_owned(),
        pos: None,
        severity: tshoot::guide::Severity::Warning,
        message: format!("look {}", HOSTILE[1]),
    });
    let body = postcard::to_stdvec(&checked).expect("encode");
    survives(&s, &crafted(&s, &body), "diagnostic");
    // The same entries made of clean text are taken.
    let body = postcard::to_stdvec(&fresh()).expect("encode");
    assert!(format::decode(&body).is_some());
}

#[test]
fn a_cached_index_whose_texts_are_not_clean_is_built_again() {
    let s = setup();
    for (n, yaml) in synth::guides(300).iter().enumerate() {
        s.write(&format!("synth-{n}.yaml"), yaml);
    }
    let (catalog, fingerprint) = cache::load_cached(
        &s.sources(),
        &s.cache,
        &Reader::default(),
        &cache::Progress::default(),
    );
    let index = s.cache.index(&catalog, &fingerprint);
    let file = fs::read_dir(s.cache.dir())
        .expect("cache dir")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("index-"))
        })
        .expect("an index file");
    let good = fs::read(&file).expect("read");
    let body = tshoot::cache::codec::encode(&index).expect("encode");
    let header = &good[..good.len() - body.len() - 4];
    let write = |index: &tshoot::search::Index| {
        let body = tshoot::cache::codec::encode(index).expect("encode");
        let mut out = header.to_vec();
        out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        out.extend_from_slice(&body);
        fs::write(&file, out).expect("write");
    };
    // The file as written, re-framed by this test, is taken: the framing is right.
    write(&index);
    assert!(s.cache.cached_index(&catalog, &fingerprint).is_some());
    for bad in HOSTILE {
        let errors = |g: usize| catalog.guides.get(g).map(|g| g.errors.len());
        let mut hostile = tshoot::cache::codec::decode(&body, errors).expect("decodes");
        hostile.fields[0].text.push_str(bad);
        write(&hostile);
        assert!(
            s.cache.cached_index(&catalog, &fingerprint).is_none(),
            "field {bad:?}"
        );
    }
    let rebuilt = s.cache.index(&catalog, &fingerprint);
    assert!(rebuilt.fields.iter().all(|f| !f.text.contains('\u{1b}')));
    assert_eq!(hits(&rebuilt, "deadlock"), hits(&index, "deadlock"));
}
