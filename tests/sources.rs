//! Guide folders a user can create that must not hang, loop or blind tshoot: link loops,
//! a link to `/`, FIFOs and devices named `*.yaml`, reads that never finish, folders past
//! the depth cap, file names that are not UTF-8 or hold control characters, and two YAML
//! documents in one file. Each loads what can be loaded and says what it skipped.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tshoot::guide::catalog::{Catalog, Source};
use tshoot::guide::read::{MAX_STUCK, Reader, read_file};
use tshoot::guide::sources::MAX_DIR_DEPTH;
use tshoot::guide::{Diagnostic, Severity};

/// How long the binary may take on a hostile folder before the test calls it a hang.
const HANG: Duration = Duration::from_secs(30);

fn guide(id: &str) -> String {
    format!(
        "id: {id}\ntitle: Guide {id}\nstart: q\nnodes:\n  - id: q\n    question: Q?\n    answers:\n      - label: A\n        error: e\nerrors:\n  - id: e\n    title: E\n    messages: []\n    symptoms: []\n    causes: []\n    checklist: [Do it.]\n"
    )
}

fn load(dir: &Path) -> Catalog {
    Catalog::load(&[Source::Path {
        path: dir.to_owned(),
        optional: false,
    }])
}

fn ids(catalog: &Catalog) -> Vec<&str> {
    catalog.guides.iter().map(|g| g.id.as_str()).collect()
}

fn problems(catalog: &Catalog) -> Vec<&Diagnostic> {
    catalog.problems.iter().map(|p| &p.diagnostic).collect()
}

/// `tshoot list --no-builtin --guides DIR`, which must finish; its stdout and stderr.
fn list(dir: &Path) -> (String, String) {
    let out = common::tshoot()
        .args(["list", "--no-builtin", "--guides"])
        .arg(dir)
        .timeout(HANG)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "tshoot list did not finish cleanly: {out:?}"
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn ten_links_to_the_folder_itself_load_each_guide_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    fs::write(g.join("a.yaml"), guide("a")).expect("write");
    for i in 0..10 {
        symlink(".", g.join(format!("loop{i}"))).expect("symlink");
    }
    let catalog = load(g);
    assert_eq!(ids(&catalog), ["a"], "{:?}", catalog.problems);
    let warnings = problems(&catalog);
    assert_eq!(warnings.len(), 10, "{warnings:?}");
    for (i, w) in warnings.iter().enumerate() {
        assert_eq!(w.severity, Severity::Warning);
        assert!(w.file.ends_with(&format!("loop{i}")), "{w}");
        assert!(w.message.contains("already searched"), "{w}");
    }
    let (stdout, _) = list(g);
    assert_eq!(stdout.matches("Guide a").count(), 1, "{stdout}");
}

#[test]
fn a_link_to_the_root_of_the_filesystem_is_not_followed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    fs::write(g.join("a.yaml"), guide("a")).expect("write");
    symlink("/", g.join("r")).expect("symlink");
    let catalog = load(g);
    assert_eq!(ids(&catalog), ["a"]);
    let [p] = problems(&catalog)[..] else {
        panic!("one problem expected: {:?}", catalog.problems)
    };
    assert_eq!(p.severity, Severity::Error);
    assert!(p.file.ends_with("/r"), "{p}");
    assert!(
        p.message.contains("outside the source folder (to /)"),
        "{p}"
    );
    let (stdout, stderr) = list(g);
    assert!(stdout.contains("Guide a"), "{stdout}");
    assert!(stderr.contains("outside the source folder"), "{stderr}");
}

#[test]
fn a_link_to_a_folder_inside_the_source_is_followed_and_its_guides_load_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    fs::create_dir(g.join("team")).expect("mkdir");
    fs::write(g.join("team/t.yaml"), guide("t")).expect("write");
    // `alias` sorts before `team`: the guide is found through the link, and `team` itself
    // is then known and not searched again (no duplicate-id error).
    symlink("team", g.join("alias")).expect("symlink");
    let catalog = load(g);
    assert_eq!(ids(&catalog), ["t"]);
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
}

