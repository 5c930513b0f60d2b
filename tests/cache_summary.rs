//! The cached summary of the catalog: what `tshoot list` and a warm `tshoot search` answer
//! from without decoding a guide. It must hold exactly what a full load would show, for
//! exactly the files on disk, and anything wrong with it must cost only a full load.

mod cache_support;
mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use cache_support::{Setup, guide_to, setup};
use tshoot::cache::summary::{self, Summary};
use tshoot::cache::{self, Cache, store};
use tshoot::guide::Text;
use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::read::Reader;
use tshoot::lang::Lang;

#[path = "../benches/support/synth.rs"]
mod synth;

impl Setup {
    fn load(&self) -> (Catalog, cache::index::Fingerprint) {
        cache::load_cached(
            &self.sources(),
            &self.cache,
            &Reader::default(),
            &cache::Progress::default(),
        )
    }

    fn summary(&self) -> Option<Summary> {
        cache::summary(&self.sources(), &self.cache)
    }

    /// Three guides, one file that does not parse, and a reference to an error that
    /// does not exist: problems a list must report.
    fn library() -> Setup {
        let s = setup();
        s.write("a.yaml", &guide_to("a", "Alpha", None));
        s.write("b.yaml", &guide_to("b", "Beta", Some("a/nosuch")));
        s.write("c.yaml", &guide_to("c", "Gamma", Some("a/e")));
        s.write("broken.yaml", "id: [\n");
        s
    }
}

/// What a summary says of a guide, as the catalog would say it.
fn listed(s: &Summary) -> Vec<(String, String, u32, String)> {
    s.guides
        .iter()
        .map(|g| {
            (
                g.id.clone(),
                g.title.show(Lang::En).to_owned(),
                g.errors,
                g.file.clone(),
            )
        })
        .collect()
}

fn catalog_listed(c: &Catalog) -> Vec<(String, String, u32, String)> {
    c.guides
        .iter()
        .map(|g| {
            (
                g.id.clone(),
                g.title.show(Lang::En).to_owned(),
                u32::try_from(g.errors.len()).expect("few"),
                g.origin.file.clone(),
            )
        })
        .collect()
}

