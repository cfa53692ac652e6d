//! The structure of a schema drawn as an indented tree, in the notation of
//! the trees read off Plesk's published schema pictures: one line a node,
//! named types drawn again at each use, an extension drawn as a sequence of
//! the base's content and the extension's. Comparing this drawing with the
//! reference trees checks that our schemas have exactly the real structure.

use std::fmt::Write;

use crate::model::{
    Attribute, Builtin, Compositor, Content, DerivationMethod, ElementUse, GlobalElement, NamespaceConstraint, Occurs,
    Particle, ProcessContents, Schema, SimpleType, Term, TypeKind, TypeName, TypeRef,
};

/// Draws `element` and everything below it; elements named in `collapse`
/// are drawn without their content.
pub fn draw_element(schema: &Schema, element: &ElementUse, collapse: &[&str]) -> String {
    let mut tree = Tree { schema, collapse, out: String::new(), open_types: Vec::new() };
    tree.element(&element.name, element.ty, None, 0);
    tree.out
}

/// Draws a global element and everything below it.
pub fn draw_global(schema: &Schema, element: &GlobalElement, collapse: &[&str]) -> String {
    let mut tree = Tree { schema, collapse, out: String::new(), open_types: Vec::new() };
    tree.element(&element.name, element.ty, None, 0);
    tree.out
}

/// The element reached from `root` by following child element names.
pub fn find_element(schema: &Schema, root: &GlobalElement, path: &[&str]) -> Option<ElementUse> {
    let mut current = ElementUse {
        name: root.name.clone(),
        ty: root.ty,
        doc: None,
        span: root.span,
        default: None,
        fixed: None,
        nillable: root.nillable,
    };
    for name in path {
        let complex = schema.complex(current.ty)?;
        current = schema.effective_particles(complex).into_iter().find_map(|particle| child_named(particle, name))?;
    }
    Some(current)
}

fn child_named(particle: &Particle, name: &str) -> Option<ElementUse> {
    match &particle.term {
        Term::Element(element) if element.name == name => Some(element.clone()),
        Term::Element(_) | Term::Any(_) => None,
        Term::Group(group) => group.particles.iter().find_map(|child| child_named(child, name)),
    }
}

struct Tree<'s> {
    schema: &'s Schema,
    collapse: &'s [&'s str],
    out: String,
    /// Named types being drawn, to stop at a recursion.
    open_types: Vec<TypeRef>,
}

/// `min..max` (`∞` without an upper bound), nothing for exactly once.
fn occurs(occurs: Occurs) -> Option<String> {
    (!occurs.is_once()).then(|| occurs.range("∞"))
}

impl Tree<'_> {
    fn line(&mut self, depth: usize, text: &str) {
        let _ = writeln!(self.out, "{}{text}", "  ".repeat(depth));
    }

    fn type_label(&self, ty: TypeRef) -> Option<String> {
        match ty {
            TypeRef::Builtin(builtin) => Some(format!("type: {}", builtin.name())),
            TypeRef::Defined(id) => match &self.schema.get(id).name {
                TypeName::Named(name) => Some(format!("type: {}", name.local)),
                TypeName::Anonymous { .. } => match &self.schema.get(id).kind {
                    TypeKind::Simple(SimpleType::Atomic { base, .. }) => {
                        self.type_label(*base).map(|label| label.replacen("type", "base", 1))
                    }
                    TypeKind::Simple(SimpleType::List { .. }) => Some("base: list".to_owned()),
                    TypeKind::Simple(SimpleType::Union { .. }) => Some("base: union".to_owned()),
                    TypeKind::Complex(_) => None,
                },
            },
        }
    }

    /// An element and its content; `bounds` is `None` for a root element.
    fn element(&mut self, name: &str, ty: TypeRef, bounds: Option<Occurs>, depth: usize) {
        let mut parts = vec![format!("element: {name}")];
        parts.extend(self.type_label(ty));
        parts.extend(bounds.and_then(occurs));
        self.line(depth, &parts.join(" | "));
        if self.collapse.contains(&name) || self.open_types.contains(&ty) {
            return;
        }
        self.open_types.push(ty);
        self.type_content(ty, depth + 1);
        self.open_types.pop();
    }

    /// What a type holds: its particles, then its attributes.
    fn type_content(&mut self, ty: TypeRef, depth: usize) {
        match ty {
            TypeRef::Builtin(Builtin::AnyType) => {
                self.line(depth, "sequence");
                self.line(depth + 1, "any: any NS | <> | 0..∞");
                self.line(depth, "anyattribute: any NS | @");
            }
            TypeRef::Builtin(_) => {}
            TypeRef::Defined(id) => {
                let TypeKind::Complex(complex) = &self.schema.get(id).kind else {
                    return;
                };
                self.complex_particles(ty, depth);
                for attribute in self.schema.effective_attributes(complex) {
                    self.attribute(attribute, depth);
                }
                if complex.any_attribute.is_some() {
                    self.line(depth, "anyattribute: any NS | @");
                }
            }
        }
    }

    /// An extension is the base's content followed by the extension's, in a
    /// sequence of their own.
    fn complex_particles(&mut self, ty: TypeRef, depth: usize) {
        let Some(complex) = self.schema.complex(ty) else {
            return;
        };
        let own = match &complex.content {
            Content::Elements(particle) => Some(particle.clone()),
            Content::Empty | Content::Simple { .. } => None,
        };
        match complex.derivation {
            Some(derivation) if derivation.method == DerivationMethod::Extension => {
                self.line(depth, "sequence");
                self.complex_particles(derivation.base, depth + 1);
                if let Some(own) = own {
                    self.particle(&own, depth + 1);
                }
            }
            _ => {
                if let Some(own) = own {
                    self.particle(&own, depth);
                }
            }
        }
    }

    fn particle(&mut self, particle: &Particle, depth: usize) {
        match &particle.term {
            Term::Element(element) => self.element(&element.name, element.ty, Some(particle.occurs), depth),
            Term::Any(wildcard) => {
                let namespaces = &wildcard.namespaces;
                let namespace = match namespaces {
                    NamespaceConstraint::Any => "any NS".to_owned(),
                    _ if namespaces.is_any_namespace() => "other NS".to_owned(),
                    _ if namespaces.is_local() => "local NS".to_owned(),
                    _ => namespaces.to_string(),
                };
                let contents = match wildcard.process_contents {
                    ProcessContents::Lax => "<>",
                    ProcessContents::Skip => "<skip>",
                    ProcessContents::Strict => "<strict>",
                };
                let mut parts = vec![format!("any: {namespace}"), contents.to_owned()];
                parts.extend(occurs(particle.occurs));
                self.line(depth, &parts.join(" | "));
            }
            Term::Group(group) => {
                let compositor = match group.compositor {
                    Compositor::Sequence => "sequence",
                    Compositor::Choice => "choice",
                    Compositor::All => "all",
                };
                let line = match occurs(particle.occurs) {
                    Some(occurs) => format!("{compositor}: {occurs}"),
                    None => compositor.to_owned(),
                };
                self.line(depth, &line);
                for child in &group.particles {
                    self.particle(child, depth + 1);
                }
            }
        }
    }

    fn attribute(&mut self, attribute: &Attribute, depth: usize) {
        let label = self.type_label(attribute.ty).unwrap_or_else(|| "type: anySimpleType".to_owned());
        let usage = if attribute.is_required() { "required" } else { "optional" };
        self.line(depth, &format!("attribute: @{} | {label} | {usage}", attribute.name));
    }
}
