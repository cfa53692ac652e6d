//! Documents that do not fit the generated types fail to deserialize, each
//! with the right kind of error, the element path and the line:column of the
//! input, and never with a panic: elements out of order, unknown or missing,
//! malformed XML, a wrong root, an empty input, content after the root, a
//! DOCTYPE, an undefined entity, a value of the wrong type, input that is not
//! UTF-8, and nesting deeper than the limit.

use plesk_types::v1_6_8_0::{RequestPacket, ResponsePacket};
use plesk_types::xml::{DEFAULT_MAX_DEPTH, Position, ReadError, ReadErrorKind, ReadOptions, ValueError};

/// Checks an error: its kind, path, position, and that it displays as
/// `line:column: path: message` (no path before the root element).
#[track_caller]
fn assert_error<T: std::fmt::Debug>(
    result: Result<T, ReadError>,
    kind: ReadErrorKind,
    path: &str,
    (line, column): (usize, usize),
) {
    let error = result.expect_err("the document must not read");
    assert_eq!(error.kind(), &kind, "{error}");
    assert_eq!(error.path(), path, "{error}");
    assert_eq!(error.position(), Position { line, column }, "{error}");
    let expected =
        if path.is_empty() { format!("{line}:{column}: {kind}") } else { format!("{line}:{column}: {path}: {kind}") };
    assert_eq!(error.to_string(), expected);
}

/// As [`assert_error`], for malformed XML: the kind is `Syntax`, with a
/// message from the XML parser that holds `detail`.
#[track_caller]
fn assert_syntax_error<T: std::fmt::Debug>(
    result: Result<T, ReadError>,
    detail: &str,
    path: &str,
    (line, column): (usize, usize),
) {
    let error = result.expect_err("the document must not read");
    match error.kind() {
        ReadErrorKind::Syntax(message) => assert!(message.contains(detail), "{message:?} does not mention {detail:?}"),
        other => panic!("{other:?} is not a syntax error: {error}"),
    }
    assert_eq!(error.path(), path, "{error}");
    assert_eq!(error.position(), Position { line, column }, "{error}");
}

fn request(document: &str) -> Result<RequestPacket, ReadError> {
    RequestPacket::from_xml(document)
}

fn response(document: &str) -> Result<ResponsePacket, ReadError> {
    ResponsePacket::from_xml(document)
}

/// A user add request, one element a line, with `gen_info` as the content
/// of `<gen-info>` from line 5 on.
fn user_add(gen_info: &str) -> String {
    format!(
        "<packet>\n<user>\n<add>\n<gen-info>\n{gen_info}\n</gen-info>\n<roles><name>Admin</name></roles>\n</add>\n</user>\n</packet>"
    )
}

// ---------------------------------------------------------------------------
// Order, unknown and missing elements
// ---------------------------------------------------------------------------

/// The operators of the 1.6.8.0 request envelope, in schema order: what a
/// `<packet>` may hold.
const REQUEST_OPERATORS: [&str; 43] = [
    "server",
    "customer",
    "webspace",
    "subdomain",
    "dns",
    "db_server",
    "mail",
    "migration",
    "certificate",
    "site-alias",
    "ip",
    "event_log",
    "spamfilter",
    "secret_key",
    "ui",
    "service-plan",
    "webuser",
    "maillist",
    "virtdir",
    "database",
    "ftp-user",
    "session",
    "updater",
    "locale",
    "log-rotation",
    "backup-manager",
    "sso",
    "protected-dir",
    "reseller",
    "reseller-plan",
    "aps",
    "service-plan-addon",
    "site",
    "user",
    "role",
    "business-logic-upgrade",
    "webmail",
    "plan-item",
    "sitebuilder",
    "service-node",
    "ip-ban",
    "php-handler",
    "extension",
];

