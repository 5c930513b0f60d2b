//! Helpers for the walk and resume tests: the built-in guides read straight from their
//! files (not through tshoot's loader), and the answers that lead to each error, so no test
//! hard-codes a path that a guide edit would change.
#![allow(dead_code)] // Each test file uses its own subset.

pub mod running;

use std::collections::VecDeque;
use std::path::Path;

use serde_json::Value;

/// A guide file read on its own (not through tshoot's loader), as plain JSON values.
pub fn guide_file(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("guides")
        .join(name);
    let text = std::fs::read_to_string(path).expect("guide file");
    serde_saphyr::from_str(&text).expect("guide YAML")
}

pub fn en(text: &Value) -> String {
    text.as_str()
        .map(str::to_owned)
        .or_else(|| text["en"].as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// For every error an answer of the guide leads to: the shortest list of answer numbers
/// (1-based) from the first question, found breadth first over the file's `nodes`.
pub fn answer_paths(guide: &Value) -> Vec<(String, Vec<usize>)> {
    let nodes = guide["nodes"].as_array().expect("nodes");
    let node = |id: &str| nodes.iter().find(|n| n["id"] == id).expect("node exists");
    let mut found: Vec<(String, Vec<usize>)> = Vec::new();
    let mut seen = vec![guide["start"].as_str().expect("start").to_owned()];
    let mut queue = VecDeque::from([(seen[0].clone(), Vec::new())]);
    while let Some((id, path)) = queue.pop_front() {
        for (i, answer) in node(&id)["answers"]
            .as_array()
            .expect("answers")
            .iter()
            .enumerate()
        {
            let mut next_path = path.clone();
            next_path.push(i + 1);
            if let Some(error) = answer["error"].as_str() {
                let error = if error.contains('/') {
                    error.to_owned()
                } else {
                    format!("{}/{error}", guide["id"].as_str().expect("id"))
                };
                if !found.iter().any(|(e, _)| *e == error) {
                    found.push((error, next_path));
                }
            } else if let Some(next) = answer["next"].as_str()
                && !seen.iter().any(|s| s == next)
            {
                seen.push(next.to_owned());
                queue.push_back((next.to_owned(), next_path));
            }
        }
    }
    found
}

pub fn error_entry<'a>(guides: &'a [Value], id: &str) -> &'a Value {
    let (guide, error) = id.split_once('/').expect("guide/error");
    let g = guides.iter().find(|g| g["id"] == guide).expect("guide");
    g["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .find(|e| e["id"] == error)
        .expect("error")
}

pub fn builtin() -> Vec<Value> {
    vec![
        guide_file("itsmc-dashboard-errors.yaml"),
        guide_file("itsmc-troubleshooting.yaml"),
    ]
}

/// The answers to `error` (`guide/error`) from the first question of `guide`.
pub fn path_to(guide: &Value, error: &str) -> Vec<usize> {
    answer_paths(guide)
        .into_iter()
        .find(|(e, _)| e == error)
        .map_or_else(|| panic!("no answers lead to {error}"), |(_, p)| p)
}

/// The answers of question `id` of `guide`.
pub fn answers_of(guide: &Value, id: &str) -> usize {
    guide["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["id"] == id)
        .and_then(|n| n["answers"].as_array())
        .map_or(0, Vec::len)
}

/// The question reached by `path` (each answer a `next`), and its number of answers.
pub fn question_after(guide: &Value, path: &[usize]) -> (String, usize) {
    let mut id = guide["start"].as_str().expect("start").to_owned();
    for &answer in path {
        let node = guide["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .find(|n| n["id"] == id.as_str())
            .expect("node");
        id = node["answers"][answer - 1]["next"]
            .as_str()
            .expect("leads to a question")
            .to_owned();
    }
    let count = answers_of(guide, &id);
    (id, count)
}

/// The text of question `id`.
pub fn question_text(guide: &Value, id: &str) -> String {
    let node = guide["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["id"] == id)
        .expect("node");
    en(&node["question"])
}
