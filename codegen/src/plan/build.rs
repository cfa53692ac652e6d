//! Stage 3: builds the [`Module`] plan from the schema model.

use std::collections::{BTreeMap, BTreeSet};

use super::checks::CheckError;
use super::docs::{doc_lines, paragraph};
use super::lookahead::FieldFacts;
use super::names::ConfigLookup;
use super::*;
use crate::config::Config;
use crate::error::{Error, SchemaError, SchemaErrorKind};
use crate::model::{DerivationMethod, Schema, TypeId, TypeKind, TypeRef};
use crate::naming::Scope;

/// Plans the Rust module for `schema`.
///
/// # Errors
///
/// [`Error::Schema`] with every problem found in the schemas; when there is
/// none, [`Error::UnknownConfigPaths`] with every option of `config` whose
/// schema path names nothing.
pub fn plan(schema: &Schema, config: &Config) -> Result<Module, Error> {
    let mut planner = Planner::new(schema, config);
    planner.name_types();
    planner.plan_types();
    planner.plan_roots();
    planner.plan_outcomes();
    planner.merge_identical_groups();
    planner.gate_operators();
    planner.mark_cycles();
    planner.box_recursion();
    planner.mark_validation();
    planner.mark_large_variants();
    planner.mark_derives();
    if planner.errors.is_empty() {
        planner.plan_conversions()?;
    }
    planner.finish()
}

/// Names the Rust side can never use for generated types: the prelude items
/// generated code relies on, and the runtime's module alias.
const RESERVED: &[&str] = &["xml", "Self"];

pub(super) struct Planner<'s> {
    pub(super) schema: &'s Schema,
    /// The configuration, each lookup recorded.
    pub(super) config: ConfigLookup<'s>,
    /// Schema path of each type (see [`Config`]).
    pub(super) paths: Vec<String>,
    /// Rust item name of each type that becomes an item.
    pub(super) names: Vec<Option<String>>,
    pub(super) scope: Scope,
    pub(super) items: Vec<Item>,
    pub(super) roots: Vec<Root>,
    /// The attributes the configuration adds, by Rust name.
    pub(super) attributes: Attributes,
    /// The structs that are an operation's result.
    pub(super) outcomes: Vec<Outcome>,
    /// The `From` conversions and the operators of the packets.
    pub(super) conversions: Conversions,
    /// Schema paths of merged groups, with the item standing for them.
    pub(super) merged: BTreeMap<String, String>,
    /// Under which cargo features each item is compiled.
    pub(super) gates: Gates,
    pub(super) errors: Vec<SchemaError>,
}

/// The fields of one struct being built.
pub(super) struct Fields {
    /// Rust name of the struct (owner of nested group items).
    pub(super) owner: String,
    /// Schema path of the complex type they belong to.
    pub(super) type_path: String,
    /// Schema path of the struct itself: the type's, or a group's
    /// (`ResponsePacketType#choice`).
    pub(super) path: String,
    pub(super) scope: Scope,
    pub(super) fields: Vec<Field>,
    pub(super) facts: Vec<FieldFacts>,
}

impl Fields {
    pub(super) fn new(owner: &str, type_path: &str, path: &str) -> Self {
        Self {
            owner: owner.to_owned(),
            type_path: type_path.to_owned(),
            path: path.to_owned(),
            scope: Scope::default(),
            fields: Vec::new(),
            facts: Vec::new(),
        }
    }
}

impl<'s> Planner<'s> {
    pub(super) fn new(schema: &'s Schema, config: &'s Config) -> Self {
        Self {
            schema,
            config: ConfigLookup::new(config),
            paths: Vec::new(),
            names: vec![None; schema.types.len()],
            scope: Scope::with_reserved(RESERVED),
            items: Vec::new(),
            roots: Vec::new(),
            attributes: Attributes::default(),
            outcomes: Vec::new(),
            conversions: Conversions::default(),
            merged: BTreeMap::new(),
            gates: Gates::default(),
            errors: Vec::new(),
        }
    }

    pub(super) fn error(&mut self, span: Span, kind: SchemaErrorKind) {
        self.errors.push(SchemaError::new(&self.schema.sources, span, kind));
    }

    pub(super) fn check_error(&mut self, (span, kind): CheckError) {
        self.error(span, kind);
    }

    // ----- types ------------------------------------------------------------

    fn plan_types(&mut self) {
        for index in 0..self.schema.types.len() {
            let id = TypeId(index);
            let Some(name) = self.names[index].clone() else {
                continue;
            };
            let def = self.schema.get(id);
            let mut doc = doc_lines(def.doc.as_deref());
            paragraph(&mut doc, [self.origin_line(id)]);
            let kind = match &def.kind {
                TypeKind::Complex(complex) => {
                    if let Some(derivation) = complex.derivation {
                        let verb = match derivation.method {
                            DerivationMethod::Extension => "Extends",
                            DerivationMethod::Restriction => "Restricts",
                        };
                        doc.push(format!("{verb} {}: its fields come first.", self.describe_type(derivation.base)));
                    }
                    self.plan_complex(id, &name, complex)
                }
                TypeKind::Simple(simple) => match self.plan_simple(id, simple) {
                    Some(kind) => kind,
                    None => continue,
                },
            };
            let path = self.paths[index].clone();
            let place = SchemaPlace { type_path: path.clone(), path, origin: Origin::Type };
            let alias = self.deprecated_alias(index, &name);
            self.items.push(Item {
                name,
                doc,
                span: def.span,
                place,
                kind,
                validates: false,
                cycle: BTreeSet::new(),
                derives: Derives::default(),
            });
            self.items.extend(alias);
        }
    }

    pub(super) fn describe_type(&self, ty: TypeRef) -> String {
        match ty {
            TypeRef::Builtin(builtin) => format!("`xs:{}`", builtin.name()),
            TypeRef::Defined(id) => match &self.names[id.0] {
                Some(name) => format!("[`{name}`]"),
                None => format!("`{}`", self.paths[id.0]),
            },
        }
    }

    fn finish(mut self) -> Result<Module, Error> {
        if !self.errors.is_empty() {
            return Err(Error::Schema(self.errors));
        }
        if !self.config.invalid().is_empty() {
            return Err(Error::Config(self.config.invalid().join("; ")));
        }
        let unknown = self.config.unknown();
        if !unknown.is_empty() {
            return Err(Error::UnknownConfigPaths(unknown));
        }
        self.items.sort_by_key(|item| item.span);
        let mut files: Vec<String> =
            self.schema.sources.iter().map(|(id, _)| self.schema.sources.display_name(id)).collect();
        files.sort();
        Ok(Module {
            items: self.items,
            roots: self.roots,
            files,
            attributes: self.attributes,
            outcomes: self.outcomes,
            conversions: self.conversions,
            merged: self.merged,
            gates: self.gates,
        })
    }
}
