//! Values with every optional field set: one request and one response per
//! operation, and the packets that carry them.

use plesk_types::v1_6_8_0::*;
use plesk_types::xml::{AnyAttribute, AnyContent, AnyElement, AnyNode};

/// A request packet carrying `operators`, with the packet's own optional
/// parts (version, request settings) set.
pub fn request(operators: Vec<RequestOperator>) -> RequestPacket {
    RequestPacket { version: Some("1.6.8.0".to_owned()), request_settings: Some(request_settings()), operators }
}

/// A response packet carrying `operators`, with the packet's own optional
/// parts (version, output) set.
pub fn response(operators: Vec<ResponseOperator>) -> ResponsePacket {
    ResponsePacket {
        version: Some("1.6.8.0".to_owned()),
        content: ResponseContent::Operators(operators),
        output: Some("trailing output".to_owned()),
    }
}

/// Request settings of both shapes `xs:anyType` allows: plain text, and
/// attributes with mixed element and text content.
pub fn request_settings() -> RequestPacketRequestSettings {
    RequestPacketRequestSettings {
        setting: vec![
            RequestPacketRequestSettingsSetting {
                name: AnyContent::text("rollback-on-error"),
                value: Some(AnyContent::text("true")),
            },
            RequestPacketRequestSettingsSetting {
                name: AnyContent {
                    attributes: vec![AnyAttribute { name: "scope".to_owned(), value: "packet & all".to_owned() }],
                    children: vec![AnyNode::Text("locale".to_owned())],
                },
                value: Some(AnyContent {
                    attributes: vec![],
                    children: vec![
                        AnyNode::Element(AnyElement { name: "lang".to_owned(), content: AnyContent::text("en-US") }),
                        AnyNode::Element(AnyElement {
                            name: "fallback".to_owned(),
                            content: AnyContent {
                                attributes: vec![AnyAttribute { name: "order".to_owned(), value: "1".to_owned() }],
                                children: vec![],
                            },
                        }),
                    ],
                }),
            },
        ],
    }
}

/// Contact information with every item set.
pub fn contact_info() -> ContactInfoAdd {
    ContactInfoAdd {
        company: Some("Grin LLC".to_owned()),
        phone: Some("0-000-0000000".to_owned()),
        fax: Some("0-000-0000001".to_owned()),
        address: Some("1 Main St".to_owned()),
        city: Some("New York".to_owned()),
        state: Some("NY".to_owned()),
        zip: Some("10101".to_owned()),
        country: Some("US".to_owned()),
        im: Some("egrin".to_owned()),
        imtype: Some("ICQ".to_owned()),
        comment: Some("<b>VIP</b> & friends".to_owned()),
        locale: Some("en-US".to_owned()),
    }
}

/// A user add request with every optional field set.
pub fn user_add() -> UserAddInput {
    UserAddInput {
        gen_info: UserAddGenInfo {
            login: "egrin".to_owned(),
            passwd: "s3cret!".to_owned(),
            owner_guid_or_owner_external_id: Some(UserAddGenInfoOwnerGuidOrOwnerExternalId::OwnerGuid(
                "58bb9092-4c8b-4110-ba3d-c40bdad3b178".to_owned(),
            )),
            name: "Eugene Grin".to_owned(),
            contact_info: Some(contact_info()),
            status: Some(UserAddGenInfoStatus::Enabled),
            external_id: Some("ext-21".to_owned()),
            subscription_domain_id: Some(7),
            email: Some(EmailType::from("egrin@example.com")),
        },
        roles: UserAddRoles { name: "Admin".to_owned() },
    }
}

/// A user get request with every optional field set.
pub fn user_get() -> UserGetInput {
    UserGetInput {
        filter: UserSelectionFilter::Guid(vec![
            "96197aa9-389a-db5b-aadc-88350b24fcdd".to_owned(),
            "8712cd03-14e2-9e16-95af-c67e3ffc2696".to_owned(),
        ]),
        dataset: UserDatasetInput { gen_info: Some(AnyContent::empty()), roles: Some(AnyContent::empty()) },
    }
}

