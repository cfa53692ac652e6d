//! Options keyed by schema paths: a path that names nothing is a
//! configuration error naming the option and the path, not a schema error
//! placed in some file; paths that name something are used, and the
//! presets' paths may name nothing.

use plesk_codegen::{Config, Error, UnknownConfigPath};

const SCHEMA: &str = "tests/cases/sequence/schema.xsd";

fn unknown(option: &'static str, path: &str) -> UnknownConfigPath {
    UnknownConfigPath { option, path: path.to_owned() }
}

#[test]
fn paths_that_name_nothing_are_configuration_errors() {
    let mut config = Config::new();
    config
        .schema(SCHEMA)
        .type_name("Order", "Purchase")
        .type_name("Ordr", "Typo")
        .field_name("Order/nte", "remark")
        .tolerate_missing("Order/id", "used: the element is required")
        // `note` is optional already: there is nothing to tolerate.
        .tolerate_missing("Order/note", "names no required element");
    let error = config.generate().expect_err("three options name nothing");
    let Error::UnknownConfigPaths(found) = &error else {
        panic!("expected a configuration error, got {error:?}");
    };
    assert_eq!(
        found,
        &[unknown("type_name", "Ordr"), unknown("field_name", "Order/nte"), unknown("tolerate_missing", "Order/note")]
    );
    let message = error.to_string();
    assert!(message.contains("configuration: type_name \"Ordr\" names nothing in the schemas"), "{message}");
    assert!(!message.contains(":1:1"), "no schema place is made up: {message}");
    assert!(error.schema_errors().is_empty());
}

#[test]
fn paths_that_name_something_are_used() {
    let mut config = Config::new();
    config.schema(SCHEMA).type_name("Order", "Purchase").field_name("Order/note", "remark");
    let code = config.generate().expect("every option names something");
    assert!(code.contains("pub struct Purchase {"), "type renamed");
    assert!(code.contains("pub remark: Option<String>,"), "field renamed");
}

#[test]
fn preset_paths_may_name_nothing() {
    let mut config = Config::plesk();
    config.schema(SCHEMA);
    config.generate().expect("the preset's paths are not in this schema, which is fine");
}

#[test]
fn schema_errors_come_before_configuration_errors() {
    let mut config = Config::new();
    // The planner refuses this one (an ambiguous sequence) in the same pass
    // that finds the unknown path: the schema's errors are the ones reported.
    config.schema("tests/broken/019_err_ambiguous_sequence.xsd").type_name("Ordr", "Typo");
    let error = config.generate().expect_err("the schema is ambiguous");
    assert!(matches!(&error, Error::Schema(errors) if !errors.is_empty()), "{error:?}");
}
