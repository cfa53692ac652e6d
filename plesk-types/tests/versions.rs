//! Protocol versions side by side: 1.6.7.0 and 1.6.8.0 are generated
//! together, the types they share are one Rust type, and each reads what its
//! own schema allows, as the `packet` check tool does with `--schema-version`.

#[path = "../examples/packet/check.rs"]
mod check;
mod support;

use check::check;
use plesk_types::{shared, v1_6_7_0, v1_6_8_0};
use support::Side;

const ADD_BILLING: &str = "<packet version=\"1.6.7.0\"><user><add-billing><gen-info><login>b1</login>\
    <passwd>secret1</passwd><name>Billing User</name></gen-info><roles><name>Admin</name></roles>\
    </add-billing></user></packet>";

fn user_add() -> shared::UserAddInput {
    shared::UserAddInput {
        gen_info: shared::UserAddGenInfo {
            login: "b1".to_owned(),
            passwd: "secret1".to_owned(),
            owner_guid_or_owner_external_id: None,
            name: "Billing User".to_owned(),
            contact_info: None,
            status: None,
            external_id: None,
            subscription_domain_id: None,
            email: None,
        },
        roles: shared::UserAddRoles { name: "Admin".to_owned() },
    }
}

#[test]
fn a_type_that_did_not_change_is_one_type_in_both_versions() {
    // The same value goes into a packet of either version, no conversion.
    let add = user_add();
    let older = v1_6_7_0::RequestPacket {
        version: Some("1.6.7.0".to_owned()),
        request_settings: None,
        operators: vec![v1_6_7_0::RequestOperator::User(v1_6_7_0::UserInput {
            choice: vec![v1_6_7_0::UserInputChoice::AddBilling(add.clone())],
        })],
    };
    let newer = v1_6_8_0::RequestPacket {
        version: Some("1.6.8.0".to_owned()),
        request_settings: None,
        operators: vec![v1_6_8_0::RequestOperator::User(v1_6_8_0::UserInput {
            choice: vec![v1_6_8_0::UserInputChoice::Add(add)],
        })],
    };
    assert_eq!(older.to_xml(), ADD_BILLING);
    assert_eq!(newer.to_xml(), ADD_BILLING.replace("1.6.7.0", "1.6.8.0").replace("add-billing>", "add>"));
    // The version modules name the shared types: one type, two paths. The
    // check is the type ascription, which only compiles if they are one.
    let _same: v1_6_8_0::UserAddInput = v1_6_7_0::UserAddInput::clone(&user_add());
}

#[test]
fn an_add_billing_packet_is_valid_in_1_6_7_0_only() {
    let older = check("1.6.7.0", Side::Request, ADD_BILLING.as_bytes());
    assert_eq!(older.errors, Vec::<String>::new());
    let output = older.output.expect("1.6.7.0 knows add-billing");
    assert!(output.contains("<add-billing>"), "{output}");

    let newer = check("1.6.8.0", Side::Request, ADD_BILLING.as_bytes());
    assert_eq!(newer.output, None);
    assert_eq!(
        newer.errors,
        vec!["1:33: packet/user: unexpected element <add-billing>, expected <add> or <get> or <set> or <del>"]
    );
}

#[test]
fn billing_results_read_in_1_6_7_0_only() {
    let response = "<packet><user><del-billing><result><status>ok</status><filter-id>x</filter-id><id>3</id>\
                    </result></del-billing></user></packet>";
    let older = v1_6_7_0::ResponsePacket::from_xml(response).expect("1.6.7.0 response");
    let operators = older.operators().expect("operator results");
    let [v1_6_7_0::ResponseOperator::User(user)] = operators else { panic!("one user operator: {operators:?}") };
    let [v1_6_7_0::UserOutputChoice::DelBilling(del)] = user.choice.as_slice() else { panic!("{user:?}") };
    assert_eq!(plesk_types::OperationResult::outcome(&del.result[0]), Ok(Some(shared::IdType(3))));
    let error = v1_6_8_0::ResponsePacket::from_xml(response).expect_err("1.6.8.0 has no del-billing");
    assert_eq!(error.path(), "packet/user");
}

#[test]
fn the_documentation_samples_read_in_both_versions() {
    for sample in [
        "<packet><user><del><filter><guid>8712cd03-14e2-9e16-95af-c67e3ffc2696</guid></filter></del></user></packet>",
        "<packet><webuser><add><site-id>12</site-id><login>myWebAccount</login></add></webuser></packet>",
    ] {
        for version in ["1.6.7.0", "1.6.8.0"] {
            let report = check(version, Side::Request, sample.as_bytes());
            assert_eq!(report.errors, Vec::<String>::new(), "{version}: {sample}");
            assert!(report.output.is_some(), "{version}");
        }
    }
}

#[test]
fn an_unknown_version_is_an_error_naming_the_known_ones() {
    let report = check("1.6.9.0", Side::Request, b"<packet/>");
    assert_eq!(report.output, None);
    assert_eq!(
        report.errors,
        vec![
            "unknown schema version 1.6.9.0; this build knows 1.6.7.0, 1.6.8.0 \
             (each version is a cargo feature, e.g. --features v1_6_7_0)"
        ]
    );
}

#[test]
fn only_what_changed_is_per_version() {
    // UserInput gained the billing operations in 1.6.7.0, so it and what
    // holds it (the request packet) are per version; a type they both use
    // is shared.
    fn same_type<T>(_: &T, _: &T) {}
    let filter = shared::UserSelectionFilter::All(shared::NoneType);
    same_type(&v1_6_7_0::UserDelInput { filter: filter.clone() }, &v1_6_8_0::UserDelInput { filter });
    assert_ne!(std::any::type_name::<v1_6_7_0::UserInput>(), std::any::type_name::<v1_6_8_0::UserInput>());
}

/// xmllint's verdicts on the billing packet, against each version's schemas.
#[test]
fn xmllint_agrees_on_the_billing_packet() {
    let valid = |version: &str| {
        let schema =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("schemas/{version}/agent_input.xsd"));
        support::xmllint::validate(&schema, ADD_BILLING).valid
    };
    assert!(valid("1.6.7.0"));
    assert!(!valid("1.6.8.0"));
}

/// Every documentation sample reads, validates and is written the same way
/// in both versions (what the user get response lacks is tolerated in both).
#[test]
fn every_documentation_sample_round_trips_in_both_versions() {
    let samples = support::samples();
    assert!(samples.len() >= 9, "{} samples", samples.len());
    for sample in samples {
        let reports: Vec<_> =
            ["1.6.7.0", "1.6.8.0"].map(|version| check(version, sample.side, sample.block.text.as_bytes())).into();
        assert_eq!(reports[0].errors, Vec::<String>::new(), "{}", sample.label());
        assert!(reports[0].output.is_some(), "{}", sample.label());
        assert_eq!(reports[0], reports[1], "{}", sample.label());
    }
}