/// What the 1.6.8.0 response `<packet>` may begin with: its operators in
/// schema order, then `system`.
const RESPONSE_CONTENT: [&str; 45] = [
    "certificate",
    "customer",
    "db_server",
    "dns",
    "webspace",
    "subdomain",
    "site-alias",
    "event_log",
    "ip",
    "mail",
    "migration",
    "secret_key",
    "server",
    "spamfilter",
    "ui",
    "upload",
    "service-plan",
    "webuser",
    "maillist",
    "virtdir",
    "database",
    "ftp-user",
    "session",
    "updater",
    "locale",
    "log-rotation",
    "backup-manager",
    "sso",
    "protected-dir",
    "reseller",
    "reseller-plan",
    "aps",
    "service-plan-addon",
    "site",
    "user",
    "role",
    "business-logic-upgrade",
    "webmail",
    "plan-item",
    "sitebuilder",
    "service-node",
    "ip-ban",
    "php-handler",
    "extension",
    "system",
];

#[test]
fn an_element_before_its_place_is_unexpected_where_a_required_one_is_due() {
    // <name> comes after <login> and <passwd> in UserAddGenInfo.
    assert_error(
        request(&user_add("<name>Eugene Grin</name>\n<login>egrin</login>\n<passwd>secret</passwd>")),
        ReadErrorKind::UnexpectedElement { found: "name".into(), expected: &["login"] },
        "packet/user/add/gen-info",
        (5, 1),
    );
    assert_error(
        request("<packet><webuser><add>\n  <login>w</login>\n  <site-id>1</site-id>\n</add></webuser></packet>"),
        ReadErrorKind::UnexpectedElement { found: "login".into(), expected: &["site-id"] },
        "packet/webuser/add",
        (2, 3),
    );
    assert_error(
        response("<packet><user><add><result>\n<id>21</id><status>ok</status>\n</result></add></user></packet>"),
        ReadErrorKind::UnexpectedElement { found: "id".into(), expected: &["status"] },
        "packet/user/add/result",
        (2, 1),
    );
}

#[test]
fn an_element_after_its_place_is_out_of_order() {
    // <status> comes before <email>.
    assert_error(
        request(&user_add(
            "<login>l</login>\n<passwd>p</passwd>\n<name>n</name>\n<email>a@b</email>\n<status>1</status>",
        )),
        ReadErrorKind::OutOfOrder { found: "status".into() },
        "packet/user/add/gen-info",
        (9, 1),
    );
    // <roles> before <gen-info>: <gen-info> is due, so <roles> is unexpected there.
    assert_error(
        request("<packet><user><add>\n<roles><name>A</name></roles>\n<gen-info/>\n</add></user></packet>"),
        ReadErrorKind::UnexpectedElement { found: "roles".into(), expected: &["gen-info"] },
        "packet/user/add",
        (2, 1),
    );
}

#[test]
fn an_unknown_element_is_unexpected() {
    // Where the content could end.
    assert_error(
        request(&user_add("<login>l</login>\n<passwd>p</passwd>\n<name>n</name>\n<nickname>x</nickname>")),
        ReadErrorKind::UnexpectedElement { found: "nickname".into(), expected: &[] },
        "packet/user/add/gen-info",
        (8, 1),
    );
    // Where a required element is due.
    assert_error(
        request(&user_add("<login>l</login>\n<nickname>x</nickname>\n<passwd>p</passwd>")),
        ReadErrorKind::UnexpectedElement { found: "nickname".into(), expected: &["passwd"] },
        "packet/user/add/gen-info",
        (6, 1),
    );
    // An unknown operator, an unknown operation.
    assert_error(
        request("<packet>\n  <domain><get/></domain>\n</packet>"),
        ReadErrorKind::UnexpectedElement { found: "domain".into(), expected: &REQUEST_OPERATORS },
        "packet",
        (2, 3),
    );
    assert_error(
        request("<packet><user>\n  <rename/>\n</user></packet>"),
        ReadErrorKind::UnexpectedElement { found: "rename".into(), expected: &["add", "get", "set", "del"] },
        "packet/user",
        (2, 3),
    );
    // A request operation in a response.
    assert_error(
        response("<packet><webuser><add>\n<site-id>1</site-id><login>w</login>\n</add></webuser></packet>"),
        ReadErrorKind::UnexpectedElement { found: "site-id".into(), expected: &["result"] },
        "packet/webuser/add",
        (2, 1),
    );
}

