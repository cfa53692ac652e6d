//! `Config::only_features` and `FamilyBuilder::member_under_feature`: the
//! code generated for a build's features is the full code with exactly the
//! items those features compile out removed, the `#[cfg]`s of what is kept
//! included; on the small operator schema and on the bundled Plesk schemas.

use std::collections::BTreeSet;

use plesk_codegen::{Config, Family};

const SCHEMA: &str = "tests/operator_features/schema.xsd";
const CHOICE: &str = "/packet#alpha_op_or_beta";

/// One top-level item of generated code: its tokens, and the features of
/// each of its `#[cfg(feature = ...)]` / `#[cfg(any(feature = ...))]`.
struct GeneratedItem {
    tokens: String,
    gates: Vec<BTreeSet<String>>,
    /// Whether it is a `use` or the listing module, and the names it
    /// brings in or lists, each with the features of its own `#[cfg]`s.
    imports: bool,
    names: Vec<(String, Vec<BTreeSet<String>>)>,
}

fn items_of(code: &str) -> Vec<GeneratedItem> {
    let file = syn::parse_file(code).expect("generated code parses");
    file.items
        .into_iter()
        .map(|item| {
            let gates = attributes(&item)
                .iter()
                .filter(|attribute| attribute.path().is_ident("cfg"))
                .filter_map(feature_gate)
                .collect();
            let names = match &item {
                syn::Item::Use(import) => used_names(&import.tree).into_iter().map(|name| (name, Vec::new())).collect(),
                syn::Item::Mod(_) => listed_types(&item),
                _ => Vec::new(),
            };
            // The listing of every type (`mod every_type`) is made of the
            // items kept, and compared by what it lists.
            let imports = matches!(item, syn::Item::Use(_) | syn::Item::Mod(_));
            GeneratedItem { tokens: quote::ToTokens::to_token_stream(&item).to_string(), gates, imports, names }
        })
        .collect()
}

/// The names a `use` tree brings in (`a::{B, C as D}`: `B`, `D`).
fn used_names(tree: &syn::UseTree) -> Vec<String> {
    match tree {
        syn::UseTree::Path(path) => used_names(&path.tree),
        syn::UseTree::Name(name) => vec![name.ident.to_string()],
        syn::UseTree::Rename(rename) => vec![rename.rename.to_string()],
        syn::UseTree::Glob(_) => vec!["*".to_owned()],
        syn::UseTree::Group(group) => group.items.iter().flat_map(used_names).collect(),
    }
}

/// The types a listing module names (`visitor.element::<super::AlphaInput>`),
/// each with the features of its statement's `#[cfg]`.
fn listed_types(module: &syn::Item) -> Vec<(String, Vec<BTreeSet<String>>)> {
    let syn::Item::Mod(syn::ItemMod { content: Some((_, items)), .. }) = module else { return Vec::new() };
    let mut listed = Vec::new();
    for item in items {
        let syn::Item::Fn(function) = item else { continue };
        for statement in &function.block.stmts {
            let syn::Stmt::Expr(syn::Expr::MethodCall(call), _) = statement else { continue };
            let Some(turbofish) = &call.turbofish else { continue };
            let gates = call.attrs.iter().filter(|attribute| attribute.path().is_ident("cfg")).filter_map(feature_gate);
            let name = quote::ToTokens::to_token_stream(&turbofish.args).to_string();
            listed.push((name, gates.collect()));
        }
    }
    listed
}

fn attributes(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(item) => &item.attrs,
        syn::Item::Enum(item) => &item.attrs,
        syn::Item::Fn(item) => &item.attrs,
        syn::Item::Impl(item) => &item.attrs,
        syn::Item::Mod(item) => &item.attrs,
        syn::Item::Static(item) => &item.attrs,
        syn::Item::Struct(item) => &item.attrs,
        syn::Item::Type(item) => &item.attrs,
        syn::Item::Use(item) => &item.attrs,
        _ => &[],
    }
}

/// The features of `#[cfg(feature = "a")]` or `#[cfg(any(feature = "a",
/// ...))]`, read from its text; `None` for other conditions.
fn feature_gate(attribute: &syn::Attribute) -> Option<BTreeSet<String>> {
    let condition = quote::ToTokens::to_token_stream(&attribute.meta).to_string();
    let inner = condition.strip_prefix("cfg (")?.strip_suffix(')')?.trim();
    let inner = match inner.strip_prefix("any (") {
        Some(alternatives) => alternatives.strip_suffix(')')?,
        None => inner,
    };
    inner.split(',').map(|one| one.trim().strip_prefix("feature = \"")?.strip_suffix('"').map(str::to_owned)).collect()
}

