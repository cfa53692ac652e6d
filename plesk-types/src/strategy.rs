//! Random values for property tests (cargo feature `proptest`).
//!
//! With the feature on, every generated type implements proptest's
//! [`Arbitrary`], so `any::<RequestPacket>()` is a strategy for request
//! packets. Its values satisfy everything `validate()` checks (facets,
//! occurrence bounds, choices), and they are *canonical*: written with
//! `to_xml` and read back with `from_xml`, a value is equal to itself. A few
//! values that pass `validate()` are left out for that reason: a union value
//! that would be read back as an earlier member (`"5"` held by the string
//! member of a union of `int` and `string`), an alternative of a choice with
//! nothing in it (it reads back as no alternative at all), an empty value of
//! an element with a `default` (it reads back as the default), `NaN`.
//!
//! This module holds what the generated implementations stand on:
//!
//! - `strategy` methods on the facets of the runtime ([`StringFacets`],
//!   [`NumberFacets`], [`DecimalFacets`], [`ListFacets`]): the generated
//!   code declares the same facets as for `validate()` and asks them for
//!   values, which are drawn to fit (lengths, bounds, digits, the pattern's
//!   own expression) and then checked by the facets themselves;
//! - [`Arbitrary`] for the runtime's value types ([`Decimal`], [`Date`],
//!   [`DateTime`], [`Time`], [`Duration`]) and for open content
//!   ([`AnyContent`], [`AnyElement`], [`AnyAttribute`]): small trees of
//!   elements, attributes and text, nested at most three levels deep;
//! - the strategies of `xs:any` and `xs:anyAttribute` wildcards
//!   ([`AnyElement::wildcard_strategy`], [`AnyAttribute::wildcard_strategy`]),
//!   which keep clear of the names the schema gives a meaning.
//!
//! Strings are drawn from all of XML's characters, markup characters and
//! white space included, with a bias towards printable ASCII.
//!
//! [`Arbitrary`]: proptest::arbitrary::Arbitrary

use std::borrow::Cow;
use std::fmt::{Debug, Display};
use std::ops::RangeInclusive;

use proptest::arbitrary::{Arbitrary, any};
use proptest::collection::vec;
use proptest::sample::select;
use proptest::strategy::{BoxedStrategy, Just, Strategy, Union, ValueTree};
use proptest::test_runner::TestRunner;
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition};

use crate::xml::{
    AnyAttribute, AnyContent, AnyElement, AnyNode, Date, DateTime, Decimal, DecimalFacets, Duration, ElementPath,
    ListFacets, NumberFacets, SimpleValue, StringFacets, Time, WhiteSpace, WildcardNamespace, lexical_form,
};

/// How many characters a string gets beyond its minimum length when its
/// maximum is far away or absent (and how many items a list).
const EXTRA_LENGTH: usize = 16;

/// How many strings [`StringFacets::strategy_matching`] draws from each of
/// several patterns to see how often the facets accept them.
const TRIALS: usize = 64;

/// How deep open content ([`AnyContent`]) nests.
const ANY_DEPTH: u32 = 3;

/// The characters XML 1.0 allows.
const XML_CHARS: [RangeInclusive<char>; 5] =
    ['\t'..='\n', '\r'..='\r', ' '..='\u{d7ff}', '\u{e000}'..='\u{fffd}', '\u{10000}'..='\u{10ffff}'];

/// The characters strings are drawn from: mostly printable ASCII, then the
/// characters escaping touches and white space, then the rest of Unicode
/// that XML allows.
fn text_char() -> impl Strategy<Value = char> + Clone {
    proptest::prop_oneof![
        12 => proptest::char::range(' ', '~'),
        2 => select(vec!['<', '>', '&', '"', '\'', '\t', '\n', '\r']),
        1 => proptest::char::ranges(Cow::Borrowed(&XML_CHARS[2..])),
    ]
}

/// As [`text_char`], without white space: for list items and names' values.
fn token_char() -> impl Strategy<Value = char> + Clone {
    text_char().prop_filter("no white space", |c| !matches!(c, ' ' | '\t' | '\n' | '\r'))
}

/// Whether `value` holds something other than white space.
fn is_blank(value: &str) -> bool {
    value.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
}

