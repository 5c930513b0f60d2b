//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `tshoot` with an environment that cannot see this machine's own guides or locale.
pub fn tshoot() -> Command {
    let mut cmd = Command::cargo_bin("tshoot").expect("binary builds");
    cmd.env_clear()
        .env("XDG_DATA_HOME", "/nonexistent/tshoot-test-data")
        .env("HOME", "/nonexistent/tshoot-test-home")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The `.yaml` files of a folder, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// The values of `# key: value` header lines of a fixture.
pub fn header(bytes: &[u8], key: &str) -> Vec<String> {
    let prefix = format!("# {key}: ");
    String::from_utf8_lossy(bytes)
        .lines()
        .take_while(|l| l.starts_with('#'))
        .filter_map(|l| l.strip_prefix(&prefix).map(str::to_owned))
        .collect()
}

/// The error ids of the built-in dashboard guide, in order (issue contract).
pub const DASHBOARD_ERRORS: [&str; 9] = [
    "unexpected-response",
    "exception-update-failure",
    "problem-sending-a-request",
    "servicenow-rate-problem",
    "invalid-refresh-token",
    "missing-connector",
    "lack-of-connection-details",
    "ip-restrictions",
    "authentication",
];
