//! The cargo features a build has on, for generating only what that build
//! compiles ([`Config::only_features`](crate::Config::only_features)).
//!
//! Code gated by operator features carries `#[cfg(feature = ...)]`; with
//! the features of the build known, the generator applies those `cfg`s
//! itself and leaves out what they would remove, so that the compiler
//! neither parses nor expands it. The `cfg`s stay on what is kept: they
//! are then true, and the code is the same as the full code with the
//! disabled parts cut.

use std::collections::BTreeSet;

/// A set of cargo feature names, compared the way cargo passes them to a
/// build script (`CARGO_FEATURE_SITE_ALIAS`): case-insensitive, with `-`
/// and `_` the same.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnabledFeatures {
    /// Each name upper-cased, `-` as `_`.
    normalized: BTreeSet<String>,
}

impl EnabledFeatures {
    /// The features named.
    pub fn new<I, S>(features: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        Self { normalized: features.into_iter().map(|feature| normalize(feature.as_ref())).collect() }
    }

    /// The features of the package whose build script is running, from its
    /// `CARGO_FEATURE_<NAME>` environment variables; none outside a build
    /// script.
    pub fn of_build_script() -> Self {
        let normalized = std::env::vars_os()
            .filter_map(|(name, _)| name.into_string().ok())
            .filter_map(|name| name.strip_prefix("CARGO_FEATURE_").map(str::to_owned))
            .collect();
        Self { normalized }
    }

    /// Whether `feature` is on.
    pub fn contains(&self, feature: &str) -> bool {
        self.normalized.contains(&normalize(feature))
    }

    /// Whether code under `cfg(any(feature = ...))` of `features` compiles:
    /// one of them is on.
    pub fn any(&self, features: &BTreeSet<String>) -> bool {
        features.iter().any(|feature| self.contains(feature))
    }
}

/// A feature name as cargo spells it in a build script's environment.
fn normalize(feature: &str) -> String {
    feature.to_ascii_uppercase().replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_as_cargo_passes_them() {
        let enabled = EnabledFeatures::new(["site_alias", "Customer"]);
        assert!(enabled.contains("site-alias"));
        assert!(enabled.contains("customer"));
        assert!(!enabled.contains("site"));
    }

    #[test]
    fn a_gate_compiles_when_one_of_its_features_is_on() {
        let enabled = EnabledFeatures::new(["dns"]);
        let gate = |names: &[&str]| names.iter().map(|name| (*name).to_owned()).collect::<BTreeSet<_>>();
        assert!(enabled.any(&gate(&["customer", "dns"])));
        assert!(!enabled.any(&gate(&["customer", "site"])));
        assert!(!enabled.any(&BTreeSet::new()));
    }
}
