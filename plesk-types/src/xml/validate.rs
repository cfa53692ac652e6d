//! Validation: every facet and occurrence bound of the schema, checked on a
//! value, each violation reported with its element path.

use std::fmt;

/// Checks a value against its schema type.
///
/// Generated types implement it; builtin values carry no facets of their own
/// (a string is still checked for characters XML cannot carry).
pub trait Validate {
    /// Appends every violation found in `self` to `violations`, with paths
    /// below `path`.
    fn validate_into(&self, path: &ElementPath<'_>, violations: &mut Vec<Violation>);

    /// Checks the whole value; on failure, returns every violation, not just
    /// the first. Paths are relative to the value (root types generate an
    /// inherent `validate` whose paths start at the root element).
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut violations = Vec::new();
        self.validate_into(&ElementPath::RELATIVE, &mut violations);
        ValidationErrors::check(violations)
    }
}

impl<T: Validate> Validate for Box<T> {
    fn validate_into(&self, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        (**self).validate_into(path, violations);
    }
}

/// The items of an `xs:list` value, each checked at the list's path.
impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        for item in self {
            item.validate_into(path, violations);
        }
    }
}

impl Validate for String {
    fn validate_into(&self, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        super::facet::check_characters(self, path, violations);
    }
}

macro_rules! nothing_to_validate {
    ($($rust:ty),*) => {$(
        impl Validate for $rust {
            fn validate_into(&self, _path: &ElementPath<'_>, _violations: &mut Vec<Violation>) {}
        }
    )*};
}

nothing_to_validate!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);
nothing_to_validate!(super::Decimal, super::Date, super::DateTime, super::Time, super::Duration);

/// Where a value sits in its document: `packet/user/add/gen-info/login`.
///
/// A path lives on the stack, each step borrowing its parent, so descending
/// costs nothing; it is only rendered when a violation is recorded. Elements
/// that repeat get an XPath-style position (`result[2]`), counted from 1
/// among the siblings of the same name.
#[derive(Debug, Clone, Copy)]
pub struct ElementPath<'p> {
    parent: Option<&'p ElementPath<'p>>,
    name: &'static str,
    position: Option<usize>,
    /// The position children get: set for the items of a repeated group,
    /// whose elements are the n-th of their name.
    children_position: Option<usize>,
}

impl ElementPath<'static> {
    /// The start of paths relative to the value being validated.
    pub const RELATIVE: Self = Self { parent: None, name: "", position: None, children_position: None };

    /// A path starting at the root element `root`.
    pub const fn root(root: &'static str) -> Self {
        Self { parent: None, name: root, position: None, children_position: None }
    }
}

impl<'p> ElementPath<'p> {
    /// The path of child `name`.
    pub fn child(&'p self, name: &'static str) -> Self {
        Self { parent: Some(self), name, position: self.children_position, children_position: None }
    }

    /// The path of the `position`-th (from 1) child `name`.
    pub fn child_at(&'p self, name: &'static str, position: usize) -> Self {
        Self { parent: Some(self), name, position: Some(position), children_position: None }
    }

    /// The same path, for the `position`-th item of a repeated group: its
    /// children are the `position`-th of their names.
    pub fn in_group_item(&self, position: usize) -> Self {
        Self { children_position: Some(position), ..*self }
    }
}

impl fmt::Display for ElementPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}")?;
            if !parent.name.is_empty() || parent.parent.is_some() {
                f.write_str("/")?;
            }
        }
        f.write_str(self.name)?;
        if let Some(position) = self.position {
            write!(f, "[{position}]")?;
        }
        Ok(())
    }
}

/// One way a value breaks its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The element path of the offending value.
    pub path: String,
    /// What is wrong.
    pub kind: ViolationKind,
}

impl Violation {
    /// A violation at `path`.
    pub fn new(path: &ElementPath<'_>, kind: ViolationKind) -> Self {
        Self { path: path.to_string(), kind }
    }

