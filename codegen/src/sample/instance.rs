//! Builds the element tree of a sample from the schema model: the content a
//! minimal or maximal instance holds, the route down an element path, open
//! content, recursion bounds.

use std::cell::Cell;

use super::document::{Content as NodeContent, Node};
use super::measure::{INFINITE, maximal_count, particle_size, particle_weight, term_size};
use super::value::{Want, canonical, value};
use super::{Extent, Sample, SampleError, Sampler};
use crate::model::{
    Builtin, ComplexType, Compositor, Content, Facets, Group, Particle, ProcessContents, Term, TypeId, TypeKind,
    TypeRef, Wildcard,
};

/// The namespace of `xsi:nil`.
const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// How many instances of one complex type a maximal sample nests inside
/// each other; deeper, the type's instances are minimal.
const RECURSION: usize = 2;

/// The most elements one sample may hold.
const MAX_ELEMENTS: usize = 200_000;

/// The namespace of wildcard content that must be in another namespace.
const OTHER_NAMESPACE: &str = "urn:plesk-codegen:sample";

/// One sample being built.
pub(super) struct Builder<'a, 's> {
    sampler: &'a Sampler<'s>,
    /// The extent of the sampled element (its ancestors on a path are minimal).
    extent: Extent,
    /// The complex types being built, outermost first.
    stack: Vec<TypeId>,
    /// The element path being built, for messages.
    path: Vec<String>,
    elements: usize,
    open_content: usize,
    recursions: usize,
    /// The `xs:ID` values given so far.
    ids: Cell<usize>,
}

impl<'a, 's> Builder<'a, 's> {
    pub(super) fn new(sampler: &'a Sampler<'s>, extent: Extent) -> Self {
        Self {
            sampler,
            extent,
            stack: Vec::new(),
            path: Vec::new(),
            elements: 0,
            open_content: 0,
            recursions: 0,
            ids: Cell::new(0),
        }
    }

    /// The sample of the element tree built.
    pub(super) fn finish(&self, root: &Node) -> Sample {
        Sample {
            xml: root.to_xml(),
            elements: self.elements,
            open_content: self.open_content,
            recursions: self.recursions,
        }
    }

    /// The element `name` of type `ty`. With a non-empty `focus` (the names
    /// of the descendants down to the sampled element), it holds only what
    /// it requires besides the route to the next of them.
    pub(super) fn element(
        &mut self,
        name: &str,
        ty: TypeRef,
        default: Option<&str>,
        mode: Extent,
        focus: &[&str],
    ) -> Result<Node, SampleError> {
        self.elements += 1;
        self.path.push(name.to_owned());
        if self.elements > MAX_ELEMENTS {
            return Err(SampleError::TooLarge { path: self.path.join("/"), limit: MAX_ELEMENTS });
        }
        let schema = self.sampler.schema;
        let node = match ty {
            TypeRef::Builtin(Builtin::AnyType) => Ok(self.open_content(name, mode)),
            TypeRef::Defined(id) => match &schema.get(id).kind {
                TypeKind::Complex(complex) => self.complex(name, id, complex, mode, focus),
                TypeKind::Simple(_) => self.text(name, ty, default, mode),
            },
            TypeRef::Builtin(_) => self.text(name, ty, default, mode),
        };
        self.path.pop();
        node
    }

    /// An element of a simple type. An element with a `default` is given
    /// its default: an empty one would read as it.
    fn text(&self, name: &str, ty: TypeRef, default: Option<&str>, mode: Extent) -> Result<Node, SampleError> {
        let text = match default {
            Some(default) => canonical(self.sampler.schema, ty, default),
            None => self.value(ty, &[], name, mode)?,
        };
        Ok(Node::text(name, text))
    }

    fn value(&self, ty: TypeRef, extra: &[&Facets], hint: &str, mode: Extent) -> Result<String, SampleError> {
        value(self.sampler.schema, ty, extra, Want { extent: mode, hint, item: false, ids: &self.ids })
            .map_err(|reason| SampleError::NoValue { path: self.path.join("/"), ty: self.sampler.describe(ty), reason })
    }

