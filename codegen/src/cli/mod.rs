//! The subcommands, one module each, and what they share.

pub mod generate;
pub mod report;
