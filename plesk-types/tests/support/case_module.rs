//! The generated code of a case of the generator (`codegen/tests/cases/`),
//! as `plesk-codegen` snapshots it, as a module of a test crate:
//! `case_module!(name)` or `case_module!(name as module_name)`. The test
//! crates list their cases once, in their `cases!` macro, which calls this.

/// A module holding the snapshot of the case `$case`. Only the document
/// methods of the root types are called by the tests; the other items are
/// public API that a library would export, hence `dead_code` is allowed and
/// nothing else. `include!` rather than `#[path]`: rustfmt leaves the files
/// as the generator wrote them.
macro_rules! case_module {
    ($case:ident) => {
        case_module!($case as $case);
    };
    ($case:ident as $module:ident) => {
        #[allow(dead_code)]
        mod $module {
            include!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/codegen/tests/snapshots/cases__",
                stringify!($case),
                ".snap.rs"
            ));
        }
    };
}