/// Between `min` and `max` (inclusive) `element`s, biased to few of them
/// but reaching `max` now and then when it is finite.
fn between<S>(element: S, min: usize, max: Option<usize>) -> BoxedStrategy<Vec<S::Value>>
where
    S: Strategy + Clone + 'static,
{
    let near = min.saturating_add(EXTRA_LENGTH);
    let lengths = match max {
        Some(max) if max <= near => (min..=max).boxed(),
        Some(max) => proptest::prop_oneof![4 => min..=near, 1 => Just(max)].boxed(),
        None => (min..=near).boxed(),
    };
    lengths.prop_flat_map(move |length| vec(element.clone(), length)).boxed()
}

impl StringFacets {
    /// No facet at all: any text XML can carry.
    pub const NONE: Self =
        Self { white_space: WhiteSpace::Preserve, length: None, min_length: None, max_length: None, patterns: &[] };

    /// Strings that satisfy the facets, drawn from XML's characters with a
    /// length the facets allow. With `pattern` facets, prefer
    /// [`strategy_matching`](Self::strategy_matching).
    pub fn strategy(&self) -> BoxedStrategy<String> {
        let (facets, normalizing) = (self.copy(), self.copy());
        let (min, max) = self.length_bounds();
        between(text_char(), min, max)
            .prop_map(move |chars| normalizing.normalized(chars.into_iter().collect()))
            .prop_filter("a string the facets accept", move |value| facets.accepts(value))
            .boxed()
    }

    /// Strings that satisfy the facets, drawn from `regexes`: the translated
    /// expressions of the `pattern` facets (`\A(?:...)\z`, one per
    /// derivation step, as the facets' patterns hold them), restricted to
    /// the characters XML allows. A value must match every step's pattern,
    /// which no expression draws on its own: candidates matching one are
    /// kept when the facets accept them, and each expression is drawn from
    /// as often as its candidates were accepted in a first trial.
    pub fn strategy_matching(&self, regexes: &'static [&'static str]) -> BoxedStrategy<String> {
        let (facets, normalizing) = (self.copy(), self.copy());
        let Some(matching) = regexes.iter().map(|regex| regex_strategy(regex)).collect::<Option<Vec<_>>>() else {
            // Not an expression proptest can draw from: fall back to
            // filtering plain strings, which proptest reports if it rejects
            // too many of them.
            return self.strategy();
        };
        let candidates = if matching.len() == 1 {
            matching.into_iter().next().unwrap_or_else(|| Just(String::new()).boxed())
        } else {
            let weighted = matching.into_iter().map(|strategy| (self.acceptance(&strategy), strategy));
            Union::new_weighted(weighted.collect()).boxed()
        };
        candidates
            .prop_map(move |value| normalizing.normalized(value))
            .prop_filter(format!("a string the facets accept (drawn from {regexes:?})"), move |value| {
                facets.accepts(value)
            })
            .boxed()
    }

    /// How many of [`TRIALS`] strings drawn from `strategy` (with a fixed
    /// seed) the facets accept, plus one: a weight for the strategy.
    fn acceptance(&self, strategy: &BoxedStrategy<String>) -> u32 {
        let mut runner = TestRunner::deterministic();
        let accepted = (0..TRIALS)
            .filter_map(|_| strategy.new_tree(&mut runner).ok())
            .filter(|tree| self.accepts(&self.normalized(tree.current())))
            .count();
        u32::try_from(accepted).unwrap_or(u32::MAX).saturating_add(1)
    }

    /// Strings that satisfy the facets and can be an item of a list: not
    /// empty, no white space.
    pub fn token_strategy(&self) -> BoxedStrategy<String> {
        let facets = self.copy();
        let (min, max) = self.length_bounds();
        between(token_char(), min.max(1), max)
            .prop_map(String::from_iter)
            .prop_filter("a list item the facets accept", move |value| facets.accepts(value))
            .boxed()
    }

    fn copy(&self) -> Self {
        Self {
            white_space: self.white_space,
            length: self.length,
            min_length: self.min_length,
            max_length: self.max_length,
            patterns: self.patterns,
        }
    }

    fn length_bounds(&self) -> (usize, Option<usize>) {
        match self.length {
            Some(length) => (length, Some(length)),
            None => (self.min_length.unwrap_or(0), self.max_length),
        }
    }

    /// A `replace` or `collapse` facet makes the value the schema sees the
    /// normalized one; generating it normalized keeps lengths as drawn.
    fn normalized(&self, value: String) -> String {
        match self.white_space {
            WhiteSpace::Preserve => value,
            white_space => white_space.apply(&value).into_owned(),
        }
    }

    fn accepts(&self, value: &str) -> bool {
        let mut violations = Vec::new();
        self.check(value, &ElementPath::RELATIVE, &mut violations);
        violations.is_empty()
    }
}