    /// Whether this is a deviation the generated types tolerate on purpose
    /// (see [`ViolationKind::ToleratedAbsence`]) rather than a broken value.
    pub fn is_tolerated(&self) -> bool {
        matches!(self.kind, ViolationKind::ToleratedAbsence { .. })
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// What a [`Violation`] breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ViolationKind {
    /// The `length` facet.
    #[error("length {actual} is not the required length {required}")]
    Length {
        /// Length of the value (characters, or items of a list).
        actual: usize,
        /// The facet.
        required: usize,
    },
    /// The `minLength` facet.
    #[error("length {actual} is below minLength {min}")]
    MinLength {
        /// Length of the value.
        actual: usize,
        /// The facet.
        min: usize,
    },
    /// The `maxLength` facet.
    #[error("length {actual} is above maxLength {max}")]
    MaxLength {
        /// Length of the value.
        actual: usize,
        /// The facet.
        max: usize,
    },
    /// A `pattern` facet.
    #[error("{value:?} does not match pattern '{pattern}'")]
    Pattern {
        /// The value.
        value: String,
        /// The pattern, as the schema writes it.
        pattern: &'static str,
    },
    /// The `minInclusive` facet.
    #[error("{value} is below minInclusive {bound}")]
    MinInclusive {
        /// The value.
        value: String,
        /// The facet.
        bound: String,
    },
    /// The `maxInclusive` facet.
    #[error("{value} is above maxInclusive {bound}")]
    MaxInclusive {
        /// The value.
        value: String,
        /// The facet.
        bound: String,
    },
    /// The `minExclusive` facet.
    #[error("{value} is not above minExclusive {bound}")]
    MinExclusive {
        /// The value.
        value: String,
        /// The facet.
        bound: String,
    },
    /// The `maxExclusive` facet.
    #[error("{value} is not below maxExclusive {bound}")]
    MaxExclusive {
        /// The value.
        value: String,
        /// The facet.
        bound: String,
    },
    /// The `totalDigits` facet.
    #[error("{actual} digits, above totalDigits {max}")]
    TotalDigits {
        /// Significant digits of the value.
        actual: usize,
        /// The facet.
        max: usize,
    },
    /// The `fractionDigits` facet.
    #[error("{actual} fraction digits, above fractionDigits {max}")]
    FractionDigits {
        /// Fraction digits of the value.
        actual: usize,
        /// The facet.
        max: usize,
    },
    /// An `enumeration` facet on a type that is not a Rust enum (a list or union).
    #[error("{value:?} is not one of the enumerated values")]
    Enumeration {
        /// The value.
        value: String,
    },
    /// Fewer occurrences of an element than `minOccurs`.
    #[error("{actual} <{element}> elements, at least {min} required")]
    TooFew {
        /// The element.
        element: &'static str,
        /// How many the value holds.
        actual: usize,
        /// Its `minOccurs`.
        min: usize,
    },
    /// More occurrences of an element than `maxOccurs`.
    #[error("{actual} <{element}> elements, at most {max} allowed")]
    TooMany {
        /// The element.
        element: &'static str,
        /// How many the value holds.
        actual: usize,
        /// Its `maxOccurs`.
        max: usize,
    },
    /// Fewer occurrences of a group (a choice, a sequence) than its
    /// `minOccurs`, named by the elements that can start it.
    #[error("{actual} of {}, at least {min} required", group_name(.first))]
    TooFewOfGroup {
        /// The elements that can start an occurrence of the group.
        first: &'static [&'static str],
        /// How many occurrences the value holds.
        actual: usize,
        /// The group's `minOccurs`.
        min: usize,
    },
    /// More occurrences of a group than its `maxOccurs`.
    #[error("{actual} of {}, at most {max} allowed", group_name(.first))]
    TooManyOfGroup {
        /// The elements that can start an occurrence of the group.
        first: &'static [&'static str],
        /// How many occurrences the value holds.
        actual: usize,
        /// The group's `maxOccurs`.
        max: usize,
    },
    /// A name in open content (`xs:anyType`, `xs:any`) that is not an XML name.
    #[error("{name:?} is not an XML name")]
    InvalidName {
        /// The name.
        name: String,
    },
    /// The same attribute twice on one element of open content.
    #[error("attribute '{name}' given twice")]
    DuplicateAttribute {
        /// The attribute.
        name: String,
    },
    /// A character XML 1.0 cannot carry (a control character, say).
    #[error("character {character:?} cannot be written in XML")]
    InvalidCharacter {
        /// The character.
        character: char,
    },
    /// A required element absent from a field the generator made optional on
    /// purpose, because real servers omit it. The value is usable; the
    /// document does not follow the schema.
    #[error("required element <{element}> is missing (tolerated: {reason})")]
    ToleratedAbsence {
        /// The element.
        element: &'static str,
        /// Why absence is tolerated.
        reason: &'static str,
    },
}