#[test]
fn a_load_leaves_a_summary_that_answers_without_any_guide_entry() {
    let s = Setup::library();
    let (catalog, fingerprint) = s.load();
    assert_eq!(
        cache::fingerprint(&s.sources(), &s.cache),
        fingerprint,
        "a warm start fingerprints the files the way a load does"
    );
    // Not a single guide entry is needed.
    fs::remove_file(s.cache.file_for(&s.guides)).expect("the guide cache file");
    let summary = s.summary().expect("a summary");
    assert_eq!(listed(&summary), catalog_listed(&catalog));
    assert_eq!(summary.guides.len(), 3);
    assert_eq!(summary.problems, summary::load_problems(&catalog));
    // The broken file is skipped; b's broken reference is reported, b still listed.
    assert_eq!(summary.problems.len(), 2, "{:?}", summary.problems);
    assert!(
        summary
            .problems
            .iter()
            .any(|p| p.contains("broken.yaml") && p.ends_with("(skipped)"))
    );
    assert!(
        summary
            .problems
            .iter()
            .any(|p| p.contains("b.yaml") && p.contains("nosuch") && !p.contains("skipped"))
    );
    for (g, guide) in catalog.guides.iter().enumerate() {
        for (e, error) in guide.errors.iter().enumerate() {
            let line = summary.error(g, e).expect("a sound error");
            assert_eq!(
                (line.id, line.title),
                (error.id.clone(), error.title.clone())
            );
        }
        assert!(summary.error(g, guide.errors.len()).is_none());
    }
    assert!(summary.error(3, 0).is_none());
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
fn the_summary_is_used_only_for_exactly_the_files_on_disk() {
    let s = Setup::library();
    s.load();
    assert!(s.summary().is_some());

    set_mtime(
        &s.guides.join("a.yaml"),
        SystemTime::now() - Duration::from_secs(3600),
    );
    assert!(s.summary().is_none(), "a touched file");
    s.load();
    assert!(s.summary().is_some());

    s.write("c.yaml", &guide_to("c", "Gamma again", Some("a/e")));
    assert!(s.summary().is_none(), "an edited file");
    s.load();
    let summary = s.summary().expect("rewritten");
    assert!(
        summary
            .guides
            .iter()
            .any(|g| g.title.show(Lang::En) == "Gamma again")
    );

    s.write("d.yaml", &guide_to("d", "Delta", None));
    assert!(s.summary().is_none(), "a new file");
    s.load();
    fs::remove_file(s.guides.join("d.yaml")).expect("rm");
    assert!(s.summary().is_none(), "a deleted file");
    s.load();

    // A FIFO named like a guide is no file, but the load reports it: the summary must too.
    let fifo = s.guides.join("pipe.yaml");
    nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
    assert!(s.summary().is_none(), "a walk problem appeared");
    let (catalog, _) = s.load();
    let summary = s.summary().expect("rewritten");
    assert_eq!(summary.problems, summary::load_problems(&catalog));
    assert!(summary.problems.iter().any(|p| p.contains("pipe.yaml")));
}

#[test]
fn a_warm_start_fingerprints_like_a_load_with_builtins_missing_folders_and_problems() {
    let s = Setup::library();
    let deep = (0..10).fold(s.guides.clone(), |p, i| p.join(format!("d{i}")));
    fs::create_dir_all(&deep).expect("mkdir");
    fs::write(deep.join("deep.yaml"), guide_to("deep", "Deep", None)).expect("write");
    nix::unistd::mkfifo(&s.guides.join("p.yaml"), nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
    let sources = vec![
        Source::Builtin,
        Source::Path {
            path: s.guides.join("missing"),
            optional: true,
        },
        Source::Path {
            path: s.guides.join("missing-too"),
            optional: false,
        },
        Source::Path {
            path: s.guides.clone(),
            optional: false,
        },
    ];
    let (catalog, fingerprint) = cache::load_cached(
        &sources,
        &s.cache,
        &Reader::default(),
        &cache::Progress::default(),
    );
    assert_eq!(cache::fingerprint(&sources, &s.cache), fingerprint);
    let summary = cache::summary(&sources, &s.cache).expect("a summary");
    assert_eq!(listed(&summary), catalog_listed(&catalog));
    assert_eq!(summary.problems, summary::load_problems(&catalog));
    assert!(summary.problems.iter().any(|p| p.contains("missing-too")));
}

#[test]
fn every_damaged_summary_is_refused_or_gives_only_what_was_written() {
    let s = Setup::library();
    let (catalog, fingerprint) = s.load();
    let path = s.cache.summary_file(&fingerprint);
    let good = fs::read(&path).expect("a summary file");
    let expected = catalog_listed(&catalog);
    for cut in 0..good.len() {
        assert!(
            Summary::parse(good[..cut].to_vec(), &fingerprint).is_none(),
            "cut at {cut}"
        );
    }
    let mut used = 0;
    for at in 0..good.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut bad = good.clone();
            bad[at] ^= flip;
            let Some(summary) = Summary::parse(bad, &fingerprint) else {
                continue;
            };
            used += 1;
            // Only damage to the errors section gets this far, and its checksum then
            // refuses every error.
            assert_eq!(listed(&summary), expected, "byte {at} ^ {flip:#x}");
            for g in 0..3 {
                assert!(summary.error(g, 0).is_none(), "byte {at} ^ {flip:#x}");
            }
        }
    }
    assert!(used > 0, "some flips fall in the errors section");
    // Another build's or another file list's summary is never read.
    let other = Cache::with_build(s.cache.dir().to_owned(), "another build".to_owned());
    assert!(cache::summary(&s.sources(), &other).is_none());
}

#[test]
fn cached_texts_that_are_not_clean_are_refused() {
    let s = Setup::library();
    let (catalog, fingerprint) = s.load();
    let hostile = [
        "\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
        "\u{1b}[2J",
        "right\u{202e}left",
        "tab\there",
        "cr\r",
    ];
    for text in hostile {
        let mut bad = catalog.clone();
        bad.guides[0].title = Text::Plain(text.to_owned());
        let bytes = summary::encode(&bad, &fingerprint).expect("encodes");
        assert!(Summary::parse(bytes, &fingerprint).is_none(), "{text:?}");

        let mut bad = catalog.clone();
        bad.notices.push(text.to_owned());
        let bytes = summary::encode(&bad, &fingerprint).expect("encodes");
        assert!(Summary::parse(bytes, &fingerprint).is_none(), "{text:?}");

        // In an error's title: that error is refused when it is asked for, the others
        // are still given.
        let mut bad = catalog.clone();
        bad.guides[1].errors[0].title = Text::Localized(vec![
            ("en".to_owned(), "fine".to_owned()),
            ("sv".to_owned(), text.to_owned()),
        ]);
        let bytes = summary::encode(&bad, &fingerprint).expect("encodes");
        let summary = Summary::parse(bytes, &fingerprint).expect("the listing is clean");
        assert!(summary.error(1, 0).is_none(), "{text:?}");
        assert!(summary.error(0, 0).is_some());
        assert!(summary.error(2, 0).is_some());
    }
}