/// A user set request with every optional field set.
pub fn user_set() -> UserSetInput {
    UserSetInput {
        filter: UserSelectionFilter::OwnerGuid(vec!["58bb9092-4c8b-4110-ba3d-c40bdad3b178".to_owned()]),
        values: UserSetValuesInput {
            gen_info: Some(UserSetGenInfo {
                passwd: Some("n3w-secret".to_owned()),
                name: Some("Eugene Grin".to_owned()),
                contact_info: Some(contact_info()),
                status: Some(UserSetGenInfoStatus::Disabled),
                external_id: Some("ext-21".to_owned()),
                login: Some("egrin2".to_owned()),
                subscription_domain_id: Some(0),
                email: Some(EmailType::from("egrin2@example.com")),
            }),
            roles: Some(UserAddRoles { name: "Accountant".to_owned() }),
        },
    }
}

/// A user del request.
pub fn user_del() -> UserDelInput {
    UserDelInput { filter: UserSelectionFilter::ExternalId(vec!["ext-21".to_owned(), "ext-22".to_owned()]) }
}

/// Services with more than one service.
pub fn services() -> ServicesType {
    ServicesType {
        service: vec![
            WebuserScriptType { name: "php".to_owned(), value: "true".to_owned() },
            WebuserScriptType { name: "cgi".to_owned(), value: "false".to_owned() },
        ],
    }
}

/// A webuser add request with every optional field set.
pub fn webuser_add() -> WebUserAddInputType {
    WebUserAddInputType {
        site_id: IdType(12),
        login: "myWebAccount".to_owned(),
        password_and_password_type: Some(WebUserAddInputTypePasswordAndPasswordType {
            password: "pa$$w0rd".to_owned(),
            password_type: Some(PasswdType::Plain),
        }),
        ftp_quota: Some(-1),
        services: Some(services()),
    }
}

/// A webuser del request with every optional field set.
pub fn webuser_del() -> WebUserDelInputType {
    WebUserDelInputType {
        filter: WebUserFilter::Id(vec![IdType(321), IdType(322)]),
        site_id_or_site_name: Some(SiteIdOrSiteName::SiteId(IdType(12))),
    }
}

/// A webuser set request with every optional field set.
pub fn webuser_set() -> WebUserSetInputType {
    WebUserSetInputType {
        filter: WebUserFilter::Login(vec!["myWebAccount".to_owned()]),
        values: WebUserSetParam {
            password_and_password_type: Some(WebUserSetParamPasswordAndPasswordType {
                password: "$1$abcdefgh$0123456789abcdefghijkl".to_owned(),
                password_type: Some(PasswdType::Crypt),
            }),
            ftp_quota: Some(1_048_576),
            services: Some(services()),
        },
        site_id_or_site_name: Some(SiteIdOrSiteName::SiteName("example.com".to_owned())),
    }
}

/// A webuser get request with every optional field set.
pub fn webuser_get() -> WebUserGetInputType {
    WebUserGetInputType {
        filter: WebUserFilter::SiteId(vec![IdType(12)]),
        site_id_or_site_name: Some(SiteIdOrSiteName::SiteId(IdType(12))),
    }
}

/// A webuser set-prefs request with every optional field set.
pub fn webuser_set_prefs() -> WebUserSetPrefInputType {
    WebUserSetPrefInputType {
        filter: WebUserOwnFilter::SiteId(vec![IdType(12), IdType(13)]),
        values: WebUserPrefs { wuscripts: true },
        site_id_or_site_name: Some(SiteIdOrSiteName::SiteName("example.com".to_owned())),
    }
}

/// A webuser get-prefs request with every optional field set.
pub fn webuser_get_prefs() -> WebUserGetPrefInputType {
    WebUserGetPrefInputType {
        filter: WebUserOwnFilter::SiteName(vec!["example.com".to_owned()]),
        site_id_or_site_name: Some(SiteIdOrSiteName::SiteId(IdType(12))),
    }
}

