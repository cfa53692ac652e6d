//! Values `Debug` hides because of their sibling: the value of a name/value
//! pair whose name is a secret's (see `Config::redact_debug_by_name`).

use super::build::Planner;
use super::checks::builtin_type;
use super::*;
use crate::model::{self, Term, TypeRef};

impl Planner<'_> {
    /// Marks the fields of the content of `complex` configured as redacted
    /// by name, once all its fields are known (the name may come after the
    /// value).
    pub(super) fn redact_by_name(&mut self, complex: &model::ComplexType, fields: &mut [Field]) {
        for at in 0..fields.len() {
            let Some((name_element, secret_names)) = self.config.redacted_by_name(&fields[at].schema_path) else {
                continue;
            };
            let is_text = |ty: TypeRef| self.schema.atomic_builtin(ty).map(builtin_type) == Some(RustType::String);
            let declared_text =
                element_type(self.schema.effective_particles(complex), name_element).is_some_and(is_text);
            match name_field(fields, name_element).filter(|_| declared_text) {
                Some(name_field) => {
                    fields[at].redacted_by_name = Some(RedactedByName { name_field, secret_names });
                }
                None => self.config.reject(format!(
                    "redact_debug_by_name: '{}' has no required string sibling <{name_element}> to take the name from",
                    fields[at].schema_path
                )),
            }
        }
    }
}

/// The Rust name of the required simple field for the element `xml_name`.
fn name_field(fields: &[Field], xml_name: &str) -> Option<String> {
    fields.iter().find_map(|field| match &field.kind {
        FieldKind::Element(element)
            if element.xml_name == xml_name && element.occurs == Occurs::Required && element.is_simple =>
        {
            Some(field.name.clone())
        }
        _ => None,
    })
}

/// The type of the first declaration of the element `name` in `particles`.
fn element_type(particles: Vec<&model::Particle>, name: &str) -> Option<TypeRef> {
    fn find(term: &Term, name: &str) -> Option<TypeRef> {
        match term {
            Term::Element(element) if element.name == name => Some(element.ty),
            Term::Element(_) | Term::Any(_) => None,
            Term::Group(group) => group.particles.iter().find_map(|particle| find(&particle.term, name)),
        }
    }
    particles.into_iter().find_map(|particle| find(&particle.term, name))
}
