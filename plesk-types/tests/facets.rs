//! Every facet and occurrence bound of the 1.6.8.0 schemas: a value that
//! breaks it is rejected by `validate()` with the element path and the
//! message, and xmllint rejects what such a value serializes to. Where the
//! Rust type cannot hold a breaking value (enumerations are Rust enums), the
//! breaking lexical value fails to parse, with the element path and the
//! position.
//!
//! The facets, from the XSD files:
//! - `id_type`: xs:int, minInclusive 1 (common.xsd);
//! - `emailType`: pattern `[^@\s]+@[^@\s]+` (common.xsd);
//! - webuser `password` (add and set): minLength 4, maxLength 64, pattern
//!   `[^\s"]*` (webuser.xsd);
//! - webuser add `login`: pattern `[A-Za-z]\S*` (webuser.xsd);
//! - enumerations: `result_status`, `passwdType` (common.xsd), the `status`
//!   of user add, set and get (user.xsd);
//! - occurrence bounds: every `maxOccurs="unbounded"` element and group has
//!   minOccurs 1.

mod support;

use plesk_types::v1_6_8_0::*;
use plesk_types::xml::{Position, ReadError, ReadErrorKind, ValueError, ViolationKind};
use support::{Side, xmllint};

/// A request or a response packet.
enum Packet {
    Request(RequestPacket),
    Response(ResponsePacket),
}

impl Packet {
    fn side(&self) -> Side {
        match self {
            Packet::Request(_) => Side::Request,
            Packet::Response(_) => Side::Response,
        }
    }

    fn to_xml(&self) -> String {
        match self {
            Packet::Request(packet) => packet.to_xml(),
            Packet::Response(packet) => packet.to_xml(),
        }
    }

    /// Every violation `validate()` reports, displayed, in order; also
    /// checks that `ValidationErrors` displays them one per line.
    fn violations(&self) -> Vec<String> {
        let result = match self {
            Packet::Request(packet) => packet.validate(),
            Packet::Response(packet) => packet.validate(),
        };
        match result {
            Ok(()) => Vec::new(),
            Err(errors) => {
                let lines: Vec<String> = errors.violations().iter().map(ToString::to_string).collect();
                assert_eq!(errors.to_string(), lines.join("\n"));
                lines
            }
        }
    }

    /// The violations found after a trip through XML: what a packet read
    /// from a document reports; or why it cannot be read.
    fn violations_after_reading(&self) -> Result<Vec<String>, ReadError> {
        let xml = self.to_xml();
        let read = match self {
            Packet::Request(_) => Packet::Request(RequestPacket::from_xml(&xml)?),
            Packet::Response(_) => Packet::Response(ResponsePacket::from_xml(&xml)?),
        };
        Ok(read.violations())
    }
}

fn user(operation: UserInputChoice) -> Packet {
    Packet::Request(support::bare_request(vec![support::user_operator(operation)]))
}

fn webuser(operation: WebUserInputTypeChoice) -> Packet {
    Packet::Request(support::bare_request(vec![support::webuser_operator(operation)]))
}

fn user_response(operation: UserOutputChoice) -> Packet {
    Packet::Response(support::bare_response(vec![support::user_result(operation)]))
}

fn webuser_response(operation: WebUserOutputTypeChoice) -> Packet {
    Packet::Response(support::bare_response(vec![support::webuser_result(operation)]))
}

/// Each case breaks exactly the facets its expected violations name: checks
/// the violations; that reading the serialized value back gives the same
/// violations (or, where an occurrence bound is broken, which the reader
/// enforces itself, fails at the path of that violation); and that xmllint
/// rejects the serialized value too.
fn assert_cases(cases: Vec<(Packet, Vec<String>)>) {
    for (packet, expected) in cases {
        assert!(!expected.is_empty(), "a breaking case with no expected violation");
        let xml = packet.to_xml();
        assert_eq!(packet.violations(), expected, "validate() on\n{xml}");
        match packet.violations_after_reading() {
            Ok(violations) => assert_eq!(violations, expected, "validate() after reading\n{xml}"),
            Err(error) => assert!(
                expected.iter().any(|line| line.starts_with(&format!("{}: 0 <", error.path()))),
                "{error}: reading back fails, and not at a broken occurrence bound:\n{xml}"
            ),
        }
        let verdict = xmllint(packet.side(), &xml);
        assert!(!verdict.valid, "xmllint accepts what validate() refuses:\n{xml}");
    }
}

/// Values at the edge of their facets: valid for validate() and xmllint.
fn assert_valid(cases: Vec<Packet>) {
    for packet in cases {
        let xml = packet.to_xml();
        assert_eq!(packet.violations(), Vec::<String>::new(), "validate() on\n{xml}");
        let verdict = xmllint(packet.side(), &xml);
        assert!(verdict.valid, "xmllint rejects what validate() accepts:\n{}\n{xml}", verdict.report);
    }
}

