//! The baselines the generated packets are measured against: hand-written
//! serde structs of the same shape as the benchmark documents (for
//! `quick_xml::se` and `quick_xml::de`), quick-xml's raw `Writer` writing the
//! request's events from those structs, and quick-xml's raw `Reader`
//! iterating a document's events.
//!
//! The structs follow the schema types the documents use, field for field
//! and in schema order, with the same Rust types as the generated code
//! (`i32` ids, `bool`, enums for enumerations, `Option` for optional
//! elements, `Vec` of an enum for the operator and operation choices), so
//! that serde does the same work as our reader: every element becomes a
//! field, nothing is skipped (`deny_unknown_fields`), and writing a parsed
//! value back gives the document again (checked by [`check_serde_round_trip`]).

use std::hint::black_box;
use std::io;

use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use serde::{Deserialize, Serialize};

/// `<packet>` of a request: the version attribute and the operators.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "packet", deny_unknown_fields)]
pub struct RequestPacket {
    /// Attribute `version`.
    #[serde(rename = "@version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The operators, in document order.
    #[serde(rename = "$value")]
    pub operators: Vec<RequestOperator>,
}

/// One operator of a request (the choice of `<packet>`'s children).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestOperator {
    /// `<user>`.
    User(UserInput),
}

/// `<user>` of a request: its operations.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserInput {
    /// The operations, in document order.
    #[serde(rename = "$value")]
    pub operations: Vec<UserInputOperation>,
}

/// One operation of `<user>` in a request.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UserInputOperation {
    /// `<add>`.
    Add(UserAddInput),
}

/// `<add>` of a user request (schema type `UserAddInput`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct UserAddInput {
    /// `<gen-info>`.
    pub gen_info: UserAddGenInfo,
    /// `<roles>`.
    pub roles: UserRoles,
}

/// `<gen-info>` of a user add request (schema type `UserAddGenInfo`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct UserAddGenInfo {
    /// `<login>`.
    pub login: String,
    /// `<passwd>`.
    pub passwd: String,
    /// `<owner-guid>` (one side of a choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_guid: Option<String>,
    /// `<owner-external-id>` (the other side of the choice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_external_id: Option<String>,
    /// `<name>`.
    pub name: String,
    /// `<contact-info>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_info: Option<ContactInfo>,
    /// `<status>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<UserAddStatus>,
    /// `<external-id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `<subscription-domain-id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_domain_id: Option<i32>,
    /// `<email>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// `<status>` of a user add request.
#[derive(Debug, Serialize, Deserialize)]
pub enum UserAddStatus {
    /// `0`.
    #[serde(rename = "0")]
    Zero,
    /// `1`.
    #[serde(rename = "1")]
    One,
    /// `enabled`.
    #[serde(rename = "enabled")]
    Enabled,
    /// `disabled`.
    #[serde(rename = "disabled")]
    Disabled,
}

/// `<roles>` (schema type `UserAddRoles`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserRoles {
    /// `<name>`.
    pub name: String,
}

/// `<contact-info>` (schema type `ContactInfoAdd`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactInfo {
    /// `<company>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// `<phone>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `<fax>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// `<address>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `<city>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// `<state>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `<zip>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// `<country>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `<im>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub im: Option<String>,
    /// `<imtype>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imtype: Option<String>,
    /// `<comment>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `<locale>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

/// `<packet>` of a response: the version attribute and the operators.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename = "packet", deny_unknown_fields)]
pub struct ResponsePacket {
    /// Attribute `version`.
    #[serde(rename = "@version", default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The operators, in document order.
    #[serde(rename = "$value")]
    pub operators: Vec<ResponseOperator>,
}

/// One operator of a response.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResponseOperator {
    /// `<user>`.
    User(UserOutput),
    /// `<webspace>` (its structs are in `webspace.rs`).
    Webspace(super::webspace::WebspaceOutput),
}

/// `<user>` of a response: its operations' results.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserOutput {
    /// The operations, in document order.
    #[serde(rename = "$value")]
    pub operations: Vec<UserOutputOperation>,
}

