//! An operator whose cargo feature is off: reading it is an error that names
//! the element and the feature, at the element, not "unexpected element".
//!
//! The README's test command turns every feature on, so the tests of a
//! disabled operator run in a build of their own, which `.ci/run` makes:
//! `cargo test -p plesk-types --no-default-features --features v1_6_8_0,user --test disabled_operator`.
//! With `webuser` on, the same documents read (the tests below them).

use plesk_types::v1_6_8_0::{RequestPacket, ResponsePacket};

const WEBUSER_RESPONSE: &str =
    "<packet>\n  <webuser><del><result><status>ok</status></result></del></webuser>\n</packet>";
const WEBUSER_REQUEST: &str = "<packet><user><del><filter><all/></filter></del></user>\
    <webuser><del><filter><id>1</id></filter></del></webuser></packet>";

#[cfg(not(feature = "webuser"))]
mod webuser_off {
    use super::*;
    use plesk_types::xml::{Position, ReadErrorKind};

    #[test]
    fn a_response_holding_it_names_the_feature_at_the_element() {
        let error = ResponsePacket::from_xml(WEBUSER_RESPONSE).expect_err("webuser is compiled out");
        assert_eq!(
            error.kind(),
            &ReadErrorKind::FeatureDisabled { element: "webuser", feature: "webuser", crate_name: "plesk-types" }
        );
        assert_eq!(error.position(), Position { line: 2, column: 3 });
        assert_eq!(error.to_string(), "2:3: packet: <webuser> needs the cargo feature `webuser` of plesk-types");
    }

    #[test]
    fn a_request_holding_it_too_after_an_enabled_operator() {
        let error = RequestPacket::from_xml(WEBUSER_REQUEST).expect_err("webuser is compiled out");
        assert_eq!(error.to_string(), "1:56: packet: <webuser> needs the cargo feature `webuser` of plesk-types");
    }

    #[test]
    fn an_element_that_is_no_operator_is_still_unexpected() {
        let error = RequestPacket::from_xml("<packet><nobody/></packet>").expect_err("no such operator");
        assert!(matches!(error.kind(), ReadErrorKind::UnexpectedElement { .. }), "{error}");
    }
}

#[cfg(feature = "webuser")]
#[test]
fn with_the_feature_on_the_same_documents_read() {
    let response = ResponsePacket::from_xml(WEBUSER_RESPONSE).expect("webuser is compiled in");
    assert_eq!(response.operators().expect("no system error").len(), 1);
    RequestPacket::from_xml(WEBUSER_REQUEST).expect("webuser is compiled in");
}
