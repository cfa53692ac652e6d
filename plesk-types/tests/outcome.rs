//! Packet-level behavior: several operators and operations per packet, a
//! refused packet as a distinct typed outcome, failed operations as typed
//! errors, and passwords kept out of `Debug`.

use plesk_types::v1_6_8_0::*;
use plesk_types::{OperationError, OperationResult, SystemError};

fn user_operations(response: &ResponsePacket) -> Vec<&UserOutputChoice> {
    let operators = response.operators().expect("operator results");
    operators
        .iter()
        .filter_map(|operator| match operator {
            ResponseOperator::User(user) => Some(&user.choice),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn a_system_error_is_a_refused_packet() {
    let response = ResponsePacket::from_xml(
        r#"<packet version="1.6.8.0"><system><status>error</status><errcode>1001</errcode><errtext>Authentication failed - wrong password.</errtext></system></packet>"#,
    )
    .unwrap();
    let refused = response.operators().unwrap_err();
    assert_eq!(
        refused,
        SystemError { code: Some(1001), text: Some("Authentication failed - wrong password.".to_owned()) }
    );
    assert_eq!(refused.to_string(), "packet refused (error 1001): Authentication failed - wrong password.");
}

#[test]
fn a_failed_operation_gives_its_code_and_text() {
    let response = ResponsePacket::from_xml(
        "<packet><webuser><add><result><status>error</status><errcode>1015</errcode>\
         <errtext>Domain does not exist</errtext></result></add></webuser></packet>",
    )
    .unwrap();
    let operators = response.operators().unwrap();
    let [ResponseOperator::Webuser(webuser)] = operators else { panic!("one webuser operator: {operators:?}") };
    let [WebUserOutputTypeChoice::Add(add)] = webuser.choice.as_slice() else { panic!("one add: {webuser:?}") };
    let error = add.result.outcome().unwrap_err();
    assert_eq!(error, OperationError::Failed { code: Some(1015), text: Some("Domain does not exist".to_owned()) });
    assert_eq!(error.to_string(), "operation failed (error 1015): Domain does not exist");
}

#[test]
fn successful_operations_give_their_data_in_packet_order() {
    let response = ResponsePacket::from_xml(
        "<packet>\
           <user>\
             <add><result><status>ok</status><id>21</id><guid>g-21</guid></result></add>\
             <del><result><status>ok</status><filter-id>g-7</filter-id><id>7</id></result>\
                  <result><status>error</status><errcode>1013</errcode><filter-id>g-8</filter-id></result></del>\
           </user>\
           <webuser><add><result><status>ok</status><id>321</id></result></add></webuser>\
           <user><add><result><status>ok</status><id>22</id><guid>g-22</guid></result></add></user>\
         </packet>",
    )
    .unwrap();
    let operations = user_operations(&response);
    let created: Vec<(i32, &str)> = operations
        .iter()
        .filter_map(|operation| match operation {
            UserOutputChoice::Add(add) => Some(add.result.outcome().map(|ok| (ok.id.0, ok.guid.as_str())).unwrap()),
            _ => None,
        })
        .collect();
    assert_eq!(created, vec![(21, "g-21"), (22, "g-22")]);

    let UserOutputChoice::Del(del) = operations[1] else { panic!("second operation is del: {:?}", operations[1]) };
    let outcomes: Vec<_> = del.result.iter().map(OperationResult::outcome).collect();
    assert_eq!(outcomes, vec![Ok(Some(IdType(7))), Err(OperationError::Failed { code: Some(1013), text: None })]);

    let webuser = response.operators().unwrap().iter().find_map(|operator| match operator {
        ResponseOperator::Webuser(webuser) => Some(webuser),
        _ => None,
    });
    let Some(WebUserOutputTypeChoice::Add(add)) = webuser.and_then(|webuser| webuser.choice.first()) else {
        panic!("a webuser add result")
    };
    assert_eq!(add.result.outcome(), Ok(IdType(321)));
}

#[test]
fn status_ok_without_the_success_data_is_incomplete() {
    let response =
        ResponsePacket::from_xml("<packet><user><add><result><status>ok</status></result></add></user></packet>")
            .unwrap();
    let [UserOutputChoice::Add(add)] = user_operations(&response).as_slice() else { panic!("one add") };
    assert_eq!(add.result.outcome().unwrap_err(), OperationError::Incomplete { missing: "id and guid" });
}

#[test]
fn a_request_keeps_operators_and_operations_in_the_order_given() {
    let filter = |guid: &str| UserSelectionFilter::Guid(vec![guid.to_owned()]);
    let request = RequestPacket {
        version: Some("1.6.8.0".to_owned()),
        request_settings: None,
        operators: vec![
            RequestOperator::User(UserInput {
                choice: vec![
                    UserInputChoice::Del(UserDelInput { filter: filter("b") }),
                    UserInputChoice::Del(UserDelInput { filter: filter("a") }),
                ],
            }),
            RequestOperator::Webuser(WebUserInputType {
                choice: vec![WebUserInputTypeChoice::GetPrefs(WebUserGetPrefInputType {
                    filter: WebUserOwnFilter::SiteId(vec![IdType(3)]),
                    site_id_or_site_name: None,
                })],
            }),
            RequestOperator::User(UserInput {
                choice: vec![UserInputChoice::Del(UserDelInput { filter: filter("c") })],
            }),
        ],
    };
    request.validate().unwrap();
    let xml = request.to_xml();
    assert_eq!(
        xml,
        "<packet version=\"1.6.8.0\">\
         <user><del><filter><guid>b</guid></filter></del><del><filter><guid>a</guid></filter></del></user>\
         <webuser><get-prefs><filter><site-id>3</site-id></filter></get-prefs></webuser>\
         <user><del><filter><guid>c</guid></filter></del></user>\
         </packet>"
    );
    assert_eq!(RequestPacket::from_xml(&xml).unwrap(), request);
}

#[test]
fn passwords_never_reach_debug_output() {
    let add = WebUserAddInputType {
        site_id: IdType(12),
        login: "web1".to_owned(),
        password_and_password_type: Some(WebUserAddInputTypePasswordAndPasswordType {
            password: "s3cret-value".to_owned(),
            password_type: Some(PasswdType::Plain),
        }),
        ftp_quota: None,
        services: None,
    };
    let debug = format!("{add:?}");
    assert!(!debug.contains("s3cret-value"), "{debug}");
    assert!(debug.contains("password: <redacted>"), "{debug}");
    assert!(debug.contains("password_type: Some(Plain)"), "{debug}");

    let set = UserSetGenInfo { passwd: Some("another-secret".to_owned()), ..UserSetGenInfo::default() };
    let debug = format!("{set:?}");
    assert!(!debug.contains("another-secret"), "{debug}");
    assert!(debug.contains("passwd: Some(<redacted>)"), "{debug}");
}

#[path = "support/case_module.rs"]
#[macro_use]
mod case_module;

case_module!(operation_result);

/// The generator's case `operation_result`: every kind of success it
/// plans, read from one document.
#[test]
fn generated_outcomes_give_what_each_result_type_carries() {
    use operation_result::{Results, ResultsRead};

    let results = Results::from_xml(
        "<results><plain><status>ok</status></plain>\
         <created><status>ok</status><guid>g-1</guid></created>\
         <created><status>error</status><errcode>1007</errcode><errtext>exists</errtext></created>\
         <created><status>ok</status></created>\
         <filtered><status>ok</status><filter-id>a</filter-id><id>7</id></filtered>\
         <filtered><status>ok</status></filtered>\
         <read><status>ok</status><id>8</id><name>n</name></read>\
         <listed><status>ok</status><entry>x</entry><entry>y</entry></listed>\
         <inline><status>error</status><errcode>5</errcode><count>0</count></inline></results>",
    )
    .unwrap();
    assert_eq!(results.plain.outcome(), Ok(()));
    let created: Vec<_> = results.created.iter().map(|created| created.outcome().map(String::as_str)).collect();
    assert_eq!(
        created,
        vec![
            Ok("g-1"),
            Err(OperationError::Failed { code: Some(1007), text: Some("exists".to_owned()) }),
            Err(OperationError::Incomplete { missing: "guid" }),
        ]
    );
    let filtered: Vec<_> = results.filtered.iter().map(OperationResult::outcome).collect();
    assert_eq!(filtered, vec![Ok(Some(7)), Ok(None)]);
    let read: &ResultsRead = results.read.as_ref().unwrap().outcome().unwrap();
    assert_eq!((read.id, read.name.as_deref()), (Some(8), Some("n")));
    assert_eq!(results.listed.as_ref().unwrap().outcome(), Ok(&["x".to_owned(), "y".to_owned()][..]));
    let inline = results.inline.as_ref().unwrap().outcome();
    assert_eq!(inline, Err(OperationError::Failed { code: Some(5), text: None }));
}
