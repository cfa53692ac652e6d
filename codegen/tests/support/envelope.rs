//! The packet envelopes of a loaded schema set: the `<packet>` each
//! envelope file defines, its operators, each operator's operations, and
//! the child elements of any content model. Included with `#[path]` by the
//! tests that compare the bundled schemas with the reference material and
//! by plesk-types' whole-API tests, each of which uses part of it.
#![allow(dead_code)]

use plesk_codegen::model::{GlobalElement, Particle, Schema, Term, TypeRef};

/// The `<packet>` element defined in `file` (request and response envelopes
/// both define one).
pub fn packet<'s>(schema: &'s Schema, file: &str) -> &'s GlobalElement {
    schema
        .elements
        .iter()
        .find(|element| element.name == "packet" && schema.sources.display_name(element.span.file) == file)
        .unwrap_or_else(|| panic!("no <packet> in {file}"))
}

/// The operator elements of an envelope, in schema order: the children of
/// `<packet>` other than the request settings and the response's `system`
/// and `output`.
pub fn operators(schema: &Schema, envelope: &str) -> Vec<String> {
    fn children(particle: &Particle, names: &mut Vec<String>) {
        match &particle.term {
            Term::Element(element) => names.push(element.name.clone()),
            Term::Any(_) => {}
            Term::Group(group) => group.particles.iter().for_each(|child| children(child, names)),
        }
    }
    let complex = schema.complex(packet(schema, envelope).ty).expect("a complex <packet>");
    let mut names = Vec::new();
    for particle in schema.effective_particles(complex) {
        children(particle, &mut names);
    }
    names.retain(|name| !matches!(name.as_str(), "request-settings" | "system" | "output"));
    names
}

/// The operations of `operator` in an envelope: the child elements of its
/// type, in schema order; none for an operator without declared operations
/// (an `xs:anyType` operator).
///
/// # Panics
///
/// When the envelope has no such operator.
pub fn operations(schema: &Schema, envelope: &str, operator: &str) -> Vec<String> {
    let packet = packet(schema, envelope);
    let (_, ty) = child_elements(schema, packet.ty)
        .into_iter()
        .find(|(name, _)| name == operator)
        .unwrap_or_else(|| panic!("{envelope}: no operator <{operator}>"));
    child_elements(schema, ty).into_iter().map(|(name, _)| name).collect()
}

/// The child elements a value of type `ty` can hold, in schema order (a
/// base type's first), each name once with the type of its first
/// declaration, as an element path resolves a step; none for a simple or
/// open type.
pub fn child_elements(schema: &Schema, ty: TypeRef) -> Vec<(String, TypeRef)> {
    fn collect(term: &Term, into: &mut Vec<(String, TypeRef)>) {
        match term {
            Term::Element(element) => {
                if !into.iter().any(|(name, _)| *name == element.name) {
                    into.push((element.name.clone(), element.ty));
                }
            }
            Term::Any(_) => {}
            Term::Group(group) => group.particles.iter().for_each(|particle| collect(&particle.term, into)),
        }
    }
    let mut into = Vec::new();
    if let Some(complex) = schema.complex(ty) {
        schema.effective_particles(complex).iter().for_each(|particle| collect(&particle.term, &mut into));
    }
    into
}
