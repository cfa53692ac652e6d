//! The subcommands, one module each, and what they share.

pub mod diff;
pub mod generate;
pub mod report;
pub mod sample;
