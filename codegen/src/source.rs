//! The schema files read, and positions inside them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One schema file: its path as the user named it (or as an include resolved
/// it) and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// The path, for messages.
    pub path: PathBuf,
    /// The file's text.
    pub text: Arc<str>,
}

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub(crate) usize);

/// A position in a schema file: a byte offset, turned into a line and column
/// only when a message needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// Byte offset of the start of the node (or attribute) concerned.
    pub offset: usize,
}

/// Every schema file read, in the order they were reached.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, text: Arc<str>) -> FileId {
        self.files.push(SourceFile { path, text });
        FileId(self.files.len() - 1)
    }

    /// The file with this id.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// All files, with their ids.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(index, file)| (FileId(index), file))
    }

    /// The file's path relative to the directory holding all files, for
    /// generated documentation (no absolute paths in generated code).
    pub fn display_name(&self, id: FileId) -> String {
        let path = &self.file(id).path;
        let root = self.common_root();
        let relative = root.as_deref().and_then(|root| path.strip_prefix(root).ok()).unwrap_or(path);
        relative.to_string_lossy().replace('\\', "/")
    }

    fn common_root(&self) -> Option<PathBuf> {
        let mut parents = self.files.iter().map(|file| file.path.parent().unwrap_or(Path::new("")));
        let first = parents.next()?.to_path_buf();
        Some(parents.fold(first, |common, parent| {
            common.ancestors().find(|ancestor| parent.starts_with(ancestor)).map(Path::to_path_buf).unwrap_or_default()
        }))
    }

    /// The human position of a span.
    pub fn locate(&self, span: Span) -> Location {
        let file = self.file(span.file);
        let (line, column) = line_column(&file.text, span.offset);
        Location { path: file.path.clone(), line, column }
    }
}

/// A file, line and column (both from 1), displayed as `file:line:col`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The file, as the user named it.
    pub path: PathBuf,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let line = before.bytes().filter(|&byte| byte == b'\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 7), (2, 4));
        assert_eq!(line_column(text, 8), (3, 1));
        assert_eq!(line_column(text, 100), (3, 2));
    }

    #[test]
    fn display_names_are_relative_to_the_common_directory() {
        let mut sources = Sources::default();
        let first = sources.add(PathBuf::from("/x/schemas/1.0/a.xsd"), Arc::from(""));
        let second = sources.add(PathBuf::from("/x/schemas/1.0/sub/b.xsd"), Arc::from(""));
        assert_eq!(sources.display_name(first), "a.xsd");
        assert_eq!(sources.display_name(second), "sub/b.xsd");
    }
}
