//! `tshoot walk` as a user and a script run it: a full session driven through stdin,
//! `--answers` for every error of both built-in guides (paths found from the guide files
//! themselves), exit codes, JSON, redaction, and `tshoot` alone where it cannot draw.

#[path = "../common/mod.rs"]
mod common;
#[path = "../walk_support/mod.rs"]
mod walk_support;

mod answers;
mod output;
mod saving;

use common::tshoot;
use serde_json::Value;
use walk_support::{
    answer_paths, answers_of, builtin, en, error_entry, path_to, question_after, question_text,
};

fn walk(args: &[&str]) -> std::process::Output {
    tshoot()
        .args(["walk"])
        .args(args)
        .env("XDG_STATE_HOME", "/nonexistent/tshoot-test-state")
        .output()
        .expect("runs")
}
