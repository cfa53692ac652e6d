//! [`Arbitrary`] for the runtime's value types: [`Decimal`], [`Date`],
//! [`Time`], [`DateTime`] and [`Duration`], built as lexical forms and parsed.

use std::fmt::Debug;
use std::ops::RangeInclusive;

use proptest::arbitrary::{Arbitrary, any};
use proptest::strategy::{BoxedStrategy, Just, Strategy};

use crate::xml::{Date, DateTime, Decimal, DecimalFacets, Duration, Time};

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
