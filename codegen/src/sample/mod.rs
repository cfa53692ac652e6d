//! Sample documents: a minimal and a maximal valid instance of an element or
//! a type, built from the schema model.
//!
//! - *Minimal*: only what the schema requires: required attributes, each
//!   element `minOccurs` times, the smallest alternative of each choice,
//!   the shortest values (an empty string where the facets allow one).
//! - *Maximal*: every optional attribute and element, each element
//!   `maxOccurs` times (twice when unbounded), the richest alternative of
//!   each choice, open content (`xs:anyType`, `xs:any`) with an attribute
//!   and a child element; a type nests inside itself at most twice, deeper
//!   instances are minimal.
//!
//! Values satisfy every facet of every derivation step (enumerations,
//! lengths, patterns, bounds, digits, lists, unions) and are written in the
//! canonical form the generated writers use, and the document is indented
//! as `to_xml_pretty` indents it: a sample read by the generated types and
//! written back is the sample, byte for byte. The same schema gives the
//! same samples.
//!
//! An element is named by an *element path*: a global element, then child
//! elements (`packet/user/add`). The elements along the path hold what they
//! require besides the route to the next one; the extent applies to the
//! last one.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let dir = std::env::temp_dir().join(format!("plesk-codegen-sample-doc-{}", std::process::id()));
//! # std::fs::create_dir_all(&dir)?;
//! # std::fs::write(dir.join("greeting.xsd"), r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
//! #   <xs:element name="greeting"><xs:complexType><xs:sequence>
//! #     <xs:element name="to" type="xs:string"/>
//! #     <xs:element name="times" type="xs:int" minOccurs="0"/>
//! #   </xs:sequence></xs:complexType></xs:element></xs:schema>"#)?;
//! use plesk_codegen::sample::{Extent, Sampler};
//!
//! let mut config = plesk_codegen::Config::new();
//! config.schema(&dir);
//! let schema = plesk_codegen::load(&config)?;
//! let sampler = Sampler::new(&schema);
//! assert_eq!(sampler.element("greeting", Extent::Minimal)?.xml, "<greeting>\n  <to/>\n</greeting>");
//! assert_eq!(
//!     sampler.element("greeting", Extent::Maximal)?.xml,
//!     "<greeting>\n  <to>to</to>\n  <times>0</times>\n</greeting>"
//! );
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok(())
//! # }
//! ```

mod document;
mod hir;
mod instance;
mod measure;
mod value;

use std::fmt;

use crate::model::{Builtin, ComplexType, ElementUse, Schema, Term, TypeId, TypeName, TypeRef};
use instance::Builder;

/// How much a sample holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Extent {
    /// Only what the schema requires.
    Minimal,
    /// Everything the schema allows, repetitions and recursion bounded.
    Maximal,
}

impl fmt::Display for Extent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Minimal => "minimal",
            Self::Maximal => "maximal",
        })
    }
}

