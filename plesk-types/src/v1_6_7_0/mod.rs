//! Protocol 1.6.7.0: as 1.6.8.0, plus the user operations `add-billing`,
//! `set-billing` and `del-billing`; generated from `schemas/1.6.7.0/`
//! (cargo feature `v1_6_7_0`).
//!
//! The types that did not change are the same as 1.6.8.0's, re-exported from
//! [`shared`](crate::shared); `UserInput`, `UserOutput` and the packets that
//! hold them are this version's own.

include!(concat!(env!("OUT_DIR"), "/v1_6_7_0.rs"));

crate::outcome::response_operators!();
