//! Stage 1, read: schema files to their syntax trees, following `xs:include`
//! and `xs:import`. Every node keeps its file and byte offset for messages.

mod parse;
pub mod syntax;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{SchemaError, SchemaErrorKind};
use crate::source::{Sources, Span};
use syntax::SchemaDocument;

/// The schema documents read for one generation, with what includes what.
#[derive(Debug)]
pub struct SchemaSet {
    /// The files' texts.
    pub sources: Sources,
    /// One document per file, in the order they were reached.
    pub documents: Vec<SchemaDocument>,
    /// For each document, the documents it includes or imports directly.
    pub references: Vec<Vec<usize>>,
    /// The documents no other document includes or imports: the schemas a
    /// document instance is validated against (`agent_input.xsd`, `agent_output.xsd`).
    pub roots: Vec<usize>,
}

impl SchemaSet {
    /// Every document reachable from `document`, itself included.
    pub fn closure(&self, document: usize) -> Vec<usize> {
        let mut seen = vec![false; self.documents.len()];
        let mut stack = vec![document];
        while let Some(current) = stack.pop() {
            if !std::mem::replace(&mut seen[current], true) {
                stack.extend(&self.references[current]);
            }
        }
        (0..seen.len()).filter(|&index| seen[index]).collect()
    }
}

/// Reads the schema files `entries` and every file they include or import.
pub fn read(entries: &[PathBuf]) -> Result<SchemaSet, Vec<SchemaError>> {
    let mut loader = Loader::default();
    for entry in entries {
        loader.load(entry, None);
    }
    loader.finish()
}

#[derive(Default)]
struct Loader {
    sources: Sources,
    documents: Vec<SchemaDocument>,
    references: Vec<Vec<usize>>,
    by_path: HashMap<PathBuf, usize>,
    included: Vec<bool>,
    errors: Vec<SchemaError>,
}

impl Loader {
    /// Loads `path` (and what it references) unless already loaded; returns its
    /// document index. `from` is the include or import that names it.
    fn load(&mut self, path: &Path, from: Option<Span>) -> Option<usize> {
        let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(&index) = self.by_path.get(&identity) {
            return Some(index);
        }
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                let error = match from {
                    Some(span) => SchemaError::new(
                        &self.sources,
                        span,
                        SchemaErrorKind::BadInclude { location: path.display().to_string(), reason: error.to_string() },
                    ),
                    None => SchemaError::unreadable(path.to_path_buf(), SchemaErrorKind::Unreadable(error.to_string())),
                };
                self.errors.push(error);
                return None;
            }
        };
        let file = self.sources.add(path.to_path_buf(), Arc::from(text));
        let document = match parse::parse_document(&self.sources, file) {
            Ok(document) => document,
            Err(errors) => {
                self.errors.extend(errors);
                return None;
            }
        };
        let index = self.documents.len();
        self.by_path.insert(identity, index);
        let namespace = document.target_namespace.clone();
        let wanted: Vec<_> = document
            .references
            .iter()
            .map(|reference| {
                (reference.span, reference.location.clone(), reference.namespace.clone(), reference.is_import)
            })
            .collect();
        self.documents.push(document);
        self.references.push(Vec::new());
        self.included.push(false);
        let directory = path.parent().map(Path::to_path_buf).unwrap_or_default();
        for (span, location, imported_namespace, is_import) in wanted {
            let Some(location) = location else {
                self.errors.push(SchemaError::new(
                    &self.sources,
                    span,
                    SchemaErrorKind::Unsupported("xs:import without schemaLocation".to_owned()),
                ));
                continue;
            };
            let Some(target) = self.load(&directory.join(&location), Some(span)) else {
                continue;
            };
            let target_namespace = &self.documents[target].target_namespace;
            let mismatch = if is_import {
                (imported_namespace != *target_namespace).then(|| {
                    format!(
                        "it declares {} but the import names {}",
                        describe_namespace(target_namespace),
                        describe_namespace(&imported_namespace)
                    )
                })
            } else {
                (namespace != *target_namespace).then(|| {
                    format!(
                        "it declares {} but the including schema has {} (chameleon includes are not supported)",
                        describe_namespace(target_namespace),
                        describe_namespace(&namespace)
                    )
                })
            };
            if let Some(reason) = mismatch {
                self.errors.push(SchemaError::new(
                    &self.sources,
                    span,
                    SchemaErrorKind::BadInclude { location, reason },
                ));
                continue;
            }
            self.references[index].push(target);
            self.included[target] = true;
        }
        Some(index)
    }

    fn finish(self) -> Result<SchemaSet, Vec<SchemaError>> {
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let roots = (0..self.documents.len()).filter(|&index| !self.included[index]).collect();
        Ok(SchemaSet { sources: self.sources, documents: self.documents, references: self.references, roots })
    }
}

fn describe_namespace(namespace: &Option<String>) -> String {
    match namespace {
        Some(namespace) => format!("namespace '{namespace}'"),
        None => "no namespace".to_owned(),
    }
}