/// Why no sample could be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SampleError {
    /// The element path is empty.
    #[error("empty element path")]
    EmptyPath,
    /// No global element has this name.
    #[error("no global element '{name}'{}", did_you_mean(.suggestions))]
    UnknownElement {
        /// The name asked for.
        name: String,
        /// Close names of global elements.
        suggestions: Vec<String>,
    },
    /// No named type has this name.
    #[error("no named type '{name}'{}", did_you_mean(.suggestions))]
    UnknownType {
        /// The name asked for.
        name: String,
        /// Close names of named types.
        suggestions: Vec<String>,
    },
    /// Several schemas read together declare the name (two packet envelopes
    /// of one directory, say).
    #[error("{kind} '{name}' is declared in several schema files ({}): sample from one of them", .files.join(", "))]
    Ambiguous {
        /// `element` or `type`.
        kind: &'static str,
        /// The name.
        name: String,
        /// The files declaring it.
        files: Vec<String>,
    },
    /// A step of the path names no child element of the element before it.
    #[error("{path}: <{parent}> has no child element <{child}>{}; its child elements: {}", did_you_mean(.suggestions), list(.children))]
    NoSuchChild {
        /// The path up to the parent.
        path: String,
        /// The parent element.
        parent: String,
        /// The step that names nothing.
        child: String,
        /// Close names among the children.
        suggestions: Vec<String>,
        /// Every child element the parent can hold.
        children: Vec<String>,
    },
    /// The path goes on below an element whose content has no declared children.
    #[error("{path}: <{parent}> holds {holds}, so the path cannot go on to <{child}>")]
    NoDeclaredChildren {
        /// The path up to the parent.
        path: String,
        /// The parent element.
        parent: String,
        /// The next step.
        child: String,
        /// What the parent holds instead (`only text`, `any content (xs:anyType)`).
        holds: &'static str,
    },
    /// No value of a simple type satisfies all of its facets.
    #[error("{path}: no value of type {ty} found: {reason}")]
    NoValue {
        /// Where the value was needed.
        path: String,
        /// The type.
        ty: String,
        /// What was tried.
        reason: String,
    },
    /// Every instance of the type contains another one.
    #[error("{path}: type {ty} has no finite instance (its required content always contains itself)")]
    Infinite {
        /// Where.
        path: String,
        /// The type.
        ty: String,
    },
    /// The sample would hold more elements than the limit.
    #[error("{path}: the sample would hold more than {limit} elements")]
    TooLarge {
        /// Where the limit was reached.
        path: String,
        /// The limit.
        limit: usize,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [only] => format!(" (did you mean '{only}'?)"),
        several => format!(" (did you mean one of {}?)", list(several)),
    }
}

fn list(names: &[String]) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    names.iter().map(|name| format!("'{name}'")).collect::<Vec<_>>().join(", ")
}

/// A sample document and what it exercises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sample {
    /// The document, indented as the generated writers indent it, without
    /// an XML declaration or a final line end.
    pub xml: String,
    /// How many elements it holds.
    pub elements: usize,
    /// How many elements hold open content filled in (`xs:anyType`
    /// elements and elements matched by `xs:any`, with an attribute and a
    /// child element): content a reader must keep as it is.
    pub open_content: usize,
    /// How many elements are of a complex type that an enclosing element
    /// has too: recursion the sample goes through.
    pub recursions: usize,
}

impl fmt::Display for Sample {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.xml)
    }
}

/// Names for open content, chosen so that no declaration of the schema
/// matches them (libxml2 validates lax content against global declarations).
#[derive(Debug)]
struct OpenNames {
    /// An element matched by a wildcard.
    element: String,
    /// The child element inside open content.
    child: String,
    /// The attribute on open content.
    attribute: String,
}

/// Makes samples from one schema.
#[derive(Debug)]
pub struct Sampler<'s> {
    schema: &'s Schema,
    /// The size of the smallest instance of each type.
    sizes: Vec<u64>,
    /// The richness of each type, which decides a maximal sample's choices.
    richness: Vec<u64>,
    open_names: OpenNames,
}

impl<'s> Sampler<'s> {
    /// A sampler for `schema` (see [`crate::load`]).
    pub fn new(schema: &'s Schema) -> Self {
        let taken = |name: &str| schema.elements.iter().any(|element| element.name == name);
        let free = |base: &str| {
            (1..).map(|n| if n == 1 { base.to_owned() } else { format!("{base}-{n}") }).find(|name| !taken(name))
        };
        let open_names = OpenNames {
            element: free("any-element").unwrap_or_default(),
            child: free("any-child").unwrap_or_default(),
            attribute: "any-attribute".to_owned(),
        };
        Self { schema, sizes: measure::minimal_sizes(schema), richness: measure::richness(schema), open_names }
    }

    /// A sample of the element at `path`: a global element (`packet`), or
    /// a path through child elements (`packet/user/add`), the document
    /// rooted at the global element.
    ///
    /// # Errors
    ///
    /// A path that names nothing (with the names that come close), a global
    /// element declared in several of the schemas read, a type without a
    /// value or a finite instance.
    pub fn element(&self, path: &str, extent: Extent) -> Result<Sample, SampleError> {
        let (root, steps) = self.resolve(path)?;
        let global = &self.schema.elements[root];
        let focus: Vec<&str> = steps.iter().map(String::as_str).collect();
        let mode = if focus.is_empty() { extent } else { Extent::Minimal };
        let mut builder = Builder::new(self, extent);
        let node = builder.element(&global.name, global.ty, None, mode, &focus)?;
        Ok(builder.finish(&node))
    }

