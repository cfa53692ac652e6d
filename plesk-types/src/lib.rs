//! Typed request and response packets for the Plesk XML API.
//!
//! Placeholder: filled in as the generated modules land.

pub mod xml;
