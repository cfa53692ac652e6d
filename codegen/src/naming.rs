//! Every rule that turns a schema name into a Rust identifier.
//!
//! - Types and enum variants are `UpperCamelCase`, fields `snake_case`
//!   (heck splits words at `-`, `_`, `.` and case changes: `gen-info` is
//!   `GenInfo` / `gen_info`).
//! - Rust keywords become raw identifiers (`r#type`); the four that cannot
//!   (`self`, `Self`, `super`, `crate`) get a trailing underscore.
//! - A name starting with a digit gets a prefix: `Value` for enumeration
//!   variants (`0` is `Value0`), `_` elsewhere.
//! - Type names that would shadow what generated code uses from the prelude
//!   or imports from the runtime (`Result`, `Option`, `String`, `Vec`, `Box`,
//!   `Some`, `None`, `Ok`, `Err`, `From`, `Default`, `Validate`,
//!   `XmlElement`, `XmlGroup`) get the suffix `Type`.
//! - Within one scope (all types of a module, the fields of a struct, the
//!   variants of an enum), a name already taken gets the suffix `2`, `3`, ...
//!   in the order names are handed out, which is schema order: the same
//!   schema always gives the same names.

use std::collections::HashSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words Rust reserves (strict and reserved keywords of edition 2024).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract",
    "become", "box", "do", "final", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// Type names generated code relies on from the prelude.
const PRELUDE: &[&str] = &[
    "Result",
    "Option",
    "String",
    "Vec",
    "Box",
    "Some",
    "None",
    "Ok",
    "Err",
    "From",
    "Default",
    "Validate",
    "XmlElement",
    "XmlGroup",
];

/// A type or variant name for schema name `name`.
pub fn type_name(name: &str) -> String {
    let camel = name.to_upper_camel_case();
    let camel = if camel.is_empty() { "Unnamed".to_owned() } else { camel };
    if PRELUDE.contains(&camel.as_str()) {
        return format!("{camel}Type");
    }
    escape(prefix_digit(camel, "_"))
}

/// The name of a type nested in `owner` (an already formed type name) for
/// the schema name `part`: `UserAddOutput` and `result` give
/// `UserAddOutputResult`. Prelude and keyword rules apply to the whole name.
pub fn nested_type_name(owner: &str, part: &str) -> String {
    type_name(&format!("{owner}-{part}"))
}

/// An enum variant for the enumeration value `value`.
pub fn value_variant(value: &str) -> String {
    if value.is_empty() {
        return "Empty".to_owned();
    }
    let camel = value.to_upper_camel_case();
    let camel = if camel.is_empty() { "Value".to_owned() } else { camel };
    escape(prefix_digit(camel, "Value"))
}

/// A field name for schema name `name`.
pub fn field_name(name: &str) -> String {
    let snake = name.to_snake_case();
    let snake = if snake.is_empty() { "value".to_owned() } else { snake };
    escape(prefix_digit(snake, "_"))
}

fn prefix_digit(name: String, prefix: &str) -> String {
    if name.starts_with(|c: char| c.is_ascii_digit()) { format!("{prefix}{name}") } else { name }
}

fn escape(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// The names taken in one scope; hands out unique ones.
#[derive(Debug, Default)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// A scope where `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Self { taken: reserved.iter().map(|name| (*name).to_owned()).collect() }
    }

    /// `wanted` if free, otherwise `wanted2`, `wanted3`, ... (`wanted_2` for
    /// snake case names); the name is then taken.
    pub fn claim(&mut self, wanted: &str) -> String {
        if self.taken.insert(wanted.to_owned()) {
            return wanted.to_owned();
        }
        let (raw, base) = match wanted.strip_prefix("r#") {
            Some(base) => ("", base),
            None => ("", wanted),
        };
        let snake = base.starts_with(|c: char| c.is_lowercase() || c == '_');
        let separator = if snake && !base.ends_with('_') { "_" } else { "" };
        (2..)
            .map(|suffix| format!("{raw}{base}{separator}{suffix}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        let cases = [
            ("UserAddGenInfo", "UserAddGenInfo"),
            ("resultType", "ResultType"),
            ("result_status", "ResultStatus"),
            ("id_type", "IdType"),
            ("gen-info", "GenInfo"),
            ("db_server", "DbServer"),
            ("Result", "ResultType"),
            ("option", "OptionType"),
            ("self", "Self_"),
            ("3com", "_3com"),
            ("site.alias", "SiteAlias"),
            ("", "Unnamed"),
        ];
        for (schema, rust) in cases {
            assert_eq!(type_name(schema), rust, "{schema}");
        }
    }

    #[test]
    fn nested_type_names() {
        assert_eq!(nested_type_name("UserAddOutput", "result"), "UserAddOutputResult");
        assert_eq!(nested_type_name("Packet", "request-settings"), "PacketRequestSettings");
        assert_eq!(nested_type_name("ResultType2", "id_and_guid"), "ResultType2IdAndGuid");
        assert_eq!(nested_type_name("", "result"), "ResultType");
    }

    #[test]
    fn field_names() {
        let cases = [
            ("gen-info", "gen_info"),
            ("owner-external-id", "owner_external_id"),
            ("is-built-in", "is_built_in"),
            ("type", "r#type"),
            ("self", "self_"),
            ("crate", "crate_"),
            ("match", "r#match"),
            ("2fa", "_2fa"),
            ("IPAddress", "ip_address"),
        ];
        for (schema, rust) in cases {
            assert_eq!(field_name(schema), rust, "{schema}");
        }
    }

    #[test]
    fn enumeration_variants() {
        let cases = [
            ("ok", "Ok"),
            ("error", "Error"),
            ("0", "Value0"),
            ("1", "Value1"),
            ("enabled", "Enabled"),
            ("plain", "Plain"),
            ("", "Empty"),
            ("*", "Value"),
            ("text/html", "TextHtml"),
        ];
        for (value, rust) in cases {
            assert_eq!(value_variant(value), rust, "{value}");
        }
    }

    #[test]
    fn scopes_number_collisions_in_claim_order() {
        let mut scope = Scope::with_reserved(&["Reserved"]);
        assert_eq!(scope.claim("ResultType"), "ResultType");
        assert_eq!(scope.claim("ResultType"), "ResultType2");
        assert_eq!(scope.claim("ResultType"), "ResultType3");
        assert_eq!(scope.claim("Reserved"), "Reserved2");
        assert_eq!(scope.claim("id"), "id");
        assert_eq!(scope.claim("id"), "id_2");
        assert_eq!(scope.claim("r#type"), "r#type");
        assert_eq!(scope.claim("r#type"), "type_2");
        assert_eq!(scope.claim("self_"), "self_");
        assert_eq!(scope.claim("self_"), "self_2");
    }
}
