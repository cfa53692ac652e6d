//! Helpers shared by the integration tests: where the schemas and the
//! documentation samples are, the xmllint oracle, the samples themselves,
//! values of every operation with every optional field set, and facts read
//! off the XSD files.
//!
//! Each test crate uses part of this module.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use plesk_types::v1_6_8_0::*;
use plesk_types::xml::{AnyAttribute, AnyContent, AnyElement, AnyNode};

#[path = "../../../codegen/tests/support/xmllint.rs"]
pub mod xmllint;

// ---------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------

/// The 1.6.8.0 schema files this crate is generated from.
pub fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/1.6.8.0")
}

/// The Plesk documentation pages the project started from.
pub fn seed_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"))
}

// ---------------------------------------------------------------------------
// xmllint, the trusted validator
// ---------------------------------------------------------------------------

#[path = "../../examples/packet/side.rs"]
mod side;
pub use side::Side;

impl Side {
    /// The schema that describes this side's packet.
    pub fn schema(self) -> PathBuf {
        schema_dir().join(match self {
            Side::Request => "agent_input.xsd",
            Side::Response => "agent_output.xsd",
        })
    }
}

/// Validates `document` against the schema of `side`.
///
/// # Panics
///
/// When xmllint is not installed (these tests never skip: install
/// `libxml2-utils`), or when xmllint fails for another reason than the
/// document (a schema that does not compile, say).
pub fn xmllint(side: Side, document: &str) -> xmllint::Verdict {
    xmllint::validate(&side.schema(), document)
}

// ---------------------------------------------------------------------------
// The documentation samples
// ---------------------------------------------------------------------------

/// What the documentation says about the `<packet>` blocks of one seed file,
/// in the order they appear. Every `<packet` in a file is one of these, so a
/// block the extractor cannot place fails the tests instead of being skipped.
pub struct SeedFileExpectation {
    /// File name in `seeds/`.
    pub file: &'static str,
    /// "Packet Structure" illustrations: a packet whose operation holds only
    /// a `...` placeholder. Not samples.
    pub skeletons: usize,
    /// Start tags the page never finishes (no `</packet>` follows them).
    pub unfinished: &'static [&'static str],
    /// The complete samples: the side each one is, decided by where it appears
    /// on the page, and the line of prose that introduces it.
    pub samples: &'static [(Side, &'static str)],
}

/// Every seed file and what it holds.
///
/// On every page the first sample under "Samples" is the request and what
/// follows it answers that request. user-del.txt introduces its second sample
/// with "Request:", but that sample comes after the request, under the place
/// every other page says "Response:", and holds a `<result>`: it is the
/// response, and the label is a slip of the documentation.
pub const SEED_FILES: &[SeedFileExpectation] = &[
    SeedFileExpectation {
        file: "user-add.txt",
        skeletons: 1,
        unfinished: &[],
        samples: &[
            (Side::Request, "A request packet to create a user account can look as follows:"),
            (Side::Response, "Response:"),
        ],
    },
    SeedFileExpectation {
        file: "user-del.txt",
        skeletons: 1,
        unfinished: &[],
        samples: &[(Side::Request, "A request packet can look as follows:"), (Side::Response, "Request:")],
    },
    SeedFileExpectation {
        file: "user-get.txt",
        skeletons: 1,
        unfinished: &[],
        samples: &[
            (Side::Request, "A request packet to get a user account details can look as follows:"),
            (Side::Response, "Response:"),
        ],
    },
    SeedFileExpectation {
        // The set page's sample was lost when the page was saved: all that is
        // left is an unfinished start tag, twice, and no complete sample.
        file: "user-set.txt",
        skeletons: 0,
        unfinished: &[r#"<packet version="">"#, r#"<packet version="">"#],
        samples: &[],
    },
    SeedFileExpectation {
        file: "webuser-add.txt",
        skeletons: 1,
        unfinished: &[],
        samples: &[
            (Side::Request, "The request packet adding a new web user called myWebAccount looks as follows:"),
            (Side::Response, "Response:"),
            (Side::Response, "If the site was not found on the server, the response can look as follows:"),
        ],
    },
];

/// One `<packet` found in a seed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PacketBlock {
    /// A complete packet.
    Sample(BlockText),
    /// A structure illustration with a `...` placeholder.
    Skeleton(BlockText),
    /// A start tag with no `</packet>` before the next `<packet` or the end.
    Unfinished(BlockText),
}