/// Strings matching `regex`, which must be anchored at both ends as the
/// generator writes patterns; characters XML does not allow are left out.
fn regex_strategy(regex: &str) -> Option<BoxedStrategy<String>> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(regex).ok()?;
    let hir = for_generation(hir)?;
    proptest::string::string_regex_parsed(&hir).ok().map(Strategy::boxed)
}

/// `hir` without anchors (proptest cannot draw them; the generator's
/// expressions only have them at both ends), every class restricted to the
/// characters XML allows; `None` if a class has none of them left.
fn for_generation(hir: Hir) -> Option<Hir> {
    Some(match hir.into_kind() {
        HirKind::Look(_) => Hir::empty(),
        HirKind::Class(Class::Unicode(mut class)) => {
            class.intersect(&ClassUnicode::new(
                XML_CHARS.iter().map(|range| ClassUnicodeRange::new(*range.start(), *range.end())),
            ));
            if class.ranges().is_empty() {
                return None;
            }
            Hir::class(Class::Unicode(class))
        }
        HirKind::Repetition(repetition) => {
            let sub = Box::new(for_generation(*repetition.sub)?);
            Hir::repetition(Repetition { sub, ..repetition })
        }
        HirKind::Capture(capture) => {
            let sub = Box::new(for_generation(*capture.sub)?);
            Hir::capture(Capture { sub, ..capture })
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(for_generation).collect::<Option<_>>()?),
        HirKind::Alternation(subs) => {
            // An alternative without characters left is dropped, not the whole.
            let subs: Vec<Hir> = subs.into_iter().filter_map(for_generation).collect();
            if subs.is_empty() {
                return None;
            }
            Hir::alternation(subs)
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Class(class) => Hir::class(class),
    })
}

/// The numbers [`NumberFacets::strategy`] draws: the Rust integers and
/// floating-point types that hold XSD's numeric builtins.
pub trait FacetNumber: Copy + PartialOrd + Display + Debug + Send + Sync + 'static {
    /// Values between `min` and `max` (inclusive, `None` when unbounded)
    /// with at most `total_digits` digits, the bounds themselves among them
    /// now and then.
    fn between(min: Option<Self>, max: Option<Self>, total_digits: Option<usize>) -> BoxedStrategy<Self>;

    /// The next value up, for an exclusive lower bound (the bound itself for
    /// floating-point numbers, which the facets' check then rejects).
    fn above(self) -> Self;

    /// The next value down, for an exclusive upper bound.
    fn below(self) -> Self;
}

macro_rules! facet_integer {
    ($($integer:ty),*) => {$(
        impl FacetNumber for $integer {
            fn between(min: Option<Self>, max: Option<Self>, total_digits: Option<usize>) -> BoxedStrategy<Self> {
                // The largest number of `total_digits` digits, when it is
                // smaller than the type's largest.
                let widest = total_digits
                    .and_then(|digits| u32::try_from(digits).ok())
                    .and_then(|digits| 10_i128.checked_pow(digits))
                    .map(|power| power - 1);
                let clamp = |value: i128| Self::try_from(value).unwrap_or(if value < 0 { Self::MIN } else { Self::MAX });
                let low = min.unwrap_or(Self::MIN).max(widest.map_or(Self::MIN, |widest| clamp(-widest)));
                let high = max.unwrap_or(Self::MAX).min(widest.map_or(Self::MAX, clamp));
                if low > high {
                    // No value fits: the facets' check rejects what this gives.
                    return Just(low).boxed();
                }
                proptest::prop_oneof![1 => Just(low), 1 => Just(high), 6 => low..=high].boxed()
            }

            fn above(self) -> Self {
                self.saturating_add(1)
            }

            fn below(self) -> Self {
                self.saturating_sub(1)
            }
        }
    )*};
}

