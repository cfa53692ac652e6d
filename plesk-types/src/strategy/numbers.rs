//! Numbers that fit [`NumberFacets`] and [`DecimalFacets`]: bounds, total
//! and fraction digits, and the lexical forms of decimals.

use std::fmt::{Debug, Display};

use proptest::arbitrary::any;
use proptest::strategy::{BoxedStrategy, Just, Strategy, Union};

use crate::xml::{Decimal, DecimalFacets, ElementPath, NumberFacets};

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
pub(super) fn scaled(text: &str, fraction: usize, round_up: bool) -> Option<i128> {
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
pub(super) fn decimal_text(
    scaled: i128,
    fraction: usize,
    plus: bool,
    zeros_before: usize,
    zeros_after: usize,
) -> String {
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
