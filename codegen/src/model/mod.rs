//! Stage 2, model: the schema with every name resolved. Types, elements,
//! groups and attributes refer to each other by [`TypeId`]; groups and
//! attribute groups are expanded where they are used. Later stages never look
//! at XML again.

mod builtin;
mod decimal;
pub mod facets;
mod resolve;
mod wildcard;

pub use builtin::{Builtin, ValueKind, ValueRange, WhiteSpace};
pub use decimal::DecimalNumber;
pub use resolve::resolve;
pub use wildcard::{NamespaceConstraint, ProcessContents, Wildcard, WildcardError};

use crate::source::{Sources, Span};
pub use crate::xsd::syntax::{Compositor, FacetKind, Occurs, QName, Use};

/// A resolved schema: every type and global element of a set of schema files.
#[derive(Debug)]
pub struct Schema {
    /// The files, for messages and documentation.
    pub sources: Sources,
    /// Every type, named ones first in document order, then anonymous ones
    /// in the order they were met. A [`TypeId`] indexes this.
    pub types: Vec<TypeDef>,
    /// The global element declarations, in document order: the possible
    /// document roots.
    pub elements: Vec<GlobalElement>,
}

/// Index of a type in [`Schema::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub usize);

/// A type: builtin or defined in the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypeRef {
    /// A builtin XSD type.
    Builtin(Builtin),
    /// A type of the schema.
    Defined(TypeId),
}

/// A type defined in the schema.
#[derive(Debug)]
pub struct TypeDef {
    /// Its name, or where it is defined when anonymous.
    pub name: TypeName,
    /// Where.
    pub span: Span,
    /// Documentation.
    pub doc: Option<String>,
    /// Simple or complex.
    pub kind: TypeKind,
}

/// How a type is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeName {
    /// A top-level type definition.
    Named(QName),
    /// An anonymous type, known by its place.
    Anonymous {
        /// What holds the definition.
        owner: Owner,
        /// Which part of the owner it is the type of.
        role: AnonymousRole,
    },
}

/// What holds an anonymous type definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A type (named or anonymous).
    Type(TypeId),
    /// A global element declaration (index into [`Schema::elements`]).
    Element(usize),
    /// A named model group.
    Group(QName),
    /// A named attribute group or a global attribute.
    AttributeGroup(QName),
}

/// Which part of its owner an anonymous type is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnonymousRole {
    /// The type of the owner itself (a global element's type).
    Itself,
    /// The type of a child element.
    Element(String),
    /// The type of an attribute.
    Attribute(String),
    /// The base of a restriction.
    Base,
    /// The item type of a list.
    ListItem,
    /// A member of a union, counted from 1.
    UnionMember(usize),
}

/// Simple or complex.
#[derive(Debug)]
pub enum TypeKind {
    /// A simple type.
    Simple(SimpleType),
    /// A complex type.
    Complex(ComplexType),
}

/// A simple type: atomic, list or union, with the facets of its own
/// derivation step.
#[derive(Debug)]
pub enum SimpleType {
    /// A restriction of an atomic type.
    Atomic {
        /// The type restricted.
        base: TypeRef,
        /// The builtin at the root of the derivation.
        builtin: Builtin,
        /// This step's facets.
        facets: Facets,
    },
    /// A list (`xs:list`, or a restriction of one).
    List {
        /// The item type.
        item: TypeRef,
        /// The list type restricted, for a restriction of a list.
        base: Option<TypeRef>,
        /// This step's facets.
        facets: Facets,
    },
    /// A union (`xs:union`, or a restriction of one).
    Union {
        /// The member types, in order.
        members: Vec<TypeRef>,
        /// The union type restricted, for a restriction of a union.
        base: Option<TypeRef>,
        /// This step's facets.
        facets: Facets,
    },
}

