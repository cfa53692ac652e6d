//! `Validate` implementations: the checks of the facets the item declares
//! (`facets.rs`), occurrence bounds, and the walk into children.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{bounds_tokens, count, facets, ident};
use crate::model::WhiteSpace;
use crate::plan::{
    Checks, Choice, ElementField, FieldKind, Item, ItemKind, NumberChecks, Occurs, Role, RustType, Struct,
    StructContent,
};

/// The `Validate` implementation of an item (and `ChoiceItem` for choices
/// that can repeat). Aliases get none: they are their target type.
pub fn item(item: &Item, validating: &dyn Fn(&RustType) -> bool) -> TokenStream {
    let name = ident(&item.name);
    if matches!(item.kind, ItemKind::Alias(_)) {
        return TokenStream::new();
    }
    if !item.validates {
        return quote! {
            impl Validate for #name {
                fn validate_into(&self, _path: &xml::ElementPath<'_>, _violations: &mut Vec<xml::Violation>) {}
            }
        };
    }
    let body = match &item.kind {
        ItemKind::Struct(plan) => structure(plan, validating),
        ItemKind::Choice(choice) if choice.role == Role::Element => alternatives(choice, validating, false),
        ItemKind::Choice(choice) => {
            let arms = choice.variants.iter().map(|variant| {
                let variant_name = ident(&variant.name);
                let gate = super::variant_gate(variant);
                match &variant.kind {
                    FieldKind::Element(element) => {
                        let xml_name = &element.xml_name;
                        quote! { #gate Self::#variant_name(_) => Some(#xml_name), }
                    }
                    _ => quote! { #gate Self::#variant_name(_) => None, },
                }
            });
            let no_variant = super::no_variant_arm(choice, quote! { match *self {} });
            let body = alternatives(choice, validating, true);
            // `position` only reaches alternatives that are one element.
            let uses_position = choice.variants.iter().any(|variant| {
                matches!(&variant.kind, FieldKind::Element(element)
                    if element.occurs == Occurs::Required && (element.checks.is_some() || validating(&element.ty)))
            });
            let position = if uses_position {
                quote! { position }
            } else {
                quote! { _position }
            };
            return quote! {
                impl Validate for #name {
                    fn validate_into(&self, path: &xml::ElementPath<'_>, violations: &mut Vec<xml::Violation>) {
                        xml::ChoiceItem::validate_at(self, None, path, violations);
                    }
                }

                impl xml::ChoiceItem for #name {
                    fn element_name(&self) -> Option<&'static str> {
                        match self {
                            #(#arms)*
                            #no_variant
                        }
                    }

                    fn validate_at(&self, #position: Option<usize>, path: &xml::ElementPath<'_>, violations: &mut Vec<xml::Violation>) {
                        #body
                    }
                }
            };
        }
        ItemKind::Newtype(newtype) => {
            check(&newtype.checks, quote! { &self.0 }, quote! { path }, facets::NEWTYPE_KEY, false)
        }
        ItemKind::Union(union) => {
            let arms = union.members.iter().map(|member| {
                let variant = ident(&member.variant);
                match (&member.checks, validating(&member.ty)) {
                    (Some(checks), _) => {
                        let check = check(checks, quote! { value }, quote! { path }, &member.variant, false);
                        quote! { Self::#variant(value) => { #check } }
                    }
                    (None, true) => quote! { Self::#variant(value) => value.validate_into(path, violations), },
                    (None, false) => quote! { Self::#variant(_) => {} },
                }
            });
            quote! {
                match self {
                    #(#arms)*
                }
            }
        }
        ItemKind::Wrapper(_) => quote! { self.0.validate_into(path, violations); },
        ItemKind::Enumeration(_) | ItemKind::Alias(_) => TokenStream::new(),
    };
    quote! {
        impl Validate for #name {
            fn validate_into(&self, path: &xml::ElementPath<'_>, violations: &mut Vec<xml::Violation>) {
                #body
            }
        }
    }
}

fn structure(plan: &Struct, validating: &dyn Fn(&RustType) -> bool) -> TokenStream {
    let mut statements = Vec::new();
    for attribute in &plan.attributes {
        let label = format!("@{}", attribute.xml_name);
        let key = format!("attribute_{}", attribute.name);
        let occurs = if attribute.required { Occurs::Required } else { Occurs::Optional };
        let place = Place::field(&attribute.name);
        if let Some(checks) = &attribute.checks {
            statements.push(checked(checks, &place, occurs, &label, &key, attribute.redacted, false));
        } else if attribute.ty == RustType::String {
            statements.push(text_walk(&place.reference, occurs, &label));
        } else if validating(&attribute.ty) {
            statements.push(walk(&place.reference, occurs, &label));
        }
    }
    match &plan.content {
        StructContent::Simple(value) => {
            let field = ident(&value.name);
            if let Some(checks) = &value.checks {
                statements.push(check(checks, quote! { &self.#field }, quote! { path }, "value", false));
            } else if validating(&value.ty) {
                statements.push(quote! { self.#field.validate_into(path, violations); });
            }
        }
        content => {
            for field in content.fields() {
                statements.push(kind(&field.kind, Place::field(&field.name), &field.name, field.redacted, validating));
            }
        }
    }
    if !plan.required_together.is_empty() {
        statements.push(required_together(plan));
    }
    quote! { #(#statements)* }
}

/// An optional `xs:all` holds its required elements whenever it holds any.
fn required_together(plan: &Struct) -> TokenStream {
    let fields = plan.content.fields();
    let present: Vec<_> = fields
        .iter()
        .map(|field| {
            let name = ident(&field.name);
            quote! { self.#name.is_some() }
        })
        .collect();
    let checks = fields.iter().filter(|field| plan.required_together.contains(&field.name)).filter_map(|field| {
        let FieldKind::Element(element) = &field.kind else {
            return None;
        };
        let name = ident(&field.name);
        let xml_name = &element.xml_name;
        Some(quote! {
            if (#(#present)||*) && self.#name.is_none() {
                violations.push(xml::Violation::new(
                    path,
                    xml::ViolationKind::TooFew { element: #xml_name, actual: 0, min: 1 },
                ));
            }
        })
    });
    quote! { #(#checks)* }
}

/// How generated code reaches a field's or variant's value.
#[derive(Clone)]
struct Place {
    /// The value itself (`self.field`), for method calls.
    direct: TokenStream,
    /// A reference to it (`&self.field`).
    reference: TokenStream,
}

impl Place {
    fn field(name: &str) -> Self {
        let name = ident(name);
        Self { direct: quote! { self.#name }, reference: quote! { &self.#name } }
    }

    /// A variant's binding, already a reference.
    fn binding() -> Self {
        Self { direct: quote! { value }, reference: quote! { value } }
    }
}

/// The checks of what a field or variant holds.
fn kind(
    kind: &FieldKind,
    place: Place,
    key: &str,
    redacted: bool,
    validating: &dyn Fn(&RustType) -> bool,
) -> TokenStream {
    let Place { direct, reference } = place.clone();
    match kind {
        FieldKind::Element(element) => {
            let xml_name = &element.xml_name;
            let bounds = bounds(element.occurs, &reference, xml_name);
            let tolerated = element.tolerated.as_ref().map(|reason| {
                quote! {
                    if #direct.is_none() {
                        violations.push(xml::Violation::new(
                            path,
                            xml::ViolationKind::ToleratedAbsence { element: #xml_name, reason: #reason },
                        ));
                    }
                }
            });
            let values = match &element.checks {
                Some(checks) => {
                    Some(checked(checks, &place, element.occurs, xml_name, key, redacted, element.nillable))
                }
                None if is_plain_text(element) => Some(text_walk(&reference, element.occurs, xml_name)),
                None => validating(&element.ty).then(|| walk(&reference, element.occurs, xml_name)),
            };
            quote! { #bounds #tolerated #values }
        }
        FieldKind::Group(group) => {
            let bounds = group.occurs.has_bounds().then(|| {
                let (min, max) = bounds_tokens(group.occurs);
                let first = &group.first;
                quote! { xml::group_occurrences(#reference, &[#(#first),*], #min, #max, path, violations); }
            });
            let values = validating(&RustType::Item(group.ty.clone())).then(|| match group.occurs {
                Occurs::Required => quote! { #direct.validate_into(path, violations); },
                Occurs::Optional => quote! {
                    if let Some(group) = #reference {
                        group.validate_into(path, violations);
                    }
                },
                Occurs::Repeated { .. } if group.is_choice => {
                    quote! { xml::repeated_choice(#reference, path, violations); }
                }
                Occurs::Repeated { .. } => quote! { xml::repeated_group(#reference, path, violations); },
            });
            quote! { #bounds #values }
        }
        FieldKind::Wildcard(wildcard) => {
            let bounds = bounds(wildcard.occurs, &reference, "*");
            quote! {
                #bounds
                xml::repeated_group(#reference, path, violations);
            }
        }
    }
}

fn bounds(occurs: Occurs, items: &TokenStream, name: &str) -> Option<TokenStream> {
    match occurs {
        Occurs::Repeated { .. } if occurs.has_bounds() => {
            let (min, max) = bounds_tokens(occurs);
            Some(quote! { xml::occurrences(#items, #name, #min, #max, path, violations); })
        }
        _ => None,
    }
}

/// Whether a child element holds one text value with no facets of its own
/// (a required or optional `String`, neither nillable nor boxed), which
/// only needs its characters checked.
fn is_plain_text(element: &ElementField) -> bool {
    element.ty == RustType::String
        && element.checks.is_none()
        && !element.nillable
        && !element.boxed
        && matches!(element.occurs, Occurs::Required | Occurs::Optional)
}

/// Validates a plain text child element or attribute (see
/// [`is_plain_text`]): as [`walk`] would, with the runtime's text helpers,
/// which build the element's path only for a value that is not printable
/// ASCII.
fn text_walk(reference: &TokenStream, occurs: Occurs, name: &str) -> TokenStream {
    match occurs {
        Occurs::Optional => quote! { xml::optional_text_child(#reference, #name, path, violations); },
        _ => quote! { xml::text_child(#reference, #name, path, violations); },
    }
}

/// Validates the values of a child element or attribute of a type with
/// checks of its own.
fn walk(reference: &TokenStream, occurs: Occurs, name: &str) -> TokenStream {
    match occurs {
        Occurs::Required => quote! { xml::child(#reference, #name, path, violations); },
        Occurs::Optional => quote! { xml::optional_child(#reference, #name, path, violations); },
        Occurs::Repeated { .. } => quote! { xml::repeated_child(#reference, #name, path, violations); },
    }
}

/// Checks the values of a child element or attribute against facets
/// declared inline; the nil occurrences of a `nillable` element have
/// nothing to check.
fn checked(
    checks: &Checks,
    place: &Place,
    occurs: Occurs,
    name: &str,
    key: &str,
    redacted: bool,
    nillable: bool,
) -> TokenStream {
    let reference = &place.reference;
    let value = if nillable {
        quote! { xml::Nillable::Value(value) }
    } else {
        quote! { value }
    };
    match occurs {
        Occurs::Required if !nillable => check(checks, reference.clone(), quote! { &path.child(#name) }, key, redacted),
        Occurs::Required | Occurs::Optional => {
            let check = check(checks, quote! { value }, quote! { &path.child(#name) }, key, redacted);
            let pattern = if occurs == Occurs::Required {
                value
            } else {
                quote! { Some(#value) }
            };
            quote! {
                if let #pattern = #reference {
                    #check
                }
            }
        }
        Occurs::Repeated { .. } => {
            let check = check(checks, quote! { value }, quote! { path }, key, redacted);
            let check = if nillable {
                quote! {
                    if let #value = value {
                        #check
                    }
                }
            } else {
                check
            };
            quote! {
                xml::for_each_child(#reference, #name, path, |value, path| {
                    #check
                });
            }
        }
    }
}

/// Checks `value` (a reference) at `path` against the facets of `key`,
/// the item's constant (see `facets.rs`). The value of a redacted field
/// never appears in a violation.
pub(super) fn check(checks: &Checks, value: TokenStream, path: TokenStream, key: &str, redacted: bool) -> TokenStream {
    let facets = facets::reference(key);
    match checks {
        Checks::String(_) if redacted => quote! { #facets.check_secret(#value, #path, violations); },
        Checks::String(_) | Checks::Number(_) | Checks::Decimal(_) => {
            quote! { #facets.check(#value, #path, violations); }
        }
        Checks::List { item, .. } => {
            let items = item.as_ref().map(|item| {
                let check = check(item, quote! { item }, path.clone(), &facets::item_key(key), redacted);
                quote! {
                    for item in #value {
                        #check
                    }
                }
            });
            quote! {
                #facets.check(#value, #path, violations);
                #items
            }
        }
    }
}

/// The fields of `NumberFacets` and `DecimalFacets` that are set, bounds as
/// `literal` writes them.
pub(super) fn number_fields(number: &NumberChecks, literal: impl Fn(&str) -> TokenStream) -> Vec<TokenStream> {
    let bounds = [
        ("min_inclusive", &number.min_inclusive),
        ("max_inclusive", &number.max_inclusive),
        ("min_exclusive", &number.min_exclusive),
        ("max_exclusive", &number.max_exclusive),
    ];
    let mut fields: Vec<TokenStream> = bounds
        .into_iter()
        .filter_map(|(field, bound)| {
            let field = ident(field);
            let literal = literal(bound.as_ref()?);
            Some(quote! { #field: Some(#literal) })
        })
        .collect();
    for (field, digits) in [("total_digits", number.total_digits), ("fraction_digits", number.fraction_digits)] {
        if digits.is_some() {
            let field = ident(field);
            let digits = option(digits);
            fields.push(quote! { #field: #digits });
        }
    }
    fields
}

/// A literal of the Rust numeric type (the plan checked that it parses).
pub(super) fn numeric_literal(value: &str, ty: &RustType) -> TokenStream {
    match ty {
        RustType::Float(_) => {
            let number: f64 = value.parse().unwrap_or_default();
            let literal = Literal::f64_unsuffixed(number.abs());
            if number.is_sign_negative() {
                quote! { -#literal }
            } else {
                quote! { #literal }
            }
        }
        _ => {
            let number: i128 = value.trim_start_matches('+').parse().unwrap_or_default();
            let literal = Literal::u128_unsuffixed(number.unsigned_abs());
            if number < 0 {
                quote! { -#literal }
            } else {
                quote! { #literal }
            }
        }
    }
}

pub(super) fn option(value: Option<u64>) -> TokenStream {
    match value {
        Some(value) => {
            let value = count(value);
            quote! { Some(#value) }
        }
        None => quote! { None },
    }
}

pub(super) fn white_space(white_space: WhiteSpace) -> TokenStream {
    match white_space {
        WhiteSpace::Preserve => quote! { xml::WhiteSpace::Preserve },
        WhiteSpace::Replace => quote! { xml::WhiteSpace::Replace },
        WhiteSpace::Collapse => quote! { xml::WhiteSpace::Collapse },
    }
}

/// The `match` validating the alternative a choice holds; with `positioned`,
/// element paths carry the `position` of a repeated choice's item.
fn alternatives(choice: &Choice, validating: &dyn Fn(&RustType) -> bool, positioned: bool) -> TokenStream {
    let arms = choice.variants.iter().map(|variant| {
        let name = ident(&variant.name);
        let statements = match &variant.kind {
            FieldKind::Element(element) if positioned && element.occurs == Occurs::Required => {
                let xml_name = &element.xml_name;
                let path = quote! { &xml::choice_path(path, #xml_name, position) };
                match (&element.checks, validating(&element.ty)) {
                    (Some(checks), _) if element.nillable => {
                        let check = check(checks, quote! { value }, path, &variant.name, false);
                        Some(quote! {
                            if let xml::Nillable::Value(value) = value {
                                #check
                            }
                        })
                    }
                    (Some(checks), _) => Some(check(checks, quote! { value }, path, &variant.name, false)),
                    (None, true) => Some(quote! { value.validate_into(#path, violations); }),
                    (None, false) => None,
                }
            }
            kind => {
                let statements = self::kind(kind, Place::binding(), &variant.name, false, validating);
                (!statements.is_empty()).then_some(statements)
            }
        };
        let gate = super::variant_gate(variant);
        match statements {
            Some(statements) => quote! { #gate Self::#name(value) => { #statements } },
            None => quote! { #gate Self::#name(_) => {} },
        }
    });
    let no_variant = super::no_variant_arm(choice, quote! { match *self {} });
    quote! {
        match self {
            #(#arms)*
            #no_variant
        }
    }
}