#[test]
fn a_missing_required_element_is_reported_where_it_is_due() {
    assert_error(
        request(&user_add("<login>l</login>\n<passwd>p</passwd>")),
        ReadErrorKind::MissingElement { expected: &["name"] },
        "packet/user/add/gen-info",
        (7, 1),
    );
    assert_error(
        request(
            "<packet><user><add>\n<gen-info><login>l</login><passwd>p</passwd><name>n</name></gen-info>\n</add></user></packet>",
        ),
        ReadErrorKind::MissingElement { expected: &["roles"] },
        "packet/user/add",
        (3, 1),
    );
    // A self-closing element whose content is required.
    assert_error(
        request("<packet><user><add/></user></packet>"),
        ReadErrorKind::MissingElement { expected: &["gen-info"] },
        "packet/user/add",
        (1, 15),
    );
    // An empty choice.
    assert_error(
        request("<packet><user><del><filter>\n</filter></del></user></packet>"),
        ReadErrorKind::MissingElement { expected: &["guid", "owner-guid", "external-id", "owner-external-id", "all"] },
        "packet/user/del/filter",
        (2, 1),
    );
    // No operator at all; a response with no content.
    assert_error(
        request("<packet version=\"1.6.8.0\">\n</packet>"),
        ReadErrorKind::MissingElement { expected: &REQUEST_OPERATORS },
        "packet",
        (2, 1),
    );
    assert_error(
        response("<packet></packet>"),
        ReadErrorKind::MissingElement { expected: &RESPONSE_CONTENT },
        "packet",
        (1, 9),
    );
    assert_error(
        response("<packet><webuser><del><result>\n  </result></del></webuser></packet>"),
        ReadErrorKind::MissingElement { expected: &["status"] },
        "packet/webuser/del/result",
        (2, 3),
    );
}

#[test]
fn text_where_only_elements_are_allowed_is_unexpected() {
    assert_error(
        request("<packet>\n<user>hello<del><filter><all/></filter></del></user></packet>"),
        ReadErrorKind::UnexpectedText("hello".into()),
        "packet/user",
        (2, 7),
    );
    // A no-break space is text, not white space.
    assert_error(
        request("<packet><user>\u{a0}<del><filter><all/></filter></del></user></packet>"),
        ReadErrorKind::UnexpectedText("\u{a0}".into()),
        "packet/user",
        (1, 15),
    );
}

#[test]
fn an_element_inside_a_text_only_element_is_unexpected() {
    assert_error(
        request("<packet><user><del><filter>\n<guid>a<b>c</b></guid></filter></del></user></packet>"),
        ReadErrorKind::ElementInText("b".into()),
        "packet/user/del/filter/guid",
        (2, 8),
    );
}

#[test]
fn an_undeclared_attribute_is_unexpected() {
    assert_error(
        request("<packet>\n  <user kind=\"x\"><del><filter><all/></filter></del></user></packet>"),
        ReadErrorKind::UnexpectedAttribute("kind".into()),
        "packet/user",
        (2, 9),
    );
}

// ---------------------------------------------------------------------------
// Malformed XML
// ---------------------------------------------------------------------------

#[test]
fn an_unclosed_element_is_an_unexpected_end_of_input() {
    // The root is never closed.
    assert_error(
        request("<packet><user><del><filter><all/></filter></del></user>"),
        ReadErrorKind::UnexpectedEof,
        "packet",
        (1, 56),
    );
    // The input ends inside a text value.
    assert_error(
        request("<packet>\n<user><del><filter><guid>8712cd03"),
        ReadErrorKind::UnexpectedEof,
        "packet/user/del/filter/guid",
        (2, 34),
    );
    // The input ends inside a start tag.
    assert_syntax_error(request("<packet><user><del><filter><gu"), "tag not closed", "packet/user/del/filter", (1, 28));
    // ... or inside a comment.
    assert_syntax_error(request("<packet>\n<!-- unfinished"), "comment not closed", "packet", (2, 1));
}