/// A request packet carrying `operators` and nothing else.
pub fn bare_request(operators: Vec<RequestOperator>) -> RequestPacket {
    RequestPacket { version: None, request_settings: None, operators }
}

/// The `<user>` operator of one operation.
pub fn user_operator(operation: UserInputChoice) -> RequestOperator {
    RequestOperator::User(UserInput { choice: vec![operation] })
}

/// The `<webuser>` operator of one operation.
pub fn webuser_operator(operation: WebUserInputTypeChoice) -> RequestOperator {
    RequestOperator::Webuser(WebUserInputType { choice: vec![operation] })
}

fn user_request(operation: UserInputChoice) -> RequestPacket {
    request(vec![user_operator(operation)])
}

fn webuser_request(operation: WebUserInputTypeChoice) -> RequestPacket {
    request(vec![webuser_operator(operation)])
}

/// Every request operation with every optional field set, one packet each,
/// and more packets so that every alternative of every choice and every
/// value of every enumeration appears somewhere.
pub fn maximal_requests() -> Vec<(String, RequestPacket)> {
    let mut cases: Vec<(String, RequestPacket)> = vec![
        ("user add".into(), user_request(UserInputChoice::Add(user_add()))),
        ("user get".into(), user_request(UserInputChoice::Get(user_get()))),
        ("user set".into(), user_request(UserInputChoice::Set(user_set()))),
        ("user del".into(), user_request(UserInputChoice::Del(user_del()))),
        ("webuser add".into(), webuser_request(WebUserInputTypeChoice::Add(webuser_add()))),
        ("webuser del".into(), webuser_request(WebUserInputTypeChoice::Del(webuser_del()))),
        ("webuser set".into(), webuser_request(WebUserInputTypeChoice::Set(webuser_set()))),
        ("webuser get".into(), webuser_request(WebUserInputTypeChoice::Get(webuser_get()))),
        ("webuser set-prefs".into(), webuser_request(WebUserInputTypeChoice::SetPrefs(webuser_set_prefs()))),
        ("webuser get-prefs".into(), webuser_request(WebUserInputTypeChoice::GetPrefs(webuser_get_prefs()))),
    ];

    // Alternatives of the choices.
    let mut add = user_add();
    add.gen_info.owner_guid_or_owner_external_id =
        Some(UserAddGenInfoOwnerGuidOrOwnerExternalId::OwnerExternalId("owner-ext-1".to_owned()));
    cases.push(("user add, owner-external-id".into(), user_request(UserInputChoice::Add(add))));
    let user_filters = [
        ("guid", UserSelectionFilter::Guid(vec!["g-1".to_owned()])),
        ("owner-guid", UserSelectionFilter::OwnerGuid(vec!["og-1".to_owned(), "og-2".to_owned()])),
        ("external-id", UserSelectionFilter::ExternalId(vec!["e-1".to_owned()])),
        ("owner-external-id", UserSelectionFilter::OwnerExternalId(vec!["oe-1".to_owned(), "oe-2".to_owned()])),
        ("all", UserSelectionFilter::All(NoneType)),
    ];
    for (name, filter) in user_filters {
        cases.push((format!("user del, filter {name}"), user_request(UserInputChoice::Del(UserDelInput { filter }))));
    }
    let webuser_filters = [
        ("id", WebUserFilter::Id(vec![IdType(1)])),
        ("login", WebUserFilter::Login(vec!["a".to_owned(), "b".to_owned()])),
        ("site-id", WebUserFilter::SiteId(vec![IdType(2), IdType(3)])),
        ("site-name", WebUserFilter::SiteName(vec!["example.org".to_owned()])),
    ];
    for (name, filter) in webuser_filters {
        let del = WebUserDelInputType {
            filter,
            site_id_or_site_name: Some(SiteIdOrSiteName::SiteName("example.org".to_owned())),
        };
        cases.push((
            format!("webuser del, filter {name}, site-name"),
            webuser_request(WebUserInputTypeChoice::Del(del)),
        ));
    }
    let mut set = webuser_set();
    set.site_id_or_site_name = Some(SiteIdOrSiteName::SiteId(IdType(12)));
    cases.push(("webuser set, site-id".into(), webuser_request(WebUserInputTypeChoice::Set(set))));
    let mut get = webuser_get();
    get.site_id_or_site_name = Some(SiteIdOrSiteName::SiteName("example.com".to_owned()));
    cases.push(("webuser get, site-name".into(), webuser_request(WebUserInputTypeChoice::Get(get))));
    let mut set_prefs = webuser_set_prefs();
    set_prefs.filter = WebUserOwnFilter::SiteName(vec!["example.com".to_owned(), "example.org".to_owned()]);
    set_prefs.values.wuscripts = false;
    set_prefs.site_id_or_site_name = Some(SiteIdOrSiteName::SiteId(IdType(12)));
    cases.push((
        "webuser set-prefs, site-name filter, site-id".into(),
        webuser_request(WebUserInputTypeChoice::SetPrefs(set_prefs)),
    ));
    let mut get_prefs = webuser_get_prefs();
    get_prefs.filter = WebUserOwnFilter::SiteId(vec![IdType(12)]);
    get_prefs.site_id_or_site_name = Some(SiteIdOrSiteName::SiteName("example.com".to_owned()));
    cases.push((
        "webuser get-prefs, site-id filter, site-name".into(),
        webuser_request(WebUserInputTypeChoice::GetPrefs(get_prefs)),
    ));

    // Every value of every enumeration.
    for status in UserAddGenInfoStatus::ALL {
        let mut add = user_add();
        add.gen_info.status = Some(status);
        cases.push((format!("user add, status {status}"), user_request(UserInputChoice::Add(add))));
    }
    for status in UserSetGenInfoStatus::ALL {
        let mut set = user_set();
        if let Some(gen_info) = &mut set.values.gen_info {
            gen_info.status = Some(status);
        }
        cases.push((format!("user set, status {status}"), user_request(UserInputChoice::Set(set))));
    }
    for password_type in PasswdType::ALL {
        let mut add = webuser_add();
        if let Some(password) = &mut add.password_and_password_type {
            password.password_type = Some(password_type);
        }
        cases.push((
            format!("webuser add, password-type {password_type}"),
            webuser_request(WebUserInputTypeChoice::Add(add)),
        ));
    }

    // Both operators, every operation, in one packet.
    cases.push((
        "every operation in one packet".into(),
        request(vec![
            RequestOperator::User(UserInput {
                choice: vec![
                    UserInputChoice::Add(user_add()),
                    UserInputChoice::Get(user_get()),
                    UserInputChoice::Set(user_set()),
                    UserInputChoice::Del(user_del()),
                ],
            }),
            RequestOperator::Webuser(WebUserInputType {
                choice: vec![
                    WebUserInputTypeChoice::Add(webuser_add()),
                    WebUserInputTypeChoice::Del(webuser_del()),
                    WebUserInputTypeChoice::Set(webuser_set()),
                    WebUserInputTypeChoice::Get(webuser_get()),
                    WebUserInputTypeChoice::SetPrefs(webuser_set_prefs()),
                    WebUserInputTypeChoice::GetPrefs(webuser_get_prefs()),
                ],
            }),
            RequestOperator::User(UserInput { choice: vec![UserInputChoice::Del(user_del())] }),
        ]),
    ));
    cases
}