#[test]
fn a_loop_through_a_parent_folder_ends() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    fs::create_dir_all(g.join("a/b")).expect("mkdir");
    fs::write(g.join("a/b/x.yaml"), guide("x")).expect("write");
    symlink("../..", g.join("a/b/up")).expect("symlink");
    symlink("../../a", g.join("a/b/again")).expect("symlink");
    let catalog = load(g);
    assert_eq!(ids(&catalog), ["x"]);
    assert_eq!(catalog.problems.len(), 2, "{:?}", catalog.problems);
    assert!(
        catalog
            .problems
            .iter()
            .all(|p| p.diagnostic.severity == Severity::Warning)
    );
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn a_fifo_named_yaml_is_reported_and_never_opened() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    fs::write(g.join("a.yaml"), guide("a")).expect("write");
    mkfifo(&g.join("pipe.yaml"));
    let catalog = load(g);
    assert_eq!(ids(&catalog), ["a"]);
    let [p] = problems(&catalog)[..] else {
        panic!("one problem expected: {:?}", catalog.problems)
    };
    assert!(p.file.ends_with("pipe.yaml"), "{p}");
    assert!(p.message.contains("FIFO"), "{p}");
    let (_, stderr) = list(g);
    assert!(stderr.contains("pipe.yaml"), "{stderr}");
}

#[test]
fn a_fifo_given_as_the_source_itself_is_reported() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fifo = tmp.path().join("g.yaml");
    mkfifo(&fifo);
    let catalog = load(&fifo);
    assert!(catalog.guides.is_empty());
    assert!(problems(&catalog)[0].message.contains("FIFO"));
}

#[test]
fn reading_a_fifo_directly_does_not_block() {
    // The walk never opens a FIFO; should one appear between the walk and the read, the
    // non-blocking open and the check on the open handle refuse it at once.
    let tmp = tempfile::tempdir().expect("temp dir");
    let fifo = tmp.path().join("late.yaml");
    mkfifo(&fifo);
    let err = read_file(&fifo).expect_err("a FIFO is not read");
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn devices_and_proc_files_named_yaml_are_handled() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    fs::write(g.join("a.yaml"), guide("a")).expect("write");
    symlink("/dev/zero", g.join("zero.yaml")).expect("symlink");
    symlink("/proc/self/status", g.join("status.yaml")).expect("symlink");
    let catalog = load(g);
    assert_eq!(ids(&catalog), ["a"]);
    let found = problems(&catalog);
    let zero = found
        .iter()
        .find(|p| p.file.ends_with("zero.yaml"))
        .expect("the device is reported");
    assert!(zero.message.contains("a device"), "{zero}");
    // A /proc file is a regular file of size 0 whose read is bounded like any other: it is
    // read and (not being a guide) reported.
    assert!(
        found.iter().any(|p| p.file.ends_with("status.yaml")),
        "{found:?}"
    );
}

fn stuck_on_slow(path: &Path) -> Result<Vec<u8>, String> {
    if path.to_string_lossy().contains("slow") {
        // A read that never returns, like a file on a server that stopped answering.
        loop {
            std::thread::park();
        }
    }
    read_file(path)
}

#[test]
fn a_read_that_never_finishes_is_given_up_and_the_rest_still_load() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let paths: Vec<PathBuf> = ["a", "slow", "b", "c"]
        .iter()
        .map(|name| {
            let path = tmp.path().join(format!("{name}.yaml"));
            fs::write(&path, guide(name)).expect("write");
            path
        })
        .collect();
    let reader = Reader {
        read: stuck_on_slow,
        timeout: Duration::from_millis(200),
        threads: 2,
    };
    let done = AtomicUsize::new(0);
    let results = reader.read_all(paths, |_, bytes| bytes.len(), &done);
    assert_eq!(done.load(Ordering::Relaxed), 4);
    assert!(results[0].is_ok() && results[2].is_ok() && results[3].is_ok());
    let err = results[1].as_ref().expect_err("the slow file is given up");
    assert!(err.contains("took longer than 0.2 s"), "{err}");
}

