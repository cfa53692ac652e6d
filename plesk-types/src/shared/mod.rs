//! The types that are the same in every bundled protocol version: generated
//! once, and re-exported by each version's module (`v1_6_8_0::UserAddInput`
//! is `shared::UserAddInput`). Code written against one of them works with
//! every version, without conversions. A type that changed between versions
//! (a new operation in `UserInput`, say) is not here but in each version's
//! module, and so is every type that contains it.
//!
//! Name types through a version's module; which types are shared depends on
//! which versions the crate bundles, not on the features enabled.

include!(concat!(env!("OUT_DIR"), "/shared.rs"));
