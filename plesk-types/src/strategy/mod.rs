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
//! The files beside this one hold one kind of value each: `strings`,
//! `numbers`, `lists`, `open_content` and `values` (the runtime's value
//! types); this file holds the character sets and length choices they share.
//!
//! [`Arbitrary`]: proptest::arbitrary::Arbitrary
//! [`StringFacets`]: crate::xml::StringFacets
//! [`NumberFacets`]: crate::xml::NumberFacets
//! [`DecimalFacets`]: crate::xml::DecimalFacets
//! [`ListFacets`]: crate::xml::ListFacets
//! [`Decimal`]: crate::xml::Decimal
//! [`Date`]: crate::xml::Date
//! [`DateTime`]: crate::xml::DateTime
//! [`Time`]: crate::xml::Time
//! [`Duration`]: crate::xml::Duration
//! [`AnyContent`]: crate::xml::AnyContent
//! [`AnyElement`]: crate::xml::AnyElement
//! [`AnyAttribute`]: crate::xml::AnyAttribute
//! [`AnyElement::wildcard_strategy`]: crate::xml::AnyElement::wildcard_strategy
//! [`AnyAttribute::wildcard_strategy`]: crate::xml::AnyAttribute::wildcard_strategy

mod lists;
mod numbers;
mod open_content;
mod strings;
#[cfg(test)]
mod tests;
mod values;

pub use numbers::FacetNumber;

use std::borrow::Cow;
use std::ops::RangeInclusive;

use proptest::collection::vec;
use proptest::sample::select;
use proptest::strategy::{BoxedStrategy, Just, Strategy};

/// How many characters a string gets beyond its minimum length when its
/// maximum is far away or absent (and how many items a list).
const EXTRA_LENGTH: usize = 16;

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