/// Every violation found in a value; displayed one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors {
    violations: Vec<Violation>,
}

impl ValidationErrors {
    /// `Ok` when `violations` is empty.
    pub fn check(violations: Vec<Violation>) -> Result<(), Self> {
        if violations.is_empty() { Ok(()) } else { Err(Self { violations }) }
    }

    /// The violations, in document order.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Whether every violation is a tolerated deviation.
    pub fn only_tolerated(&self) -> bool {
        self.violations.iter().all(Violation::is_tolerated)
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, violation) in self.violations.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

/// Validates a required child element.
pub fn child<T: Validate>(value: &T, name: &'static str, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
    value.validate_into(&path.child(name), violations);
}

/// Validates an optional child element.
pub fn optional_child<T: Validate>(
    value: &Option<T>,
    name: &'static str,
    path: &ElementPath<'_>,
    violations: &mut Vec<Violation>,
) {
    if let Some(value) = value {
        child(value, name, path, violations);
    }
}

/// Validates a required child element or attribute holding plain text (a
/// `String` with no facets of its own): as [`child`] does, but the path of
/// the child is only built for a value that is not all printable ASCII
/// (the rare value that can hold a character XML cannot carry).
#[inline]
pub fn text_child(value: &str, name: &'static str, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
    if !super::facet::is_printable_ascii(value.as_bytes()) {
        text_child_beyond_ascii(value, name, path, violations);
    }
}

/// Validates an optional child element or attribute holding plain text
/// (see [`text_child`]).
#[inline]
pub fn optional_text_child(
    value: &Option<String>,
    name: &'static str,
    path: &ElementPath<'_>,
    violations: &mut Vec<Violation>,
) {
    if let Some(value) = value {
        text_child(value, name, path, violations);
    }
}

/// [`text_child`] of a value that is not all printable ASCII.
#[cold]
#[inline(never)]
fn text_child_beyond_ascii(value: &str, name: &'static str, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
    super::facet::check_characters(value, &path.child(name), violations);
}

/// Checks the number of a repeated child element (or of a repeated group,
/// named by its first element) against `minOccurs` and `maxOccurs` (`None`
/// for unbounded).
pub fn occurrences<T>(
    items: &[T],
    name: &'static str,
    min: usize,
    max: Option<usize>,
    path: &ElementPath<'_>,
    violations: &mut Vec<Violation>,
) {
    let actual = items.len();
    if actual < min {
        violations.push(Violation::new(path, ViolationKind::TooFew { element: name, actual, min }));
    }
    if let Some(max) = max.filter(|&max| actual > max) {
        violations.push(Violation::new(path, ViolationKind::TooMany { element: name, actual, max }));
    }
}

/// Checks the number of occurrences of a group against its bounds; the
/// group is named by `first`, the elements that can start it.
pub fn group_occurrences<T>(
    items: &[T],
    first: &'static [&'static str],
    min: usize,
    max: Option<usize>,
    path: &ElementPath<'_>,
    violations: &mut Vec<Violation>,
) {
    let actual = items.len();
    if actual < min {
        violations.push(Violation::new(path, ViolationKind::TooFewOfGroup { first, actual, min }));
    }
    if let Some(max) = max.filter(|&max| actual > max) {
        violations.push(Violation::new(path, ViolationKind::TooManyOfGroup { first, actual, max }));
    }
}

/// A group as its first elements name it: `<user> or <webuser>`.
fn group_name(first: &[&str]) -> String {
    if first.is_empty() {
        return "the group".to_owned();
    }
    let tags: Vec<String> = first.iter().map(|name| format!("<{name}>")).collect();
    tags.join(" or ")
}

/// Validates each item of a repeated child element, with its position when
/// there are several.
pub fn repeated_child<T: Validate>(
    items: &[T],
    name: &'static str,
    path: &ElementPath<'_>,
    violations: &mut Vec<Violation>,
) {
    if let [only] = items {
        return child(only, name, path, violations);
    }
    for (index, item) in items.iter().enumerate() {
        item.validate_into(&path.child_at(name, index + 1), violations);
    }
}

