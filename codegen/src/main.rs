//! The `plesk-codegen` command line.
fn main() {}
