//! xmllint (libxml2) is the trusted validator: what the serializer writes
//! must validate against the XSDs it was generated from, and the verdict of
//! `from_xml` + `validate()` on a document must be xmllint's.
//!
//! These tests need `xmllint` (Debian package `libxml2-utils`); without it
//! they fail, they never skip.

mod support;

use std::collections::BTreeSet;

use plesk_types::v1_6_8_0::{
    RequestOperator, RequestPacket, RequestPacketRequestSettings, RequestPacketRequestSettingsSetting, ResponsePacket,
    UserInput, UserInputChoice,
};
use plesk_types::xml::{AnyAttribute, AnyContent, AnyElement, AnyNode};
use support::{Side, maximal_requests, maximal_responses, xmllint};

/// A way to serialize a value, and its name.
type Writer<T> = (&'static str, fn(&T) -> String);

/// Checks one value with every optional field set: it validates, both of
/// its serializations are accepted by xmllint, and both read back to it.
/// Returns what went wrong, if anything.
fn check_maximal<T: PartialEq + std::fmt::Debug>(
    side: Side,
    label: &str,
    value: &T,
    validate: impl Fn(&T) -> Result<(), plesk_types::xml::ValidationErrors>,
    writers: [Writer<T>; 2],
    read: impl Fn(&str) -> Result<T, plesk_types::xml::ReadError>,
) -> Vec<String> {
    let mut problems = Vec::new();
    if let Err(errors) = validate(value) {
        problems.push(format!("{side:?} {label}: validate() refuses it:\n{errors}"));
    }
    for (how, write) in writers {
        let document = write(value);
        let verdict = xmllint(side, &document);
        if !verdict.valid {
            problems.push(format!("{side:?} {label}: xmllint rejects {how}:\n{}\n{document}", verdict.report));
        }
        match read(&document) {
            Ok(read) if read == *value => {}
            Ok(read) => problems.push(format!("{side:?} {label}: {how} reads back as {read:?}\n{document}")),
            Err(error) => problems.push(format!("{side:?} {label}: {how} does not read back: {error}\n{document}")),
        }
    }
    problems
}

#[test]
fn every_request_operation_with_every_optional_field_is_valid_for_xmllint() {
    let mut problems = Vec::new();
    for (label, packet) in maximal_requests() {
        problems.extend(check_maximal(
            Side::Request,
            &label,
            &packet,
            RequestPacket::validate,
            [("to_xml", RequestPacket::to_xml), ("to_xml_pretty", RequestPacket::to_xml_pretty)],
            RequestPacket::from_xml,
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn every_response_operation_with_every_optional_field_is_valid_for_xmllint() {
    let mut problems = Vec::new();
    for (label, packet) in maximal_responses() {
        problems.extend(check_maximal(
            Side::Response,
            &label,
            &packet,
            ResponsePacket::validate,
            [("to_xml", ResponsePacket::to_xml), ("to_xml_pretty", ResponsePacket::to_xml_pretty)],
            ResponsePacket::from_xml,
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// The values above really have every optional field set: every element and
/// attribute the schemas declare, under every element that can hold it,
/// appears in at least one of the documents they serialize to.
#[test]
fn the_values_with_every_optional_field_cover_every_declaration_of_the_schemas() {
    let mut shown = BTreeSet::new();
    for (_, packet) in maximal_requests() {
        shown.extend(support::document_parent_child_pairs(&packet.to_xml()));
    }
    for (_, packet) in maximal_responses() {
        shown.extend(support::document_parent_child_pairs(&packet.to_xml()));
    }
    let declared = support::schema_parent_child_pairs();
    // The map of the schemas is not empty, and holds what it should.
    assert!(declared.contains(&("gen-info".to_owned(), "owner-external-id".to_owned())), "{declared:?}");
    assert!(declared.contains(&("packet".to_owned(), "@version".to_owned())), "{declared:?}");
    assert!(declared.contains(&("result".to_owned(), "guid".to_owned())), "{declared:?}");
    let missing: Vec<String> =
        declared.difference(&shown).map(|(parent, child)| format!("{child} in {parent}")).collect();
    assert!(missing.is_empty(), "declared in the schemas, never written by the values:\n{}", missing.join("\n"));
}

/// Our verdict on a document: it reads, and it validates (a tolerated
/// deviation is still a deviation from the schema).
fn our_verdict(side: Side, document: &str) -> Result<(), String> {
    match side {
        Side::Request => RequestPacket::from_xml(document).map_err(|error| format!("read: {error}"))?.validate(),
        Side::Response => ResponsePacket::from_xml(document).map_err(|error| format!("read: {error}"))?.validate(),
    }
    .map_err(|errors| format!("validate: {errors}"))
}

/// Runs both validators on every case; returns each disagreement.
fn disagreements(cases: &[(String, Side, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (label, side, document) in cases {
        let ours = our_verdict(*side, document);
        let theirs = xmllint(*side, document);
        if ours.is_ok() != theirs.valid {
            found.push(format!(
                "{label}: ours {}, xmllint {}\n  ours: {}\n  xmllint: {}\n  document: {document}",
                if ours.is_ok() { "accepts" } else { "rejects" },
                if theirs.valid { "accepts" } else { "rejects" },
                ours.err().unwrap_or_default(),
                theirs.report.trim(),
            ));
        }
    }
    found
}

/// How many of `cases` xmllint accepts, so that a test can check that its
/// cases are not all of one kind.
fn accepted_count(cases: &[(String, Side, String)]) -> usize {
    cases.iter().filter(|(_, side, document)| xmllint(*side, document).valid).count()
}

const GEN_INFO: &str = "<login>jdoe</login><passwd>secret</passwd><name>John Doe</name>";

fn user_add(gen_info: &str) -> String {
    format!("<packet><user><add><gen-info>{gen_info}</gen-info><roles><name>Admin</name></roles></add></user></packet>")
}

fn webuser_add(content: &str) -> String {
    format!("<packet><webuser><add>{content}</add></webuser></packet>")
}

fn webuser_password(password: &str) -> String {
    webuser_add(&format!("<site-id>1</site-id><login>web</login><password>{password}</password>"))
}

fn user_del(filter: &str) -> String {
    format!("<packet><user><del><filter>{filter}</filter></del></user></packet>")
}

fn user_add_result(result: &str) -> String {
    format!("<packet><user><add><result>{result}</result></add></user></packet>")
}

fn user_get_gen_info(gen_info: &str) -> String {
    format!(
        "<packet><user><get><result><status>ok</status><data><gen-info>{gen_info}</gen-info></data></result></get></user></packet>"
    )
}

const GET_GEN_INFO_START: &str = "<login>admin</login><name>A</name><owner-guid>o</owner-guid>";

/// Documents both validators accept and documents both reject: order,
/// occurrences, every facet, every lexical type, well-formedness.
///
/// Not here: a DOCTYPE. The reader refuses every DOCTYPE so that no entity is
/// ever expanded (read_errors.rs checks it); xmllint accepts one without
/// declarations. That difference is deliberate.
fn agreement_cases() -> Vec<(String, Side, String)> {
    use Side::{Request, Response};
    let long = |c: char, n: usize| c.to_string().repeat(n);
    let cases: Vec<(&str, Side, String)> = vec![
        // Accepted.
        ("user add, minimal", Request, user_add(GEN_INFO)),
        (
            "user add, every field",
            Request,
            user_add(
                "<login>jdoe</login><passwd>p</passwd><owner-external-id>o</owner-external-id><name>N</name>\
                 <contact-info><company>C</company><locale>en</locale></contact-info><status>0</status>\
                 <external-id>e</external-id><subscription-domain-id>0</subscription-domain-id>\
                 <email>a@b</email>",
            ),
        ),
        ("user add, status 1", Request, user_add(&format!("{GEN_INFO}<status>1</status>"))),
        ("user add, unicode email", Request, user_add(&format!("{GEN_INFO}<email>josé@exämple.com</email>"))),
        ("webuser add, password of 4", Request, webuser_password("abcd")),
        ("webuser add, password of 64", Request, webuser_password(&long('x', 64))),
        ("webuser add, password of 64 two-byte characters", Request, webuser_password(&long('é', 64))),
        ("webuser add, password of 4 astral characters", Request, webuser_password(&long('😀', 4))),
        ("webuser add, login with a no-break space", Request, webuser_add("<site-id>1</site-id><login>a\u{a0}b</login>")),
        ("webuser add, int with a plus sign", Request, webuser_add("<site-id>+12</site-id><login>w</login>")),
        ("webuser add, ftp-quota -1", Request, webuser_add("<site-id>1</site-id><login>w</login><ftp-quota>-1</ftp-quota>")),
        (
            "webuser set-prefs, boolean in white space",
            Request,
            "<packet><webuser><set-prefs><filter><site-id>1</site-id></filter><values><wuscripts> 0 </wuscripts></values></set-prefs></webuser></packet>".to_owned(),
        ),
        (
            "comments, processing instructions, CDATA, references",
            Request,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- c --><?pi x?><packet><!-- c --><user><del><filter>\
             <guid><![CDATA[a<b]]>&amp;&#x41;&#66;</guid></filter></del></user></packet><!-- c -->".to_owned(),
        ),
        (
            "boolean in white space",
            Response,
            user_get_gen_info(&format!("{GET_GEN_INFO_START}<status>enabled</status><guid>g</guid><is-built-in>\n true </is-built-in><email>a@b</email>")),
        ),
        ("byte order mark", Request, format!("\u{feff}{}", user_del("<all/>"))),
        (
            "schema location hint",
            Request,
            "<packet xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"agent_input.xsd\">\
             <user><del><filter><all/></filter></del></user></packet>".to_owned(),
        ),
        ("unused namespace declaration", Request, "<packet xmlns:x=\"urn:x\"><user><del><filter><all/></filter></del></user></packet>".to_owned()),
        (
            "request settings of any content",
            Request,
            "<packet><request-settings><setting><name a=\"1\">n<x><y/></x></name><value/></setting></request-settings>\
             <user><del><filter><all/></filter></del></user></packet>".to_owned(),
        ),
        ("user add result, id and guid", Response, user_add_result("<status>ok</status><id>21</id><guid>g</guid>")),
        ("user add result, error", Response, user_add_result("<status>error</status><errcode>0</errcode><errtext/>")),
        (
            "user get, with email",
            Response,
            user_get_gen_info(&format!("{GET_GEN_INFO_START}<status>disabled</status><guid>g</guid><is-built-in>0</is-built-in><email>a@b</email>")),
        ),
        (
            "system error with output",
            Response,
            "<packet version=\"1.6.8.0\"><system><status>error</status><errcode>1014</errcode><errtext>x</errtext></system><output>o</output></packet>".to_owned(),
        ),
        // Rejected: order and occurrences.
        (
            "user add, name before login",
            Request,
            user_add("<name>John Doe</name><login>jdoe</login><passwd>secret</passwd>"),
        ),
        ("user add, status after email", Request, user_add(&format!("{GEN_INFO}<email>a@b</email><status>1</status>"))),
        ("user add, missing name", Request, user_add("<login>jdoe</login><passwd>secret</passwd>")),
        ("user add, missing roles", Request, format!("<packet><user><add><gen-info>{GEN_INFO}</gen-info></add></user></packet>")),
        ("user add, unknown element", Request, user_add(&format!("{GEN_INFO}<nickname>jd</nickname>"))),
        ("user add, email twice", Request, user_add(&format!("{GEN_INFO}<email>a@b</email><email>c@d</email>"))),
        (
            "user add, both owner alternatives",
            Request,
            user_add("<login>l</login><passwd>p</passwd><owner-guid>g</owner-guid><owner-external-id>e</owner-external-id><name>n</name>"),
        ),
        ("user del, empty filter", Request, user_del("")),
        ("user del, two filter alternatives", Request, user_del("<guid>a</guid><external-id>b</external-id>")),
        ("user del, all twice", Request, user_del("<all/><all/>")),
        ("empty request packet", Request, "<packet version=\"1.6.8.0\"/>".to_owned()),
        ("empty user operator", Request, "<packet><user/></packet>".to_owned()),
        ("empty response packet", Response, "<packet/>".to_owned()),
        (
            "response with both system and user",
            Response,
            "<packet><system><status>ok</status></system><user><del><result><status>ok</status></result></del></user></packet>".to_owned(),
        ),
        ("user add result, id without guid", Response, user_add_result("<status>ok</status><id>21</id>")),
        ("user add result, guid without id", Response, user_add_result("<status>ok</status><guid>g</guid>")),
        (
            "user get, missing email",
            Response,
            user_get_gen_info(&format!("{GET_GEN_INFO_START}<status>enabled</status><guid>g</guid><is-built-in>1</is-built-in>")),
        ),
        // Rejected: enumerations.
        ("user add, status maybe", Request, user_add(&format!("{GEN_INFO}<status>maybe</status>"))),
        (
            "user get, status 1 (only enabled or disabled)",
            Response,
            user_get_gen_info(&format!("{GET_GEN_INFO_START}<status>1</status><guid>g</guid><is-built-in>1</is-built-in><email>a@b</email>")),
        ),
        ("result status fine", Response, user_add_result("<status>fine</status>")),
        ("result status in white space", Response, user_add_result("<status> ok </status>")),
        (
            "password-type md5",
            Request,
            webuser_add("<site-id>1</site-id><login>w</login><password>abcd</password><password-type>md5</password-type>"),
        ),
        // Rejected: id_type.
        ("site-id 0", Request, webuser_add("<site-id>0</site-id><login>w</login>")),
        ("site-id -3", Request, webuser_add("<site-id>-3</site-id><login>w</login>")),
        (
            "filter id 0 among others",
            Request,
            "<packet><webuser><del><filter><id>1</id><id>0</id></filter></del></webuser></packet>".to_owned(),
        ),
        ("result id 0", Response, user_add_result("<status>ok</status><id>0</id><guid>g</guid>")),
        // Rejected: password and login facets.
        ("password of 3", Request, webuser_password("abc")),
        ("password of 65", Request, webuser_password(&long('x', 65))),
        ("password of 3 two-byte characters", Request, webuser_password(&long('é', 3))),
        ("password of 65 two-byte characters", Request, webuser_password(&long('é', 65))),
        ("empty password", Request, webuser_password("")),
        ("password with a space", Request, webuser_password("pass word")),
        ("password with a tab", Request, webuser_password("pass\tword")),
        ("password with a quote", Request, webuser_password("pass&quot;word")),
        ("password too short and with a space", Request, webuser_password("a b")),
        (
            "webuser set, password of 3",
            Request,
            "<packet><webuser><set><filter><id>1</id></filter><values><password>abc</password></values></set></webuser></packet>".to_owned(),
        ),
        ("login starting with a digit", Request, webuser_add("<site-id>1</site-id><login>1web</login>")),
        ("login with a space", Request, webuser_add("<site-id>1</site-id><login>web user</login>")),
        ("login starting with a non-ASCII letter", Request, webuser_add("<site-id>1</site-id><login>élan</login>")),
        ("empty login", Request, webuser_add("<site-id>1</site-id><login/>")),
        // Rejected: emailType.
        ("email without @", Request, user_add(&format!("{GEN_INFO}<email>not-an-email</email>"))),
        ("email with two @", Request, user_add(&format!("{GEN_INFO}<email>a@b@c</email>"))),
        ("email with a space", Request, user_add(&format!("{GEN_INFO}<email>a b@c</email>"))),
        ("empty email", Request, user_add(&format!("{GEN_INFO}<email/>"))),
        (
            "user set, bad email",
            Request,
            "<packet><user><set><filter><all/></filter><values><gen-info><email>@</email></gen-info></values></set></user></packet>".to_owned(),
        ),
        // Rejected: lexical forms of builtin types.
        ("site-id abc", Request, webuser_add("<site-id>abc</site-id><login>w</login>")),
        ("site-id beyond xs:int", Request, webuser_add("<site-id>2147483648</site-id><login>w</login>")),
        ("errcode -1", Response, user_add_result("<status>error</status><errcode>-1</errcode>")),
        ("subscription-domain-id empty", Request, user_add(&format!("{GEN_INFO}<subscription-domain-id/>"))),
        (
            "is-built-in yes",
            Response,
            user_get_gen_info(&format!("{GET_GEN_INFO_START}<status>enabled</status><guid>g</guid><is-built-in>yes</is-built-in><email>a@b</email>")),
        ),
        (
            "wuscripts TRUE",
            Request,
            "<packet><webuser><set-prefs><filter><site-id>1</site-id></filter><values><wuscripts>TRUE</wuscripts></values></set-prefs></webuser></packet>".to_owned(),
        ),
        // Rejected: content and attributes.
        ("text in element-only content", Request, "<packet><user>text<del><filter><all/></filter></del></user></packet>".to_owned()),
        ("element in a string", Request, user_del("<guid>a<b/></guid>")),
        ("element in anySimpleType", Response, "<packet><user><del><result><status>ok</status><filter-id><x/></filter-id></result></del></user></packet>".to_owned()),
        ("unknown attribute", Request, "<packet><user kind=\"x\"><del><filter><all/></filter></del></user></packet>".to_owned()),
        ("attribute on a simple element", Request, user_del("<guid lang=\"en\">a</guid>")),
        ("prefixed root element", Request, "<p:packet xmlns:p=\"urn:x\"><user><del><filter><all/></filter></del></user></p:packet>".to_owned()),
        ("wrong root element", Request, "<request><user><del><filter><all/></filter></del></user></request>".to_owned()),
        // Rejected: not well-formed.
        ("unclosed element", Request, "<packet><user><del><filter><all/></filter></del></user>".to_owned()),
        ("mismatched end tag", Request, "<packet><user><del><filter><all/></filter></del></usr></packet>".to_owned()),
        ("unquoted attribute", Request, "<packet version=1.6><user><del><filter><all/></filter></del></user></packet>".to_owned()),
        ("duplicate attribute", Request, "<packet version=\"1\" version=\"2\"><user><del><filter><all/></filter></del></user></packet>".to_owned()),
        ("undefined entity", Request, user_del("<guid>&nbsp;</guid>")),
        ("second root element", Request, format!("{}<packet/>", user_del("<all/>"))),
        ("text after the root element", Request, format!("{}text", user_del("<all/>"))),
        ("late XML declaration", Request, format!(" <?xml version=\"1.0\"?>{}", user_del("<all/>"))),
        ("empty document", Request, String::new()),
        ("control character reference in a string", Request, user_del("<guid>a&#1;b</guid>")),
        ("raw control character in a string", Request, user_del("<guid>a\u{1}b</guid>")),
    ];
    cases.into_iter().map(|(label, side, document)| (label.to_owned(), side, document)).collect()
}

#[test]
fn our_verdict_is_xmllints() {
    let cases = agreement_cases();
    let accepted = accepted_count(&cases);
    assert!(accepted >= 10 && cases.len() - accepted >= 10, "{accepted} of {} cases accepted", cases.len());
    let found = disagreements(&cases);
    assert!(found.is_empty(), "{} disagreement(s):\n\n{}", found.len(), found.join("\n\n"));
}

/// The documentation samples too; xmllint rejects the user get response for
/// its missing `<email>`, and so do we (`validate()` reports the tolerated
/// absence).
#[test]
fn our_verdict_on_the_documentation_samples_is_xmllints() {
    let cases: Vec<(String, Side, String)> =
        support::samples().into_iter().map(|sample| (sample.label(), sample.side, sample.block.text)).collect();
    let accepted = accepted_count(&cases);
    assert_eq!(accepted, cases.len() - 1, "every sample but the user get response is valid");
    let found = disagreements(&cases);
    assert!(found.is_empty(), "{} disagreement(s):\n\n{}", found.len(), found.join("\n\n"));
}

fn cases(list: &[(&str, Side, &str)]) -> Vec<(String, Side, String)> {
    list.iter().map(|&(label, side, document)| (label.to_owned(), side, document.to_owned())).collect()
}

/// Checks that both validators agree on `list`, and that xmllint's verdict
/// is `xmllint_accepts` for every case (so the list tests what it says).
fn assert_agreement(list: &[(&str, Side, &str)], xmllint_accepts: bool) {
    let cases = cases(list);
    let accepted = accepted_count(&cases);
    assert_eq!(
        accepted,
        if xmllint_accepts { cases.len() } else { 0 },
        "xmllint's verdicts are not what the list says"
    );
    let found = disagreements(&cases);
    assert!(found.is_empty(), "{} disagreement(s):\n\n{}", found.len(), found.join("\n\n"));
}

/// Elements in a namespace are not the schema's (which has no target
/// namespace): xmllint finds no declaration for them.
#[test]
fn elements_in_another_namespace_are_refused() {
    assert_agreement(
        &[
            (
                "default namespace on the root",
                Side::Request,
                "<packet xmlns=\"urn:example\"><user><del><filter><all/></filter></del></user></packet>",
            ),
            (
                "default namespace on an operator",
                Side::Request,
                "<packet><user xmlns=\"urn:example\"><del><filter><all/></filter></del></user></packet>",
            ),
            (
                "default namespace on a response",
                Side::Response,
                "<packet xmlns=\"urn:example\"><system><status>ok</status></system></packet>",
            ),
            (
                "undeclared prefix",
                Side::Request,
                "<packet xsi:noNamespaceSchemaLocation=\"agent_input.xsd\"><user><del><filter><all/></filter></del></user></packet>",
            ),
        ],
        false,
    );
}

/// Well-formedness rules of XML 1.0 that the reader does not enforce.
#[test]
fn documents_that_are_not_well_formed_are_refused() {
    assert_agreement(
        &[
            (
                "control character in xs:anyType text",
                Side::Request,
                "<packet><request-settings><setting><name>a\u{1}b</name></setting></request-settings><user><del><filter><all/></filter></del></user></packet>",
            ),
            (
                "control character reference in xs:anyType text",
                Side::Request,
                "<packet><request-settings><setting><name>a&#1;b</name></setting></request-settings><user><del><filter><all/></filter></del></user></packet>",
            ),
            (
                "control character reference in an attribute of xs:anyType content",
                Side::Request,
                "<packet><request-settings><setting><name a=\"&#1;\">x</name></setting></request-settings><user><del><filter><all/></filter></del></user></packet>",
            ),
            (
                "control character in a comment",
                Side::Request,
                "<packet><!-- a\u{1}b --><user><del><filter><all/></filter></del></user></packet>",
            ),
            (
                "'<' in an attribute value",
                Side::Request,
                "<packet version=\"a<b\"><user><del><filter><all/></filter></del></user></packet>",
            ),
            (
                "']]>' in text",
                Side::Request,
                "<packet><user><del><filter><guid>a ]]> b</guid></filter></del></user></packet>",
            ),
            (
                "attributes without white space between them",
                Side::Request,
                "<packet version=\"1\"xmlns:x=\"urn:x\"><user><del><filter><all/></filter></del></user></packet>",
            ),
            (
                "XML version 2.0",
                Side::Request,
                "<?xml version=\"2.0\"?><packet><user><del><filter><all/></filter></del></user></packet>",
            ),
        ],
        false,
    );
}

/// `NoneType` is an empty complex type: its elements hold no character
/// content at all, white space included (XSD 1.0, Element Locally Valid
/// (Complex Type) 2.1).
#[test]
fn elements_of_empty_content_hold_no_white_space() {
    assert_agreement(
        &[
            ("space in <all>", Side::Request, "<packet><user><del><filter><all> </all></filter></del></user></packet>"),
            (
                "line end in <all>",
                Side::Request,
                "<packet><user><del><filter><all>\n</all></filter></del></user></packet>",
            ),
        ],
        false,
    );
}

/// A character reference to a space between elements is white space in the
/// infoset XSD validates.
#[test]
fn white_space_between_elements_may_be_a_character_reference() {
    assert_agreement(
        &[
            (
                "&#32; between operators",
                Side::Request,
                "<packet><user>&#32;<del><filter><all/></filter></del></user></packet>",
            ),
            (
                "&#10; between results",
                Side::Response,
                "<packet><user><del>&#10;<result><status>ok</status></result></del></user></packet>",
            ),
        ],
        true,
    );
}

/// `xs:anyType` content is validated laxly: a child that matches a global
/// element declaration (`<packet>`) is validated against it.
#[test]
#[ignore = "known limitation (README): xs:anyType content is kept as read, not validated laxly against global declarations"]
fn any_type_content_is_validated_laxly() {
    assert_agreement(
        &[(
            "empty <packet> inside a setting name",
            Side::Request,
            "<packet><request-settings><setting><name><packet/></name></setting></request-settings><user><del><filter><all/></filter></del></user></packet>",
        )],
        false,
    );
}

/// XSD collapses the white space around the value of every type derived
/// from xs:decimal (and of xs:date), so ` 12 ` is a valid xs:int. libxml2
/// (2.9) does not for xs:int, xs:long, xs:unsignedInt and xs:date (it does
/// for xs:integer, xs:decimal and xs:boolean) and rejects it. We follow the
/// XSD specification; our serializer never writes such white space. This is
/// the one known disagreement with xmllint, pinned here so that a change on
/// either side is noticed.
#[test]
fn white_space_around_integers_is_valid_as_xsd_says_though_libxml2_rejects_it() {
    let cases = cases(&[
        (
            "site-id in white space",
            Side::Request,
            "<packet><webuser><add><site-id> 12 </site-id><login>w</login></add></webuser></packet>",
        ),
        (
            "ftp-quota in white space",
            Side::Request,
            "<packet><webuser><add><site-id>1</site-id><login>w</login><ftp-quota>\n5</ftp-quota></add></webuser></packet>",
        ),
        (
            "result id in white space",
            Side::Response,
            "<packet><user><add><result><status>ok</status><id> 5 </id><guid>g</guid></result></add></user></packet>",
        ),
    ]);
    for (label, side, document) in &cases {
        assert_eq!(our_verdict(*side, document), Ok(()), "{label}: XSD collapses white space around integers");
        assert!(!xmllint(*side, document).valid, "{label}: libxml2 now accepts it; use assert_agreement instead");
    }
}

/// Values whose serialization xmllint rejects must not pass `validate()`:
/// the open content of `xs:anyType` elements too must be writable as XML.
#[test]
fn validate_refuses_open_content_that_cannot_be_written_as_xml() {
    let attribute = |name: &str, value: &str| AnyAttribute { name: name.to_owned(), value: value.to_owned() };
    let element = |name: &str| AnyNode::Element(AnyElement { name: name.to_owned(), content: AnyContent::empty() });
    let names = [
        ("control character in text", AnyContent::text("a\u{1}b")),
        (
            "control character in an attribute value",
            AnyContent { attributes: vec![attribute("a", "\u{2}")], children: vec![] },
        ),
        ("attribute name with a space", AnyContent { attributes: vec![attribute("bad name", "x")], children: vec![] }),
        ("element name starting with a digit", AnyContent { attributes: vec![], children: vec![element("1abc")] }),
        ("empty element name", AnyContent { attributes: vec![], children: vec![element("")] }),
        (
            "the same attribute twice",
            AnyContent { attributes: vec![attribute("a", "1"), attribute("a", "2")], children: vec![] },
        ),
    ];
    let mut found = Vec::new();
    for (label, name) in names {
        let operation = UserInputChoice::Del(support::user_del());
        let mut packet = support::request(vec![RequestOperator::User(UserInput { choice: vec![operation] })]);
        packet.request_settings = Some(RequestPacketRequestSettings {
            setting: vec![RequestPacketRequestSettingsSetting { name, value: None }],
        });
        let xml = packet.to_xml();
        let ours = packet.validate().is_ok();
        let theirs = xmllint(Side::Request, &xml).valid;
        if ours != theirs {
            found.push(format!(
                "{label}: validate() {}, xmllint {}: {xml}",
                if ours { "accepts" } else { "refuses" },
                if theirs { "accepts" } else { "rejects" }
            ));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Every schema file of every version compiles in libxml2 on its own, not
/// only through the packet envelopes that include it: xmllint reads the
/// schema, then finds a document it does not describe invalid (exit status
/// 3); a schema it cannot compile gives status 5.
#[test]
fn every_schema_file_compiles_in_libxml2() {
    let schemas = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let document = support::xmllint::scratch_dir("not-described").join("not-described.xml");
    std::fs::write(&document, "<not-described/>").expect("temporary document");
    let mut versions: Vec<_> = std::fs::read_dir(&schemas)
        .expect("schemas/")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_dir())
        .collect();
    versions.sort();
    assert!(versions.len() >= 2, "1.6.7.0 and 1.6.8.0 at least: {versions:?}");
    for directory in versions {
        let mut files: Vec<_> = std::fs::read_dir(&directory)
            .unwrap_or_else(|error| panic!("{}: {error}", directory.display()))
            .map(|entry| entry.expect("directory entry").path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "xsd"))
            .collect();
        files.sort();
        assert!(files.len() > 60, "the envelopes, a file per operator and the libraries: {files:?}");
        for file in files {
            let run = support::xmllint::run(&file, std::slice::from_ref(&document));
            assert_eq!(run.status, Some(3), "{}: {}", file.display(), run.report);
            assert!(run.report.contains("No matching global declaration"), "{}: {}", file.display(), run.report);
        }
    }
}