/// Validates each item of a repeated group that is not a choice of
/// elements; with several items, the elements of the n-th get position n.
pub fn repeated_group<T: Validate>(items: &[T], path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
    if let [only] = items {
        return only.validate_into(path, violations);
    }
    for (index, item) in items.iter().enumerate() {
        item.validate_into(&path.in_group_item(index + 1), violations);
    }
}

/// A choice between elements whose occurrences can repeat: validates one
/// alternative given its position among same-named siblings.
pub trait ChoiceItem: Validate {
    /// The element of this alternative; `None` for an alternative that is a
    /// group of elements rather than one element.
    fn element_name(&self) -> Option<&'static str>;

    /// Validates the alternative, its element path carrying `position`.
    fn validate_at(&self, position: Option<usize>, path: &ElementPath<'_>, violations: &mut Vec<Violation>);
}

/// Validates the items of a repeated choice, giving each the position among
/// its same-named siblings when there are several.
pub fn repeated_choice<T: ChoiceItem>(items: &[T], path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
    // The common case, one operation in a packet, needs no counting.
    if let [item] = items {
        item.validate_at(None, path, violations);
        return;
    }
    let mut totals: Vec<(&'static str, usize)> = Vec::new();
    for name in items.iter().filter_map(ChoiceItem::element_name) {
        match totals.iter_mut().find(|(known, _)| *known == name) {
            Some((_, total)) => *total += 1,
            None => totals.push((name, 1)),
        }
    }
    let mut seen: Vec<(&'static str, usize)> = Vec::with_capacity(totals.len());
    for item in items {
        let position = item.element_name().and_then(|name| {
            let total = totals.iter().find(|(known, _)| *known == name).map_or(1, |(_, total)| *total);
            let count = match seen.iter_mut().find(|(known, _)| *known == name) {
                Some((_, count)) => {
                    *count += 1;
                    *count
                }
                None => {
                    seen.push((name, 1));
                    1
                }
            };
            (total > 1).then_some(count)
        });
        item.validate_at(position, path, violations);
    }
}

/// The path of an alternative's element, with its position if it has one.
pub fn choice_path<'p>(path: &'p ElementPath<'p>, name: &'static str, position: Option<usize>) -> ElementPath<'p> {
    match position {
        Some(position) => path.child_at(name, position),
        None => path.child(name),
    }
}

/// Runs `check` on each item of a repeated child element with its path
/// (positioned when there are several).
pub fn for_each_child<T>(
    items: &[T],
    name: &'static str,
    path: &ElementPath<'_>,
    mut check: impl FnMut(&T, &ElementPath<'_>),
) {
    if let [only] = items {
        return check(only, &path.child(name));
    }
    for (index, item) in items.iter().enumerate() {
        check(item, &path.child_at(name, index + 1));
    }
}

/// Stands for a value `Debug` must not show (passwords).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{ElementPath, Violation, child, optional_text_child, text_child};

    proptest! {
        #[test]
        fn text_children_are_checked_as_any_child_is(
            value in "[ -~\t\n\r\u{0}\u{8}\u{b}\u{1f}\u{7f}\u{e9}\u{fffe}\u{ffff}\u{10000}]{0,12}",
        ) {
            let parent = ElementPath::root("packet");
            let path = parent.child("gen-info");
            let mut general: Vec<Violation> = Vec::new();
            child(&value, "login", &path, &mut general);
            let mut text = Vec::new();
            text_child(&value, "login", &path, &mut text);
            prop_assert_eq!(&text, &general);
            let mut optional = Vec::new();
            optional_text_child(&Some(value.clone()), "login", &path, &mut optional);
            prop_assert_eq!(&optional, &general);
        }
    }

    #[test]
    fn a_text_child_reports_its_own_path() {
        let parent = ElementPath::root("packet");
        let mut violations = Vec::new();
        text_child("a\u{1}b", "login", &parent.child("gen-info"), &mut violations);
        optional_text_child(&None, "email", &parent, &mut violations);
        let rendered: Vec<String> = violations.iter().map(ToString::to_string).collect();
        assert_eq!(rendered, ["packet/gen-info/login: character '\\u{1}' cannot be written in XML"]);
    }
}
