//! Documentation text of the generated items: the schema's own, and the
//! lines that say where each item comes from.

use super::build::Planner;
use super::*;
use crate::model::{self, AnonymousRole, Compositor, Owner, Term, TypeId, TypeName};

impl<'s> Planner<'s> {
    pub(super) fn file_of(&self, span: Span) -> String {
        self.schema.sources.display_name(span.file)
    }

    /// The line of documentation saying where a type comes from.
    pub(super) fn origin_line(&self, id: TypeId) -> String {
        let def = self.schema.get(id);
        let file = self.file_of(def.span);
        match &def.name {
            TypeName::Named(qname) => format!("Schema type `{}` (`{file}`).", qname.local),
            TypeName::Anonymous { owner: Owner::Element(index), role: AnonymousRole::Itself } => {
                format!("Type of the global element `<{}>` (`{file}`).", self.schema.elements[*index].name)
            }
            TypeName::Anonymous { .. } => format!("Anonymous type at `{}` (`{file}`).", self.paths[id.0]),
        }
    }
}

pub(super) fn group_doc(group: &model::Group, owner: &str) -> Vec<String> {
    let mut names = Vec::new();
    collect_group_elements(group, &mut names);
    let listed = names.iter().map(|name| format!("`<{name}>`")).collect::<Vec<_>>().join(", ");
    let mut doc = doc_lines(group.doc.as_deref());
    paragraph(
        &mut doc,
        [match group.compositor {
            Compositor::Choice => format!("One of {listed}, inside [`{owner}`]."),
            _ => format!("The elements {listed}, together, inside [`{owner}`]."),
        }],
    );
    doc
}

fn collect_group_elements(group: &model::Group, names: &mut Vec<String>) {
    for particle in &group.particles {
        match &particle.term {
            Term::Element(element) => {
                if !names.contains(&element.name) {
                    names.push(element.name.clone());
                }
            }
            Term::Any(_) => names.push("*".to_owned()),
            Term::Group(inner) => collect_group_elements(inner, names),
        }
    }
}

/// Adds `lines` to `doc` as a paragraph of its own: after a blank line,
/// unless `doc` is empty. Nothing is added when `lines` is empty.
pub(super) fn paragraph(doc: &mut Vec<String>, lines: impl IntoIterator<Item = String>) {
    let mut lines = lines.into_iter().peekable();
    if lines.peek().is_some() && !doc.is_empty() {
        doc.push(String::new());
    }
    doc.extend(lines);
}

/// Documentation text as doc-comment lines, with characters rustdoc would
/// read as markup escaped.
pub(super) fn doc_lines(doc: Option<&str>) -> Vec<String> {
    let Some(doc) = doc else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (index, paragraph) in doc.split("\n\n").enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        let mut escaped = String::with_capacity(paragraph.len());
        for c in paragraph.chars() {
            if matches!(c, '[' | ']' | '<' | '>' | '*' | '`' | '#' | '\\') {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        lines.push(escaped);
    }
    lines
}
