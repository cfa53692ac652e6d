//! The packet envelopes of a loaded schema set: the `<packet>` each
//! envelope file defines, and its operators. Included with `#[path]` by the
//! tests that compare the bundled schemas with the reference material.

use plesk_codegen::model::{GlobalElement, Particle, Schema, Term};

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