/// A `resultFilterType` with every optional field set.
pub fn result_filter(id: i32) -> ResultFilterType {
    ResultFilterType {
        status: ResultStatus::Ok,
        errcode: Some(0),
        errtext: Some("no error".to_owned()),
        filter_id: Some(format!("filter-{id}")),
        id: Some(IdType(id)),
    }
}

/// General information of a user, as a get response returns it, with every
/// optional field set.
pub fn user_get_gen_info() -> UserGetGenInfo {
    UserGetGenInfo {
        login: "admin".to_owned(),
        name: "Eugene Grin".to_owned(),
        owner_guid: "58bb9092-4c8b-4110-ba3d-c40bdad3b178".to_owned(),
        status: UserGetGenInfoStatus::Enabled,
        guid: "96197aa9-389a-db5b-aadc-88350b24fcdd".to_owned(),
        is_built_in: true,
        contact_info: Some(contact_info()),
        external_id: Some("ext-1".to_owned()),
        subscription_domain_id: Some(3),
        email: Some(EmailType::from("admin@example.com")),
        mailname_id: Some(17),
    }
}

/// A user add response with every optional field set.
pub fn user_add_output() -> UserAddOutput {
    UserAddOutput {
        result: UserAddOutputResult {
            status: ResultStatus::Ok,
            errcode: Some(0),
            errtext: Some("no error".to_owned()),
            id_and_guid: Some(UserAddOutputResultIdAndGuid {
                id: IdType(21),
                guid: "8712cd03-14e2-9e16-95af-c67e3ffc2696".to_owned(),
            }),
        },
    }
}

