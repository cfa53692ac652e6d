//! Generates the bindings of every schema version under `schemas/` (filled in with the generator).

fn main() {}