fn lines(lines: &[&str]) -> Vec<String> {
    lines.iter().map(|line| (*line).to_owned()).collect()
}

// ---------------------------------------------------------------------------
// id_type: minInclusive 1
// ---------------------------------------------------------------------------

/// Every place `id_type` is used, holding `id`, with the path of that place.
fn id_places(id: i32) -> Vec<(Packet, &'static str)> {
    let id = IdType(id);
    let mut places = Vec::new();

    let mut add = support::webuser_add();
    add.site_id = id;
    places.push((webuser(WebUserInputTypeChoice::Add(add)), "packet/webuser/add/site-id"));

    let mut del = support::webuser_del();
    del.filter = WebUserFilter::Id(vec![id]);
    places.push((webuser(WebUserInputTypeChoice::Del(del)), "packet/webuser/del/filter/id"));

    let mut del = support::webuser_del();
    del.site_id_or_site_name = Some(WebUserDelInputTypeSiteIdOrSiteName::SiteId(id));
    places.push((webuser(WebUserInputTypeChoice::Del(del)), "packet/webuser/del/site-id"));

    let mut set = support::webuser_set();
    set.filter = WebUserFilter::SiteId(vec![id]);
    places.push((webuser(WebUserInputTypeChoice::Set(set)), "packet/webuser/set/filter/site-id"));

    let mut set = support::webuser_set();
    set.site_id_or_site_name = Some(WebUserSetInputTypeSiteIdOrSiteName::SiteId(id));
    places.push((webuser(WebUserInputTypeChoice::Set(set)), "packet/webuser/set/site-id"));

    let mut get = support::webuser_get();
    get.site_id_or_site_name = Some(WebUserGetInputTypeSiteIdOrSiteName::SiteId(id));
    places.push((webuser(WebUserInputTypeChoice::Get(get)), "packet/webuser/get/site-id"));

    let mut set_prefs = support::webuser_set_prefs();
    set_prefs.filter = WebUserOwnFilter::SiteId(vec![id]);
    places.push((webuser(WebUserInputTypeChoice::SetPrefs(set_prefs)), "packet/webuser/set-prefs/filter/site-id"));

    let mut set_prefs = support::webuser_set_prefs();
    set_prefs.site_id_or_site_name = Some(WebUserSetPrefInputTypeSiteIdOrSiteName::SiteId(id));
    places.push((webuser(WebUserInputTypeChoice::SetPrefs(set_prefs)), "packet/webuser/set-prefs/site-id"));

    let mut get_prefs = support::webuser_get_prefs();
    get_prefs.site_id_or_site_name = Some(WebUserGetPrefInputTypeSiteIdOrSiteName::SiteId(id));
    places.push((webuser(WebUserInputTypeChoice::GetPrefs(get_prefs)), "packet/webuser/get-prefs/site-id"));

    let mut output = support::user_add_output();
    if let Some(id_and_guid) = &mut output.result.id_and_guid {
        id_and_guid.id = id;
    }
    places.push((user_response(UserOutputChoice::Add(output)), "packet/user/add/result/id"));

    let mut output = support::user_get_output();
    output.result.truncate(1);
    output.result[0].id = Some(id);
    places.push((user_response(UserOutputChoice::Get(output)), "packet/user/get/result/id"));

    let mut result = support::result_filter(1);
    result.id = Some(id);
    places.push((
        user_response(UserOutputChoice::Set(UsetSetOutput { result: vec![result.clone()] })),
        "packet/user/set/result/id",
    ));
    places.push((
        user_response(UserOutputChoice::Del(UserDelOutput { result: vec![result.clone()] })),
        "packet/user/del/result/id",
    ));
    places.push((
        webuser_response(WebUserOutputTypeChoice::Del(WebUserDelOutputType { result: vec![result.clone()] })),
        "packet/webuser/del/result/id",
    ));
    places.push((
        webuser_response(WebUserOutputTypeChoice::SetPrefs(WebUserSetPrefOutputType { result: vec![result] })),
        "packet/webuser/set-prefs/result/id",
    ));

    let mut output = support::webuser_add_output();
    output.result.id = Some(id);
    places.push((webuser_response(WebUserOutputTypeChoice::Add(output)), "packet/webuser/add/result/id"));

    let mut output = support::webuser_get_output();
    output.result.truncate(1);
    output.result[0].id = Some(id);
    places.push((webuser_response(WebUserOutputTypeChoice::Get(output)), "packet/webuser/get/result/id"));

    let mut output = support::webuser_get_prefs_output();
    output.result.truncate(1);
    output.result[0].id = Some(id);
    places.push((webuser_response(WebUserOutputTypeChoice::GetPrefs(output)), "packet/webuser/get-prefs/result/id"));

    places
}