/// Checks that `filtered` is `full` without exactly the items whose gates
/// do not hold with `enabled` on, in the same order; returns how many were
/// left out.
/// Imports and re-exports are compared by the names they bring in, since
/// the gate of an import is computed from the items kept.
fn assert_filtered(full: &str, filtered: &str, enabled: &[&str]) -> usize {
    let gates_hold = |gates: &[BTreeSet<String>]| {
        gates.iter().all(|gate| gate.iter().any(|feature| enabled.contains(&feature.as_str())))
    };
    let holds = |item: &GeneratedItem| gates_hold(&item.gates);
    let full = items_of(full);
    let filtered = items_of(filtered);
    let imported = |items: &[GeneratedItem], only_holding: bool| -> BTreeSet<String> {
        items
            .iter()
            .filter(|item| item.imports && (!only_holding || holds(item)))
            .flat_map(|item| &item.names)
            .filter(|(_, gates)| !only_holding || gates_hold(gates))
            .map(|(name, _)| name.clone())
            .collect()
    };
    assert_eq!(
        imported(&filtered, false),
        imported(&full, true),
        "the imports, re-exports and listed types of what the features compile"
    );
    let expected: Vec<&str> =
        full.iter().filter(|item| holds(item) && !item.imports).map(|item| item.tokens.as_str()).collect();
    let got: Vec<&str> = filtered.iter().filter(|item| !item.imports).map(|item| item.tokens.as_str()).collect();
    if let Some(at) = expected.iter().zip(&got).position(|(expected, got)| expected != got) {
        panic!("item {at} differs:\nexpected {}\ngot {}", expected[at], got[at]);
    }
    assert_eq!(expected.len(), got.len(), "as many items kept as the features compile");
    full.len() - filtered.len()
}

fn small(enabled: Option<&[&str]>) -> String {
    let mut config = Config::new();
    config.schema(SCHEMA).operator_features(CHOICE).strategies("proptest");
    if let Some(enabled) = enabled {
        config.only_features(enabled);
    }
    config.generate().expect("the schema generates")
}

#[test]
fn only_what_the_features_compile_is_generated() {
    let full = small(None);
    for enabled in [&[][..], &["alpha_op"], &["beta"], &["beta", "proptest"], &["alpha_op", "beta", "proptest"]] {
        let filtered = small(Some(enabled));
        let left_out = assert_filtered(&full, &filtered, enabled);
        let everything = enabled.len() == 3;
        assert_eq!(left_out == 0, everything, "{enabled:?}: {left_out} items left out");
    }
    let beta = small(Some(&["beta"]));
    assert!(!beta.contains("pub struct OnlyAlpha") && beta.contains("pub struct Shared"), "{beta}");
    assert!(beta.contains(r#"#[cfg(any(feature = "alpha_op", feature = "beta"))]"#), "kept gates stay: {beta}");
}

#[test]
fn feature_names_compare_as_cargo_passes_them() {
    assert_eq!(small(Some(&["ALPHA-OP"])), small(Some(&["alpha_op"])));
}

/// The bundled protocols, each member generated for `enabled` (or for
/// every feature), `v1_6_7_0` under its feature.
fn bundled(enabled: Option<&[&str]>) -> Family {
    let config = |version: &str| {
        let mut config = Config::plesk();
        config.schema(format!("../schemas/{version}")).runtime_crate("crate");
        if let Some(enabled) = enabled {
            config.only_features(enabled);
        }
        config
    };
    Family::builder("crate::shared")
        .member_under_feature("v1_6_7_0", "v1_6_7_0", config("1.6.7.0"))
        .member("v1_6_8_0", config("1.6.8.0"))
        .generate()
        .expect("the bundled schemas generate")
}

#[test]
fn on_the_bundled_schemas_a_build_with_one_operator_gets_the_full_code_less_what_it_compiles_out() {
    let full = bundled(None);
    let enabled = ["user"];
    let filtered = bundled(Some(&enabled));
    assert_eq!(filtered.shared_items, full.shared_items, "which items are shared does not depend on the features");
    let left_out = assert_filtered(&full.shared, &filtered.shared, &enabled);
    assert!(left_out > 100, "the shared items of the other operators are left out ({left_out})");
    let left_out = assert_filtered(&full.members[1].code, &filtered.members[1].code, &enabled);
    assert!(left_out > 100, "the 1.6.8.0 items of the other operators are left out ({left_out})");
    assert!(filtered.members[1].code.contains("pub struct UserInput {"), "the enabled operator is kept");
    let disabled_version = &filtered.members[0].code;
    assert!(
        disabled_version.starts_with("// @generated") && disabled_version.lines().count() == 1,
        "a member under a feature that is off holds no code: {disabled_version}"
    );
    assert!(disabled_version.contains("`v1_6_7_0`"), "{disabled_version}");
}
