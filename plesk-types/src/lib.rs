//! Typed request and response packets for the Plesk XML API.
//!
//! Plesk is driven by POSTing a `<packet>` to
//! `/enterprise/control/agent.php`, and Plesk insists that "nodes and
//! elements are put in the order they follow in the packet structure". The
//! types here are generated from the protocol's XML Schemas, so the order is
//! fixed by construction: every serializer writes children in schema order,
//! every deserializer reads them in schema order and says where a document
//! deviates, and `validate()` checks every facet and occurrence bound.
//!
//! One module per protocol version, each behind a cargo feature of the same
//! name: `v1_6_8_0` (the default) and `v1_6_7_0`. Types that are the same in
//! every version live once in [`shared`] and are re-exported by each
//! version's module. With the feature `serde`, every generated type and
//! runtime value implements serde's `Serialize` and `Deserialize`
//! (passwords included: redaction is `Debug`'s only).
//!
//! One cargo feature per operator, named after its element (`customer`,
//! `webspace`, `site_alias`, ...; by default the eleven most automation
//! uses, see the README; `full` turns on every operator). The
//! packet enums have a variant for each operator enabled, and types only
//! disabled operators use are not compiled; reading an operator whose
//! feature is off is a read error naming the feature
//! ([`xml::ReadErrorKind::FeatureDisabled`]).
//!
//! ```
//! use plesk_types::v1_6_8_0::*;
//!
//! // An operation converts into its operator element and into a packet.
//! let request = RequestPacket::from(WebUserAddInputType {
//!     site_id: IdType(12),
//!     login: "myWebAccount".to_owned(),
//!     password_and_password_type: None,
//!     ftp_quota: None,
//!     services: None,
//! });
//! request.validate()?;
//! assert_eq!(
//!     request.to_xml(),
//!     "<packet><webuser><add><site-id>12</site-id><login>myWebAccount</login></add></webuser></packet>"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Reading a response, and telling a refused packet from a failed operation:
//!
//! ```
//! use plesk_types::OperationResult;
//! use plesk_types::v1_6_8_0::*;
//!
//! let response = ResponsePacket::from_xml(
//!     "<packet><webuser><add><result><status>error</status>\
//!      <errcode>1015</errcode><errtext>Domain does not exist</errtext>\
//!      </result></add></webuser></packet>",
//! )?; // a `<system>` refusal would be `Err(SystemError)` from `failures()` and `results()`
//! let failures = response.failures()?;
//! assert_eq!(failures[0].to_string(), "packet/webuser/add: operation failed (error 1015): Domain does not exist");
//! for add in response.results::<WebUserAddOutputType>()? {
//!     let error = add.result.outcome().unwrap_err();
//!     assert_eq!(error.to_string(), "operation failed (error 1015): Domain does not exist");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![doc = include_str!("../doc/operators.md")]
#![doc = include_str!("../doc/tasks.md")]

mod outcome;
mod packets;
#[cfg(any(feature = "v1_6_7_0", feature = "v1_6_8_0"))]
pub mod shared;
#[cfg(feature = "proptest")]
pub mod strategy;
#[cfg(feature = "transport")]
pub mod transport;
#[cfg(feature = "v1_6_7_0")]
pub mod v1_6_7_0;
#[cfg(feature = "v1_6_8_0")]
pub mod v1_6_8_0;
pub mod xml;

/// Not public API: what the code `plesk-codegen` generates calls (the
/// public items of [`xml`] and the reader, writer, facets and traits behind
/// them). Generated code names it through `Config::runtime_crate`; it
/// changes whenever the generator does, without a major release.
#[doc(hidden)]
pub mod __private {
    pub use crate::outcome::{OperationError, OperationResult, operation_status};
    pub use crate::packets::{
        Alternative, Operation, OperationResults, Operator, OperatorResults, ResultFailure, failures, operations_of,
    };
    pub use crate::xml::support::*;
    pub use crate::xml::*;
    /// serde, for the derives of generated code (`xml::serde::Serialize`).
    #[cfg(feature = "serde")]
    pub use ::serde;
}

pub use outcome::{OperationError, OperationResult, SystemError};
pub use packets::{Alternative, Failure, Operation, Operator, Place, Step};