    /// A sample of the named type `name`, as an element of the same name.
    ///
    /// # Errors
    ///
    /// No type of this name (with the names that come close), a name
    /// declared in several of the schemas read, a type without a value or
    /// a finite instance.
    pub fn named_type(&self, name: &str, extent: Extent) -> Result<Sample, SampleError> {
        let id = self.find_type(name)?;
        let mut builder = Builder::new(self, extent);
        let node = builder.element(name, TypeRef::Defined(id), None, extent, &[])?;
        Ok(builder.finish(&node))
    }

    /// The child elements the element at `path` can hold, in schema order
    /// (each name once).
    ///
    /// # Errors
    ///
    /// As [`element`](Self::element), for the path.
    pub fn child_elements(&self, path: &str) -> Result<Vec<String>, SampleError> {
        let (root, steps) = self.resolve(path)?;
        let mut ty = self.schema.elements[root].ty;
        for step in &steps {
            ty = self.complex_of(ty).and_then(|complex| self.find_child(complex, step)).map_or(ty, |child| child.ty);
        }
        Ok(self.complex_of(ty).map(|complex| self.children(complex).0).unwrap_or_default())
    }

    /// The global element a path starts at, and its other steps, each
    /// checked to name a child element of the one before.
    fn resolve(&self, path: &str) -> Result<(usize, Vec<String>), SampleError> {
        let trimmed = path.trim().trim_start_matches('/');
        if trimmed.is_empty() {
            return Err(SampleError::EmptyPath);
        }
        let mut steps: Vec<String> = trimmed.split('/').map(str::to_owned).collect();
        if steps.iter().any(String::is_empty) {
            return Err(SampleError::EmptyPath);
        }
        let root_name = steps.remove(0);
        let roots: Vec<usize> =
            (0..self.schema.elements.len()).filter(|&index| self.schema.elements[index].name == root_name).collect();
        let root = match roots.as_slice() {
            [] => {
                let names = self.schema.elements.iter().map(|element| element.name.as_str());
                return Err(SampleError::UnknownElement { suggestions: suggest(&root_name, names), name: root_name });
            }
            [only] => *only,
            several => {
                let files = several
                    .iter()
                    .map(|&index| self.schema.sources.display_name(self.schema.elements[index].span.file))
                    .collect();
                return Err(SampleError::Ambiguous { kind: "element", name: root_name, files });
            }
        };
        let mut walked = vec![root_name];
        let mut ty = self.schema.elements[root].ty;
        for step in &steps {
            let parent = walked.last().cloned().unwrap_or_default();
            let no_children = |holds| SampleError::NoDeclaredChildren {
                path: walked.join("/"),
                parent: parent.clone(),
                child: step.clone(),
                holds,
            };
            let complex = match ty {
                TypeRef::Builtin(Builtin::AnyType) => return Err(no_children("any content (xs:anyType)")),
                _ => match self.complex_of(ty) {
                    Some(complex) => complex,
                    None => return Err(no_children("only text")),
                },
            };
            match self.find_child(complex, step) {
                Some(child) => ty = child.ty,
                None => {
                    let (children, wildcard) = self.children(complex);
                    if children.is_empty() {
                        let holds = if wildcard { "only elements matched by a wildcard" } else { "no child elements" };
                        return Err(no_children(holds));
                    }
                    return Err(SampleError::NoSuchChild {
                        path: walked.join("/"),
                        parent,
                        child: step.clone(),
                        suggestions: suggest(step, children.iter().map(String::as_str)),
                        children,
                    });
                }
            }
            walked.push(step.clone());
        }
        Ok((root, steps))
    }

