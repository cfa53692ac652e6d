//! Lists that fit [`ListFacets`]: their length facets, items drawn by the
//! item type's strategy.

use std::fmt::Debug;

use proptest::sample::select;
use proptest::strategy::{BoxedStrategy, Strategy};

use super::between;
use crate::xml::{ElementPath, ListFacets, SimpleValue, lexical_form};

impl ListFacets {
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
