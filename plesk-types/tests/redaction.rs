//! Secrets stay out of `Debug` wherever the schema puts them: in a field,
//! and in an alternative of a choice (a mailbox's password, a secret key
//! read back, a license key), while an operator named like a secret
//! (`<secret_key>`) still shows the operations it carries; and in the value
//! of a name/value pair named like a secret (a hosting setting's
//! `ftp_password`).

use plesk_types::v1_6_8_0::{
    ApplicationInput, GetResultTypeChoice, KeyType, MailnameUpdateTypePassword, MailnameUpdateTypePasswordOrUserGuid,
    PleskPhysHostingPropertyType, ResponsePacket, SecretKeyResponseTypeGetInfoResultKeyInfoOrKey,
    SubdomainPropertyType,
};

const SECRET: &str = "e2a7c914-5d3b-4f60-9b18-c07d2e6a45f1";

#[test]
fn a_mailbox_password_alternative_is_redacted_whole() {
    let password = MailnameUpdateTypePasswordOrUserGuid::Password(MailnameUpdateTypePassword {
        value: Some(SECRET.to_owned()),
        r#type: None,
    });
    let debug = format!("{password:?}");
    assert_eq!(debug, "Password(<redacted>)");
    let guid = MailnameUpdateTypePasswordOrUserGuid::UserGuid("not-a-secret".to_owned());
    assert!(format!("{guid:?}").contains("not-a-secret"), "other alternatives show: {guid:?}");
}

#[test]
fn a_secret_key_read_back_is_redacted() {
    let key = SecretKeyResponseTypeGetInfoResultKeyInfoOrKey::Key(SECRET.to_owned());
    assert_eq!(format!("{key:?}"), "Key(<redacted>)");
    let license = GetResultTypeChoice::Key(KeyType::new(Vec::new(), SECRET));
    assert_eq!(format!("{license:?}"), "Key(<redacted>)", "a server's license key");
}

#[test]
fn the_secret_key_operator_shows_its_operations_but_not_the_key() {
    let response = ResponsePacket::from_xml(&format!(
        "<packet version=\"1.6.8.0\"><secret_key><create><result><status>ok</status><key>{SECRET}</key></result></create></secret_key></packet>"
    ))
    .expect("a secret key create response reads");
    let debug = format!("{response:?}");
    assert!(debug.contains("SecretKey(") && debug.contains("Create"), "the operator and its operation show: {debug}");
    assert!(!debug.contains(SECRET), "{debug}");
}

#[test]
fn a_hosting_setting_named_like_a_secret_hides_its_value_only() {
    let password = PleskPhysHostingPropertyType::new("ftp_password", SECRET);
    assert_eq!(format!("{password:?}"), r#"PleskPhysHostingPropertyType { name: "ftp_password", value: <redacted> }"#);
    let subdomain = SubdomainPropertyType::new("ftp_password", SECRET);
    assert!(!format!("{subdomain:?}").contains(SECRET), "a subdomain's hosting: {subdomain:?}");
    let application = ApplicationInput::new("password", SECRET);
    assert!(!format!("{application:?}").contains(SECRET), "an application's settings: {application:?}");
    let login = PleskPhysHostingPropertyType::new("ftp_login", "site-owner");
    assert_eq!(format!("{login:?}"), r#"PleskPhysHostingPropertyType { name: "ftp_login", value: "site-owner" }"#);
}

#[test]
fn a_subscription_read_back_hides_its_ftp_password() {
    let response = ResponsePacket::from_xml(&format!(
        "<packet version=\"1.6.8.0\"><webspace><get><result><status>ok</status><id>7</id><data><hosting><vrt_hst>\
         <property><name>ftp_login</name><value>site-owner</value></property>\
         <property><name>ftp_password</name><value>{SECRET}</value></property>\
         <ip_address>192.0.2.10</ip_address></vrt_hst></hosting></data></result></get></webspace></packet>"
    ))
    .expect("a subscription get response with hosting settings reads");
    let debug = format!("{response:?}");
    assert!(debug.contains("site-owner"), "other settings show: {debug}");
    assert!(!debug.contains(SECRET), "{debug}");
}