    fn complex(
        &mut self,
        name: &str,
        id: TypeId,
        complex: &ComplexType,
        mode: Extent,
        focus: &[&str],
    ) -> Result<Node, SampleError> {
        let nested = self.stack.iter().filter(|&&open| open == id).count();
        if nested > 0 {
            self.recursions += 1;
        }
        let mode = if nested >= RECURSION { Extent::Minimal } else { mode };
        if self.sampler.sizes[id.0] == INFINITE {
            return Err(SampleError::Infinite {
                path: self.path.join("/"),
                ty: self.sampler.describe(TypeRef::Defined(id)),
            });
        }
        self.stack.push(id);
        let mut node =
            Node { name: name.to_owned(), attributes: Vec::new(), content: NodeContent::Children(Vec::new()) };
        let built = self.complex_parts(&mut node, complex, mode, focus);
        self.stack.pop();
        built.map(|()| node)
    }

    fn complex_parts(
        &mut self,
        node: &mut Node,
        complex: &ComplexType,
        mode: Extent,
        focus: &[&str],
    ) -> Result<(), SampleError> {
        let schema = self.sampler.schema;
        for attribute in schema.effective_attributes(complex) {
            if attribute.is_required() || mode == Extent::Maximal {
                let text = self.value(attribute.ty, &[], &attribute.name, mode)?;
                node.attributes.push((attribute.name.clone(), text));
            }
        }
        match &complex.content {
            Content::Simple { value, .. } => {
                let steps = simple_content_facets(self.sampler, complex);
                node.content = NodeContent::Text(self.value(*value, &steps, &node.name, mode)?);
            }
            Content::Empty | Content::Elements(_) => {
                let mut routed = focus.is_empty();
                let mut children = Vec::new();
                for particle in schema.effective_particles(complex) {
                    children.extend(self.particle(particle, mode, focus, &mut routed)?);
                }
                node.content = NodeContent::Children(children);
            }
        }
        Ok(())
    }

    /// The occurrences of a particle. `routed` tells whether the route to
    /// `focus[0]` has been taken in this content already.
    fn particle(
        &mut self,
        particle: &Particle,
        mode: Extent,
        focus: &[&str],
        routed: &mut bool,
    ) -> Result<Vec<Node>, SampleError> {
        let mut nodes = Vec::new();
        if let Some(next) = focus.first().filter(|_| !*routed)
            && contains(&particle.term, next)
        {
            nodes.extend(self.term(&particle.term, mode, focus, routed)?);
            for _ in 1..particle.occurs.min {
                nodes.extend(self.term(&particle.term, Extent::Minimal, &[], &mut true)?);
            }
            return Ok(nodes);
        }
        let count = match mode {
            Extent::Minimal => particle.occurs.min,
            Extent::Maximal if term_size(&particle.term, &self.sampler.sizes) == INFINITE => particle.occurs.min,
            Extent::Maximal => maximal_count(particle),
        };
        for _ in 0..count {
            nodes.extend(self.term(&particle.term, mode, &[], &mut true)?);
        }
        Ok(nodes)
    }

    fn term(&mut self, term: &Term, mode: Extent, focus: &[&str], routed: &mut bool) -> Result<Vec<Node>, SampleError> {
        match term {
            Term::Element(element) => {
                let default = element.default.as_deref();
                if !*routed && focus.first() == Some(&element.name.as_str()) {
                    *routed = true;
                    let rest = &focus[1..];
                    let child_mode = if rest.is_empty() { self.extent } else { Extent::Minimal };
                    Ok(vec![self.element(&element.name, element.ty, default, child_mode, rest)?])
                } else if element.nillable && mode == Extent::Maximal {
                    // A maximal sample shows that the element may be nil.
                    self.elements += 1;
                    let attributes = vec![
                        ("xmlns:xsi".to_owned(), XSI_NAMESPACE.to_owned()),
                        ("xsi:nil".to_owned(), "true".to_owned()),
                    ];
                    Ok(vec![Node { name: element.name.clone(), attributes, content: NodeContent::Text(String::new()) }])
                } else {
                    Ok(vec![self.element(&element.name, element.ty, default, mode, &[])?])
                }
            }
            Term::Any(wildcard) => self.wildcard(wildcard, mode),
            Term::Group(group) => match group.compositor {
                Compositor::Sequence | Compositor::All => {
                    let mut nodes = Vec::new();
                    for particle in &group.particles {
                        nodes.extend(self.particle(particle, mode, focus, routed)?);
                    }
                    Ok(nodes)
                }
                Compositor::Choice => {
                    let on_route = focus
                        .first()
                        .filter(|_| !*routed)
                        .and_then(|next| group.particles.iter().find(|particle| contains(&particle.term, next)));
                    match on_route.or_else(|| self.choose(group, mode)) {
                        Some(alternative) => self.particle(alternative, mode, focus, routed),
                        None => Ok(Vec::new()),
                    }
                }
            },
        }
    }

