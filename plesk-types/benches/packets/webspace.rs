//! The serde baseline of the whole-API document: hand-written serde structs
//! of a webspace (subscription) get response with its general settings,
//! hosting settings and limits (`documents/response-webspace-get-200.xml`).
//!
//! Like the user structs of `baseline.rs`, they follow the schema types the
//! document uses, in schema order, with `deny_unknown_fields` so that serde
//! reads every element (checked by a round trip), and the Rust types of the
//! generated code where they are cheap to match (`i32` ids, `u64` sizes,
//! `i64` limit values, an enum for the hosting type). Two fields are read as
//! text where ours reads a typed value: `<cr_date>` (ours: an `xs:date`) and
//! `<status>` of `gen_info` (ours: an `xs:integer`), so serde does a little
//! less work than ours there.

use serde::{Deserialize, Serialize};

use super::baseline::ResultStatus;

/// `<webspace>` of a response: its operations' results.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebspaceOutput {
    /// The operations, in document order.
    #[serde(rename = "$value")]
    pub operations: Vec<WebspaceOutputOperation>,
}

/// One operation of `<webspace>` in a response.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WebspaceOutputOperation {
    /// `<get>`.
    Get(WebspaceGetOutput),
}

/// `<get>` of a webspace response.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebspaceGetOutput {
    /// The `<result>`s.
    pub result: Vec<WebspaceGetResult>,
}

/// `<result>` of a webspace get response.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct WebspaceGetResult {
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
    pub data: Option<WebspaceGetData>,
}

/// `<data>` of a webspace get result: the datasets the document holds.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebspaceGetData {
    /// `<gen_info>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gen_info: Option<DomainGenInfo>,
    /// `<hosting>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting: Option<DomainHosting>,
    /// `<limits>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<DomainLimits>,
}

/// `<gen_info>` of a webspace (schema type `domainGenInfoType`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainGenInfo {
    /// `<cr_date>`.
    pub cr_date: String,
    /// `<name>`.
    pub name: String,
    /// `<ascii-name>`.
    #[serde(rename = "ascii-name")]
    pub ascii_name: String,
    /// `<status>`.
    pub status: String,
    /// `<real_size>`.
    pub real_size: u64,
    /// `<owner-id>`.
    #[serde(rename = "owner-id", default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<i32>,
    /// `<owner-login>`.
    #[serde(rename = "owner-login", default, skip_serializing_if = "Option::is_none")]
    pub owner_login: Option<String>,
    /// `<dns_ip_address>`s (at most two).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_ip_address: Vec<String>,
    /// `<htype>`.
    pub htype: HostingType,
    /// `<guid>`.
    pub guid: String,
    /// `<vendor-guid>`.
    #[serde(rename = "vendor-guid")]
    pub vendor_guid: String,
    /// `<external-id>`.
    #[serde(rename = "external-id")]
    pub external_id: String,
    /// `<sb-site-uuid>`.
    #[serde(rename = "sb-site-uuid", default, skip_serializing_if = "Option::is_none")]
    pub sb_site_uuid: Option<String>,
    /// `<description>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `<htype>`: the kind of hosting (schema type `domainHType`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostingType {
    /// `vrt_hst`.
    VrtHst,
    /// `std_fwd`.
    StdFwd,
    /// `frm_fwd`.
    FrmFwd,
    /// `none`.
    None,
}

/// `<hosting>` of a webspace get result (schema type `domainHostingAgentGet`),
/// the one alternative the document uses.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainHosting {
    /// `<vrt_hst>`.
    pub vrt_hst: VirtualHosting,
}

/// `<vrt_hst>`: the hosting settings, as name-value properties, and the
/// addresses.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VirtualHosting {
    /// `<property>`s.
    pub property: Vec<NamedValue<String>>,
    /// `<ip_address>`es (one or two).
    pub ip_address: Vec<String>,
}

/// A `<name>` and `<value>` pair (`<property>`, `<limit>`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedValue<T> {
    /// `<name>`.
    pub name: String,
    /// `<value>`.
    pub value: T,
}

/// `<limits>` of a webspace get result.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainLimits {
    /// `<overuse>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overuse: Option<String>,
    /// `<limit>`s.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limit: Vec<NamedValue<i64>>,
}
