//! Packets in one expression: the generated conversions build the same
//! packets (byte for byte) as the nested literals, consecutive operations
//! of one operator share its element, and a response gives the operations
//! of one kind and every failed operation with its place in one call each.

use plesk_types::v1_6_8_0::*;
use plesk_types::{Failure, OperationError, OperationResult, Place, Step, SystemError};

fn user_add(login: &str) -> UserAddInput {
    UserAddInput {
        gen_info: UserAddGenInfo {
            login: login.to_owned(),
            passwd: "123123".to_owned(),
            owner_guid_or_owner_external_id: None,
            name: "Eugene Grin".to_owned(),
            contact_info: None,
            status: None,
            external_id: None,
            subscription_domain_id: None,
            email: None,
        },
        roles: UserAddRoles { name: "Admin".to_owned() },
    }
}

fn webuser_add(login: &str) -> WebUserAddInputType {
    WebUserAddInputType {
        site_id: IdType(12),
        login: login.to_owned(),
        password_and_password_type: None,
        ftp_quota: None,
        services: None,
    }
}

fn long_form(operators: Vec<RequestOperator>) -> RequestPacket {
    RequestPacket { version: None, request_settings: None, operators }
}

#[test]
fn one_operation_is_a_packet_in_one_conversion() {
    let long = long_form(vec![RequestOperator::User(UserInput { choice: vec![UserInputChoice::Add(user_add("a"))] })]);
    let short = RequestPacket::from(user_add("a"));
    assert_eq!(short, long);
    assert_eq!(short.to_xml(), long.to_xml());
    // Each step of the chain converts on its own too.
    let by_steps = RequestPacket::from(RequestOperator::from(UserInput::from(UserInputChoice::from(user_add("a")))));
    assert_eq!(by_steps.to_xml(), long.to_xml());
    let webuser = RequestPacket::from(webuser_add("w"));
    assert_eq!(
        webuser.to_xml(),
        "<packet><webuser><add><site-id>12</site-id><login>w</login></add></webuser></packet>"
    );
}

#[test]
fn consecutive_operations_of_one_operator_share_its_element_in_the_order_given() {
    let long = long_form(vec![
        RequestOperator::User(UserInput {
            choice: vec![UserInputChoice::Add(user_add("a")), UserInputChoice::Add(user_add("b"))],
        }),
        RequestOperator::Webuser(WebUserInputType { choice: vec![WebUserInputTypeChoice::Add(webuser_add("w"))] }),
        RequestOperator::User(UserInput { choice: vec![UserInputChoice::Add(user_add("c"))] }),
    ]);
    let chained = RequestPacket::from(user_add("a")).with(user_add("b")).with(webuser_add("w")).with(user_add("c"));
    assert_eq!(chained.to_xml(), long.to_xml());
    let collected: RequestPacket =
        [user_add("a").into(), user_add("b").into(), webuser_add("w").into(), user_add("c").into()]
            .into_iter()
            .collect();
    assert_eq!(collected.to_xml(), long.to_xml());
    assert!(chained.to_xml().starts_with("<packet><user><add><gen-info><login>a</login>"));
    assert_eq!(chained.operators.len(), 3, "user, webuser, user: {chained:?}");
}

#[test]
fn a_packet_keeps_its_other_fields_through_struct_update() {
    let packet = RequestPacket { version: Some("1.6.8.0".to_owned()), ..RequestPacket::from(webuser_add("w")) };
    assert_eq!(
        packet.to_xml(),
        r#"<packet version="1.6.8.0"><webuser><add><site-id>12</site-id><login>w</login></add></webuser></packet>"#
    );
    packet.validate().unwrap();
}

const MIXED: &str = "<packet>\
    <user>\
      <add><result><status>ok</status><id>21</id><guid>g-21</guid></result></add>\
      <add><result><status>error</status><errcode>1007</errcode><errtext>User already exists</errtext></result></add>\
      <del><result><status>ok</status><filter-id>7</filter-id><id>7</id></result>\
           <result><status>error</status><errcode>1013</errcode><filter-id>8</filter-id></result></del>\
    </user>\
    <webuser><del><result><status>error</status><errcode>1015</errcode><errtext>no site</errtext></result></del></webuser>\
    <user><add><result><status>ok</status><id>22</id><guid>g-22</guid></result></add>\
          <add><result><status>ok</status></result></add></user>\
  </packet>";

#[test]
fn failures_names_every_failed_operation_by_its_place() {
    let response = ResponsePacket::from_xml(MIXED).unwrap();
    let failures = response.failures().unwrap();
    let shown: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "packet/user[1]/add[2]: operation failed (error 1007): User already exists",
            "packet/user[1]/del/result[2]: operation failed (error 1013)",
            "packet/webuser/del: operation failed (error 1015): no site",
            "packet/user[2]/add[2]: operation reported ok but its result has no id and guid",
        ]
    );
    assert_eq!(
        failures[0],
        Failure {
            place: Place {
                root: "packet",
                operator: Step { element: "user", index: Some(1) },
                operation: Step { element: "add", index: Some(2) },
                result: None,
            },
            error: OperationError::Failed { code: Some(1007), text: Some("User already exists".to_owned()) },
        }
    );
}

