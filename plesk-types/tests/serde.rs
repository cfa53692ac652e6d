//! The `serde` feature: generated values survive JSON and come back equal.
//!
//! A request packet built by hand and a response packet read from XML; the
//! documents of the generator's case `nillable` (nil and values); and, with
//! the feature `proptest` too, values drawn from the strategies of both
//! packets and of the case `strategies` (decimals, dates and times, open
//! content, wildcards, floats), which between them hold every runtime
//! value a generated field can have.

use std::fmt::Debug;

use plesk_types::v1_6_8_0::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

#[path = "../../codegen/tests/support/files.rs"]
mod files;

#[path = "support/case_module.rs"]
#[macro_use]
mod case_module;

case_module!(nillable);
case_module!(strategies as strategies_case);

/// `value` written as JSON and read back, with the JSON.
fn through_json<T: Serialize + DeserializeOwned>(value: &T) -> (T, String) {
    let json = serde_json::to_string(value).expect("generated values serialize");
    let back = serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error} reading back {json}"));
    (back, json)
}

fn assert_survives_json<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> String {
    let (back, json) = through_json(value);
    assert_eq!(&back, value, "after {json}");
    json
}

fn user_add() -> RequestPacket {
    let mut gen_info = UserAddGenInfo::new("jdoe", "s3cret-Passw0rd", "John Doe");
    gen_info.status = Some(UserAddGenInfoStatus::Enabled);
    gen_info.email = Some(EmailType::from("jdoe@example.com"));
    let add = UserAddInput::new(gen_info, UserAddRoles::new("Admin"));
    let mut packet = RequestPacket::new(vec![RequestOperator::User(UserInput::new(vec![UserInputChoice::Add(add)]))]);
    packet.version = Some("1.6.8.0".to_owned());
    packet
}

#[test]
fn a_request_packet_survives_json() {
    let packet = user_add();
    packet.validate().expect("the packet is valid");
    let json = assert_survives_json(&packet);
    // Fields by their Rust names, enumeration values by their variants.
    assert!(json.contains(r#""login":"jdoe""#) && json.contains(r#""status":"Enabled""#), "{json}");
    // Redaction is `Debug`'s only: JSON holds the password, as asked.
    assert!(json.contains("s3cret-Passw0rd"), "{json}");
}

#[test]
fn a_response_packet_read_from_xml_survives_json() {
    let response = ResponsePacket::from_xml(
        r#"<packet version="1.6.8.0"><user><add><result><status>ok</status><id>21</id>
           <guid>8712cd03-14e2-9e16-95af-c67e3ffc2696</guid></result></add></user></packet>"#,
    )
    .expect("a valid response");
    let (back, _) = through_json(&response);
    // Equal as values, and so as XML.
    assert_eq!(back, response);
    assert_eq!(back.to_xml(), response.to_xml());
}

#[test]
fn nil_and_values_survive_json() {
    let dir = files::workspace().join("codegen/tests/cases/nillable/ok");
    let documents = files::xml_files(&dir);
    assert!(!documents.is_empty(), "no document in {}", dir.display());
    for path in documents {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let record = nillable::Record::from_xml(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        assert_survives_json(&record);
    }
}

#[test]
fn json_is_checked_like_a_document_for_lexical_values() {
    let json = assert_survives_json(&Some(plesk_types::xml::Decimal::from(12)));
    assert_eq!(json, r#""12""#);
    let error = serde_json::from_str::<plesk_types::xml::Date>(r#""2026-13-01""#).expect_err("there is no month 13");
    assert!(error.to_string().contains("not a valid xs:date"), "{error}");
}

/// Values drawn from the strategies survive JSON.
#[cfg(feature = "proptest")]
mod drawn {
    use proptest::arbitrary::any;
    use proptest::test_runner::{Config, TestCaseError, TestRunner};

    use super::*;

    fn check<T>(name: &str)
    where
        T: proptest::arbitrary::Arbitrary<Parameters: Default> + Serialize + DeserializeOwned + PartialEq + Debug,
    {
        let config = Config { failure_persistence: None, cases: 64, ..Config::default() };
        let result = TestRunner::new(config).run(&any::<T>(), |value| {
            let (back, json) = through_json(&value);
            if back == value { Ok(()) } else { Err(TestCaseError::fail(format!("{json} reads back as {back:?}"))) }
        });
        if let Err(error) = result {
            panic!("{name}: {error}");
        }
    }

    #[test]
    fn drawn_packets_survive_json() {
        check::<RequestPacket>("RequestPacket");
        check::<ResponsePacket>("ResponsePacket");
    }

    #[test]
    fn drawn_values_of_every_runtime_type_survive_json() {
        check::<strategies_case::Order>("strategies::Order");
    }
}
