//! The schema documents as written: XSD components with their positions,
//! names not yet resolved. Stage 1 builds it; stage 2 (`model`) resolves it.

use crate::source::{FileId, Span};

/// A qualified name: a namespace (none for no-namespace schemas, as Plesk's)
/// and a local name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QName {
    /// The namespace URI, `None` for no namespace.
    pub namespace: Option<String>,
    /// The local name.
    pub local: String,
}

impl QName {
    /// Whether this names a builtin type of XML Schema.
    pub fn is_xsd(&self) -> bool {
        self.namespace.as_deref() == Some(XSD_NAMESPACE)
    }
}

impl std::fmt::Display for QName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.namespace {
            Some(namespace) if namespace == XSD_NAMESPACE => write!(f, "xs:{}", self.local),
            Some(namespace) => write!(f, "{{{namespace}}}{}", self.local),
            None => f.write_str(&self.local),
        }
    }
}

/// The XML Schema namespace.
pub const XSD_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema";

/// One schema file.
#[derive(Debug)]
pub struct SchemaDocument {
    /// The file.
    pub file: FileId,
    /// `targetNamespace`.
    pub target_namespace: Option<String>,
    /// `elementFormDefault="qualified"`.
    pub elements_qualified: bool,
    /// `xs:include`s and `xs:import`s, in document order.
    pub references: Vec<SchemaReference>,
    /// Top-level components, in document order.
    pub components: Vec<Component>,
}

/// An `xs:include` or `xs:import`.
#[derive(Debug)]
pub struct SchemaReference {
    /// Where.
    pub span: Span,
    /// `schemaLocation`, if given.
    pub location: Option<String>,
    /// For imports, the namespace imported.
    pub namespace: Option<String>,
    /// `true` for `xs:import`.
    pub is_import: bool,
}

/// A top-level schema component.
#[derive(Debug)]
pub enum Component {
    /// `xs:element`.
    Element(ElementDecl),
    /// `xs:complexType`.
    ComplexType(ComplexTypeDef),
    /// `xs:simpleType`.
    SimpleType(SimpleTypeDef),
    /// `xs:group`.
    Group(GroupDef),
    /// `xs:attributeGroup`.
    AttributeGroup(AttributeGroupDef),
    /// `xs:attribute`.
    Attribute(AttributeDecl),
}

/// Documentation from `xs:annotation/xs:documentation`, white space tidied.
pub type Documentation = Option<String>;

/// Occurrence bounds, `minOccurs` and `maxOccurs`: the one shape every stage
/// reads them in (the model re-exports it; the plan turns it into the Rust
/// shape `T`, `Option<T>` or `Vec<T>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Occurs {
    /// `minOccurs`.
    pub min: u32,
    /// `maxOccurs`; `None` for `unbounded`.
    pub max: Option<u32>,
}

impl Occurs {
    /// Exactly once, the default of both attributes.
    pub const ONCE: Self = Self { min: 1, max: Some(1) };
    /// At most once.
    pub const OPTIONAL: Self = Self { min: 0, max: Some(1) };

    /// Whether the bounds are exactly once.
    pub fn is_once(self) -> bool {
        self == Self::ONCE
    }

    /// Whether zero occurrences are allowed.
    pub fn is_optional(self) -> bool {
        self.min == 0
    }

    /// Whether `maxOccurs` is anything but 1: more than one occurrence may
    /// follow each other (and the Rust shape is neither `T` nor `Option<T>`).
    pub fn is_repeated(self) -> bool {
        self.max != Some(1)
    }

    /// The products of the bounds, for `self` occurrences of something that
    /// itself occurs `inner` times (`None` when one overflows). Whether every
    /// count between them can really occur is for the caller to decide.
    pub fn times(self, inner: Self) -> Option<Self> {
        let min = self.min.checked_mul(inner.min)?;
        let max = match (self.max, inner.max) {
            (Some(outer), Some(inner)) => Some(outer.checked_mul(inner)?),
            _ => None,
        };
        Some(Self { min, max })
    }