    fn find_type(&self, name: &str) -> Result<TypeId, SampleError> {
        let named =
            |index: &usize| matches!(&self.schema.types[*index].name, TypeName::Named(qname) if qname.local == name);
        let found: Vec<usize> = (0..self.schema.types.len()).filter(named).collect();
        match found.as_slice() {
            [] => {
                let names = self.schema.types.iter().filter_map(|def| match &def.name {
                    TypeName::Named(qname) => Some(qname.local.as_str()),
                    TypeName::Anonymous { .. } => None,
                });
                Err(SampleError::UnknownType { name: name.to_owned(), suggestions: suggest(name, names) })
            }
            [only] => Ok(TypeId(*only)),
            several => {
                let files = several
                    .iter()
                    .map(|&index| self.schema.sources.display_name(self.schema.types[index].span.file))
                    .collect();
                Err(SampleError::Ambiguous { kind: "type", name: name.to_owned(), files })
            }
        }
    }

    fn complex_of(&self, ty: TypeRef) -> Option<&'s ComplexType> {
        self.schema.complex(ty)
    }

    /// The first declaration of a child element named `name`.
    fn find_child(&self, complex: &'s ComplexType, name: &str) -> Option<&'s ElementUse> {
        fn find<'t>(term: &'t Term, name: &str) -> Option<&'t ElementUse> {
            match term {
                Term::Element(element) => (element.name == name).then_some(element),
                Term::Any(_) => None,
                Term::Group(group) => group.particles.iter().find_map(|particle| find(&particle.term, name)),
            }
        }
        self.schema.effective_particles(complex).into_iter().find_map(|particle| find(&particle.term, name))
    }

    /// The names of the child elements of a type, in schema order, and
    /// whether a wildcard admits others.
    fn children(&self, complex: &ComplexType) -> (Vec<String>, bool) {
        fn collect(term: &Term, names: &mut Vec<String>, wildcard: &mut bool) {
            match term {
                Term::Element(element) => {
                    if !names.contains(&element.name) {
                        names.push(element.name.clone());
                    }
                }
                Term::Any(_) => *wildcard = true,
                Term::Group(group) => {
                    group.particles.iter().for_each(|particle| collect(&particle.term, names, wildcard))
                }
            }
        }
        let mut names = Vec::new();
        let mut wildcard = false;
        for particle in self.schema.effective_particles(complex) {
            collect(&particle.term, &mut names, &mut wildcard);
        }
        (names, wildcard)
    }

    /// A type, for messages: its name, or where an anonymous type is defined.
    fn describe(&self, ty: TypeRef) -> String {
        match ty {
            TypeRef::Builtin(builtin) => format!("xs:{}", builtin.name()),
            TypeRef::Defined(id) => {
                let def = self.schema.get(id);
                match &def.name {
                    TypeName::Named(qname) => format!("'{}'", qname.local),
                    TypeName::Anonymous { .. } => format!("(anonymous, {})", self.schema.sources.locate(def.span)),
                }
            }
        }
    }
}

/// Up to three of `names` close to `wanted` (by edit distance, or equal
/// but for case), closest first.
fn suggest<'n>(wanted: &str, names: impl Iterator<Item = &'n str>) -> Vec<String> {
    let wanted_lower = wanted.to_lowercase();
    let limit = (wanted.chars().count() / 3).max(2);
    let mut close: Vec<(usize, &str)> = names
        .filter_map(|name| {
            let distance = edit_distance(&wanted_lower, &name.to_lowercase());
            (distance <= limit).then_some((distance, name))
        })
        .collect();
    close.sort();
    close.dedup();
    close.into_iter().take(3).map(|(_, name)| name.to_owned()).collect()
}

/// Levenshtein distance, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_close_names() {
        let names = ["add", "add-billing", "get", "set", "del"];
        assert_eq!(suggest("ad", names.iter().copied()), ["add"]);
        assert_eq!(suggest("ADD", names.iter().copied()), ["add"]);
        assert_eq!(suggest("add-biling", names.iter().copied()), ["add-billing"]);
        assert!(suggest("webspace", names.iter().copied()).is_empty());
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
