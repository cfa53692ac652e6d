//! Open content: [`Arbitrary`] for [`AnyContent`], [`AnyElement`] and
//! [`AnyAttribute`], and the strategies of `xs:any` and `xs:anyAttribute`
//! wildcards, which keep clear of the names the schema gives a meaning.

use proptest::arbitrary::{Arbitrary, any};
use proptest::collection::vec;
use proptest::strategy::{BoxedStrategy, Strategy};

use super::{is_blank, text_char};
use crate::xml::{AnyAttribute, AnyContent, AnyElement, AnyNode, WildcardNamespace};

/// How deep open content ([`AnyContent`]) nests.
const ANY_DEPTH: u32 = 3;

/// Names for open content: short, ASCII, never starting with `xml` (which
/// XML reserves, and which would make an attribute a namespace declaration).
fn any_name() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9._-]{0,7}".prop_filter("not a name XML reserves", |name| !name.starts_with("xml"))
}

/// Attributes with distinct names, none of them in `excluded`.
fn any_attributes(excluded: &'static [&'static str]) -> BoxedStrategy<Vec<AnyAttribute>> {
    let value = vec(text_char(), 0..8).prop_map(String::from_iter);
    vec((any_name(), value), 0..=3)
        .prop_map(move |pairs| {
            let mut attributes: Vec<AnyAttribute> = Vec::new();
            for (name, value) in pairs {
                if !excluded.contains(&name.as_str()) && attributes.iter().all(|attribute| attribute.name != name) {
                    attributes.push(AnyAttribute { name, value });
                }
            }
            attributes
        })
        .boxed()
}

/// Text as open content keeps it: not blank (blank text between elements is
/// layout, and dropped).
fn any_text() -> impl Strategy<Value = String> {
    vec(text_char(), 1..12).prop_map(String::from_iter).prop_filter("not blank", |text| !is_blank(text))
}

/// `children` as reading them back gives them: neighbouring pieces of text
/// are one piece.
fn merge_text(children: Vec<AnyNode>) -> Vec<AnyNode> {
    let mut merged: Vec<AnyNode> = Vec::with_capacity(children.len());
    for child in children {
        match (merged.last_mut(), child) {
            (Some(AnyNode::Text(previous)), AnyNode::Text(text)) => previous.push_str(&text),
            (_, child) => merged.push(child),
        }
    }
    merged
}

impl Arbitrary for AnyContent {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    /// Attributes, text and elements, nested at most three levels deep.
    fn arbitrary_with((): ()) -> Self::Strategy {
        let leaf = (any_attributes(&[]), proptest::option::of(any_text())).prop_map(|(attributes, text)| AnyContent {
            attributes,
            children: text.map(AnyNode::Text).into_iter().collect(),
        });
        leaf.prop_recursive(ANY_DEPTH, 12, 3, |inner| {
            let child = proptest::prop_oneof![
                2 => (any_name(), inner).prop_map(|(name, content)| AnyNode::Element(AnyElement { name, content })),
                1 => any_text().prop_map(AnyNode::Text),
            ];
            (any_attributes(&[]), vec(child, 0..=3))
                .prop_map(|(attributes, children)| AnyContent { attributes, children: merge_text(children) })
        })
        .boxed()
    }
}

impl Arbitrary for AnyElement {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    /// An element of a name in no namespace, with open content.
    fn arbitrary_with((): ()) -> Self::Strategy {
        (any_name(), any::<AnyContent>()).prop_map(|(name, content)| Self { name, content }).boxed()
    }
}

/// The namespace the elements of `##other` wildcards are put in.
const OTHER_NAMESPACE: &str = "urn:plesk-types:strategy";

impl AnyElement {
    /// Elements an `xs:any` wildcard with this `namespace` matches, none of
    /// them named as in `excluded` (the elements that may follow the
    /// wildcard, and the other elements of its content model, which the
    /// reader would take for those). For `##other`, the element is in a
    /// namespace of its own, declared on it.
    pub fn wildcard_strategy(namespace: WildcardNamespace, excluded: &'static [&'static str]) -> BoxedStrategy<Self> {
        let elements = (any_name(), any::<AnyContent>());
        match example_namespace(namespace) {
            None => elements
                .prop_filter("a name the schema does not give a meaning", move |(name, _)| {
                    !excluded.contains(&name.as_str())
                })
                .prop_map(|(name, content)| Self { name, content })
                .boxed(),
            Some(uri) => elements
                .prop_map(move |(name, mut content)| {
                    content.attributes.insert(0, AnyAttribute { name: "xmlns:other".to_owned(), value: uri.clone() });
                    Self { name: format!("other:{name}"), content }
                })
                .boxed(),
        }
    }
}

/// The namespace wildcard elements are drawn in: none where the wildcard
/// admits that, else the first it lists, else one of our own it does not
/// exclude.
fn example_namespace(namespace: WildcardNamespace) -> Option<String> {
    if namespace.admits(None) {
        return None;
    }
    if let WildcardNamespace::Only(admitted) = namespace {
        return admitted.iter().flatten().next().map(|uri| (*uri).to_owned());
    }
    let mut uri = OTHER_NAMESPACE.to_owned();
    while !namespace.admits(Some(&uri)) {
        uri.push('x');
    }
    Some(uri)
}

impl Arbitrary for AnyAttribute {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    /// An attribute of a name in no namespace.
    fn arbitrary_with((): ()) -> Self::Strategy {
        (any_name(), vec(text_char(), 0..8).prop_map(String::from_iter))
            .prop_map(|(name, value)| Self { name, value })
            .boxed()
    }
}

impl AnyAttribute {
    /// The attributes an `xs:anyAttribute` wildcard keeps: distinct names in
    /// no namespace, none of them in `excluded` (the attributes the type
    /// declares).
    pub fn wildcard_strategy(excluded: &'static [&'static str]) -> BoxedStrategy<Vec<Self>> {
        any_attributes(excluded)
    }
}