/// The facets of one derivation step.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// `enumeration` values, in order.
    pub enumeration: Vec<EnumValue>,
    /// `pattern`s of this step (any may match).
    pub patterns: Vec<PatternFacet>,
    /// `length`.
    pub length: Option<u64>,
    /// `minLength`.
    pub min_length: Option<u64>,
    /// `maxLength`.
    pub max_length: Option<u64>,
    /// `minInclusive`, as written.
    pub min_inclusive: Option<BoundFacet>,
    /// `maxInclusive`, as written.
    pub max_inclusive: Option<BoundFacet>,
    /// `minExclusive`, as written.
    pub min_exclusive: Option<BoundFacet>,
    /// `maxExclusive`, as written.
    pub max_exclusive: Option<BoundFacet>,
    /// `totalDigits`.
    pub total_digits: Option<u64>,
    /// `fractionDigits`.
    pub fraction_digits: Option<u64>,
    /// `whiteSpace`.
    pub white_space: Option<WhiteSpace>,
}

impl Facets {
    /// Whether no facet is set.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// Whether any facet other than `whiteSpace` and `enumeration` is set:
    /// those are the ones checked by `validate()`.
    pub fn has_checks(&self) -> bool {
        !self.patterns.is_empty()
            || self.length.is_some()
            || self.min_length.is_some()
            || self.max_length.is_some()
            || self.min_inclusive.is_some()
            || self.max_inclusive.is_some()
            || self.min_exclusive.is_some()
            || self.max_exclusive.is_some()
            || self.total_digits.is_some()
            || self.fraction_digits.is_some()
    }
}

/// One `enumeration` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumValue {
    /// The value.
    pub value: String,
    /// Documentation.
    pub doc: Option<String>,
    /// Where.
    pub span: Span,
}

/// One `pattern`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternFacet {
    /// The regular expression, in XSD syntax.
    pub pattern: String,
    /// Where.
    pub span: Span,
}

/// A bound facet (`minInclusive` ...), its value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundFacet {
    /// Which bound (`minInclusive` ...).
    pub facet: FacetKind,
    /// The value.
    pub value: String,
    /// Where.
    pub span: Span,
}

/// A complex type.
#[derive(Debug)]
pub struct ComplexType {
    /// The type it extends or restricts (`anyType` derivations are left out).
    pub derivation: Option<Derivation>,
    /// This type's own content: for an extension, only what it adds.
    pub content: Content,
    /// This type's own attributes, attribute groups expanded.
    pub attributes: Vec<Attribute>,
    /// Its attribute wildcard (its own, joined with an inherited one).
    pub any_attribute: Option<Wildcard>,
}

/// Derivation of a complex type from another type.
#[derive(Debug, Clone, Copy)]
pub struct Derivation {
    /// The base type.
    pub base: TypeRef,
    /// Extension or restriction.
    pub method: DerivationMethod,
}

/// The two derivation methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DerivationMethod {
    /// `xs:extension`: the base's content, then the extension's.
    Extension,
    /// `xs:restriction`: the restriction's content replaces the base's.
    Restriction,
}

/// What a complex type holds between its tags.
#[derive(Debug, Clone)]
pub enum Content {
    /// Nothing (attributes only).
    Empty,
    /// Child elements.
    Elements(Particle),
    /// Text of a simple type (`xs:simpleContent`).
    Simple {
        /// The text's type.
        value: TypeRef,
        /// Facets added by a `simpleContent` restriction.
        facets: Box<Facets>,
    },
}

/// A particle: a term and its occurrence bounds.
#[derive(Debug, Clone)]
pub struct Particle {
    /// Where.
    pub span: Span,
    /// `minOccurs` and `maxOccurs`.
    pub occurs: Occurs,
    /// What occurs.
    pub term: Term,
}

impl Particle {
    /// Whether the particle occurs exactly once.
    pub fn is_once(&self) -> bool {
        self.occurs.is_once()
    }

    /// Whether the particle can match nothing at all.
    pub fn is_emptiable(&self) -> bool {
        self.occurs.is_optional() || self.term.is_emptiable()
    }
}

/// What a particle holds.
#[derive(Debug, Clone)]
pub enum Term {
    /// An element.
    Element(ElementUse),
    /// A model group.
    Group(Group),
    /// An `xs:any` wildcard.
    Any(Wildcard),
}

impl Term {
    /// Whether one occurrence of the term can match nothing at all.
    pub fn is_emptiable(&self) -> bool {
        match self {
            Self::Element(_) | Self::Any(_) => false,
            Self::Group(group) => match group.compositor {
                Compositor::Choice => group.particles.iter().any(Particle::is_emptiable),
                Compositor::Sequence | Compositor::All => group.particles.iter().all(Particle::is_emptiable),
            },
        }
    }
}

