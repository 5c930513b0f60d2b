//! The triage prompt's path, as a shell reads it: a leading `~` is the home folder, and Tab
//! completes the name being typed from what its folder holds — the whole name when one
//! matches (with `/` after a folder), else the part all matches share, with the matches
//! listed. Names starting with `.` are offered only when the typed name does.

use std::path::{Path, PathBuf};

/// The most entries of one folder looked at: a folder of millions of files costs a bounded
/// read, and its completion is then from the first ones the system lists.
const MAX_ENTRIES: usize = 10_000;

/// `path` with a leading `~` or `~/` made the home folder (when there is one).
#[must_use]
pub fn expand(path: &str, home: Option<&Path>) -> PathBuf {
    match (path, home) {
        ("~", Some(home)) => home.to_path_buf(),
        (p, Some(home)) if p.starts_with("~/") => home.join(&p[2..]),
        (p, _) => PathBuf::from(p),
    }
}

/// What Tab made of the path.
#[derive(Debug, PartialEq, Eq)]
pub struct Completion {
    /// The path completed as far as the matches agree.
    pub text: String,
    /// The names that match when more than one does (a folder's with `/`), sorted.
    pub matches: Vec<String>,
}

/// Completes the last name of `typed` from its folder (the current one when `typed` has no
/// `/`). `None` when nothing matches or the folder cannot be read.
#[must_use]
pub fn complete(typed: &str, home: Option<&Path>) -> Option<Completion> {
    let cut = typed.rfind('/').map_or(0, |i| i + 1);
    let (folder, prefix) = typed.split_at(cut);
    // `~` alone is the home folder: it completes to `~/`.
    if typed == "~" && home.is_some() {
        return Some(Completion {
            text: "~/".to_owned(),
            matches: Vec::new(),
        });
    }
    let dir = if folder.is_empty() {
        PathBuf::from(".")
    } else {
        expand(folder, home)
    };
    let mut matches: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .take(MAX_ENTRIES)
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let shown =
                name.starts_with(prefix) && (prefix.starts_with('.') || !name.starts_with('.'));
            // A link to a folder is a folder here, as the shell's completion has it.
            let folder = entry.path().is_dir();
            shown.then(|| if folder { format!("{name}/") } else { name })
        })
        .collect();
    matches.sort();
    let common = matches
        .iter()
        .skip(1)
        .fold(matches.first()?.as_str(), |common, m| {
            let same = common
                .char_indices()
                .zip(m.chars())
                .find(|((_, a), b)| a != b)
                .map_or(common.len().min(m.len()), |((i, _), _)| i);
            &common[..same]
        });
    let text = format!("{folder}{common}");
    if matches.len() == 1 {
        matches.clear();
    }
    Some(Completion { text, matches })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let home = Path::new("/home/ana");
        let cases = [
            ("~/app.log", "/home/ana/app.log"),
            ("~", "/home/ana"),
            ("~ana/app.log", "~ana/app.log"),
            ("logs/~/app.log", "logs/~/app.log"),
            ("/var/log/app.log", "/var/log/app.log"),
        ];
        for (typed, want) in cases {
            assert_eq!(expand(typed, Some(home)), PathBuf::from(want), "{typed}");
        }
        assert_eq!(expand("~/app.log", None), PathBuf::from("~/app.log"));
    }

    #[test]
    fn tab_completes_as_a_shell_does() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for file in [
            "app.log",
            "app.log.1.gz",
            "apt.log",
            ".hidden.log",
            "åäö.log",
        ] {
            std::fs::write(root.join(file), "x").expect("write");
        }
        std::fs::create_dir(root.join("archive")).expect("mkdir");
        let at = |s: &str| format!("{}/{s}", root.display());
        let done = |s: &str| complete(&at(s), None).map(|c| (c.text, c.matches));
        let own = |s: &str| s.to_owned();
        // One match: the whole name, a folder's with `/`.
        assert_eq!(done("ar"), Some((at("archive/"), vec![])));
        assert_eq!(done("å"), Some((at("åäö.log"), vec![])));
        // Several: as far as they agree, and the matches listed.
        assert_eq!(
            done("a"),
            Some((
                at("a"),
                vec![
                    own("app.log"),
                    own("app.log.1.gz"),
                    own("apt.log"),
                    own("archive/")
                ]
            ))
        );
        assert_eq!(
            done("app"),
            Some((at("app.log"), vec![own("app.log"), own("app.log.1.gz")]))
        );
        // Hidden names only when asked for; nothing for no match or no folder.
        assert_eq!(done("."), Some((at(".hidden.log"), vec![])));
        assert_eq!(done("x"), None);
        assert_eq!(complete(&at("missing/a"), None), None);
        // Through `~`.
        let home = Some(root);
        let c = complete("~/ap", home).expect("matches");
        assert_eq!(c.text, "~/ap");
        assert_eq!(complete("~", home).map(|c| c.text), Some(own("~/")));
        assert_eq!(
            complete("~/arc", home).map(|c| c.text),
            Some(own("~/archive/"))
        );
    }
}
