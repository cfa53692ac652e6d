//! Occurrence bounds and the order of violations: 1..unbounded elements
//! and groups given nothing, every violation of a packet in document order,
//! repeated elements with their position in the path.

use super::*;

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
        (user_response(UserOutputChoice::Set(UserSetOutput { result: vec![] })), too_few("packet/user/set", "result")),
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
/// hold them, and names the group by the elements that can start it.
#[test]
fn an_empty_list_where_the_schema_wants_at_least_one_alternative_is_refused() {
    let request_operators = support::envelope_operators("agent_input.xsd");
    let response_operators = support::envelope_operators("agent_output.xsd");
    const USER_OPERATIONS: &[&str] = &["add", "get", "set", "del"];
    const WEBUSER_OPERATIONS: &[&str] = &["add", "del", "set", "get", "set-prefs", "get-prefs"];
    let cases: Vec<(Packet, &str, &'static [&'static str])> = vec![
        (
            Packet::Request(RequestPacket { version: None, request_settings: None, operators: vec![] }),
            "packet",
            request_operators,
        ),
        (
            Packet::Request(RequestPacket {
                version: None,
                request_settings: None,
                operators: vec![RequestOperator::User(UserInput { choice: vec![] })],
            }),
            "packet/user",
            USER_OPERATIONS,
        ),
        (
            Packet::Request(RequestPacket {
                version: None,
                request_settings: None,
                operators: vec![RequestOperator::Webuser(WebUserInputType { choice: vec![] })],
            }),
            "packet/webuser",
            WEBUSER_OPERATIONS,
        ),
        (
            Packet::Response(ResponsePacket {
                version: None,
                content: ResponseContent::Operators(vec![]),
                output: None,
            }),
            "packet",
            response_operators,
        ),
        (
            Packet::Response(ResponsePacket {
                version: None,
                content: ResponseContent::Operators(vec![ResponseOperator::User(UserOutput { choice: vec![] })]),
                output: None,
            }),
            "packet/user",
            USER_OPERATIONS,
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
            WEBUSER_OPERATIONS,
        ),
    ];
    for (packet, path, first) in cases {
        let result = match &packet {
            Packet::Request(packet) => packet.validate(),
            Packet::Response(packet) => packet.validate(),
        };
        let errors = result.expect_err(path);
        let violations = errors.violations();
        assert_eq!(violations.len(), 1, "{errors}");
        assert_eq!(violations[0].path, path);
        assert_eq!(violations[0].kind, ViolationKind::TooFewOfGroup { first, actual: 0, min: 1 }, "{path}");
        let group: Vec<String> = first.iter().map(|name| format!("<{name}>")).collect();
        assert_eq!(violations[0].to_string(), format!("{path}: 0 of {}, at least 1 required", group.join(" or ")));
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