#[test]
fn an_id_below_1_is_refused_wherever_id_type_is_used() {
    for id in [0, -1, i32::MIN] {
        let cases = id_places(id)
            .into_iter()
            .map(|(packet, path)| (packet, vec![format!("{path}: {id} is below minInclusive 1")]))
            .collect();
        assert_cases(cases);
    }
}

#[test]
fn ids_from_1_up_are_valid_wherever_id_type_is_used() {
    for id in [1, i32::MAX] {
        assert_valid(id_places(id).into_iter().map(|(packet, _)| packet).collect());
    }
}

// ---------------------------------------------------------------------------
// emailType: pattern [^@\s]+@[^@\s]+
// ---------------------------------------------------------------------------

/// Every place `emailType` is used, holding `email`, with its path.
fn email_places(email: &str) -> Vec<(Packet, &'static str)> {
    let mut add = support::user_add();
    add.gen_info.email = Some(EmailType::from(email));
    let mut set = support::user_set();
    if let Some(gen_info) = &mut set.values.gen_info {
        gen_info.email = Some(EmailType::from(email));
    }
    let mut get = support::user_get_output();
    get.result.truncate(1);
    if let Some(gen_info) = get.result[0].data.as_mut().and_then(|data| data.gen_info.as_mut()) {
        gen_info.email = Some(EmailType::from(email));
    }
    vec![
        (user(UserInputChoice::Add(add)), "packet/user/add/gen-info/email"),
        (user(UserInputChoice::Set(set)), "packet/user/set/values/gen-info/email"),
        (user_response(UserOutputChoice::Get(get)), "packet/user/get/result/data/gen-info/email"),
    ]
}