/// The text of a block and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockText {
    /// The block, from `<packet` through `</packet>` (or the last non-blank
    /// character for an unfinished block), with no-break spaces normalized.
    pub text: String,
    /// Byte range of the block in the file.
    pub range: std::ops::Range<usize>,
    /// 1-based line of the block's first character.
    pub line: usize,
    /// The last non-blank line of prose before the block.
    pub intro: String,
}

/// Replaces U+00A0 NO-BREAK SPACE with a space.
///
/// The documentation's HTML rendering indents some samples (those of
/// webuser-add.txt) with no-break spaces. XML white space is only space, tab,
/// carriage return and line feed: to an XML parser U+00A0 is character data,
/// which element-only content cannot hold, so the samples as saved are not
/// what the documentation shows. The normalization restores the intended
/// indentation and is applied to every sample alike, so no file is treated
/// specially; `no_break_spaces_are_only_indentation` (seeds.rs) checks that it
/// never touches a value.
pub fn normalize_no_break_spaces(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

/// Splits a seed page into the `<packet` blocks it holds.
pub fn extract_packet_blocks(page: &str) -> Vec<PacketBlock> {
    const START: &str = "<packet";
    const END: &str = "</packet>";
    let starts: Vec<usize> = page
        .match_indices(START)
        .map(|(at, _)| at)
        .filter(|&at| page[at + START.len()..].starts_with(|c: char| c == '>' || c.is_whitespace()))
        .collect();
    let mut blocks = Vec::new();
    for (index, &start) in starts.iter().enumerate() {
        let limit = starts.get(index + 1).copied().unwrap_or(page.len());
        let region = &page[start..limit];
        let intro = page[..start].lines().rev().map(str::trim).find(|line| !line.is_empty()).unwrap_or("").to_owned();
        let line = page[..start].matches('\n').count() + 1;
        let block = |end: usize| BlockText {
            text: normalize_no_break_spaces(&page[start..end]),
            range: start..end,
            line,
            intro: intro.clone(),
        };
        blocks.push(match region.find(END) {
            Some(at) => {
                let block = block(start + at + END.len());
                if block.text.contains("...") { PacketBlock::Skeleton(block) } else { PacketBlock::Sample(block) }
            }
            None => PacketBlock::Unfinished(block(start + region.trim_end().len())),
        });
    }
    blocks
}

/// A complete documentation sample, with the side the documentation gives it.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Seed file it comes from.
    pub file: &'static str,
    /// Position among the file's samples, from 1.
    pub number: usize,
    /// Request or response.
    pub side: Side,
    /// The block.
    pub block: BlockText,
}

impl Sample {
    /// `user-add.txt #2 (line 141)`, for messages.
    pub fn label(&self) -> String {
        format!("{} #{} (line {})", self.file, self.number, self.block.line)
    }
}

/// Reads a seed file.
pub fn read_seed(file: &str) -> String {
    let path = seed_dir().join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// Every complete sample of every seed file, paired with the side
/// [`SEED_FILES`] gives it.
///
/// # Panics
///
/// When a file does not hold exactly the samples [`SEED_FILES`] lists.
pub fn samples() -> Vec<Sample> {
    let mut all = Vec::new();
    for expected in SEED_FILES {
        let found: Vec<BlockText> = extract_packet_blocks(&read_seed(expected.file))
            .into_iter()
            .filter_map(|block| match block {
                PacketBlock::Sample(block) => Some(block),
                _ => None,
            })
            .collect();
        assert_eq!(found.len(), expected.samples.len(), "{}: number of complete samples", expected.file);
        for (index, (block, &(side, intro))) in found.into_iter().zip(expected.samples).enumerate() {
            assert_eq!(block.intro, intro, "{} sample #{}: introducing line", expected.file, index + 1);
            all.push(Sample { file: expected.file, number: index + 1, side, block });
        }
    }
    all
}

// ---------------------------------------------------------------------------
// Values with every optional field set
// ---------------------------------------------------------------------------

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
        site_id_or_site_name: Some(WebUserDelInputTypeSiteIdOrSiteName::SiteId(IdType(12))),
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
        site_id_or_site_name: Some(WebUserSetInputTypeSiteIdOrSiteName::SiteName("example.com".to_owned())),
    }
}

