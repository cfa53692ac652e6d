//! The properties the fuzz targets check, in one place: the targets under
//! `fuzz/fuzz_targets/` and the corpus replay (`tests/fuzz_corpus.rs`)
//! include this file with `#[path]`, so what a fuzz run checked is what
//! `cargo test` replays.
//!
//! Every input is read by every bundled protocol version's packet type (of
//! the side at hand). For each:
//!
//! - reading arbitrary bytes returns, it never panics (a panic anywhere in
//!   here is a failure too: the fuzzer reports it, the replay catches it);
//! - `validate()` on whatever was read returns;
//! - what was read is written, and what was written reads back: `Ok`, and a
//!   value equal to the first (value -> XML -> value is the identity on
//!   every value the reader produces);
//! - writing that second value gives the same text again (parsed ->
//!   serialized -> parsed -> serialized is stable);
//! - in particular, when `validate()` accepts the value, its serialization
//!   reads back: a valid value always has a readable document.
//!
//! Needs both version features of plesk-types.
#![allow(dead_code)]

use std::fmt::Debug;

use plesk_types::{v1_6_7_0, v1_6_8_0};

/// A root packet type, as the checks see it (the generated root types have
/// these as inherent methods).
pub trait Packet: Debug + PartialEq + Sized {
    /// `v1_6_8_0::RequestPacket`, for messages.
    const NAME: &'static str;
    /// `from_xml_bytes`, the error as text.
    fn read(document: &[u8]) -> Result<Self, String>;
    /// `to_xml`.
    fn write(&self) -> String;
    /// `validate()`, the violations as text.
    fn check(&self) -> Result<(), String>;
}

macro_rules! packet {
    ($($module:ident :: $ty:ident),* $(,)?) => {$(
        impl Packet for $module::$ty {
            const NAME: &'static str = concat!(stringify!($module), "::", stringify!($ty));
            fn read(document: &[u8]) -> Result<Self, String> {
                $module::$ty::from_xml_bytes(document).map_err(|error| error.to_string())
            }
            fn write(&self) -> String {
                self.to_xml()
            }
            fn check(&self) -> Result<(), String> {
                self.validate().map_err(|errors| errors.to_string())
            }
        }
    )*};
}

packet!(v1_6_8_0::RequestPacket, v1_6_8_0::ResponsePacket, v1_6_7_0::RequestPacket, v1_6_7_0::ResponsePacket);

/// Which packet a target reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// What Plesk is sent: the `request` target.
    Request,
    /// What Plesk answers: the `response` target.
    Response,
}

impl Side {
    /// The fuzz target's name, which is also its corpus directory's name.
    pub fn target(self) -> &'static str {
        match self {
            Side::Request => "request",
            Side::Response => "response",
        }
    }
}

/// Runs every check on `data` as a packet of `side`, for every bundled
/// protocol version.
///
/// # Errors
///
/// The first property that does not hold, described with the documents
/// involved.
pub fn check(side: Side, data: &[u8]) -> Result<(), String> {
    match side {
        Side::Request => {
            round_trip::<v1_6_8_0::RequestPacket>(data)?;
            round_trip::<v1_6_7_0::RequestPacket>(data)
        }
        Side::Response => {
            round_trip::<v1_6_8_0::ResponsePacket>(data)?;
            round_trip::<v1_6_7_0::ResponsePacket>(data)
        }
    }
}

/// The checks for one packet type. Only what reading `data` gives is
/// checked further: that most inputs are refused is expected.
///
/// # Errors
///
/// As [`check`].
pub fn round_trip<P: Packet>(data: &[u8]) -> Result<(), String> {
    let Ok(first) = P::read(data) else { return Ok(()) };
    let valid = first.check().is_ok();
    let written = first.write();
    let second = P::read(written.as_bytes()).map_err(|error| {
        format!(
            "{}: the serialization of a value read from the input does not read back{}: {error}\n\
             input:      {:?}\nserialized: {written:?}",
            P::NAME,
            if valid { " although the value validates" } else { "" },
            String::from_utf8_lossy(data),
        )
    })?;
    if second != first {
        return Err(format!(
            "{}: value -> XML -> value changed the value\ninput:      {:?}\nserialized: {written:?}\n\
             first:  {first:?}\nsecond: {second:?}",
            P::NAME,
            String::from_utf8_lossy(data),
        ));
    }
    let rewritten = second.write();
    if rewritten != written {
        return Err(format!(
            "{}: serialization is not stable\ninput:  {:?}\nfirst:  {written:?}\nsecond: {rewritten:?}",
            P::NAME,
            String::from_utf8_lossy(data),
        ));
    }
    if second.check().is_ok() != valid {
        return Err(format!(
            "{}: validate() changed its verdict after a round trip\ninput: {:?}\nserialized: {written:?}",
            P::NAME,
            String::from_utf8_lossy(data),
        ));
    }
    Ok(())
}