facet_integer!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! facet_float {
    ($($float:ident),*) => {$(
        impl FacetNumber for $float {
            fn between(min: Option<Self>, max: Option<Self>, _total_digits: Option<usize>) -> BoxedStrategy<Self> {
                use proptest::num::$float::{INFINITE, NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
                // Any number but NaN (not equal to itself, so never read back
                // as equal); the facets' check keeps those within the bounds.
                let any = POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO | INFINITE;
                let mut candidates = vec![(2, any.boxed())];
                if let (Some(low), Some(high)) = (min, max)
                    && low.is_finite()
                    && high.is_finite()
                    && low <= high
                    && (high - low).is_finite()
                {
                    candidates.push((4, (low..=high).boxed()));
                }
                candidates.extend(min.into_iter().chain(max).map(|bound| (1, Just(bound).boxed())));
                Union::new_weighted(candidates).boxed()
            }

            fn above(self) -> Self {
                self
            }

            fn below(self) -> Self {
                self
            }
        }
    )*};
}

facet_float!(f32, f64);

impl<T> NumberFacets<T> {
    /// No facet at all.
    pub const NONE: Self = Self {
        min_inclusive: None,
        max_inclusive: None,
        min_exclusive: None,
        max_exclusive: None,
        total_digits: None,
        fraction_digits: None,
    };
}

impl<T: FacetNumber> NumberFacets<T> {
    /// Numbers within the bounds and with no more digits than allowed; for
    /// floating-point types, never `NaN`.
    pub fn strategy(&self) -> BoxedStrategy<T> {
        let facets = Self {
            min_inclusive: self.min_inclusive,
            max_inclusive: self.max_inclusive,
            min_exclusive: self.min_exclusive,
            max_exclusive: self.max_exclusive,
            total_digits: self.total_digits,
            fraction_digits: self.fraction_digits,
        };
        let tighter = |a: Option<T>, b: Option<T>, lower: bool| match (a, b) {
            (Some(a), Some(b)) => Some(if (a > b) == lower { a } else { b }),
            (a, b) => a.or(b),
        };
        let min = tighter(self.min_inclusive, self.min_exclusive.map(T::above), true);
        let max = tighter(self.max_inclusive, self.max_exclusive.map(T::below), false);
        T::between(min, max, self.total_digits)
            .prop_filter("a number the facets accept", move |value| {
                let mut violations = Vec::new();
                facets.check(value, &ElementPath::RELATIVE, &mut violations);
                violations.is_empty()
            })
            .boxed()
    }
}

impl DecimalFacets {
    /// No facet at all.
    pub const NONE: Self = Self {
        min_inclusive: None,
        max_inclusive: None,
        min_exclusive: None,
        max_exclusive: None,
        total_digits: None,
        fraction_digits: None,
    };

    /// Decimals within the bounds and the digit counts, in varied lexical
    /// forms (a `+` sign, leading and trailing zeros), which a decimal keeps.
    pub fn strategy(&self) -> BoxedStrategy<Decimal> {
        let (bounds, facets) = (self.copy(), self.copy());
        // At most 18 digits, so that every value is an `i128` scaled by a
        // power of ten.
        let total = self.total_digits.unwrap_or(18).clamp(1, 18);
        let widest = 10_i128.pow(u32::try_from(total).unwrap_or(18)) - 1;
        let max_fraction = self.fraction_digits.unwrap_or(4).min(total);
        (0..=max_fraction)
            .prop_flat_map(move |fraction| {
                let bound = |text: Option<&str>, round_up: bool| text.and_then(|text| scaled(text, fraction, round_up));
                let above = |bound: Option<i128>| bound.map(|bound| bound + 1);
                let below = |bound: Option<i128>| bound.map(|bound| bound - 1);
                let low = [bound(bounds.min_inclusive, true), above(bound(bounds.min_exclusive, false))]
                    .into_iter()
                    .flatten()
                    .fold(-widest, i128::max);
                let high = [bound(bounds.max_inclusive, false), below(bound(bounds.max_exclusive, true))]
                    .into_iter()
                    .flatten()
                    .fold(widest, i128::min);
                let scaled = if low <= high {
                    proptest::prop_oneof![1 => Just(low), 1 => Just(high), 6 => low..=high].boxed()
                } else {
                    Just(low).boxed()
                };
                (scaled, any::<bool>(), 0..2_usize, 0..2_usize).prop_map(
                    move |(scaled, plus, zeros_before, zeros_after)| {
                        decimal_text(scaled, fraction, plus, zeros_before, zeros_after)
                    },
                )
            })
            .prop_filter_map("a decimal the facets accept", move |text| {
                let value = Decimal::parse(&text)?;
                let mut violations = Vec::new();
                facets.check(&value, &ElementPath::RELATIVE, &mut violations);
                violations.is_empty().then_some(value)
            })
            .boxed()
    }

    fn copy(&self) -> Self {
        Self {
            min_inclusive: self.min_inclusive,
            max_inclusive: self.max_inclusive,
            min_exclusive: self.min_exclusive,
            max_exclusive: self.max_exclusive,
            total_digits: self.total_digits,
            fraction_digits: self.fraction_digits,
        }
    }
}

/// The decimal `text` times `10^fraction`, rounded up or down to an
/// integer; `None` if it is not a decimal or does not fit.
fn scaled(text: &str, fraction: usize, round_up: bool) -> Option<i128> {
    let negative = text.starts_with('-');
    let unsigned = text.trim_start_matches(['+', '-']);
    let (integer, decimals) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let kept: String = decimals.chars().chain(std::iter::repeat('0')).take(fraction).collect();
    let dropped = decimals.get(fraction..).unwrap_or("");
    let digits = format!("{}{kept}", integer.trim_start_matches('0'));
    let magnitude: i128 = if digits.is_empty() { 0 } else { digits.parse().ok()? };
    let value = if negative { -magnitude } else { magnitude };
    // Digits cut off make the value smaller in magnitude: move it the way
    // the bound needs.
    let inexact = dropped.bytes().any(|digit| digit != b'0');
    Some(match (inexact, round_up, negative) {
        (true, true, false) => value + 1,
        (true, false, true) => value - 1,
        _ => value,
    })
}

/// The lexical form of `scaled / 10^fraction`, with an optional `+` and
/// extra zeros in front of and after the digits.
fn decimal_text(scaled: i128, fraction: usize, plus: bool, zeros_before: usize, zeros_after: usize) -> String {
    let digits = format!("{:0width$}", scaled.unsigned_abs(), width = fraction + 1);
    let (integer, decimals) = digits.split_at(digits.len() - fraction);
    let sign = if scaled < 0 {
        "-"
    } else if plus {
        "+"
    } else {
        ""
    };
    let zeros = "0".repeat(zeros_before);
    let decimals = format!("{decimals}{}", "0".repeat(zeros_after));
    if decimals.is_empty() { format!("{sign}{zeros}{integer}") } else { format!("{sign}{zeros}{integer}.{decimals}") }
}

impl ListFacets {
    /// No facet at all.
    pub const NONE: Self = Self { length: None, min_length: None, max_length: None, enumeration: &[], patterns: &[] };

    /// Lists of `item`s, as many as the length facets allow; with an
    /// `enumeration`, one of the lists it allows. Items whose lexical form
    /// is empty or holds white space (which would not read back as one
    /// item) are left out.
    pub fn strategy<T>(&self, item: BoxedStrategy<T>) -> BoxedStrategy<Vec<T>>
    where
        T: SimpleValue + Debug + 'static,
    {
        let facets = Self {
            length: self.length,
            min_length: self.min_length,
            max_length: self.max_length,
            enumeration: self.enumeration,
            patterns: self.patterns,
        };
        let lists = if self.enumeration.is_empty() {
            let (min, max) = match self.length {
                Some(length) => (length, Some(length)),
                None => (self.min_length.unwrap_or(0), self.max_length),
            };
            let item = item.prop_filter("an item of a list", |item| {
                let text = lexical_form(item);
                !text.is_empty() && !text.contains([' ', '\t', '\n', '\r'])
            });
            // Lists are short: each item is a value of its own.
            between(item, min, max.or(Some(min + 4)))
        } else {
            select(self.enumeration.to_vec())
                .prop_filter_map("a list of the enumeration", |text| Vec::<T>::parse_text(text).ok())
                .boxed()
        };
        lists
            .prop_filter("a list the facets accept", move |items| {
                let mut violations = Vec::new();
                facets.check(items, &ElementPath::RELATIVE, &mut violations);
                violations.is_empty()
            })
            .boxed()
    }
}

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

impl Arbitrary for Decimal {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    /// Any decimal of up to 18 digits.
    fn arbitrary_with((): ()) -> Self::Strategy {
        DecimalFacets::NONE.strategy()
    }
}

/// Two-digit fields and fractions of seconds.
fn two_digits(range: RangeInclusive<u32>) -> impl Strategy<Value = String> {
    range.prop_map(|value| format!("{value:02}"))
}

/// An optional time zone: `Z` or an offset of at most 14 hours.
fn time_zone() -> impl Strategy<Value = String> {
    proptest::prop_oneof![
        2 => Just(String::new()),
        1 => Just("Z".to_owned()),
        1 => (any::<bool>(), 0..14_u32, 0..60_u32).prop_map(|(east, hours, minutes)| {
            format!("{}{hours:02}:{minutes:02}", if east { '+' } else { '-' })
        }),
        1 => any::<bool>().prop_map(|east| format!("{}14:00", if east { '+' } else { '-' })),
    ]
}

fn date_text() -> impl Strategy<Value = String> {
    (any::<bool>(), 1..=9999_u32, two_digits(1..=12), two_digits(1..=31)).prop_map(|(bc, year, month, day)| {
        // Year 0 is written `0000`; a negative year is before it.
        format!("{}{year:04}-{month}-{day}", if bc { "-" } else { "" })
    })
}

fn time_text() -> impl Strategy<Value = String> {
    let fraction = proptest::option::of(1..=999_u32).prop_map(|fraction| match fraction {
        Some(fraction) => format!(".{fraction}"),
        None => String::new(),
    });
    proptest::prop_oneof![
        8 => (two_digits(0..=23), two_digits(0..=59), two_digits(0..=59), fraction)
            .prop_map(|(hours, minutes, seconds, fraction)| format!("{hours}:{minutes}:{seconds}{fraction}")),
        1 => Just("24:00:00".to_owned()),
    ]
}

/// A value of a runtime type parsed from a lexical form its strategy built.
fn parse_built<T: std::str::FromStr>(text: String) -> T
where
    T::Err: Debug,
{
    text.parse().unwrap_or_else(|error| panic!("the strategy built {text:?}, not a valid lexical form: {error:?}"))
}

impl Arbitrary for Date {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    /// `YYYY-MM-DD` with an optional time zone, the fields within their
    /// ranges (as the lexical check knows them: not every day exists).
    fn arbitrary_with((): ()) -> Self::Strategy {
        (date_text(), time_zone()).prop_map(|(date, zone)| parse_built(date + &zone)).boxed()
    }
}

impl Arbitrary for Time {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    /// `hh:mm:ss[.fff]` with an optional time zone.
    fn arbitrary_with((): ()) -> Self::Strategy {
        (time_text(), time_zone()).prop_map(|(time, zone)| parse_built(time + &zone)).boxed()
    }
}

impl Arbitrary for DateTime {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    /// A date, `T`, a time, and an optional time zone.
    fn arbitrary_with((): ()) -> Self::Strategy {
        (date_text(), time_text(), time_zone())
            .prop_map(|(date, time, zone)| parse_built(format!("{date}T{time}{zone}")))
            .boxed()
    }
}

impl Arbitrary for Duration {
    type Parameters = ();
    type Strategy = BoxedStrategy<Self>;

    /// `PnYnMnDTnHnMnS`, each part optional but at least one there.
    fn arbitrary_with((): ()) -> Self::Strategy {
        let part = |designator: char| {
            proptest::option::of(0..1000_u32).prop_map(move |value| value.map(|value| format!("{value}{designator}")))
        };
        let seconds = proptest::option::of((0..100_u32, proptest::option::of(1..1000_u32))).prop_map(|seconds| {
            seconds.map(|(whole, fraction)| match fraction {
                Some(fraction) => format!("{whole}.{fraction}S"),
                None => format!("{whole}S"),
            })
        });
        (any::<bool>(), part('Y'), part('M'), part('D'), part('H'), part('M'), seconds)
            .prop_filter_map(
                "a duration with at least one part",
                |(negative, years, months, days, hours, minutes, seconds)| {
                    let date: String = [years, months, days].into_iter().flatten().collect();
                    let time: String = [hours, minutes, seconds].into_iter().flatten().collect();
                    if date.is_empty() && time.is_empty() {
                        return None;
                    }
                    let sign = if negative { "-" } else { "" };
                    let time = if time.is_empty() { time } else { format!("T{time}") };
                    Some(parse_built(format!("{sign}P{date}{time}")))
                },
            )
            .boxed()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::xml::{Pattern, XmlElement, XmlReader, XmlWriter};

    #[test]
    fn decimal_bounds_are_scaled_towards_the_inside() {
        assert_eq!(scaled("1.25", 1, true), Some(13));
        assert_eq!(scaled("1.25", 1, false), Some(12));
        assert_eq!(scaled("-1.25", 1, true), Some(-12));
        assert_eq!(scaled("-1.25", 1, false), Some(-13));
        assert_eq!(scaled("+007", 2, false), Some(700));
        assert_eq!(scaled(".5", 0, true), Some(1));
        assert_eq!(decimal_text(-5, 2, false, 0, 0), "-0.05");
        assert_eq!(decimal_text(1234, 1, true, 1, 1), "+0123.40");
        assert_eq!(decimal_text(7, 0, false, 0, 0), "7");
    }

    #[test]
    fn anchors_are_dropped_and_classes_kept_to_xml_characters() {
        let hir = regex_syntax::ParserBuilder::new().build().parse(r"\A(?:[^a])\z").expect("parses");
        let hir = for_generation(hir).expect("characters are left");
        assert!(!format!("{hir:?}").contains("Look"));
        assert!(
            for_generation(Hir::class(Class::Unicode(ClassUnicode::new([ClassUnicodeRange::new('\0', '\u{8}')]))))
                .is_none()
        );
    }

    static CODE_PATTERN: Pattern = Pattern::new("[A-Z]{2}\\d{2}", "\\A(?:[A-Z]{2}[0-9]{2})\\z");
    static CODE: StringFacets = StringFacets {
        white_space: WhiteSpace::Collapse,
        length: None,
        min_length: Some(4),
        max_length: Some(4),
        patterns: &[&CODE_PATTERN],
    };
    static SHORT: StringFacets = StringFacets {
        white_space: WhiteSpace::Collapse,
        length: None,
        min_length: Some(2),
        max_length: Some(5),
        patterns: &[],
    };
    static PERCENT: NumberFacets<i32> = NumberFacets {
        min_inclusive: Some(0),
        max_inclusive: None,
        min_exclusive: None,
        max_exclusive: Some(101),
        total_digits: Some(3),
        fraction_digits: None,
    };
    static PRICE: DecimalFacets = DecimalFacets {
        min_inclusive: None,
        max_inclusive: Some("999.99"),
        min_exclusive: Some("0"),
        max_exclusive: None,
        total_digits: Some(5),
        fraction_digits: Some(2),
    };
    static RATIO: NumberFacets<f64> = NumberFacets {
        min_inclusive: Some(-1.0),
        max_inclusive: None,
        min_exclusive: None,
        max_exclusive: Some(1.0),
        total_digits: None,
        fraction_digits: None,
    };
    static PAIR: ListFacets =
        ListFacets { length: Some(2), min_length: None, max_length: None, enumeration: &[], patterns: &[] };

    fn reads_back<T: XmlElement + PartialEq + Debug>(value: &T) -> bool {
        let mut w = XmlWriter::new();
        value.write_element(&mut w, "value");
        let text = w.into_string();
        XmlReader::new(&text, crate::xml::ReadOptions::default()).read_document::<T>("value").as_ref() == Ok(value)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn strings_fit_their_facets(code in CODE.strategy_matching(&["\\A(?:[A-Z]{2}[0-9]{2})\\z"]), short in SHORT.strategy(), token in StringFacets::NONE.token_strategy()) {
            prop_assert!(CODE.accepts(&code) && code.len() == 4);
            prop_assert!(SHORT.accepts(&short));
            prop_assert!(!token.is_empty() && !token.contains([' ', '\t', '\n', '\r']));
        }

        #[test]
        fn numbers_fit_their_facets(percent in PERCENT.strategy(), price in PRICE.strategy(), ratio in RATIO.strategy()) {
            prop_assert!((0..=100).contains(&percent));
            prop_assert!(price > Decimal::from(0) && price.fraction_digits() <= 2 && price.total_digits() <= 5);
            prop_assert!((-1.0..1.0).contains(&ratio));
        }

        #[test]
        fn lists_have_their_length(pair in PAIR.strategy(any::<u8>().boxed())) {
            prop_assert_eq!(pair.len(), 2);
        }

        #[test]
        fn runtime_values_read_back(content in any::<AnyContent>(), decimal in any::<Decimal>(), date in any::<Date>(), date_time in any::<DateTime>(), time in any::<Time>(), duration in any::<Duration>()) {
            prop_assert!(reads_back(&content), "{content:?}");
            prop_assert!(reads_back(&decimal) && reads_back(&date) && reads_back(&date_time));
            prop_assert!(reads_back(&time) && reads_back(&duration));
        }
    }
}