/// A user get response with every optional field set, two results.
pub fn user_get_output() -> UserGetOutput {
    let result = |id: i32| UserGetOutputResult {
        status: ResultStatus::Ok,
        errcode: Some(0),
        errtext: Some("no error".to_owned()),
        filter_id: Some(format!("filter-{id}")),
        id: Some(IdType(id)),
        data: Some(UserGetOutputData {
            gen_info: Some(user_get_gen_info()),
            roles: Some(UserAddRoles { name: "Admin".to_owned() }),
        }),
    };
    UserGetOutput { result: vec![result(1), result(2)] }
}

/// A webuser add response with every optional field set.
pub fn webuser_add_output() -> WebUserAddOutputType {
    WebUserAddOutputType {
        result: WebUserAddOutputTypeResult {
            status: ResultStatus::Ok,
            errcode: Some(0),
            errtext: Some("no error".to_owned()),
            id: Some(IdType(321)),
        },
    }
}

/// A webuser get response with every optional field set, two results.
pub fn webuser_get_output() -> WebUserGetOutputType {
    let result = |id: i32| WebUserGetOutputTypeResult {
        status: ResultStatus::Ok,
        errcode: Some(0),
        errtext: Some("no error".to_owned()),
        filter_id: Some(format!("filter-{id}")),
        id: Some(IdType(id)),
        login_group: Some(WebUserGetOutputTypeResultLoginGroup {
            login: format!("web{id}"),
            ftp_quota: Some(-1),
            services: Some(services()),
        }),
    };
    WebUserGetOutputType { result: vec![result(1), result(2)] }
}

/// A webuser get-prefs response with every optional field set, two results.
pub fn webuser_get_prefs_output() -> WebUserGetPrefOutputType {
    let result = |id: i32| WebUserGetPrefOutputTypeResult {
        status: ResultStatus::Ok,
        errcode: Some(0),
        errtext: Some("no error".to_owned()),
        filter_id: Some(format!("filter-{id}")),
        id: Some(IdType(id)),
        wuscripts: Some(id % 2 == 0),
    };
    WebUserGetPrefOutputType { result: vec![result(1), result(2)] }
}

/// A response packet carrying the results of `operators` and nothing else.
pub fn bare_response(operators: Vec<ResponseOperator>) -> ResponsePacket {
    ResponsePacket { version: None, content: ResponseContent::Operators(operators), output: None }
}

/// The `<user>` operator of one operation's result.
pub fn user_result(operation: UserOutputChoice) -> ResponseOperator {
    ResponseOperator::User(UserOutput { choice: vec![operation] })
}

/// The `<webuser>` operator of one operation's result.
pub fn webuser_result(operation: WebUserOutputTypeChoice) -> ResponseOperator {
    ResponseOperator::Webuser(WebUserOutputType { choice: vec![operation] })
}