    /// `min..max`, with `unbounded` standing for a `maxOccurs` without limit.
    pub fn range(self, unbounded: &str) -> String {
        match self.max {
            Some(max) => format!("{}..{max}", self.min),
            None => format!("{}..{unbounded}", self.min),
        }
    }
}

impl std::fmt::Display for Occurs {
    /// `min..max`, `min..unbounded` without an upper bound.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.range("unbounded"))
    }
}

/// An `xs:element`, top-level or local.
#[derive(Debug)]
pub struct ElementDecl {
    /// Where.
    pub span: Span,
    /// `name` (absent for a `ref`).
    pub name: Option<String>,
    /// `ref`.
    pub reference: Option<QName>,
    /// `type`.
    pub type_name: Option<QName>,
    /// Where the `type` attribute is (the element's start without one).
    pub type_span: Span,
    /// An anonymous type given inline.
    pub inline_type: Option<InlineType>,
    /// Occurrence (always once for top-level elements).
    pub occurs: Occurs,
    /// `form="qualified"`, or the schema default.
    pub qualified: bool,
    /// `default`.
    pub default: Option<String>,
    /// `fixed`.
    pub fixed: Option<String>,
    /// `nillable="true"`: a document may mark the element `xsi:nil`.
    pub nillable: bool,
    /// Documentation.
    pub doc: Documentation,
}

/// An anonymous type definition.
#[derive(Debug)]
pub enum InlineType {
    /// `xs:complexType` without a name.
    Complex(Box<ComplexTypeDef>),
    /// `xs:simpleType` without a name.
    Simple(Box<SimpleTypeDef>),
}

/// An `xs:complexType`.
#[derive(Debug)]
pub struct ComplexTypeDef {
    /// Where.
    pub span: Span,
    /// `name`, `None` when anonymous.
    pub name: Option<String>,
    /// `mixed="true"`.
    pub mixed: bool,
    /// The content.
    pub content: ComplexContent,
    /// Documentation.
    pub doc: Documentation,
}

/// The three forms of complex type content.
#[derive(Debug)]
pub enum ComplexContent {
    /// A model group (or nothing) and attributes directly inside the type.
    Direct {
        /// The model group, if any.
        particle: Option<Particle>,
        /// Attributes.
        attributes: AttributeUses,
    },
    /// `xs:simpleContent`: text of a simple type plus attributes.
    Simple(Derivation),
    /// `xs:complexContent`: derived from another complex type.
    Complex(Derivation),
}

/// An `xs:extension` or `xs:restriction` inside `xs:simpleContent` or
/// `xs:complexContent`.
#[derive(Debug)]
pub struct Derivation {
    /// Where.
    pub span: Span,
    /// `true` for extension, `false` for restriction.
    pub is_extension: bool,
    /// `base`.
    pub base: QName,
    /// Where the `base` attribute is.
    pub base_span: Span,
    /// The model group (complex content only).
    pub particle: Option<Particle>,
    /// Facets (simple content restriction only).
    pub facets: Vec<Facet>,
    /// Attributes.
    pub attributes: AttributeUses,
    /// `mixed="true"` on `xs:complexContent`.
    pub mixed: bool,
}

/// Attributes of a complex type, and its attribute wildcard.
#[derive(Debug, Default)]
pub struct AttributeUses {
    /// `xs:attribute` and `xs:attributeGroup ref`, in document order.
    pub uses: Vec<AttributeUse>,
    /// `xs:anyAttribute`.
    pub any_attribute: Option<AttributeWildcard>,
}

/// An `xs:anyAttribute`.
#[derive(Debug, Clone)]
pub struct AttributeWildcard {
    /// Where.
    pub span: Span,
    /// Its `namespace` and `processContents`.
    pub wildcard: Wildcard,
}

/// An attribute, or a reference to a group of them.
#[derive(Debug)]
pub enum AttributeUse {
    /// `xs:attribute`.
    Attribute(AttributeDecl),
    /// `xs:attributeGroup ref="..."`.
    GroupRef {
        /// Where.
        span: Span,
        /// The group.
        name: QName,
    },
}

