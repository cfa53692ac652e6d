//! Unit and property tests of the strategies.

use std::fmt::Debug;

use proptest::prelude::*;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir};

use super::numbers::{decimal_text, scaled};
use super::strings::for_generation;
use crate::xml::{
    AnyContent, Date, DateTime, Decimal, DecimalFacets, Duration, ListFacets, NumberFacets, Pattern, StringFacets,
    Time, WhiteSpace, XmlElement, XmlReader, XmlWriter,
};

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
