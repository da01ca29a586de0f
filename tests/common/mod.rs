//! Shared helpers of the integration tests: the expectation checker and paths to ../shared.
#![allow(dead_code)]

pub mod expect;

use std::path::PathBuf;

/// The project's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the checkout, if present. Under `CI=true` its absence is a failure.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    if p.is_dir() {
        return Some(p);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("../shared is missing beside the checkout; CI must provide it");
    }
    eprintln!("skipped: ../shared is not beside the checkout (set it up to run this test)");
    None
}