/// How an attribute is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// `use="optional"` (the default).
    Optional,
    /// `use="required"`.
    Required,
    /// `use="prohibited"`.
    Prohibited,
}

/// An `xs:attribute`.
#[derive(Debug)]
pub struct AttributeDecl {
    /// Where.
    pub span: Span,
    /// `name` (absent for a `ref`).
    pub name: Option<String>,
    /// `ref`.
    pub reference: Option<QName>,
    /// `type`.
    pub type_name: Option<QName>,
    /// Where the `type` attribute is (the attribute's start without one).
    pub type_span: Span,
    /// An anonymous simple type given inline.
    pub inline_type: Option<Box<SimpleTypeDef>>,
    /// `use`.
    pub usage: Use,
    /// `default`.
    pub default: Option<String>,
    /// `fixed`.
    pub fixed: Option<String>,
    /// Documentation.
    pub doc: Documentation,
}

/// A particle of a content model: a term and how often it occurs.
#[derive(Debug)]
pub struct Particle {
    /// Where.
    pub span: Span,
    /// Occurrence.
    pub occurs: Occurs,
    /// What occurs.
    pub term: Term,
}

/// The kinds of model group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compositor {
    /// `xs:sequence`.
    Sequence,
    /// `xs:choice`.
    Choice,
    /// `xs:all`.
    All,
}

/// What a particle holds.
#[derive(Debug)]
pub enum Term {
    /// A local element or an element reference.
    Element(Box<ElementDecl>),
    /// A model group.
    Group {
        /// The compositor.
        compositor: Compositor,
        /// Its particles.
        particles: Vec<Particle>,
        /// Documentation.
        doc: Documentation,
    },
    /// `xs:group ref="..."`.
    GroupRef(QName),
    /// `xs:any`.
    Any(Wildcard),
}

/// The constraints of an `xs:any` or `xs:anyAttribute` wildcard, as written.
#[derive(Debug, Clone)]
pub struct Wildcard {
    /// `namespace`, as written (`##any` by default).
    pub namespace: String,
    /// `processContents` (`strict` by default).
    pub process_contents: String,
}

/// An `xs:simpleType`.
#[derive(Debug)]
pub struct SimpleTypeDef {
    /// Where.
    pub span: Span,
    /// `name`, `None` when anonymous.
    pub name: Option<String>,
    /// Restriction, list or union.
    pub variety: SimpleVariety,
    /// Documentation.
    pub doc: Documentation,
}

/// The three ways to define a simple type.
#[derive(Debug)]
pub enum SimpleVariety {
    /// `xs:restriction`.
    Restriction {
        /// `base`, or an inline base type.
        base: TypeReference,
        /// Where the `base` attribute (or the restriction) is.
        base_span: Span,
        /// The facets, in document order.
        facets: Vec<Facet>,
    },
    /// `xs:list`.
    List {
        /// `itemType`, or an inline item type.
        item: TypeReference,
    },
    /// `xs:union`.
    Union {
        /// `memberTypes`, then inline member types.
        members: Vec<TypeReference>,
    },
}

/// A type named by QName or given inline.
#[derive(Debug)]
pub enum TypeReference {
    /// By name.
    Named(QName),
    /// Inline.
    Inline(Box<SimpleTypeDef>),
}

/// The constraining facets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetKind {
    /// `xs:enumeration`.
    Enumeration,
    /// `xs:pattern`.
    Pattern,
    /// `xs:length`.
    Length,
    /// `xs:minLength`.
    MinLength,
    /// `xs:maxLength`.
    MaxLength,
    /// `xs:minInclusive`.
    MinInclusive,
    /// `xs:maxInclusive`.
    MaxInclusive,
    /// `xs:minExclusive`.
    MinExclusive,
    /// `xs:maxExclusive`.
    MaxExclusive,
    /// `xs:totalDigits`.
    TotalDigits,
    /// `xs:fractionDigits`.
    FractionDigits,
    /// `xs:whiteSpace`.
    WhiteSpace,
}