    /// The alternative of a choice a sample takes: the smallest for a
    /// minimal sample, the richest for a maximal one; never one without a
    /// finite instance. The first on a tie.
    fn choose<'g>(&self, group: &'g Group, mode: Extent) -> Option<&'g Particle> {
        let sizes = &self.sampler.sizes;
        let finite = group.particles.iter().filter(|particle| particle_size(particle, sizes) != INFINITE);
        let chosen = match mode {
            Extent::Minimal => finite.min_by_key(|particle| particle_size(particle, sizes)),
            Extent::Maximal => {
                // `max_by_key` keeps the last of equals; the first is wanted.
                let mut best: Option<(&Particle, u64)> = None;
                for particle in finite {
                    let weight = particle_weight(particle, &self.sampler.richness, &self.stack);
                    if best.is_none_or(|(_, most)| weight > most) {
                        best = Some((particle, weight));
                    }
                }
                best.map(|(particle, _)| particle)
            }
        };
        chosen.or_else(|| group.particles.first())
    }

    /// An element matched by `xs:any`: a name no declaration has (so that
    /// lax validation leaves it alone), in another namespace when the
    /// wildcard wants one; with a strict wildcard, a minimal instance of a
    /// global element.
    fn wildcard(&mut self, wildcard: &Wildcard, mode: Extent) -> Result<Vec<Node>, SampleError> {
        if wildcard.process_contents == ProcessContents::Strict {
            let sizes = &self.sampler.sizes;
            let global = self.sampler.schema.elements.iter().find(|global| match global.ty {
                TypeRef::Defined(id) => sizes[id.0] != INFINITE,
                TypeRef::Builtin(_) => true,
            });
            if let Some(global) = global {
                let (name, ty) = (global.name.clone(), global.ty);
                return Ok(vec![self.element(&name, ty, None, Extent::Minimal, &[])?]);
            }
        }
        let namespace = wildcard.namespaces.example(OTHER_NAMESPACE);
        let name = match namespace {
            Some(_) => format!("other:{}", self.sampler.open_names.element),
            None => self.sampler.open_names.element.clone(),
        };
        self.elements += 1;
        let mut node = self.open_content(&name, mode);
        if let Some(uri) = namespace {
            node.attributes.insert(0, ("xmlns:other".to_owned(), uri));
        }
        Ok(vec![node])
    }

    /// Content the schema leaves open (`xs:anyType`, wildcard content):
    /// nothing when minimal; an attribute and a child element holding text
    /// when maximal, which a reader must keep.
    fn open_content(&mut self, name: &str, mode: Extent) -> Node {
        if mode == Extent::Maximal {
            self.open_content += 1;
            self.elements += 1;
        }
        let names = &self.sampler.open_names;
        match mode {
            Extent::Minimal => {
                Node { name: name.to_owned(), attributes: Vec::new(), content: NodeContent::Text(String::new()) }
            }
            Extent::Maximal => Node {
                name: name.to_owned(),
                attributes: vec![(names.attribute.clone(), "value".to_owned())],
                content: NodeContent::Children(vec![Node::text(&names.child, "text".to_owned())]),
            },
        }
    }
}

/// The facets of a simple content's derivation steps, most derived first:
/// its own restriction and those of the complex types it derives from.
fn simple_content_facets<'s>(sampler: &Sampler<'s>, complex: &'s ComplexType) -> Vec<&'s Facets> {
    let mut steps = Vec::new();
    let mut current = Some(complex);
    while let Some(complex) = current {
        if let Content::Simple { facets, .. } = &complex.content {
            steps.push(facets.as_ref());
        }
        current = complex.derivation.and_then(|derivation| sampler.schema.complex(derivation.base));
    }
    steps
}

/// Whether an element named `name` can occur in `term` (not inside the
/// elements it holds).
pub(super) fn contains(term: &Term, name: &str) -> bool {
    match term {
        Term::Element(element) => element.name == name,
        Term::Any(_) => false,
        Term::Group(group) => group.particles.iter().any(|particle| contains(&particle.term, name)),
    }
}
