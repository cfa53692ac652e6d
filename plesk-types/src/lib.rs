//! Typed request and response packets for the Plesk XML API.

pub mod xml;

/// Protocol 1.6.8.0.
pub mod v1_6_8_0 {
    include!(concat!(env!("OUT_DIR"), "/v1_6_8_0.rs"));
}