#[test]
fn after_several_stuck_reads_the_remaining_files_are_reported_unread() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let paths: Vec<PathBuf> = (0..20)
        .map(|i| tmp.path().join(format!("slow-{i:02}.yaml")))
        .collect();
    let threads = 2;
    let reader = Reader {
        read: stuck_on_slow,
        timeout: Duration::from_millis(100),
        threads,
    };
    let results = reader.read_all(paths, |_, bytes| bytes.len(), &AtomicUsize::new(0));
    // What holds however slowly the threads are scheduled: files are taken in order, so
    // the files whose read started (and, every read hanging, timed out) come first and the
    // rest are reported unread. Reading stops at the MAX_STUCK-th stuck read; each of the
    // first MAX_STUCK - 1 was replaced by a fresh worker, so at most `threads - 1` other
    // reads can be under way then (each of those times out on its own).
    let kinds: Vec<&str> = results
        .iter()
        .map(|r| match r {
            Err(e) if e.contains("took longer than 0.1 s") => "timed out",
            Err(e)
                if e == &format!("not read: {MAX_STUCK} files before it took too long to read") =>
            {
                "unread"
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    let timed_out = kinds.iter().take_while(|k| **k == "timed out").count();
    assert!(
        kinds[timed_out..].iter().all(|k| *k == "unread"),
        "timed out files come first, then the unread: {kinds:?}"
    );
    assert!(
        (MAX_STUCK..MAX_STUCK + threads).contains(&timed_out),
        "{timed_out} timed out: {kinds:?}"
    );
}

#[test]
fn a_guide_below_the_depth_cap_is_reported_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    let mut deepest_read = g.to_path_buf();
    for level in 1..=MAX_DIR_DEPTH {
        deepest_read.push(format!("d{level}"));
    }
    fs::create_dir_all(&deepest_read).expect("mkdir");
    fs::write(deepest_read.join("ok.yaml"), guide("ok")).expect("write");
    let too_deep = deepest_read.join("d9");
    fs::create_dir_all(too_deep.join("d10")).expect("mkdir");
    fs::write(too_deep.join("lost.yaml"), guide("lost")).expect("write");
    fs::write(too_deep.join("d10/lost2.yaml"), guide("lost2")).expect("write");
    let catalog = load(g);
    assert_eq!(ids(&catalog), ["ok"]);
    let [p] = problems(&catalog)[..] else {
        panic!("one problem expected: {:?}", catalog.problems)
    };
    assert!(p.file.ends_with("/d9"), "{p}");
    assert!(p.message.contains("more than 8 levels"), "{p}");
}

#[test]
fn a_file_name_that_is_not_utf8_is_loaded_and_shown_escaped() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    let name = OsStr::from_bytes(b"caf\xe9.yaml");
    fs::write(g.join(name), guide("cafe")).expect("write");
    fs::write(g.join(OsStr::from_bytes(b"br\xffken.yaml")), "id: [\n").expect("write");
    let catalog = load(g);
    assert_eq!(ids(&catalog), ["cafe"]);
    assert!(catalog.guides[0].origin.file.ends_with("caf\\xe9.yaml"));
    let [p] = problems(&catalog)[..] else {
        panic!("one problem expected: {:?}", catalog.problems)
    };
    assert!(p.file.ends_with("br\\xffken.yaml"), "{p}");
}

#[test]
fn control_characters_in_file_names_cannot_forge_an_output_line() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    fs::write(g.join("a.yaml"), guide("a")).expect("write");
    let forged = "x.yaml: fine\ntshoot: note: all good\u{1b}[2K.yaml";
    fs::write(g.join(forged), "id: [\n").expect("write");
    let catalog = load(g);
    let [p] = problems(&catalog)[..] else {
        panic!("one problem expected: {:?}", catalog.problems)
    };
    assert!(
        p.file
            .ends_with("x.yaml: fine\\ntshoot: note: all good\\x1b[2K.yaml"),
        "{p}"
    );
    let (_, stderr) = list(g);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    assert!(stderr.starts_with("tshoot: "), "{stderr}");
}

#[test]
fn two_documents_in_one_file_get_a_clear_message() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    let text = guide("a");
    let lines = text.lines().count();
    fs::write(g.join("trailing.yaml"), format!("{text}---\n")).expect("write");
    fs::write(g.join("second.yaml"), format!("{text}---\n{}", guide("b"))).expect("write");
    let catalog = load(g);
    assert!(catalog.guides.is_empty(), "{:?}", ids(&catalog));
    let found = problems(&catalog);
    assert_eq!(found.len(), 2, "{found:?}");
    for p in found {
        let pos = p.pos.expect("a position");
        assert_eq!(pos.line, lines + 1, "{p}");
        assert!(p.message.contains("second YAML document"), "{p}");
        assert!(p.message.contains("`---`"), "{p}");
        assert!(!p.message.contains("Documents"), "{p}");
    }
}

#[test]
fn a_dangling_link_named_yaml_is_reported() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let g = tmp.path();
    symlink("nowhere.yaml", g.join("gone.yaml")).expect("symlink");
    symlink("nowhere", g.join("gone-folder")).expect("symlink");
    let catalog = load(g);
    let [p] = problems(&catalog)[..] else {
        panic!("one problem expected: {:?}", catalog.problems)
    };
    assert!(p.file.ends_with("gone.yaml"), "{p}");
    assert!(p.message.starts_with("cannot read"), "{p}");
}