/// A webuser get request with every optional field set.
pub fn webuser_get() -> WebUserGetInputType {
    WebUserGetInputType {
        filter: WebUserFilter::SiteId(vec![IdType(12)]),
        site_id_or_site_name: Some(WebUserGetInputTypeSiteIdOrSiteName::SiteId(IdType(12))),
    }
}

/// A webuser set-prefs request with every optional field set.
pub fn webuser_set_prefs() -> WebUserSetPrefInputType {
    WebUserSetPrefInputType {
        filter: WebUserOwnFilter::SiteId(vec![IdType(12), IdType(13)]),
        values: WebUserPrefs { wuscripts: true },
        site_id_or_site_name: Some(WebUserSetPrefInputTypeSiteIdOrSiteName::SiteName("example.com".to_owned())),
    }
}

/// A webuser get-prefs request with every optional field set.
pub fn webuser_get_prefs() -> WebUserGetPrefInputType {
    WebUserGetPrefInputType {
        filter: WebUserOwnFilter::SiteName(vec!["example.com".to_owned()]),
        site_id_or_site_name: Some(WebUserGetPrefInputTypeSiteIdOrSiteName::SiteId(IdType(12))),
    }
}

fn user_request(operation: UserInputChoice) -> RequestPacket {
    request(vec![RequestOperator::User(UserInput { choice: vec![operation] })])
}

fn webuser_request(operation: WebUserInputTypeChoice) -> RequestPacket {
    request(vec![RequestOperator::Webuser(WebUserInputType { choice: vec![operation] })])
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
            site_id_or_site_name: Some(WebUserDelInputTypeSiteIdOrSiteName::SiteName("example.org".to_owned())),
        };
        cases.push((
            format!("webuser del, filter {name}, site-name"),
            webuser_request(WebUserInputTypeChoice::Del(del)),
        ));
    }
    let mut set = webuser_set();
    set.site_id_or_site_name = Some(WebUserSetInputTypeSiteIdOrSiteName::SiteId(IdType(12)));
    cases.push(("webuser set, site-id".into(), webuser_request(WebUserInputTypeChoice::Set(set))));
    let mut get = webuser_get();
    get.site_id_or_site_name = Some(WebUserGetInputTypeSiteIdOrSiteName::SiteName("example.com".to_owned()));
    cases.push(("webuser get, site-name".into(), webuser_request(WebUserInputTypeChoice::Get(get))));
    let mut set_prefs = webuser_set_prefs();
    set_prefs.filter = WebUserOwnFilter::SiteName(vec!["example.com".to_owned(), "example.org".to_owned()]);
    set_prefs.values.wuscripts = false;
    set_prefs.site_id_or_site_name = Some(WebUserSetPrefInputTypeSiteIdOrSiteName::SiteId(IdType(12)));
    cases.push((
        "webuser set-prefs, site-name filter, site-id".into(),
        webuser_request(WebUserInputTypeChoice::SetPrefs(set_prefs)),
    ));
    let mut get_prefs = webuser_get_prefs();
    get_prefs.filter = WebUserOwnFilter::SiteId(vec![IdType(12)]);
    get_prefs.site_id_or_site_name = Some(WebUserGetPrefInputTypeSiteIdOrSiteName::SiteName("example.com".to_owned()));
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

fn user_response(operation: UserOutputChoice) -> ResponsePacket {
    response(vec![ResponseOperator::User(UserOutput { choice: vec![operation] })])
}

fn webuser_response(operation: WebUserOutputTypeChoice) -> ResponsePacket {
    response(vec![ResponseOperator::Webuser(WebUserOutputType { choice: vec![operation] })])
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
        ("user set".into(), user_response(UserOutputChoice::Set(UsetSetOutput { result: pair() }))),
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
                    UserOutputChoice::Set(UsetSetOutput { result: pair() }),
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

// ---------------------------------------------------------------------------
// Facts read off the XSD files
// ---------------------------------------------------------------------------

const XS: &str = "http://www.w3.org/2001/XMLSchema";

/// The text of every schema file of 1.6.8.0, by file name.
pub fn schema_texts() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(schema_dir())
        .expect("schema directory")
        .map(|entry| entry.expect("schema directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "xsd"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .xsd file in {}", schema_dir().display());
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (path.file_name().expect("file name").to_string_lossy().into_owned(), text)
        })
        .collect()
}