/// The input ends inside `<gen-info>` before its required `<name>`: the
/// document is cut short, which is what the error must say, not that the
/// schema wants a `<name>` there.
#[test]
fn input_cut_short_before_required_content_is_an_unexpected_end_of_input() {
    assert_error(
        request("<packet>\n<user>\n<add>\n<gen-info>\n<login>l</login>"),
        ReadErrorKind::UnexpectedEof,
        "packet/user/add/gen-info",
        (5, 17),
    );
    assert_error(
        request("<packet>\n<user>\n<add>\n<gen-info><login>l</login><passwd>p</passwd><name>n</name></gen-info>\n"),
        ReadErrorKind::UnexpectedEof,
        "packet/user/add",
        (5, 1),
    );
    assert_error(response("<packet>"), ReadErrorKind::UnexpectedEof, "packet", (1, 9));
}

#[test]
fn a_mismatched_end_tag_is_a_syntax_error_at_that_tag() {
    assert_syntax_error(
        request("<packet>\n<user>\n<del>\n<filter><guid>x</owner-guid></filter></del></user></packet>"),
        "</owner-guid>",
        "packet/user/del/filter/guid",
        (4, 16),
    );
    // An end tag with no start tag.
    assert_syntax_error(
        request("<packet><user><del><filter><all/></filter></del></user></packet>\n</packet>"),
        "</packet>",
        "",
        (2, 1),
    );
}

#[test]
fn bad_attribute_syntax_is_a_syntax_error_of_its_element() {
    let cases = [
        "<packet version=1.6.8.0>\n<user><del><filter><all/></filter></del></user></packet>",
        "<packet version=\"1\" version=\"2\">\n<user><del><filter><all/></filter></del></user></packet>",
    ];
    for document in cases {
        let error = request(document).expect_err(document);
        assert!(matches!(error.kind(), ReadErrorKind::Syntax(_)), "{error}");
        assert_eq!(error.path(), "packet", "{error}");
        assert_eq!(error.position().line, 1, "{error}");
    }
}

/// The position of an error in an attribute is the attribute's, as it is for
/// every other error; the parser's offset inside the tag (`position 15`) does
/// not belong in the message.
#[test]
fn an_attribute_error_points_at_the_attribute() {
    // The unquoted value starts at column 17.
    let error = request("<packet version=1.6.8.0>\n<user><del><filter><all/></filter></del></user></packet>")
        .expect_err("unquoted");
    assert!(matches!(error.kind(), ReadErrorKind::Syntax(message) if !message.contains("position")), "{error}");
    assert_eq!((error.path(), error.position()), ("packet", Position { line: 1, column: 17 }), "{error}");
    // The second `version` starts at column 21.
    let error =
        request("<packet version=\"1\" version=\"2\">\n<user><del><filter><all/></filter></del></user></packet>")
            .expect_err("duplicate");
    assert!(matches!(error.kind(), ReadErrorKind::Syntax(message) if !message.contains("position")), "{error}");
    assert_eq!((error.path(), error.position()), ("packet", Position { line: 1, column: 21 }), "{error}");
    // The undefined entity starts at column 18.
    assert_error(
        request("<packet version=\"&bogus;\">\n<user><del><filter><all/></filter></del></user></packet>"),
        ReadErrorKind::UndefinedEntity("bogus".into()),
        "packet",
        (1, 18),
    );
}

/// A `<` that does not start a tag is malformed XML, not a nameless element.
#[test]
fn a_bare_less_than_sign_in_text_is_a_syntax_error() {
    assert_syntax_error(
        request("<packet><user><del><filter><guid>a < b</guid></filter></del></user></packet>"),
        "",
        "packet/user/del/filter/guid",
        (1, 36),
    );
}

// ---------------------------------------------------------------------------
// Document level: root, empty input, content after the root
// ---------------------------------------------------------------------------

#[test]
fn a_wrong_root_element_is_named() {
    assert_error(
        request("<?xml version=\"1.0\"?>\n<response><user/></response>"),
        ReadErrorKind::WrongRoot { expected: "packet", found: "response".into() },
        "",
        (2, 1),
    );
    // A namespace prefix makes it another element.
    assert_error(
        response("<p:packet xmlns:p=\"urn:x\"/>"),
        ReadErrorKind::WrongRoot { expected: "packet", found: "p:packet".into() },
        "",
        (1, 1),
    );
}