#[test]
fn a_response_without_failures_has_none_and_a_refused_one_is_a_system_error() {
    let ok = ResponsePacket::from_xml(
        "<packet><user><add><result><status>ok</status><id>1</id><guid>g</guid></result></add></user></packet>",
    )
    .unwrap();
    assert_eq!(ok.failures().unwrap(), []);
    let refused = ResponsePacket::from_xml(
        "<packet><system><status>error</status><errcode>1001</errcode><errtext>wrong password</errtext></system></packet>",
    )
    .unwrap();
    assert_eq!(
        refused.failures().unwrap_err(),
        SystemError { code: Some(1001), text: Some("wrong password".to_owned()) }
    );
    assert!(refused.results::<UserAddOutput>().is_err());
}

#[test]
fn results_of_one_kind_come_from_every_operator_element_in_packet_order() {
    let response = ResponsePacket::from_xml(MIXED).unwrap();
    let adds: Vec<Result<_, _>> = response
        .results::<UserAddOutput>()
        .unwrap()
        .map(|add| add.result.outcome().map(|created| created.id))
        .collect();
    assert_eq!(
        adds,
        [
            Ok(IdType(21)),
            Err(OperationError::Failed { code: Some(1007), text: Some("User already exists".to_owned()) }),
            Ok(IdType(22)),
            Err(OperationError::Incomplete { missing: "id and guid" }),
        ]
    );
    let deleted: Vec<usize> = response.results::<UserDelOutput>().unwrap().map(|del| del.result.len()).collect();
    assert_eq!(deleted, [2]);
    assert_eq!(response.results::<WebUserDelOutputType>().unwrap().count(), 1);
    assert_eq!(response.results::<UserGetOutput>().unwrap().count(), 0);
}

#[path = "support/case_module.rs"]
#[macro_use]
mod case_module;

case_module!(operators);

/// The generator's case `operators`, a schema of its own: the same
/// conversions and walk, and none where a type is two operations.
#[test]
fn the_operators_of_another_schema_convert_and_walk_the_same_way() {
    use operators::*;
    use plesk_types::Alternative;

    let long = Request {
        client: None,
        note: None,
        order_or_stock_or_ping: vec![
            RequestOrderOrStockOrPing::Order(RequestOrder {
                choice: vec![
                    RequestOrderChoice::Place(OrderNew { item: vec!["pen".to_owned()] }),
                    RequestOrderChoice::Cancel(OrderRef { number: 7 }),
                ],
            }),
            RequestOrderOrStockOrPing::Ping("hello".to_owned()),
            RequestOrderOrStockOrPing::Stock(RequestStock {
                count_or_find: vec![RequestStockCountOrFind::Count(StockCount { item: "pen".to_owned() })],
            }),
        ],
    };
    // `OrderRef` is two operations of `<order>` and converts into nothing:
    // its variant is named; `Ping` holds no list of operations.
    let short = Request::from(OrderNew { item: vec!["pen".to_owned()] })
        .with(RequestOrderChoice::Cancel(OrderRef { number: 7 }))
        .with(RequestOrderOrStockOrPing::Ping("hello".to_owned()))
        .with(StockCount { item: "pen".to_owned() });
    assert_eq!(short.to_xml(), long.to_xml());
    assert_eq!(
        short.to_xml(),
        "<request><order><place><item>pen</item></place><cancel><number>7</number></cancel></order>\
         <ping>hello</ping><stock><count><item>pen</item></count></stock></request>"
    );
    let stock = &long.order_or_stock_or_ping[2];
    assert_eq!(RequestStock::of(stock).map(|stock| stock.count_or_find.len()), Some(1));
    assert!(RequestOrder::of(stock).is_none());

    let response = Response::from_xml(
        "<response><order><place><result><status>ok</status><number>8</number></result>\
         <result><status>error</status><errcode>3</errcode><errtext>out of stock</errtext></result></place>\
         <cancel><result><status>error</status><errcode>4</errcode></result></cancel></order>\
         <stock><find><text>ink</text></find><count><result><status>ok</status></result></count></stock>\
         <order><place><result><status>ok</status></result></place></order></response>",
    )
    .unwrap();
    let Response::OrderOrStock(operators) = &response else { panic!("operators: {response:?}") };
    let failures: Vec<String> =
        plesk_types::__private::failures("response", operators).iter().map(ToString::to_string).collect();
    assert_eq!(
        failures,
        [
            "response/order[1]/place/result[2]: operation failed (error 3): out of stock",
            "response/order[1]/cancel: operation failed (error 4)",
        ]
    );
    let placed: Vec<usize> =
        plesk_types::__private::operations_of::<_, Placed>(operators).map(|place| place.result.len()).collect();
    assert_eq!(placed, [2, 1]);
    let found: Vec<&str> =
        plesk_types::__private::operations_of::<_, Query>(operators).map(|query| query.text.as_str()).collect();
    assert_eq!(found, ["ink"]);
}

/// In 1.6.7.0, `UserAddInput` is both `<add>` and `<add-billing>`, so it
/// converts into nothing; its variant named, it converts as any operation.
#[cfg(feature = "v1_6_7_0")]
#[test]
fn an_operation_type_of_two_operations_converts_once_its_variant_is_named() {
    use plesk_types::v1_6_7_0 as old;

    let short = old::RequestPacket::from(old::UserInputChoice::AddBilling(user_add("a")))
        .with(old::UserInputChoice::Add(user_add("b")));
    let long = old::RequestPacket {
        version: None,
        request_settings: None,
        operators: vec![old::RequestOperator::User(old::UserInput {
            choice: vec![old::UserInputChoice::AddBilling(user_add("a")), old::UserInputChoice::Add(user_add("b"))],
        })],
    };
    assert_eq!(short.to_xml(), long.to_xml());
    assert!(short.to_xml().starts_with("<packet><user><add-billing><gen-info>"));
}
