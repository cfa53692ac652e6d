//! Protocol 1.6.8.0: every operator (each behind its cargo feature) and the packet
//! envelopes, generated from `schemas/1.6.8.0/` (cargo feature `v1_6_8_0`,
//! on by default).
//!
//! Requests are [`RequestPacket`]s holding [`RequestOperator`]s; responses
//! are [`ResponsePacket`]s whose [`ResponseContent`] is either the operators'
//! results or a `<system>` error (see [`ResponsePacket::operators`]). Each
//! operation's `<result>` implements [`OperationResult`](crate::OperationResult).
//! Types that are the same in every bundled version are re-exported from
//! [`shared`](crate::shared).

include!(concat!(env!("OUT_DIR"), "/v1_6_8_0.rs"));

crate::outcome::response_operators!();
