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

use plesk_types::xml::{Document, ReadOptions};
use plesk_types::{v1_6_7_0, v1_6_8_0};

/// What a round trip reads, writes and validates with: the runtime's own
/// document trait, with the options the inherent `from_xml_bytes` uses.
fn read<P: Document>(document: &[u8]) -> Result<P, String> {
    P::from_xml_bytes_with(document, ReadOptions::default()).map_err(|error| error.to_string())
}

#[path = "../../examples/packet/side.rs"]
mod side;
pub use side::Side;

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
pub fn round_trip<P: Document + Debug + PartialEq>(data: &[u8]) -> Result<(), String> {
    let name = std::any::type_name::<P>();
    let Ok(first) = read::<P>(data) else { return Ok(()) };
    let valid = first.validate_document().is_ok();
    let written = first.to_xml();
    let second = read::<P>(written.as_bytes()).map_err(|error| {
        format!(
            "{}: the serialization of a value read from the input does not read back{}: {error}\n\
             input:      {:?}\nserialized: {written:?}",
            name,
            if valid { " although the value validates" } else { "" },
            String::from_utf8_lossy(data),
        )
    })?;
    if second != first {
        return Err(format!(
            "{}: value -> XML -> value changed the value\ninput:      {:?}\nserialized: {written:?}\n\
             first:  {first:?}\nsecond: {second:?}",
            name,
            String::from_utf8_lossy(data),
        ));
    }
    let rewritten = second.to_xml();
    if rewritten != written {
        return Err(format!(
            "{}: serialization is not stable\ninput:  {:?}\nfirst:  {written:?}\nsecond: {rewritten:?}",
            name,
            String::from_utf8_lossy(data),
        ));
    }
    if second.validate_document().is_ok() != valid {
        return Err(format!(
            "{}: validate() changed its verdict after a round trip\ninput: {:?}\nserialized: {written:?}",
            name,
            String::from_utf8_lossy(data),
        ));
    }
    Ok(())
}
