//! Stage 4, emit: the plan as Rust tokens (`quote`), checked by parsing
//! (`syn`) and formatted (`prettyplease`). Same plan, same bytes.

mod constructor;
mod conversions;
mod definition;
mod element;
mod facets;
mod gate;
mod outcome;
mod read;
mod root;
mod simple;
mod strategy;
mod validate;
mod walk;
mod write;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

pub use gate::{cfg, disabled_arm, gate, no_variant_arm, no_variant_cfg, variant_gate};

use crate::config::Config;
use crate::error::Error;
use crate::plan::{Gates, Item, Module, NamespaceConstraint, Occurs, RustType};

/// Renders the module as formatted Rust source.
pub fn emit(module: &Module, config: &Config) -> Result<String, Error> {
    let items: Vec<(&Item, TokenStream)> =
        module.items.iter().map(|item| (item, item_code(module, item, config))).collect();
    render(&module.files.join(", "), config, &items, None, &module.gates)
}

/// Everything generated for one item: its definition, its implementations,
/// and the document methods when it is the type of a global element.
pub fn item_code(module: &Module, item: &Item, config: &Config) -> TokenStream {
    let mut tokens = definition::item(module, item, config);
    tokens.extend(element::item(item));
    tokens.extend(simple::item(item));
    tokens.extend(facets::item(item));
    tokens.extend(validate::item(item, &|ty: &RustType| module.validates(ty)));
    for root in module.roots.iter().filter(|root| root.ty == item.name) {
        tokens.extend(root::root(root));
    }
    tokens.extend(outcome::item(module, item));
    tokens.extend(conversions::item(module, item));
    tokens.extend(walk::item(module, item));
    tokens.extend(strategy::item(module, item, config));
    tokens
}

/// Items another module defines, re-exported: the path of that module and
/// the names.
pub struct ReExports<'r> {
    /// The module's path (`crate::shared`).
    pub path: &'r str,
    /// The item names, in order.
    pub names: &'r [String],
    /// Those of them that are `#[deprecated]`, re-exported with the lint
    /// allowed.
    pub deprecated: &'r [String],
    /// Under which features that module compiles them.
    pub gates: &'r Gates,
}

