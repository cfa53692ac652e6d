//! Strings that fit [`StringFacets`]: lengths, white space, and patterns,
//! drawn from the pattern's own regular expression where it has one.

use proptest::strategy::{BoxedStrategy, Just, Strategy, Union, ValueTree};
use proptest::test_runner::TestRunner;
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition};

use super::{XML_CHARS, between, text_char, token_char};
use crate::xml::{ElementPath, StringFacets, WhiteSpace};

/// How many strings [`StringFacets::strategy_matching`] draws from each of
/// several patterns to see how often the facets accept them.
const TRIALS: usize = 64;

impl StringFacets {
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

    /// Whether the facets accept `value`, as `validate()` checks it.
    pub(super) fn accepts(&self, value: &str) -> bool {
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
pub(super) fn for_generation(hir: Hir) -> Option<Hir> {
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
