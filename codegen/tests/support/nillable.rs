//! How many element declarations of a loaded schema set are nillable: the
//! tests that exercise `xsi:nil` compare it with how many nil samples they
//! produced. Included with `#[path]` by corpus-check's corpus test and by
//! plesk-types' whole-API test.

use plesk_codegen::model::{ComplexType, Content, Schema, Term, TypeKind};

/// How many element declarations of `schema` are `nillable="true"`: the
/// global ones and those of each type's own content (inherited content is
/// counted in its base type).
pub fn declarations(schema: &Schema) -> usize {
    fn count(term: &Term) -> usize {
        match term {
            Term::Element(element) => usize::from(element.nillable),
            Term::Any(_) => 0,
            Term::Group(group) => group.particles.iter().map(|particle| count(&particle.term)).sum(),
        }
    }
    let local: usize = schema
        .types
        .iter()
        .map(|def| match &def.kind {
            TypeKind::Complex(ComplexType { content: Content::Elements(particle), .. }) => count(&particle.term),
            TypeKind::Complex(_) | TypeKind::Simple(_) => 0,
        })
        .sum();
    local + schema.elements.iter().filter(|element| element.nillable).count()
}
