//! What the cache tests share: a guides folder and a cache folder of one test, and a small
//! guide to write into it. Each test file adds the loads it needs in its own `impl Setup`.
#![allow(dead_code, reason = "each test file uses some of the helpers")]

use std::fs;
use std::path::PathBuf;

use tshoot::cache::Cache;
use tshoot::guide::catalog::Source;

/// A guides folder and a cache folder of one test.
pub struct Setup {
    pub _tmp: tempfile::TempDir,
    pub guides: PathBuf,
    pub cache: Cache,
}

pub fn setup() -> Setup {
    let tmp = tempfile::tempdir().expect("temp dir");
    let guides = tmp.path().join("guides");
    fs::create_dir(&guides).expect("mkdir");
    let cache = Cache::with_build(tmp.path().join("cache"), "test build".to_owned());
    Setup {
        _tmp: tmp,
        guides,
        cache,
    }
}

impl Setup {
    /// The guides folder as the one source.
    pub fn sources(&self) -> Vec<Source> {
        vec![Source::Path {
            path: self.guides.clone(),
            optional: false,
        }]
    }

    /// Writes a file under the guides folder, making its folders.
    pub fn write(&self, name: &str, text: &str) {
        let path = self.guides.join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
}

/// A guide with one error.
pub fn guide(id: &str, title: &str) -> String {
    guide_to(id, title, None)
}

/// A guide with one error, whose second answer may lead into another guide's error.
pub fn guide_to(id: &str, title: &str, elsewhere: Option<&str>) -> String {
    let other = elsewhere.map_or(String::new(), |e| {
        format!("      - label: B\n        error: {e}\n")
    });
    format!(
        "id: {id}\ntitle: {title}\nstart: q\nnodes:\n  - id: q\n    question: Q?\n    answers:\n      - label: A\n        error: e\n{other}errors:\n  - id: e\n    title: E {title}\n    messages: ['Failed {{x}} at {{time}}']\n    symptoms: []\n    causes: []\n    checklist: [Do it.]\n"
    )
}
