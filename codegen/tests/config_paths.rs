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

const ENUMERATIONS: &str = "tests/cases/enumeration/schema.xsd";

#[test]
fn enumeration_values_take_their_configured_names() {
    let mut config = Config::new();
    config
        .schema(ENUMERATIONS)
        .enum_value_name("Level", "1", "One")
        .enum_value_name("Level", "-1", "MinusOne")
        // The value `dark-blue` is `DarkBlue` by default; `DarkBlue` then keeps it.
        .enum_value_name("Color", "DarkBlue", "DarkBlueCamel");
    let code = config.generate().expect("every option names a value");
    for expected in ["Self::One => \"1\"", "Self::MinusOne => \"-1\"", "Self::Value2 => \"2\""] {
        assert!(code.contains(expected), "{expected} in\n{code}");
    }
    assert!(code.contains("Self::DarkBlue => \"dark-blue\""), "the derived name stays");
    assert!(code.contains("Self::DarkBlueCamel => \"DarkBlue\""), "the configured one is used");
}

#[test]
fn a_configured_value_name_another_value_has_is_a_configuration_error() {
    let mut config = Config::new();
    config.schema(ENUMERATIONS).enum_value_name("Palette/shade", "light", "Dark");
    let error = config.generate().expect_err("`Dark` is the variant of `dark`");
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert_eq!(
        error.to_string(),
        "configuration: enum_value_name \"Palette/shade\" value \"light\": `Dark` is already the variant of the value \"dark\""
    );

    let mut config = Config::new();
    config.schema(ENUMERATIONS).enum_value_name("Answer", "yes", "Yes").enum_value_name("Answer", "no", "Yes");
    let error = config.generate().expect_err("two values cannot share a name");
    assert!(error.to_string().contains("`Yes` is already the variant of the value \"no\""), "{error}");

    let mut config = Config::new();
    config.schema(ENUMERATIONS).enum_value_name("Answer", "yes", "not a name");
    let error = config.generate().expect_err("no identifier");
    assert!(error.to_string().contains("`not a name` is not a Rust identifier"), "{error}");
}

#[test]
fn an_enumeration_value_the_type_lacks_names_nothing() {
    let mut config = Config::new();
    config.schema(ENUMERATIONS).enum_value_name("Answer", "maybe", "Maybe").enum_value_name("Answr", "yes", "Y");
    let error = config.generate().expect_err("no such value, no such type");
    let Error::UnknownConfigPaths(found) = &error else {
        panic!("expected unknown paths, got {error:?}");
    };
    assert_eq!(found, &[unknown("enum_value_name", "Answer: maybe"), unknown("enum_value_name", "Answr: yes")]);
}

#[test]
fn a_renamed_type_keeps_its_old_name_as_a_deprecated_alias() {
    let mut config = Config::new();
    config.schema(SCHEMA).type_name("Order", "Purchase").deprecated_alias("Order", "Order");
    let code = config.generate().expect("the alias is free");
    assert!(code.contains("pub struct Purchase {"), "{code}");
    assert!(code.contains("#[deprecated(note = \"renamed to `Purchase`\")]\npub type Order = Purchase;"), "{code}");

    let mut config = Config::new();
    config.schema(SCHEMA).type_name("Order", "Purchase").deprecated_alias("Order", "Purchase");
    let error = config.generate().expect_err("the alias is the type's own name");
    assert_eq!(
        error.to_string(),
        "configuration: deprecated_alias \"Order\": `Purchase` is already the name of another item"
    );

    let mut config = Config::new();
    config.schema(SCHEMA).deprecated_alias("Ordr", "Old");
    let error = config.generate().expect_err("no such type");
    assert!(matches!(&error, Error::UnknownConfigPaths(found) if found == &[unknown("deprecated_alias", "Ordr")]));
}

#[test]
fn a_value_redacted_by_name_needs_a_required_string_sibling() {
    let mut config = Config::new();
    // `note` names the pair only if it is always there: it is optional.
    config.schema(SCHEMA).redact_debug("secret").redact_debug_by_name("Order/total", "note");
    let error = config.generate().expect_err("the sibling is optional");
    let message = error.to_string();
    assert!(matches!(&error, Error::Config(_)), "{error:?}");
    assert!(message.contains("'Order/total' has no required string sibling <note>"), "{message}");

    let mut config = Config::new();
    config.schema(SCHEMA).redact_debug_by_name("Order/totl", "note");
    let error = config.generate().expect_err("the path names nothing");
    assert!(
        matches!(&error, Error::UnknownConfigPaths(found) if found == &[unknown("redact_debug_by_name", "Order/totl")]),
        "{error:?}"
    );
}