#[test]
fn input_without_a_root_element_has_no_root() {
    assert_error(request(""), ReadErrorKind::NoRoot, "", (1, 1));
    assert_error(response(""), ReadErrorKind::NoRoot, "", (1, 1));
    assert_error(request("  \n "), ReadErrorKind::NoRoot, "", (2, 2));
    assert_error(request("<?xml version=\"1.0\"?>\n<!-- nothing -->\n"), ReadErrorKind::NoRoot, "", (3, 1));
}

#[test]
fn an_element_after_the_root_element_is_content_after_the_root() {
    assert_error(
        request("<packet><user><del><filter><all/></filter></del></user></packet>\n<packet/>"),
        ReadErrorKind::ContentAfterRoot,
        "",
        (2, 1),
    );
    // Comments, processing instructions and white space may follow the root.
    let packet = request("<packet><user><del><filter><all/></filter></del></user></packet>\n<!-- end --><?pi x?>\n");
    assert!(packet.is_ok(), "{packet:?}");
}

#[test]
fn text_after_the_root_element_is_content_after_the_root() {
    assert_error(
        request("<packet><user><del><filter><all/></filter></del></user></packet>junk"),
        ReadErrorKind::ContentAfterRoot,
        "",
        (1, 65),
    );
}

// ---------------------------------------------------------------------------
// DOCTYPE and entities
// ---------------------------------------------------------------------------

