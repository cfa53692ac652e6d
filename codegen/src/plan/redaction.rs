//! Values `Debug` hides because of their sibling: the value of a name/value
//! pair whose name is a secret's (see `Config::redact_debug_by_name`).

use super::build::Planner;
use super::*;

impl Planner<'_> {
    /// Marks the fields of one content configured as redacted by name,
    /// once all its fields are known (the name may come after the value).
    pub(super) fn redact_by_name(&mut self, fields: &mut [Field]) {
        for at in 0..fields.len() {
            let Some((name_element, secret_names)) = self.config.redacted_by_name(&fields[at].schema_path) else {
                continue;
            };
            match name_field(fields, name_element) {
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

/// The Rust name of the required string field for the element `xml_name`.
fn name_field(fields: &[Field], xml_name: &str) -> Option<String> {
    fields.iter().find_map(|field| match &field.kind {
        FieldKind::Element(element)
            if element.xml_name == xml_name && element.occurs == Occurs::Required && element.ty == RustType::String =>
        {
            Some(field.name.clone())
        }
        _ => None,
    })
}