/// A model group.
#[derive(Debug, Clone)]
pub struct Group {
    /// Sequence, choice or all.
    pub compositor: Compositor,
    /// The particles, in schema order.
    pub particles: Vec<Particle>,
    /// The named group this came from, if it was an `xs:group ref`.
    pub name: Option<QName>,
    /// Documentation of the group (or of the named group it refers to).
    pub doc: Option<String>,
}

/// An element in a content model (local, or a reference to a global one).
#[derive(Debug, Clone)]
pub struct ElementUse {
    /// The element name.
    pub name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Documentation.
    pub doc: Option<String>,
    /// Where it is declared.
    pub span: Span,
    /// `default` value.
    pub default: Option<String>,
    /// `fixed` value.
    pub fixed: Option<String>,
    /// Whether a document may mark it `xsi:nil="true"` (`nillable`).
    pub nillable: bool,
}

/// An attribute of a complex type.
#[derive(Debug, Clone)]
pub struct Attribute {
    /// The attribute name.
    pub name: String,
    /// Its simple type.
    pub ty: TypeRef,
    /// `use`: optional, required, or prohibited (in a restriction: removes
    /// an inherited attribute).
    pub usage: Use,
    /// `default` value.
    pub default: Option<String>,
    /// `fixed` value.
    pub fixed: Option<String>,
    /// Documentation.
    pub doc: Option<String>,
    /// Where.
    pub span: Span,
}

impl Attribute {
    /// Whether an instance must carry it (`use="required"`).
    pub fn is_required(&self) -> bool {
        self.usage == Use::Required
    }
}

/// A global element declaration: a possible document root.
#[derive(Debug, Clone)]
pub struct GlobalElement {
    /// The element name.
    pub name: String,
    /// Its namespace.
    pub namespace: Option<String>,
    /// Its type.
    pub ty: TypeRef,
    /// Whether a document may mark it `xsi:nil="true"` (`nillable`).
    pub nillable: bool,
    /// Documentation.
    pub doc: Option<String>,
    /// Where.
    pub span: Span,
}

impl Schema {
    /// The type with this id.
    pub fn get(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// The complex type `ty` refers to, if it is one.
    pub fn complex(&self, ty: TypeRef) -> Option<&ComplexType> {
        match ty {
            TypeRef::Defined(id) => match &self.get(id).kind {
                TypeKind::Complex(complex) => Some(complex),
                TypeKind::Simple(_) => None,
            },
            TypeRef::Builtin(_) => None,
        }
    }

    /// The content particles of a complex type with those of its bases, base
    /// first: what an instance holds, in order.
    pub fn effective_particles<'s>(&'s self, complex: &'s ComplexType) -> Vec<&'s Particle> {
        let mut particles = match complex.derivation {
            Some(Derivation { base, method: DerivationMethod::Extension }) => {
                self.complex(base).map(|base| self.effective_particles(base)).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        if let Content::Elements(particle) = &complex.content {
            particles.push(particle);
        }
        particles
    }

    /// The attributes of a complex type with those inherited, base first;
    /// prohibited attributes removed.
    pub fn effective_attributes<'s>(&'s self, complex: &'s ComplexType) -> Vec<&'s Attribute> {
        let mut attributes: Vec<&Attribute> = match complex.derivation {
            Some(derivation) => {
                self.complex(derivation.base).map(|base| self.effective_attributes(base)).unwrap_or_default()
            }
            None => Vec::new(),
        };
        for attribute in &complex.attributes {
            attributes.retain(|inherited| inherited.name != attribute.name);
            if attribute.usage != Use::Prohibited {
                attributes.push(attribute);
            }
        }
        attributes
    }

    /// The builtin at the root of a simple type's derivation (`None` for lists and unions).
    pub fn atomic_builtin(&self, ty: TypeRef) -> Option<Builtin> {
        match ty {
            TypeRef::Builtin(builtin) => Some(builtin),
            TypeRef::Defined(id) => match &self.get(id).kind {
                TypeKind::Simple(SimpleType::Atomic { builtin, .. }) => Some(*builtin),
                _ => None,
            },
        }
    }
}