fn is_xs(node: roxmltree::Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(XS) && node.tag_name().name() == name
}

/// Every (element, child) pair the schemas allow, by name: the child
/// elements of each element's type (the base type's children included for
/// an extension), and its attributes as `@name`.
///
/// Names alone lose which type an element has, so this is a coarse map of the
/// content models, precise enough to tell whether a set of documents shows
/// every element and attribute the schemas declare somewhere.
pub fn schema_parent_child_pairs() -> BTreeSet<(String, String)> {
    let texts = schema_texts();
    let documents: Vec<roxmltree::Document<'_>> = texts
        .iter()
        .map(|(file, text)| roxmltree::Document::parse(text).unwrap_or_else(|error| panic!("{file}: {error}")))
        .collect();
    let mut named_types = BTreeMap::new();
    for document in &documents {
        for node in document.root_element().children().filter(|node| is_xs(*node, "complexType")) {
            named_types.insert(node.attribute("name").expect("a global complexType has a name"), node);
        }
    }
    // The elements and attributes declared directly in `ty`, not inside a
    // child element's own anonymous type, plus those of its base type.
    fn content<'a, 'input>(
        ty: roxmltree::Node<'a, 'input>,
        named_types: &BTreeMap<&str, roxmltree::Node<'a, 'input>>,
        out: &mut BTreeSet<String>,
    ) {
        for node in ty.descendants().skip(1) {
            let inside_child_element = node
                .ancestors()
                .skip(1)
                .take_while(|ancestor| *ancestor != ty)
                .any(|ancestor| is_xs(ancestor, "element"));
            if inside_child_element {
                continue;
            }
            if is_xs(node, "element") {
                out.insert(node.attribute("name").expect("a local element has a name").to_owned());
            } else if is_xs(node, "attribute") {
                out.insert(format!("@{}", node.attribute("name").expect("an attribute has a name")));
            } else if is_xs(node, "extension") {
                let base = node.attribute("base").expect("an extension has a base");
                if let Some(base) = named_types.get(base) {
                    content(*base, named_types, out);
                }
            }
        }
    }
    let mut pairs = BTreeSet::new();
    for document in &documents {
        for element in document.descendants().filter(|node| is_xs(*node, "element")) {
            let name = element.attribute("name").expect("every element here is declared by name");
            let ty = match element.attribute("type") {
                Some(ty) => named_types.get(ty).copied(),
                None => element.children().find(|child| is_xs(*child, "complexType")),
            };
            let mut children = BTreeSet::new();
            if let Some(ty) = ty {
                content(ty, &named_types, &mut children);
            }
            pairs.extend(children.into_iter().map(|child| (name.to_owned(), child)));
        }
    }
    pairs
}

/// The (element, child) pairs, by name, that `document` shows, attributes as
/// `@name`; see [`schema_parent_child_pairs`].
pub fn document_parent_child_pairs(document: &str) -> BTreeSet<(String, String)> {
    let document = roxmltree::Document::parse(document).expect("a serialized document is well-formed");
    let mut pairs = BTreeSet::new();
    for element in document.descendants().filter(|node| node.is_element()) {
        let name = element.tag_name().name().to_owned();
        for child in element.children().filter(|node| node.is_element()) {
            pairs.insert((name.clone(), child.tag_name().name().to_owned()));
        }
        for attribute in element.attributes() {
            pairs.insert((name.clone(), format!("@{}", attribute.name())));
        }
    }
    pairs
}

/// The `type` every element of that name is declared with (`None` for an
/// anonymous type), by element name.
pub fn schema_element_types() -> BTreeMap<String, BTreeSet<Option<String>>> {
    let mut types: BTreeMap<String, BTreeSet<Option<String>>> = BTreeMap::new();
    for (file, text) in schema_texts() {
        let document = roxmltree::Document::parse(&text).unwrap_or_else(|error| panic!("{file}: {error}"));
        for element in document.descendants().filter(|node| is_xs(*node, "element")) {
            let name = element.attribute("name").expect("every element here is declared by name");
            types.entry(name.to_owned()).or_default().insert(element.attribute("type").map(str::to_owned));
        }
    }
    types
}