/// One operation of `<user>` in a response.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UserOutputOperation {
    /// `<add>`.
    Add(UserAddOutput),
    /// `<get>`.
    Get(UserGetOutput),
}

/// `<add>` of a user response (schema type `UserAddOutput`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserAddOutput {
    /// `<result>`.
    pub result: UserAddResult,
}

/// `<result>` of a user add response.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserAddResult {
    /// `<status>`.
    pub status: ResultStatus,
    /// `<errcode>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errcode: Option<u32>,
    /// `<errtext>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errtext: Option<String>,
    /// `<id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// `<guid>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guid: Option<String>,
}

/// `<get>` of a user response (schema type `UserGetOutput`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserGetOutput {
    /// The `<result>`s.
    pub result: Vec<UserGetResult>,
}

/// `<result>` of a user get response.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct UserGetResult {
    /// `<status>`.
    pub status: ResultStatus,
    /// `<errcode>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errcode: Option<u32>,
    /// `<errtext>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errtext: Option<String>,
    /// `<filter-id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_id: Option<String>,
    /// `<id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// `<data>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<UserGetData>,
}

/// `<data>` of a user get result.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct UserGetData {
    /// `<gen-info>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gen_info: Option<UserGetGenInfo>,
    /// `<roles>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<UserRoles>,
}

/// `<gen-info>` of a user get result (schema type `UserGetGenInfo`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct UserGetGenInfo {
    /// `<login>`.
    pub login: String,
    /// `<name>`.
    pub name: String,
    /// `<owner-guid>`.
    pub owner_guid: String,
    /// `<status>`.
    pub status: UserStatus,
    /// `<guid>`.
    pub guid: String,
    /// `<is-built-in>`.
    pub is_built_in: bool,
    /// `<contact-info>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_info: Option<ContactInfo>,
    /// `<external-id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `<subscription-domain-id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_domain_id: Option<i32>,
    /// `<email>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `<mailname-id>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mailname_id: Option<i32>,
}

/// `<status>` of a user get result's `<gen-info>`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UserStatus {
    /// `enabled`.
    Enabled,
    /// `disabled`.
    Disabled,
}

/// `<status>` of an operation result.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResultStatus {
    /// `ok`.
    Ok,
    /// `error`.
    Error,
}

/// Reads a request with serde, for the serializers' input.
///
/// # Panics
///
/// If the document does not deserialize, or does not serialize back to
/// itself (see [`check_serde_round_trip`]).
pub fn serde_request(document: &str) -> RequestPacket {
    check_serde_round_trip::<RequestPacket>(document);
    quick_xml::de::from_str(document).expect("serde reads the request")
}

/// Checks, outside any timing, that serde reads `document` into `T` and
/// writes it back byte for byte: with `deny_unknown_fields` everywhere, this
/// proves that the baseline deserializes every element and attribute of the
/// document (a skipped field would be missing from the output).
///
/// # Panics
///
/// If either direction fails or the output differs from the document.
pub fn check_serde_round_trip<T>(document: &str)
where
    T: Serialize + for<'de> Deserialize<'de>,
{
    let value: T =
        quick_xml::de::from_str(document).unwrap_or_else(|error| panic!("serde cannot read the document: {error}"));
    let written = quick_xml::se::to_string(&value)
        .unwrap_or_else(|error| panic!("serde cannot write the document back: {error}"));
    assert!(
        written == document,
        "serde does not read the whole document: it writes back\n{written}\ninstead of\n{document}"
    );
}

/// Writes `packet` with quick-xml's raw `Writer`, event by event, the way a
/// hand-written serializer would: the floor for our serializer.
///
/// The buffer starts empty and grows as needed, as ours must (the output's
/// size is not known in advance).
pub fn write_request(packet: &RequestPacket) -> Vec<u8> {
    let mut writer = Writer::new(Vec::new());
    write_request_into(&mut writer, packet).expect("writing into a Vec does not fail");
    writer.into_inner()
}