/// Renders items as one formatted file: the header naming the schema files,
/// the runtime import, the runtime traits the items implement, re-exports,
/// then the items, each under its features in `gates` (the definition and
/// every impl: whatever [`item_code`] returned for it); of the items and
/// re-exports, only those the configuration's build compiles.
pub fn render(
    sources: &str,
    config: &Config,
    items: &[(&Item, TokenStream)],
    re_exports: Option<ReExports<'_>>,
    gates: &Gates,
) -> Result<String, Error> {
    // What the build's features leave out is not generated at all (see
    // `Config::only_features`); what is kept keeps its `#[cfg]`.
    let items: Vec<(&Item, TokenStream)> =
        items.iter().filter(|(item, _)| config.compiles(gates.of(&item.name))).cloned().collect();
    let items = items.as_slice();
    let import = runtime_import(&config.runtime_crate)?;
    // Import exactly the traits these items implement, so their methods read
    // as methods and no import goes unused (nor does it with every
    // operator feature off).
    let names_where =
        |keep: fn(&Item) -> bool| items.iter().filter(move |(item, _)| keep(item)).map(|(item, _)| item.name.as_str());
    let mut tokens = quote! { #import };
    type Implements = fn(&Item) -> bool;
    let traits: [(TokenStream, Implements); 3] = [
        (quote! { Validate }, |_| true),
        (quote! { XmlElement }, Item::is_element),
        (quote! { XmlGroup }, Item::is_group),
    ];
    let mut always = Vec::new();
    for (name, implements) in traits {
        if names_where(implements).next().is_none() {
            continue;
        }
        match gates.any_of(names_where(implements)) {
            Some(features) => {
                let gate = cfg(Some(&features));
                tokens.extend(quote! { #gate use xml::#name; });
            }
            None => always.push(name),
        }
    }
    if !always.is_empty() {
        tokens.extend(quote! { use xml::{#(#always),*}; });
    }
    let strategy_gate =
        cfg(gates.any_of(names_where(|item| !matches!(item.kind, crate::plan::ItemKind::Alias(_)))).as_ref());
    tokens.extend(strategy::import(config, items, &strategy_gate));
    if let Some(re_exports) = re_exports.filter(|re_exports| !re_exports.names.is_empty()) {
        let path: syn::Path = syn::parse_str(re_exports.path)
            .map_err(|error| Error::Config(format!("module path '{}': {error}", re_exports.path)))?;
        // One `use` per gate, the ungated first, names in order; deprecated
        // names in a `use` of their own, with the lint allowed.
        let mut by_gate: std::collections::BTreeMap<(bool, Option<&std::collections::BTreeSet<String>>), Vec<Ident>> =
            std::collections::BTreeMap::new();
        for name in re_exports.names.iter().filter(|name| config.compiles(re_exports.gates.of(name))) {
            let deprecated = re_exports.deprecated.contains(name);
            by_gate.entry((deprecated, re_exports.gates.of(name))).or_default().push(ident(name));
        }
        for ((deprecated, features), names) in by_gate {
            let gate = cfg(features);
            let allow =
                deprecated.then(|| quote! { #[allow(deprecated, reason = "deprecated names stay where they were")] });
            tokens.extend(quote! { #gate #allow pub use #path::{#(#names),*}; });
        }
    }
    let compiles = |feature: &str| config.compiles_feature(feature);
    let mut file: syn::File = syn::parse2(TokenStream::new())
        .map_err(|error| Error::Internal(format!("an empty file does not parse: {error}")))?;
    file.items = gate::gated_items(tokens, &TokenStream::new(), None, &compiles)?;
    for (item, code) in items {
        let gate = gate(gates, &item.name);
        let no_variant = gate::NoVariantLints::of(item);
        file.items.extend(gate::gated_items(code.clone(), &gate, no_variant.as_ref(), &compiles)?);
    }
    let listing = strategy::listing(config, items, gates);
    file.items.extend(gate::gated_items(listing, &TokenStream::new(), None, &compiles)?);
    let header = format!(
        "// @generated by plesk-codegen from {sources}.\n// Do not edit: change the schemas or the generator's configuration and generate again.\n\n"
    );
    Ok(header + &space_items(&prettyplease::unparse(&file)))
}

/// The module of the runtime crate that generated code calls: its user API
/// and the plumbing behind it, hidden from users' docs.
const RUNTIME_MODULE: &str = "__private";

/// The one place generated code names the runtime: `use <crate>::__private
/// as xml;`, every other path is `xml::...`.
fn runtime_import(runtime_crate: &str) -> Result<TokenStream, Error> {
    let path = format!("{runtime_crate}::{RUNTIME_MODULE}");
    let runtime: syn::Path =
        syn::parse_str(&path).map_err(|error| Error::Config(format!("runtime crate '{runtime_crate}': {error}")))?;
    Ok(quote! { use #runtime as xml; })
}

/// An identifier, raw (`r#type`) when the name says so.
fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// A `SCREAMING_SNAKE_CASE` identifier for a static named after a field.
fn static_ident(field: &str, suffix: &str) -> Ident {
    let base = heck::ToShoutySnakeCase::to_shouty_snake_case(field.trim_start_matches("r#").trim_matches('_'));
    let base = if base.is_empty() { "VALUE".to_owned() } else { base };
    let name = if suffix.is_empty() { base } else { format!("{base}_{suffix}") };
    Ident::new(&name, Span::call_site())
}

/// The tokens of a value type.
fn rust_type(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote! { String },
        RustType::Bool => quote! { bool },
        RustType::Integer(name) | RustType::Float(name) => {
            let name = ident(name);
            quote! { #name }
        }
        RustType::Runtime(runtime) => {
            let name = ident(runtime.name());
            quote! { xml::#name }
        }
        RustType::List(item) => {
            let item = rust_type(item);
            quote! { Vec<#item> }
        }
        RustType::Item(name) => {
            let name = ident(name);
            quote! { #name }
        }
    }
}

/// The runtime's `WildcardNamespace` for a wildcard's constraint: a
/// keyword where the schema used one, the namespaces in order otherwise.
fn wildcard_namespace(constraint: &NamespaceConstraint) -> TokenStream {
    let list = |namespaces: &std::collections::BTreeSet<Option<String>>| {
        let items = namespaces.iter().map(|namespace| match namespace {
            Some(uri) => quote! { Some(#uri) },
            None => quote! { None },
        });
        quote! { &[#(#items),*] }
    };
    match constraint {
        NamespaceConstraint::Any => quote! { xml::WildcardNamespace::Any },
        _ if constraint.is_local() => quote! { xml::WildcardNamespace::Local },
        _ if constraint.is_any_namespace() => quote! { xml::WildcardNamespace::Other },
        NamespaceConstraint::Only(admitted) => {
            let list = list(admitted);
            quote! { xml::WildcardNamespace::Only(#list) }
        }
        NamespaceConstraint::Not(excluded) => {
            let list = list(excluded);
            quote! { xml::WildcardNamespace::Not(#list) }
        }
    }
}

/// The tokens of one occurrence of an element: its value type, in an
/// `xml::Nillable` when the declaration is nillable.
fn occurrence_type(element: &crate::plan::ElementField) -> TokenStream {
    let one = rust_type(&element.ty);
    if element.nillable {
        quote! { xml::Nillable<#one> }
    } else {
        one
    }
}

/// The tokens of a field's type: one occurrence, boxed or not, in its
/// `Option` or `Vec`.
fn field_type(one: TokenStream, occurs: Occurs, boxed: bool) -> TokenStream {
    let one = if boxed {
        quote! { Box<#one> }
    } else {
        one
    };
    match occurs {
        Occurs::Required => one,
        Occurs::Optional => quote! { Option<#one> },
        Occurs::Repeated { .. } => quote! { Vec<#one> },
    }
}

/// `#[doc = ...]` attributes for documentation lines.
fn docs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|line| {
        let line = if line.is_empty() { String::new() } else { format!(" {line}") };
        quote! { #[doc = #line] }
    });
    quote! { #(#lines)* }
}

/// The bounds of a field's occurrences as the runtime takes them: `min`, and
/// `Some(max)` or `None` for unbounded.
fn bounds_tokens(occurs: Occurs) -> (TokenStream, TokenStream) {
    let bounds = occurs.bounds();
    let max = match bounds.max {
        Some(max) => {
            let max = count(max);
            quote! { Some(#max) }
        }
        None => quote! { None },
    };
    (count(bounds.min), max)
}

/// An unsuffixed integer literal (a count or length).
fn count(value: impl Into<u64>) -> TokenStream {
    let literal = proc_macro2::Literal::u64_unsuffixed(value.into());
    quote! { #literal }
}

/// Separates items, and methods inside `impl` blocks, by one blank line, as
/// rustfmt-formatted code would be; prettyplease leaves them adjacent.
fn space_items(source: &str) -> String {
    let mut spaced = String::with_capacity(source.len() + source.len() / 20);
    let mut previous: Option<&str> = None;
    for line in source.lines() {
        if let Some(previous) = previous {
            let at_item_level = !previous.starts_with(' ') && !previous.starts_with('/') && !previous.starts_with('#');
            let ends_item = at_item_level && (previous.ends_with('}') || previous.ends_with(';'));
            let between_imports = previous.starts_with("use ") && line.starts_with("use ");
            let closes_method = previous == "    }" && !line.trim_start().starts_with('}');
            if ((ends_item && !between_imports) || closes_method) && !line.is_empty() {
                spaced.push('\n');
            }
        }
        spaced.push_str(line);
        spaced.push('\n');
        previous = Some(line);
    }
    spaced
}