#[test]
fn an_email_that_does_not_match_email_type_is_refused() {
    for email in ["not-an-email", "a@b@c", "a b@c", "a@b\tc", "", "@example.com", "john@", "@"] {
        let cases = email_places(email)
            .into_iter()
            .map(|(packet, path)| {
                (packet, vec![format!(r#"{path}: {email:?} does not match pattern '[^@\s]+@[^@\s]+'"#)])
            })
            .collect();
        assert_cases(cases);
    }
}

#[test]
fn emails_that_match_email_type_are_valid() {
    for email in ["a@b", "john.doe+tag@example.com", "josé@exämple.com", "a\u{a0}b@c"] {
        assert_valid(email_places(email).into_iter().map(|(packet, _)| packet).collect());
    }
}

// ---------------------------------------------------------------------------
// webuser password: minLength 4, maxLength 64, pattern [^\s"]*
// ---------------------------------------------------------------------------

/// The two places the web user password is, holding `password`.
fn password_places(password: &str) -> Vec<(Packet, &'static str)> {
    let mut add = support::webuser_add();
    add.password_and_password_type =
        Some(WebUserAddInputTypePasswordAndPasswordType { password: password.to_owned(), password_type: None });
    let mut set = support::webuser_set();
    set.values.password_and_password_type =
        Some(WebUserSetParamPasswordAndPasswordType { password: password.to_owned(), password_type: None });
    vec![
        (webuser(WebUserInputTypeChoice::Add(add)), "packet/webuser/add/password"),
        (webuser(WebUserInputTypeChoice::Set(set)), "packet/webuser/set/values/password"),
    ]
}

fn password_cases(password: &str, messages: &[&str]) -> Vec<(Packet, Vec<String>)> {
    password_places(password)
        .into_iter()
        .map(|(packet, path)| (packet, messages.iter().map(|message| format!("{path}: {message}")).collect()))
        .collect()
}

#[test]
fn a_password_shorter_than_4_characters_is_refused() {
    assert_cases(password_cases("abc", &["length 3 is below minLength 4"]));
    assert_cases(password_cases("", &["length 0 is below minLength 4"]));
    // Characters, not bytes: three two-byte characters are three.
    assert_cases(password_cases("ééé", &["length 3 is below minLength 4"]));
}

#[test]
fn a_password_longer_than_64_characters_is_refused() {
    assert_cases(password_cases(&"x".repeat(65), &["length 65 is above maxLength 64"]));
    assert_cases(password_cases(&"é".repeat(65), &["length 65 is above maxLength 64"]));
    assert_cases(password_cases(&"x".repeat(1000), &["length 1000 is above maxLength 64"]));
}

/// A password is a secret: the violation names the pattern, never the value.
const PASSWORD_PATTERN: &str = r#""<redacted>" does not match pattern '[^\s"]*'"#;

#[test]
fn a_password_with_white_space_or_a_quote_is_refused() {
    for password in ["pass word", "pass\tword", "password\n", "pass\"word", " abcd"] {
        assert_cases(password_cases(password, &[PASSWORD_PATTERN]));
    }
}

#[test]
fn a_password_breaking_several_facets_gets_a_violation_for_each() {
    assert_cases(password_cases("a b", &["length 3 is below minLength 4", PASSWORD_PATTERN]));
    let long = format!("{} \"", "x".repeat(70));
    assert_cases(password_cases(&long, &["length 72 is above maxLength 64", PASSWORD_PATTERN]));
}

#[test]
fn passwords_of_4_to_64_characters_without_white_space_are_valid() {
    for password in [
        "abcd".to_owned(),
        "x".repeat(64),
        "éééé".to_owned(),
        "é".repeat(64),
        "😀".repeat(4),
        "p@$$'w0rd<&>".to_owned(),
    ] {
        assert_valid(password_places(&password).into_iter().map(|(packet, _)| packet).collect());
    }
}

// ---------------------------------------------------------------------------
// webuser add login: pattern [A-Za-z]\S*
// ---------------------------------------------------------------------------

fn login_place(login: &str) -> Packet {
    let mut add = support::webuser_add();
    add.login = login.to_owned();
    webuser(WebUserInputTypeChoice::Add(add))
}

#[test]
fn a_login_not_starting_with_a_letter_or_holding_white_space_is_refused() {
    for login in ["1web", "_web", "-web", "élan", "", "web user", "web\n", " web"] {
        let message = format!(r#"packet/webuser/add/login: {login:?} does not match pattern '[A-Za-z]\S*'"#);
        assert_cases(vec![(login_place(login), vec![message])]);
    }
}

#[test]
fn logins_starting_with_an_ascii_letter_without_white_space_are_valid() {
    assert_valid(["w", "myWebAccount", "Z9-._é", "a\u{a0}b"].into_iter().map(login_place).collect());
}

// ---------------------------------------------------------------------------
// Characters XML cannot carry (every string)
// ---------------------------------------------------------------------------

#[test]
fn a_string_with_a_character_xml_cannot_carry_is_refused() {
    let mut add = support::user_add();
    add.gen_info.name = "Eugene\u{1}Grin".to_owned();
    let mut del = support::user_del();
    del.filter = UserSelectionFilter::Guid(vec!["ok".to_owned(), "\u{ffff}".to_owned()]);
    let cases = [
        (
            user(UserInputChoice::Add(add)),
            r"packet/user/add/gen-info/name: character '\u{1}' cannot be written in XML",
            r"packet/user/add/gen-info/name: malformed XML: character '\u{1}' is not allowed in XML",
        ),
        (
            user(UserInputChoice::Del(del)),
            r"packet/user/del/filter/guid[2]: character '\u{ffff}' cannot be written in XML",
            r"packet/user/del/filter/guid[2]: malformed XML: character '\u{ffff}' is not allowed in XML",
        ),
    ];
    for (packet, violation, read_error) in cases {
        let xml = packet.to_xml();
        assert_eq!(packet.violations(), lines(&[violation]), "validate() on\n{xml}");
        // What validate() refuses the writer still writes, and the reader
        // refuses it as malformed XML, at the same element.
        let error = packet.violations_after_reading().expect_err("the written XML is not well-formed");
        assert!(error.to_string().ends_with(read_error), "{error}");
        assert!(!xmllint(packet.side(), &xml).valid, "xmllint accepts what validate() refuses:\n{xml}");
    }
}

// ---------------------------------------------------------------------------
// Occurrence bounds: 1..unbounded elements and groups given nothing
// ---------------------------------------------------------------------------

#[test]
fn an_empty_list_where_the_schema_wants_at_least_one_element_is_refused() {
    let too_few = |path: &str, element: &str| vec![format!("{path}: 0 <{element}> elements, at least 1 required")];
    let user_del = |filter| user(UserInputChoice::Del(UserDelInput { filter }));
    let webuser_del =
        |filter| webuser(WebUserInputTypeChoice::Del(WebUserDelInputType { filter, site_id_or_site_name: None }));
    let get_prefs = |filter| {
        webuser(WebUserInputTypeChoice::GetPrefs(WebUserGetPrefInputType { filter, site_id_or_site_name: None }))
    };
    let mut add = support::webuser_add();
    add.services = Some(ServicesType { service: vec![] });
    let mut get = support::webuser_get_output();
    get.result.truncate(1);
    get.result[0].login_group.as_mut().expect("login group").services = Some(ServicesType { service: vec![] });
    let no_settings = Packet::Request(RequestPacket {
        version: None,
        request_settings: Some(RequestPacketRequestSettings { setting: vec![] }),
        operators: vec![RequestOperator::User(UserInput { choice: vec![UserInputChoice::Del(support::user_del())] })],
    });

    assert_cases(vec![
        (user_del(UserSelectionFilter::Guid(vec![])), too_few("packet/user/del/filter", "guid")),
        (user_del(UserSelectionFilter::OwnerGuid(vec![])), too_few("packet/user/del/filter", "owner-guid")),
        (user_del(UserSelectionFilter::ExternalId(vec![])), too_few("packet/user/del/filter", "external-id")),
        (
            user_del(UserSelectionFilter::OwnerExternalId(vec![])),
            too_few("packet/user/del/filter", "owner-external-id"),
        ),
        (webuser_del(WebUserFilter::Id(vec![])), too_few("packet/webuser/del/filter", "id")),
        (webuser_del(WebUserFilter::Login(vec![])), too_few("packet/webuser/del/filter", "login")),
        (webuser_del(WebUserFilter::SiteId(vec![])), too_few("packet/webuser/del/filter", "site-id")),
        (webuser_del(WebUserFilter::SiteName(vec![])), too_few("packet/webuser/del/filter", "site-name")),
        (get_prefs(WebUserOwnFilter::SiteId(vec![])), too_few("packet/webuser/get-prefs/filter", "site-id")),
        (get_prefs(WebUserOwnFilter::SiteName(vec![])), too_few("packet/webuser/get-prefs/filter", "site-name")),
        (webuser(WebUserInputTypeChoice::Add(add)), too_few("packet/webuser/add/services", "service")),
        (no_settings, too_few("packet/request-settings", "setting")),
        (user_response(UserOutputChoice::Get(UserGetOutput { result: vec![] })), too_few("packet/user/get", "result")),
        (user_response(UserOutputChoice::Set(UsetSetOutput { result: vec![] })), too_few("packet/user/set", "result")),
        (user_response(UserOutputChoice::Del(UserDelOutput { result: vec![] })), too_few("packet/user/del", "result")),
        (
            webuser_response(WebUserOutputTypeChoice::Del(WebUserDelOutputType { result: vec![] })),
            too_few("packet/webuser/del", "result"),
        ),
        (
            webuser_response(WebUserOutputTypeChoice::Set(WebUserSetOutputType { result: vec![] })),
            too_few("packet/webuser/set", "result"),
        ),
        (
            webuser_response(WebUserOutputTypeChoice::Get(WebUserGetOutputType { result: vec![] })),
            too_few("packet/webuser/get", "result"),
        ),
        (
            webuser_response(WebUserOutputTypeChoice::SetPrefs(WebUserSetPrefOutputType { result: vec![] })),
            too_few("packet/webuser/set-prefs", "result"),
        ),
        (
            webuser_response(WebUserOutputTypeChoice::GetPrefs(WebUserGetPrefOutputType { result: vec![] })),
            too_few("packet/webuser/get-prefs", "result"),
        ),
        (webuser_response(WebUserOutputTypeChoice::Get(get)), too_few("packet/webuser/get/result/services", "service")),
    ]);
}

/// A repeated choice given no alternative at all: the packet's operators,
/// an operator's operations. The violation is at the element that should
/// hold them.
#[test]
fn an_empty_list_where_the_schema_wants_at_least_one_alternative_is_refused() {
    // FIXME(issue 10): should name the group (`<user> or <webuser>`, `<add> or
    // <get> or ...`), not its first element.
    let cases: Vec<(Packet, &str, &str)> = vec![
        (
            Packet::Request(RequestPacket { version: None, request_settings: None, operators: vec![] }),
            "packet",
            "server", // the first operator of the whole API's request envelope
        ),
        (
            Packet::Request(RequestPacket {
                version: None,
                request_settings: None,
                operators: vec![RequestOperator::User(UserInput { choice: vec![] })],
            }),
            "packet/user",
            "add",
        ),
        (
            Packet::Request(RequestPacket {
                version: None,
                request_settings: None,
                operators: vec![RequestOperator::Webuser(WebUserInputType { choice: vec![] })],
            }),
            "packet/webuser",
            "add",
        ),
        (
            Packet::Response(ResponsePacket {
                version: None,
                content: ResponseContent::Operators(vec![]),
                output: None,
            }),
            "packet",
            "certificate", // the first of the response envelope
        ),
        (
            Packet::Response(ResponsePacket {
                version: None,
                content: ResponseContent::Operators(vec![ResponseOperator::User(UserOutput { choice: vec![] })]),
                output: None,
            }),
            "packet/user",
            "add",
        ),
        (
            Packet::Response(ResponsePacket {
                version: None,
                content: ResponseContent::Operators(vec![ResponseOperator::Webuser(WebUserOutputType {
                    choice: vec![],
                })]),
                output: None,
            }),
            "packet/webuser",
            "add",
        ),
    ];
    for (packet, path, element) in cases {
        let result = match &packet {
            Packet::Request(packet) => packet.validate(),
            Packet::Response(packet) => packet.validate(),
        };
        let errors = result.expect_err(path);
        let violations = errors.violations();
        assert_eq!(violations.len(), 1, "{errors}");
        assert_eq!(violations[0].path, path);
        assert_eq!(violations[0].kind, ViolationKind::TooFew { element, actual: 0, min: 1 }, "{path}");
        assert!(!xmllint(packet.side(), &packet.to_xml()).valid, "xmllint accepts\n{}", packet.to_xml());
    }
}

// ---------------------------------------------------------------------------
// Several violations; positions of repeated elements
// ---------------------------------------------------------------------------

#[test]
fn every_violation_of_a_packet_is_reported_in_document_order() {
    let mut add = support::webuser_add();
    add.site_id = IdType(0);
    add.login = "1x".to_owned();
    add.password_and_password_type =
        Some(WebUserAddInputTypePasswordAndPasswordType { password: "a b".to_owned(), password_type: None });
    add.services = Some(ServicesType { service: vec![] });
    let mut del = support::webuser_del();
    del.filter = WebUserFilter::Id(vec![IdType(1), IdType(0), IdType(-5)]);
    let mut user_add = support::user_add();
    user_add.gen_info.email = Some(EmailType::from("nope"));
    let packet = Packet::Request(RequestPacket {
        version: Some("1.6.8.0".to_owned()),
        request_settings: None,
        operators: vec![
            RequestOperator::Webuser(WebUserInputType {
                choice: vec![WebUserInputTypeChoice::Add(add), WebUserInputTypeChoice::Del(del)],
            }),
            RequestOperator::User(UserInput { choice: vec![UserInputChoice::Add(user_add)] }),
        ],
    });
    assert_cases(vec![(
        packet,
        lines(&[
            "packet/webuser/add/site-id: 0 is below minInclusive 1",
            r#"packet/webuser/add/login: "1x" does not match pattern '[A-Za-z]\S*'"#,
            "packet/webuser/add/password: length 3 is below minLength 4",
            r#"packet/webuser/add/password: "<redacted>" does not match pattern '[^\s"]*'"#,
            "packet/webuser/add/services: 0 <service> elements, at least 1 required",
            "packet/webuser/del/filter/id[2]: 0 is below minInclusive 1",
            "packet/webuser/del/filter/id[3]: -5 is below minInclusive 1",
            r#"packet/user/add/gen-info/email: "nope" does not match pattern '[^@\s]+@[^@\s]+'"#,
        ]),
    )]);
}

/// Finds the element a violation path names in `document`: each step is a
/// child of that name, `name[n]` the n-th of them (from 1), a bare name
/// the only one. Returns `None` if the path names no element or an
/// ambiguous one.
fn resolve<'a, 'input>(document: &'a roxmltree::Document<'input>, path: &str) -> Option<roxmltree::Node<'a, 'input>> {
    let mut steps = path.split('/');
    let mut node = document.root_element();
    if steps.next()? != node.tag_name().name() {
        return None;
    }
    for step in steps {
        let (name, position) = match step.split_once('[') {
            Some((name, rest)) => (name, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
            None => (step, None),
        };
        let mut same_name = node.children().filter(|child| child.is_element() && child.tag_name().name() == name);
        node = match position {
            Some(position) => same_name.nth(position.checked_sub(1)?)?,
            None => {
                let only = same_name.next()?;
                if same_name.next().is_some() {
                    return None;
                }
                only
            }
        };
    }
    Some(node)
}

#[test]
fn repeated_elements_get_their_position_in_the_path() {
    let bad_email = |email: &str| {
        let mut add = support::user_add();
        add.gen_info.email = Some(EmailType::from(email));
        UserInputChoice::Add(add)
    };
    let bad_password = || {
        let mut add = support::webuser_add();
        if let Some(password) = &mut add.password_and_password_type {
            password.password = "abc".to_owned();
        }
        WebUserInputTypeChoice::Add(add)
    };
    let bad_result = |id: i32| {
        let mut result = support::result_filter(1);
        result.id = Some(IdType(id));
        result
    };
    let mut get = support::user_get_output();
    if let Some(gen_info) = get.result[1].data.as_mut().and_then(|data| data.gen_info.as_mut()) {
        gen_info.email = Some(EmailType::from("x"));
    }

    let request = Packet::Request(RequestPacket {
        version: None,
        request_settings: None,
        operators: vec![
            RequestOperator::Webuser(WebUserInputType {
                choice: vec![
                    WebUserInputTypeChoice::Add(support::webuser_add()),
                    WebUserInputTypeChoice::Del(support::webuser_del()),
                    bad_password(),
                ],
            }),
            RequestOperator::User(UserInput {
                choice: vec![bad_email("a"), UserInputChoice::Del(support::user_del())],
            }),
            RequestOperator::User(UserInput { choice: vec![bad_email("b"), bad_email("c")] }),
        ],
    });
    let response = Packet::Response(ResponsePacket {
        version: None,
        content: ResponseContent::Operators(vec![
            ResponseOperator::User(UserOutput { choice: vec![UserOutputChoice::Get(get)] }),
            ResponseOperator::Webuser(WebUserOutputType {
                choice: vec![
                    WebUserOutputTypeChoice::Del(WebUserDelOutputType { result: vec![bad_result(1), bad_result(0)] }),
                    WebUserOutputTypeChoice::Del(WebUserDelOutputType { result: vec![bad_result(0)] }),
                ],
            }),
        ]),
        output: None,
    });
    let expected_request = lines(&[
        "packet/webuser/add[2]/password: length 3 is below minLength 4",
        r#"packet/user[1]/add/gen-info/email: "a" does not match pattern '[^@\s]+@[^@\s]+'"#,
        r#"packet/user[2]/add[1]/gen-info/email: "b" does not match pattern '[^@\s]+@[^@\s]+'"#,
        r#"packet/user[2]/add[2]/gen-info/email: "c" does not match pattern '[^@\s]+@[^@\s]+'"#,
    ]);
    let expected_response = lines(&[
        r#"packet/user/get/result[2]/data/gen-info/email: "x" does not match pattern '[^@\s]+@[^@\s]+'"#,
        "packet/webuser/del[1]/result[2]/id: 0 is below minInclusive 1",
        "packet/webuser/del[2]/result/id: 0 is below minInclusive 1",
    ]);
    for (packet, expected) in [(&request, &expected_request), (&response, &expected_response)] {
        // Each path names exactly one element of the serialized document,
        // the one holding the offending value.
        let xml = packet.to_xml();
        let document = roxmltree::Document::parse(&xml).expect("well-formed");
        for line in expected {
            let (path, message) = line.split_once(": ").expect("path: message");
            let element = resolve(&document, path).unwrap_or_else(|| panic!("{path} names no element of\n{xml}"));
            let value = element.text().unwrap_or_default();
            let describes_value = message.starts_with(&format!("{value} is below"))
                || message.starts_with(&format!("{value:?} does not match"))
                || message.starts_with(&format!("length {} ", value.chars().count()));
            assert!(describes_value, "{path} holds {value:?}, the message says {message}");
        }
    }
    assert_cases(vec![(request, expected_request), (response, expected_response)]);
}

// ---------------------------------------------------------------------------
// Enumerations: Rust enums, so the breaking value is a parse error
// ---------------------------------------------------------------------------

/// The `xs:enumeration` values below the schema nodes `find` picks (a
/// global simple type, or an element declared in a complex type), read off
/// the schema files in schema order.
fn schema_enumeration(find: impl Fn(roxmltree::Node<'_, '_>) -> bool) -> Vec<String> {
    let mut values = Vec::new();
    for (_, text) in support::schema_texts() {
        let document = roxmltree::Document::parse(&text).expect("schema parses");
        for holder in document.descendants().filter(|node| find(*node)) {
            values.extend(
                holder
                    .descendants()
                    .filter(|node| node.tag_name().name() == "enumeration")
                    .map(|node| node.attribute("value").expect("enumeration value").to_owned()),
            );
        }
    }
    assert!(!values.is_empty(), "no enumeration found");
    values
}

/// Picks the global `kind` (`simpleType`, say) named `name`.
fn named(kind: &'static str, name: &'static str) -> impl Fn(roxmltree::Node<'_, '_>) -> bool {
    move |node| node.tag_name().name() == kind && node.attribute("name") == Some(name)
}

/// Picks the declarations of `element` inside the complex type `complex_type`.
fn element_in(complex_type: &'static str, element: &'static str) -> impl Fn(roxmltree::Node<'_, '_>) -> bool {
    move |node| {
        node.tag_name().name() == "element"
            && node.attribute("name") == Some(element)
            && node.ancestors().any(|ancestor| ancestor.attribute("name") == Some(complex_type))
    }
}

#[test]
fn every_enumeration_has_exactly_the_values_of_the_schema() {
    let strings = |values: &[&'static str]| values.iter().map(|value| (*value).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        strings(&ResultStatus::ALL.map(ResultStatus::as_str)),
        schema_enumeration(named("simpleType", "result_status"))
    );
    assert_eq!(
        strings(&PasswdType::ALL.map(PasswdType::as_str)),
        schema_enumeration(named("simpleType", "passwdType"))
    );
    assert_eq!(
        strings(&UserAddGenInfoStatus::ALL.map(UserAddGenInfoStatus::as_str)),
        schema_enumeration(element_in("UserAddGenInfo", "status"))
    );
    assert_eq!(
        strings(&UserSetGenInfoStatus::ALL.map(UserSetGenInfoStatus::as_str)),
        schema_enumeration(element_in("UserSetGenInfo", "status"))
    );
    assert_eq!(
        strings(&UserGetGenInfoStatus::ALL.map(UserGetGenInfoStatus::as_str)),
        schema_enumeration(element_in("UserGetGenInfo", "status"))
    );
}

/// A request or response document, read as its side.
fn read(side: Side, document: &str) -> Result<(), ReadError> {
    match side {
        Side::Request => RequestPacket::from_xml(document).map(drop),
        Side::Response => ResponsePacket::from_xml(document).map(drop),
    }
}

/// `document` fails to read: an invalid value `value` of an enumeration
/// that allows `allowed`, at `path`, `line`:`column`. xmllint rejects it too.
fn assert_not_allowed(
    side: Side,
    document: &str,
    value: &str,
    allowed: &[&str],
    path: &str,
    (line, column): (usize, usize),
) {
    let error = read(side, document).expect_err(document);
    match error.kind() {
        ReadErrorKind::InvalidValue { value: found, error: ValueError::NotAllowed { allowed: found_allowed } } => {
            assert_eq!(found, value);
            assert_eq!(*found_allowed, allowed);
        }
        other => panic!("{other:?} for\n{document}"),
    }
    assert_eq!(error.path(), path);
    assert_eq!(error.position(), Position { line, column }, "{error}");
    let quoted: Vec<String> = allowed.iter().map(|value| format!("'{value}'")).collect();
    assert_eq!(
        error.to_string(),
        format!("{line}:{column}: {path}: invalid value {value:?}: not one of {}", quoted.join(", "))
    );
    assert!(!xmllint(side, document).valid, "xmllint accepts\n{document}");
}

#[test]
fn a_user_add_or_set_status_outside_its_enumeration_does_not_parse() {
    let add = "<packet>\n<user>\n<add>\n<gen-info>\n<login>l</login><passwd>p</passwd><name>n</name>\n<status>maybe</status>\n</gen-info>\n<roles><name>Admin</name></roles>\n</add>\n</user>\n</packet>";
    assert_not_allowed(
        Side::Request,
        add,
        "maybe",
        &["0", "1", "enabled", "disabled"],
        "packet/user/add/gen-info/status",
        (6, 9),
    );
    let set = "<packet><user><set><filter><all/></filter><values><gen-info>\n  <status>2</status>\n</gen-info></values></set></user></packet>";
    assert_not_allowed(
        Side::Request,
        set,
        "2",
        &["0", "1", "enabled", "disabled"],
        "packet/user/set/values/gen-info/status",
        (2, 11),
    );
    // An xs:string enumeration keeps white space: " 1 " is not "1".
    let spaced = "<packet><user><set><filter><all/></filter><values><gen-info><status> 1 </status></gen-info></values></set></user></packet>";
    assert_not_allowed(
        Side::Request,
        spaced,
        " 1 ",
        &["0", "1", "enabled", "disabled"],
        "packet/user/set/values/gen-info/status",
        (1, 69),
    );
}

#[test]
fn a_user_get_status_outside_enabled_and_disabled_does_not_parse() {
    // 0 and 1 are valid for add and set, not for get.
    let get = "<packet><user><get><result><status>ok</status><data><gen-info>\n<login>a</login><name>n</name><owner-guid>o</owner-guid>\n<status>1</status>\n<guid>g</guid><is-built-in>true</is-built-in><email>a@b</email></gen-info></data></result></get></user></packet>";
    assert_not_allowed(
        Side::Response,
        get,
        "1",
        &["enabled", "disabled"],
        "packet/user/get/result/data/gen-info/status",
        (3, 9),
    );
}

#[test]
fn a_result_status_outside_ok_and_error_does_not_parse() {
    let add = "<packet>\n  <webuser>\n    <add>\n      <result>\n        <status>fine</status>\n      </result>\n    </add>\n  </webuser>\n</packet>";
    assert_not_allowed(Side::Response, add, "fine", &["ok", "error"], "packet/webuser/add/result/status", (5, 17));
    let system = "<packet><system><status>OK</status></system></packet>";
    assert_not_allowed(Side::Response, system, "OK", &["ok", "error"], "packet/system/status", (1, 25));
}

#[test]
fn a_password_type_outside_plain_and_crypt_does_not_parse() {
    let add = "<packet><webuser><add><site-id>1</site-id><login>w</login><password>abcd</password>\n<password-type>md5</password-type></add></webuser></packet>";
    assert_not_allowed(Side::Request, add, "md5", &["plain", "crypt"], "packet/webuser/add/password-type", (2, 16));
    let set = "<packet><webuser><set><filter><id>1</id></filter><values><password>abcd</password><password-type></password-type></values></set></webuser></packet>";
    assert_not_allowed(Side::Request, set, "", &["plain", "crypt"], "packet/webuser/set/values/password-type", (1, 98));
}