/// The events of [`write_request`].
fn write_request_into(w: &mut Writer<Vec<u8>>, packet: &RequestPacket) -> io::Result<()> {
    let mut start = BytesStart::new("packet");
    if let Some(version) = &packet.version {
        start.push_attribute(("version", version.as_str()));
    }
    w.write_event(Event::Start(start))?;
    for operator in &packet.operators {
        match operator {
            RequestOperator::User(user) => {
                w.write_event(Event::Start(BytesStart::new("user")))?;
                for operation in &user.operations {
                    match operation {
                        UserInputOperation::Add(add) => write_user_add(w, add)?,
                    }
                }
                w.write_event(Event::End(BytesEnd::new("user")))?;
            }
        }
    }
    w.write_event(Event::End(BytesEnd::new("packet")))
}

/// The events of `<add>` in a user request.
fn write_user_add(w: &mut Writer<Vec<u8>>, add: &UserAddInput) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("add")))?;
    let info = &add.gen_info;
    w.write_event(Event::Start(BytesStart::new("gen-info")))?;
    text_element(w, "login", &info.login)?;
    text_element(w, "passwd", &info.passwd)?;
    optional_text_element(w, "owner-guid", info.owner_guid.as_deref())?;
    optional_text_element(w, "owner-external-id", info.owner_external_id.as_deref())?;
    text_element(w, "name", &info.name)?;
    if let Some(contact) = &info.contact_info {
        write_contact_info(w, contact)?;
    }
    if let Some(status) = &info.status {
        let status = match status {
            UserAddStatus::Zero => "0",
            UserAddStatus::One => "1",
            UserAddStatus::Enabled => "enabled",
            UserAddStatus::Disabled => "disabled",
        };
        text_element(w, "status", status)?;
    }
    optional_text_element(w, "external-id", info.external_id.as_deref())?;
    if let Some(id) = info.subscription_domain_id {
        text_element(w, "subscription-domain-id", itoa::Buffer::new().format(id))?;
    }
    optional_text_element(w, "email", info.email.as_deref())?;
    w.write_event(Event::End(BytesEnd::new("gen-info")))?;
    w.write_event(Event::Start(BytesStart::new("roles")))?;
    text_element(w, "name", &add.roles.name)?;
    w.write_event(Event::End(BytesEnd::new("roles")))?;
    w.write_event(Event::End(BytesEnd::new("add")))
}

/// The events of `<contact-info>`.
fn write_contact_info(w: &mut Writer<Vec<u8>>, contact: &ContactInfo) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("contact-info")))?;
    for (name, value) in [
        ("company", &contact.company),
        ("phone", &contact.phone),
        ("fax", &contact.fax),
        ("address", &contact.address),
        ("city", &contact.city),
        ("state", &contact.state),
        ("zip", &contact.zip),
        ("country", &contact.country),
        ("im", &contact.im),
        ("imtype", &contact.imtype),
        ("comment", &contact.comment),
        ("locale", &contact.locale),
    ] {
        optional_text_element(w, name, value.as_deref())?;
    }
    w.write_event(Event::End(BytesEnd::new("contact-info")))
}

/// `<name>value</name>`, the value escaped.
fn text_element(w: &mut Writer<Vec<u8>>, name: &str, value: &str) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))?;
    w.write_event(Event::Text(BytesText::new(value)))?;
    w.write_event(Event::End(BytesEnd::new(name)))
}

/// [`text_element`] when there is a value.
fn optional_text_element(w: &mut Writer<Vec<u8>>, name: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(value) => text_element(w, name, value),
        None => Ok(()),
    }
}

/// Iterates every event of `document` with quick-xml's raw `Reader` (default
/// configuration, borrowing from the `&str`), each passed through
/// [`black_box`]: the floor for our parser. Returns the number of events.
///
/// # Panics
///
/// If the document is not well-formed as far as quick-xml checks.
pub fn read_events(document: &str) -> usize {
    let mut reader = Reader::from_str(document);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return events,
            Ok(event) => {
                black_box(event);
                events += 1;
            }
            Err(error) => panic!("quick-xml cannot read the document: {error}"),
        }
    }
}