#[test]
fn stale_temporary_files_are_removed_by_the_next_write() {
    let s = setup();
    s.write("a.yaml", &guide_to("a", "Alpha", None));
    let dir = s.cache.dir();
    fs::create_dir_all(dir).expect("mkdir");
    let (stale, fresh) = (dir.join(".tmp-interrupted"), dir.join(".tmp-in-progress"));
    fs::write(&stale, b"half a cache file").expect("write");
    fs::write(&fresh, b"a write going on").expect("write");
    set_mtime(
        &stale,
        SystemTime::now() - store::STALE_AFTER - Duration::from_secs(60),
    );
    // Someone else's file that only looks alike is left alone.
    fs::write(dir.join("notes.txt"), b"mine").expect("write");
    s.load();
    assert!(!stale.exists(), "the interrupted write's file is removed");
    assert!(fresh.exists(), "a write in progress keeps its file");
    assert!(dir.join("notes.txt").exists());
}

/// `tshoot` with its cache in `cache_home`.
fn tshoot(cache_home: &Path, args: &[&str]) -> std::process::Output {
    common::tshoot()
        .env("XDG_CACHE_HOME", cache_home)
        .args(args)
        .output()
        .expect("runs")
}

fn same_output(a: &std::process::Output, b: &std::process::Output, what: &str) {
    assert_eq!(
        String::from_utf8_lossy(&a.stdout),
        String::from_utf8_lossy(&b.stdout),
        "{what}: stdout"
    );
    assert_eq!(
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr),
        "{what}: stderr"
    );
    assert_eq!(a.status.code(), b.status.code(), "{what}: exit");
}

/// A generated library of two sources (the second overriding a guide of the first), with
/// a broken file and a broken reference.
fn generated(root: &Path) -> (PathBuf, PathBuf) {
    let (first, second) = (root.join("first"), root.join("second"));
    for dir in [&first, &second] {
        fs::create_dir_all(dir).expect("mkdir");
    }
    for (n, yaml) in synth::guides(2_000).iter().enumerate() {
        fs::write(first.join(format!("synth-{n}.yaml")), yaml).expect("write");
    }
    fs::write(
        second.join("over.yaml"),
        guide_to("synth-3", "Overridden", Some("synth-1/e7")),
    )
    .expect("write");
    fs::write(
        second.join("dangling.yaml"),
        guide_to("dangling", "D", Some("synth-2/nosuch")),
    )
    .expect("write");
    fs::write(second.join("broken.yaml"), "id: [\n").expect("write");
    (first, second)
}

#[test]
fn list_and_search_say_the_same_cold_warm_and_without_the_cache() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (first, second) = generated(tmp.path());
    let cache_home = tmp.path().join("cache");
    let (first, second) = (
        first.to_str().expect("utf-8"),
        second.to_str().expect("utf-8"),
    );
    let base = ["--no-builtin", "--guides", first, "--guides", second];
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--json"],
        vec!["search", "deadlock timeout"],
        vec!["search", "--json", "--limit", "30", "certifcate expird"],
        vec!["search", "--guide", "synth-3", "Failed"],
        vec!["search", "--guide", "nosuch", "Failed"],
        vec!["search", "xyzzy plugh"],
    ];
    let mut summary_files = 0;
    for command in &commands {
        let args: Vec<&str> = base.iter().chain(command).copied().collect();
        let plain = tshoot(&cache_home, &[&["--no-cache"], &args[..]].concat());
        let cold = tshoot(&cache_home, &args);
        let warm = tshoot(&cache_home, &args);
        let what = command.join(" ");
        same_output(&cold, &plain, &format!("{what}, first run"));
        same_output(&warm, &plain, &format!("{what}, warm"));
        summary_files = fs::read_dir(cache_home.join("tshoot"))
            .expect("a cache")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("summary-"))
            })
            .count();
    }
    assert_eq!(summary_files, 1);
}

#[test]
fn a_damaged_summary_costs_a_load_and_not_the_answer() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (first, second) = generated(tmp.path());
    let cache_home = tmp.path().join("cache");
    let (first, second) = (
        first.to_str().expect("utf-8"),
        second.to_str().expect("utf-8"),
    );
    let search = [
        "--no-builtin",
        "--guides",
        first,
        "--guides",
        second,
        "search",
        "--json",
        "deadlock timeout",
    ];
    let plain = tshoot(&cache_home, &[&["--no-cache"], &search[..]].concat());
    tshoot(&cache_home, &search);
    let summary = fs::read_dir(cache_home.join("tshoot"))
        .expect("a cache")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("summary-"))
        })
        .expect("a summary file");
    let good = fs::read(&summary).expect("read");
    // The last byte is in the last error's record: only reading a hit's name finds it.
    let mut bad = good.clone();
    *bad.last_mut().expect("bytes") ^= 0x20;
    fs::write(&summary, &bad).expect("write");
    same_output(
        &tshoot(&cache_home, &search),
        &plain,
        "a damaged error record",
    );
    // That load wrote the summary again.
    assert_eq!(fs::read(&summary).expect("read"), good);
    fs::write(&summary, b"not a summary").expect("write");
    same_output(&tshoot(&cache_home, &search), &plain, "garbage");
}