#[test]
fn a_doctype_is_refused_before_any_entity_is_expanded() {
    // An entity the document uses: refused at the DOCTYPE, so never expanded.
    assert_error(
        request(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE packet [\n  <!ENTITY guid \"expanded\">\n]>\n<packet><user><del><filter><guid>&guid;</guid></filter></del></user></packet>",
        ),
        ReadErrorKind::DocType,
        "",
        (2, 1),
    );
    // Exponential entities ("billion laughs").
    let mut laughs = String::from("<!DOCTYPE packet [\n<!ENTITY l0 \"lol\">\n");
    for level in 1..10 {
        let previous = format!("&l{};", level - 1);
        laughs.push_str(&format!("<!ENTITY l{level} \"{}\">\n", previous.repeat(10)));
    }
    laughs.push_str("]>\n<packet><user><del><filter><guid>&l9;</guid></filter></del></user></packet>");
    assert_error(request(&laughs), ReadErrorKind::DocType, "", (1, 1));
    // An external DTD.
    assert_error(
        response(
            "<!DOCTYPE packet SYSTEM \"file:///etc/passwd\">\n<packet><system><status>ok</status></system></packet>",
        ),
        ReadErrorKind::DocType,
        "",
        (1, 1),
    );
}

#[test]
fn an_undefined_entity_is_named() {
    assert_error(
        request("<packet>\n<user><del><filter><guid>a&nbsp;b</guid></filter></del></user></packet>"),
        ReadErrorKind::UndefinedEntity("nbsp".into()),
        "packet/user/del/filter/guid",
        (2, 27),
    );
    // In element-only content too: a reference there may only stand for
    // white space, and this one stands for nothing known.
    assert_error(
        request("<packet><user>&nbsp;<del><filter><all/></filter></del></user></packet>"),
        ReadErrorKind::UndefinedEntity("nbsp".into()),
        "packet/user",
        (1, 15),
    );
    // The five predefined entities and character references are defined.
    let packet = request(
        "<packet><user><del><filter><guid>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;</guid></filter></del></user></packet>",
    )
    .expect("predefined entities");
    assert!(format!("{packet:?}").contains(r#"<>&'\"AB"#), "{packet:?}");
}

// ---------------------------------------------------------------------------
// Values of the wrong type
// ---------------------------------------------------------------------------

#[test]
fn a_value_of_the_wrong_type_is_an_invalid_value_at_its_position() {
    let invalid = |value: &str, error| ReadErrorKind::InvalidValue { value: value.into(), error };
    assert_error(
        request("<packet>\n<webuser>\n<add>\n<site-id>abc</site-id>\n<login>w</login></add></webuser></packet>"),
        invalid("abc", ValueError::Syntax { expected: "xs:int" }),
        "packet/webuser/add/site-id",
        (4, 10),
    );
    assert_error(
        request(
            "<packet>\n<webuser>\n<add>\n  <site-id>2147483648</site-id>\n<login>w</login></add></webuser></packet>",
        ),
        invalid("2147483648", ValueError::OutOfRange { expected: "xs:int" }),
        "packet/webuser/add/site-id",
        (4, 12),
    );
    assert_error(
        request(
            "<packet><webuser><add><site-id>1</site-id><login>w</login><ftp-quota>1.5</ftp-quota></add></webuser></packet>",
        ),
        invalid("1.5", ValueError::Syntax { expected: "xs:int" }),
        "packet/webuser/add/ftp-quota",
        (1, 70),
    );
    assert_error(
        request(
            "<packet><user><add><gen-info><login>l</login><passwd>p</passwd><name>n</name><subscription-domain-id></subscription-domain-id></gen-info></add></user></packet>",
        ),
        invalid("", ValueError::Syntax { expected: "xs:int" }),
        "packet/user/add/gen-info/subscription-domain-id",
        (1, 102),
    );
    assert_error(
        response(
            "<packet><user><add><result><status>error</status>\n<errcode>-1</errcode></result></add></user></packet>",
        ),
        invalid("-1", ValueError::OutOfRange { expected: "xs:unsignedInt" }),
        "packet/user/add/result/errcode",
        (2, 10),
    );
    assert_error(
        response(
            "<packet><webuser><get-prefs><result><status>ok</status><wuscripts>yes</wuscripts></result></get-prefs></webuser></packet>",
        ),
        invalid("yes", ValueError::Syntax { expected: "xs:boolean" }),
        "packet/webuser/get-prefs/result/wuscripts",
        (1, 67),
    );
}

// ---------------------------------------------------------------------------
// Input that is not UTF-8
// ---------------------------------------------------------------------------

#[test]
fn input_that_is_not_utf8_is_refused_at_the_first_bad_byte() {
    // A byte that starts no character; columns count characters, so the
    // two-byte é before it is one column.
    assert_error(
        RequestPacket::from_xml_bytes(
            b"<packet>\n<user><del><filter>\n<guid>\xc3\xa9\xff</guid></filter></del></user></packet>",
        ),
        ReadErrorKind::InvalidUtf8,
        "",
        (3, 8),
    );
    // A sequence cut short by the end of the input.
    assert_error(
        ResponsePacket::from_xml_bytes(b"<packet><system><status>ok</status></system></packet>\xe2\x82"),
        ReadErrorKind::InvalidUtf8,
        "",
        (1, 54),
    );
    // An overlong encoding of '/'.
    assert_error(RequestPacket::from_xml_bytes(b"<packet>\xc0\xaf</packet>"), ReadErrorKind::InvalidUtf8, "", (1, 9));
    // Latin-1 is not UTF-8.
    assert_error(
        RequestPacket::from_xml_bytes(
            b"<?xml version=\"1.0\"?>\n<packet><user><del><filter><guid>caf\xe9</guid></filter></del></user></packet>",
        ),
        ReadErrorKind::InvalidUtf8,
        "",
        (2, 37),
    );
    // Valid UTF-8 bytes read as the same text does.
    let text = "<packet><user><del><filter><guid>café</guid></filter></del></user></packet>";
    assert_eq!(RequestPacket::from_xml_bytes(text.as_bytes()), RequestPacket::from_xml(text));
}

// ---------------------------------------------------------------------------
// Nesting depth
// ---------------------------------------------------------------------------

/// A request whose first setting name holds `depth` nested `<a>` elements
/// (the packet is depth 1, `<name>` depth 4).
fn nested_setting(depth: usize) -> String {
    format!(
        "<packet><request-settings><setting><name>{}{}</name></setting></request-settings><user><del><filter><all/></filter></del></user></packet>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    )
}

#[test]
fn nesting_deeper_than_max_depth_is_refused() {
    // 4 levels down to <name>, then <a> at 5 and the next <a> at 6.
    assert_error(
        RequestPacket::from_xml_with(&nested_setting(2), ReadOptions::default().max_depth(5)),
        ReadErrorKind::TooDeep { limit: 5 },
        "packet/request-settings/setting/name/a",
        (1, 45),
    );
    // The same document fits a limit of 6.
    assert!(RequestPacket::from_xml_with(&nested_setting(2), ReadOptions::default().max_depth(6)).is_ok());
    // In typed content.
    assert_error(
        RequestPacket::from_xml_with(
            "<packet>\n  <user><del><filter><all/></filter></del></user></packet>",
            ReadOptions::default().max_depth(3),
        ),
        ReadErrorKind::TooDeep { limit: 3 },
        "packet/user/del",
        (2, 14),
    );
    // A limit of 0 refuses the root itself.
    assert_error(
        ResponsePacket::from_xml_with("<packet/>", ReadOptions::default().max_depth(0)),
        ReadErrorKind::TooDeep { limit: 0 },
        "",
        (1, 1),
    );
}

#[test]
fn hostile_nesting_is_refused_at_the_default_limit_without_overflowing_the_stack() {
    let depth = 100_000;
    let document = nested_setting(depth);
    let error = RequestPacket::from_xml(&document).expect_err("too deep");
    assert_eq!(error.kind(), &ReadErrorKind::TooDeep { limit: DEFAULT_MAX_DEPTH });
    // The open elements: packet, request-settings, setting, name, then <a>s
    // up to the limit; the error is at the next <a>.
    let nested = DEFAULT_MAX_DEPTH - 4;
    assert_eq!(error.path(), format!("packet/request-settings/setting/name{}", "/a".repeat(nested)));
    assert_eq!(error.position(), Position { line: 1, column: 42 + 3 * nested });
}

// ---------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------

#[test]
fn positions_count_lines_and_characters() {
    // CRLF line ends, tabs and multi-byte characters each count as one column.
    assert_error(
        request("<packet>\r\n<user>\r\n<del><filter>\t<guid>é</guid><bogus/></filter></del></user></packet>"),
        ReadErrorKind::UnexpectedElement { found: "bogus".into(), expected: &[] },
        "packet/user/del/filter",
        (3, 29),
    );
}

// ---------------------------------------------------------------------------
// Diagnostics that name the wrong cause
// ---------------------------------------------------------------------------

/// A second `<email>` is one too many, not out of order.
#[test]
fn an_element_repeated_beyond_max_occurs_is_too_many() {
    assert_error(
        request(&user_add(
            "<login>l</login>\n<passwd>p</passwd>\n<name>n</name>\n<email>a@b</email>\n<email>c@d</email>",
        )),
        ReadErrorKind::TooMany { name: "email", max: 1 },
        "packet/user/add/gen-info",
        (9, 1),
    );
}

/// After one alternative of a choice, another alternative is not allowed at
/// all; the schema does not put it earlier.
#[test]
fn a_second_alternative_of_a_choice_is_unexpected() {
    assert_error(
        request(
            "<packet><user><del><filter>\n<guid>a</guid>\n<external-id>b</external-id>\n</filter></del></user></packet>",
        ),
        ReadErrorKind::UnexpectedElement { found: "external-id".into(), expected: &[] },
        "packet/user/del/filter",
        (3, 1),
    );
    assert_error(
        response(
            "<packet><system><status>ok</status></system>\n<user><del><result><status>ok</status></result></del></user></packet>",
        ),
        ReadErrorKind::UnexpectedElement { found: "user".into(), expected: &[] },
        "packet",
        (2, 1),
    );
}

/// `validate()` gives repeated elements their position (`result[2]`); a read
/// error in the second of several `<result>`s should name it the same way.
#[test]
fn read_error_paths_give_repeated_elements_their_position() {
    assert_error(
        response(
            "<packet><user><del>\n<result><status>ok</status></result>\n<result><status>failed</status></result>\n</del></user></packet>",
        ),
        ReadErrorKind::InvalidValue {
            value: "failed".into(),
            error: ValueError::NotAllowed { allowed: &["ok", "error"] },
        },
        "packet/user/del/result[2]/status",
        (3, 17),
    );
}