impl FacetKind {
    /// The facet named by a schema element's local name.
    pub fn from_local_name(name: &str) -> Option<Self> {
        Some(match name {
            "enumeration" => Self::Enumeration,
            "pattern" => Self::Pattern,
            "length" => Self::Length,
            "minLength" => Self::MinLength,
            "maxLength" => Self::MaxLength,
            "minInclusive" => Self::MinInclusive,
            "maxInclusive" => Self::MaxInclusive,
            "minExclusive" => Self::MinExclusive,
            "maxExclusive" => Self::MaxExclusive,
            "totalDigits" => Self::TotalDigits,
            "fractionDigits" => Self::FractionDigits,
            "whiteSpace" => Self::WhiteSpace,
            _ => return None,
        })
    }

    /// The schema element's local name.
    pub fn local_name(self) -> &'static str {
        match self {
            Self::Enumeration => "enumeration",
            Self::Pattern => "pattern",
            Self::Length => "length",
            Self::MinLength => "minLength",
            Self::MaxLength => "maxLength",
            Self::MinInclusive => "minInclusive",
            Self::MaxInclusive => "maxInclusive",
            Self::MinExclusive => "minExclusive",
            Self::MaxExclusive => "maxExclusive",
            Self::TotalDigits => "totalDigits",
            Self::FractionDigits => "fractionDigits",
            Self::WhiteSpace => "whiteSpace",
        }
    }
}

/// One facet element.
#[derive(Debug, Clone)]
pub struct Facet {
    /// Where.
    pub span: Span,
    /// Which facet.
    pub kind: FacetKind,
    /// `value`.
    pub value: String,
    /// Documentation (enumeration values often carry some).
    pub doc: Documentation,
}

/// An `xs:group` definition.
#[derive(Debug)]
pub struct GroupDef {
    /// Where.
    pub span: Span,
    /// `name`.
    pub name: String,
    /// The one model group it holds.
    pub particle: Particle,
    /// Documentation.
    pub doc: Documentation,
}

/// An `xs:attributeGroup` definition.
#[derive(Debug)]
pub struct AttributeGroupDef {
    /// Where.
    pub span: Span,
    /// `name`.
    pub name: String,
    /// Its attributes.
    pub attributes: AttributeUses,
}

#[cfg(test)]
mod tests {
    use super::Occurs;

    const fn occurs(min: u32, max: Option<u32>) -> Occurs {
        Occurs { min, max }
    }

    #[test]
    fn occurs_predicates_read_the_bounds() {
        assert!(Occurs::ONCE.is_once() && !Occurs::ONCE.is_optional() && !Occurs::ONCE.is_repeated());
        assert!(!Occurs::OPTIONAL.is_once() && Occurs::OPTIONAL.is_optional() && !Occurs::OPTIONAL.is_repeated());
        assert!(occurs(0, None).is_optional() && occurs(0, None).is_repeated());
        assert!(!occurs(2, Some(3)).is_optional() && occurs(2, Some(3)).is_repeated());
    }

    #[test]
    fn occurs_prints_as_a_range() {
        assert_eq!(occurs(0, Some(1)).to_string(), "0..1");
        assert_eq!(occurs(2, None).to_string(), "2..unbounded");
        assert_eq!(occurs(2, None).range("∞"), "2..∞");
    }

    #[test]
    fn occurs_multiply_and_report_overflow() {
        assert_eq!(occurs(2, Some(3)).times(occurs(0, Some(2))), Some(occurs(0, Some(6))));
        assert_eq!(occurs(1, Some(1)).times(occurs(1, None)), Some(occurs(1, None)));
        assert_eq!(occurs(u32::MAX, None).times(occurs(2, None)), None);
        assert_eq!(occurs(1, Some(u32::MAX)).times(occurs(1, Some(2))), None);
    }
}