fn user_response(operation: UserOutputChoice) -> ResponsePacket {
    response(vec![user_result(operation)])
}

fn webuser_response(operation: WebUserOutputTypeChoice) -> ResponsePacket {
    response(vec![webuser_result(operation)])
}

/// A response reporting a system error, with every optional field set.
pub fn system_error() -> ResponsePacket {
    ResponsePacket {
        version: Some("1.6.8.0".to_owned()),
        content: ResponseContent::System(ResultType {
            status: ResultStatus::Error,
            errcode: Some(1014),
            errtext: Some("Parser error: Request is invalid".to_owned()),
        }),
        output: Some("trailing output".to_owned()),
    }
}

/// Every response operation with every optional field set, one packet each,
/// the system error, and more packets so that every value of every
/// enumeration appears somewhere.
pub fn maximal_responses() -> Vec<(String, ResponsePacket)> {
    let pair = || vec![result_filter(1), result_filter(2)];
    let mut cases: Vec<(String, ResponsePacket)> = vec![
        ("user add".into(), user_response(UserOutputChoice::Add(user_add_output()))),
        ("user get".into(), user_response(UserOutputChoice::Get(user_get_output()))),
        ("user set".into(), user_response(UserOutputChoice::Set(UserSetOutput { result: pair() }))),
        ("user del".into(), user_response(UserOutputChoice::Del(UserDelOutput { result: pair() }))),
        ("webuser add".into(), webuser_response(WebUserOutputTypeChoice::Add(webuser_add_output()))),
        ("webuser del".into(), webuser_response(WebUserOutputTypeChoice::Del(WebUserDelOutputType { result: pair() }))),
        ("webuser set".into(), webuser_response(WebUserOutputTypeChoice::Set(WebUserSetOutputType { result: pair() }))),
        ("webuser get".into(), webuser_response(WebUserOutputTypeChoice::Get(webuser_get_output()))),
        (
            "webuser set-prefs".into(),
            webuser_response(WebUserOutputTypeChoice::SetPrefs(WebUserSetPrefOutputType { result: pair() })),
        ),
        ("webuser get-prefs".into(), webuser_response(WebUserOutputTypeChoice::GetPrefs(webuser_get_prefs_output()))),
        ("system error".into(), system_error()),
    ];
    for status in ResultStatus::ALL {
        let mut output = user_add_output();
        output.result.status = status;
        cases.push((format!("user add, result status {status}"), user_response(UserOutputChoice::Add(output))));
    }
    for status in UserGetGenInfoStatus::ALL {
        let mut output = user_get_output();
        for result in &mut output.result {
            if let Some(gen_info) = result.data.as_mut().and_then(|data| data.gen_info.as_mut()) {
                gen_info.status = status;
                gen_info.is_built_in = false;
            }
        }
        cases.push((format!("user get, status {status}"), user_response(UserOutputChoice::Get(output))));
    }
    cases.push((
        "every operation in one packet".into(),
        response(vec![
            ResponseOperator::User(UserOutput {
                choice: vec![
                    UserOutputChoice::Add(user_add_output()),
                    UserOutputChoice::Get(user_get_output()),
                    UserOutputChoice::Set(UserSetOutput { result: pair() }),
                    UserOutputChoice::Del(UserDelOutput { result: pair() }),
                ],
            }),
            ResponseOperator::Webuser(WebUserOutputType {
                choice: vec![
                    WebUserOutputTypeChoice::Add(webuser_add_output()),
                    WebUserOutputTypeChoice::Del(WebUserDelOutputType { result: pair() }),
                    WebUserOutputTypeChoice::Set(WebUserSetOutputType { result: pair() }),
                    WebUserOutputTypeChoice::Get(webuser_get_output()),
                    WebUserOutputTypeChoice::SetPrefs(WebUserSetPrefOutputType { result: pair() }),
                    WebUserOutputTypeChoice::GetPrefs(webuser_get_prefs_output()),
                ],
            }),
        ]),
    ));
    cases
}
