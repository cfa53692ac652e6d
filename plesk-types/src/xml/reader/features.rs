//! The error for an element the generated code was compiled without: an
//! alternative behind a cargo feature that is off (an operator of a packet,
//! see `Config::operator_features` of plesk-codegen).

use super::XmlReader;
use crate::xml::read_error::{ReadError, ReadErrorKind};

impl XmlReader<'_> {
    /// The error for the next element, `element`, whose alternative is
    /// compiled only with the cargo feature `feature` of the crate
    /// `crate_name`, which is off; at the element's start tag.
    pub fn feature_disabled(
        &mut self,
        element: &'static str,
        feature: &'static str,
        crate_name: &'static str,
    ) -> ReadError {
        if let Err(error) = self.peek_token() {
            return error;
        }
        self.error_at_next(ReadErrorKind::FeatureDisabled { element, feature, crate_name })
    }
}
