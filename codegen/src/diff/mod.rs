//! What changed between two schema versions, and what each change does to
//! the generated Rust API, in semver terms.
//!
//! [`diff`] reads and plans both versions; [`compare`] is the comparison
//! itself, a pure function of the two plans. The
//! comparison is made on the plan, the Rust API that would be generated, and
//! every change is also placed in the schema by its *schema path*, the key
//! the [`Config`] options use (`UserAddGenInfo`, `UserAddGenInfo/login`,
//! `UserAddGenInfo/@id`, `UserInput#choice`, `/packet`).
//!
//! Matching: types by schema path (a type that keeps its place but gets
//! another Rust name is *renamed*), fields by element or attribute name,
//! alternatives of a choice by the element or group they hold, enumeration
//! values by value, root elements by name.
//!
//! A type name one version defines several times (once per envelope file,
//! as Plesk's schemas do for some) and the other fewer times, say once, is
//! not a removed or added type: the single definition is compared with each
//! of the definitions it was merged from or split into, so that a change
//! between any of them and it is reported (see `index::pairs`). Equally
//! many definitions on both sides are compared in order.
//!
//! Classification ([`Effect`]):
//!
//! - [`Effect::Breaking`], semver major: a downstream crate may stop
//!   compiling. An item removed or renamed; a struct field added or removed
//!   (struct literals are exhaustive); a field's Rust type changed, including
//!   the `T` / `Option<T>` / `Vec<T>` shape; an enum variant added or removed
//!   (matches are exhaustive); a newtype or alias target changed; a root
//!   element removed or read into another type.
//! - [`Effect::Additive`], semver minor: new items (types, root elements)
//!   that change nothing existing.
//! - [`Effect::Behavioral`], semver patch: the API is the same, the
//!   documents accepted or written are not. Facets, occurrence bounds within
//!   the same Rust shape, the order elements are written in, defaults, a
//!   tolerated absence.
//!
//! Documentation changes are not reported.
//!
//! ```no_run
//! # fn main() -> Result<(), plesk_codegen::Error> {
//! let mut old = plesk_codegen::Config::plesk();
//! old.schema("schemas/1.6.7.0");
//! let mut new = plesk_codegen::Config::plesk();
//! new.schema("schemas/1.6.8.0");
//! let report = plesk_codegen::diff::diff(&old, &new)?;
//! print!("{report}");
//! assert!(report.is_breaking());
//! # Ok(())
//! # }
//! ```

mod classify;
mod compare;
mod describe;
mod index;
mod report;
mod simple;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::config::Config;
use crate::error::Error;
use crate::plan::{self, Module};

use compare::Differ;
use describe::describe_item;
use index::{Index, pairs};
pub use report::{Change, ChangeKind, Effect, Report, RustKind, RustPlace, Semver, Subject};

/// Reads and plans the schemas of `old` and `new` and compares them.
///
/// # Errors
///
/// The first version that cannot be read or planned gives its error, every
/// schema problem with its file, line and column.
pub fn diff(old: &Config, new: &Config) -> Result<Report, Error> {
    let old_schema = crate::load(old)?;
    let old_module = plan::plan(&old_schema, old)?;
    let new_schema = crate::load(new)?;
    let new_module = plan::plan(&new_schema, new)?;
    let changes = compare(&old_module, &new_module);
    Ok(Report { old: label(old), new: label(new), changes })
}

/// What a configuration reads, for the report: its inputs, as given.
fn label(config: &Config) -> String {
    config.inputs.iter().map(|input| input.display().to_string()).collect::<Vec<_>>().join(", ")
}

/// The changes from the plan `old` to the plan `new`, in report order (the
/// worst effect first, then by schema path).
pub fn compare(old: &Module, new: &Module) -> Vec<Change> {
    let old = Index::new(old);
    let new = Index::new(new);
    let mut matched = Vec::new();
    for (key, old_ats) in &old.by_key {
        if let Some(new_ats) = new.by_key.get(key) {
            matched.extend(pairs(old_ats.len(), new_ats.len()).into_iter().map(|(o, n)| (old_ats[o], new_ats[n])));
        }
    }
    let mut renamed: HashMap<&str, Vec<&str>> = HashMap::new();
    for &(old_at, new_at) in &matched {
        let names = renamed.entry(old.module.items[old_at].name.as_str()).or_default();
        let new_name = new.module.items[new_at].name.as_str();
        if !names.contains(&new_name) {
            names.push(new_name);
        }
    }
    let differ = Differ { old: &old, new: &new, renamed };
    let mut out = Vec::new();
    for &(old_at, new_at) in &matched {
        differ.item(old_at, new_at, &mut out);
    }
    unmatched_types(&old, &new, Effect::Breaking, ChangeKind::Removed, &mut out);
    unmatched_types(&new, &old, Effect::Additive, ChangeKind::Added, &mut out);
    differ.roots(&mut out);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup();
    out
}

/// A change for every type of `side` whose key `other` does not have at all:
/// the removed types (`side` is the old plan) or the added ones (the new).
fn unmatched_types(side: &Index, other: &Index, effect: Effect, kind: ChangeKind, out: &mut Vec<Change>) {
    for (key, ats) in &side.by_key {
        if other.by_key.contains_key(key) {
            continue;
        }
        for &at in ats {
            let item = &side.module.items[at];
            out.push(Change {
                effect,
                kind,
                subject: Subject::Type,
                schema_path: side.place(at).path.clone(),
                rust: RustPlace::item(item),
                description: describe_item(item),
            });
        }
    }
}
