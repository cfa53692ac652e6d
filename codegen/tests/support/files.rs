//! Where the tests of both packages find their files, and what a test
//! document says about itself. Included with `#[path]`; each test uses part
//! of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The repository root (the workspace), whichever package's test this is.
pub fn workspace() -> PathBuf {
    let package = Path::new(env!("CARGO_MANIFEST_DIR"));
    // plesk-types is the root package; plesk-codegen is `codegen/`.
    if package.join("codegen").is_dir() { package.to_path_buf() } else { package.join("..") }
}

/// The `.xml` files directly in `dir`, sorted; none if it does not exist
/// (a case may have no `bad/` documents).
pub fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "xml"))
        .collect();
    files.sort();
    files
}

/// The fragment of a leading `<!-- expect: FRAGMENT -->` comment.
pub fn expectation(text: &str) -> Option<&str> {
    let comment = text.trim_start().strip_prefix("<!--")?.split_once("-->")?.0.trim();
    Some(comment.strip_prefix("expect:")?.trim()).filter(|fragment| !fragment.is_empty())
}
