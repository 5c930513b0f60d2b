//! tshoot: a terminal troubleshooter over YAML troubleshooting guides.
//!
//! Layers, from the bottom: [`guide`] (format, loading, validation, catalog), then the
//! command line in [`cli`]. Everything lives in this library so tests can reach it;
//! `main.rs` only calls [`cli::main`].

pub mod cache;
pub mod cli;
pub mod config;
pub mod graph;
pub mod guide;
pub mod labels;
pub mod lang;
pub mod markup;
pub mod plain;
pub mod redact;
pub mod report;
pub mod search;
pub mod session;
pub mod store;
pub mod triage;
pub mod tui;
pub mod watch;
