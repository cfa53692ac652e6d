//! Type definitions: structs, enums, newtypes and aliases with the derives
//! the plan decided and the attributes the configuration adds, the
//! constructor of a struct without `Default`, and `Debug` written out where
//! a field is redacted.

use proc_macro2::TokenStream;
use quote::quote;

use super::{constructor, docs, field_type, ident, occurrence_type, rust_type};
use crate::config::Config;
use crate::plan::{
    AttributeField, Choice, Derive, Derives, Field, FieldKind, Item, ItemKind, Module, Occurs, RedactedByName,
    RustType, Struct, StructContent, Variant,
};

/// The definition of one item.
pub fn item(module: &Module, item: &Item, config: &Config) -> TokenStream {
    let name = ident(&item.name);
    let doc = docs(&item.doc);
    let added = configured(module.attributes.of_item(&item.name));
    let serde = config.serde.as_deref();
    let derives = derive_attribute(&item.derives, serde);
    match &item.kind {
        ItemKind::Struct(plan) if is_unit(plan) => unit_structure(module, item, serde),
        ItemKind::Struct(plan) => structure(module, item, plan, derives),
        ItemKind::Choice(choice) => {
            let variants = choice.variants.iter().map(|one| variant(module, item, one));
            let allow = choice.large_variant.then(|| quote! { #[allow(clippy::large_enum_variant, reason = "variants mirror the schema's alternatives; boxing would burden every use")] });
            // Without a derived `Debug`, an alternative is redacted.
            let debug = (!item.derives.has(Derive::Debug)).then(|| redacted_choice_debug(item, choice));
            quote! {
                #doc
                #derives
                #allow
                #added
                pub enum #name {
                    #(#variants,)*
                }
                #debug
            }
        }
        ItemKind::Enumeration(enumeration) => {
            let variants = enumeration.values.iter().map(|value| {
                let variant = ident(&value.variant);
                let mut lines = value.doc.clone();
                if !lines.is_empty() {
                    lines.push(String::new());
                }
                lines.push(format!("`{}`", value.value.replace('`', "'")));
                let doc = docs(&lines);
                quote! { #doc #variant }
            });
            quote! {
                #doc
                #derives
                #added
                pub enum #name {
                    #(#variants,)*
                }
            }
        }
        ItemKind::Newtype(newtype) => {
            let inner = rust_type(&newtype.inner);
            quote! {
                #doc
                #derives
                #added
                pub struct #name(pub #inner);
            }
        }
        ItemKind::Union(union) => {
            let variants = union.members.iter().map(|member| {
                let variant = ident(&member.variant);
                let ty = rust_type(&member.ty);
                let doc = docs(&[format!("A value of the member type `{}`.", member.variant)]);
                quote! { #doc #variant(#ty) }
            });
            quote! {
                #doc
                #derives
                #added
                pub enum #name {
                    #(#variants,)*
                }
            }
        }
        ItemKind::Alias(target) => {
            let target = rust_type(target);
            quote! {
                #doc
                #added
                pub type #name = #target;
            }
        }
        ItemKind::Wrapper(inner) => {
            let inner = rust_type(inner);
            quote! {
                #doc
                #derives
                #added
                pub struct #name(pub #inner);
            }
        }
    }
}

/// `#[derive(...)]` of the traits the plan decided, and serde's traits
/// under the cargo feature `serde` when there is one. Serde is reached
/// through the runtime (`xml::serde`), so that the crate of the generated
/// code needs no dependency of its own on it.
fn derive_attribute(derives: &Derives, serde: Option<&str>) -> TokenStream {
    if derives.is_empty() {
        return TokenStream::new();
    }
    let names = derives.iter().map(|derive| ident(derive.name()));
    let serde = serde.map(|feature| {
        quote! {
            #[cfg_attr(
                feature = #feature,
                derive(xml::serde::Serialize, xml::serde::Deserialize),
                serde(crate = "xml::serde")
            )]
        }
    });
    quote! { #[derive(#(#names),*)] #serde }
}

/// Whether a struct holds nothing: no attribute, no content.
fn is_unit(plan: &Struct) -> bool {
    plan.attributes.is_empty() && plan.other_attributes.is_none() && matches!(plan.content, StructContent::Empty)
}

/// A struct that holds nothing, `pub struct NoneType;`. Its serde
/// implementations are written out, as the runtime's empty map
/// (`xml::EmptyObject`, `{}` in JSON): derived, it would be `null`, and an
/// optional one present would read back as absent.
fn unit_structure(module: &Module, item: &Item, serde: Option<&str>) -> TokenStream {
    let name = ident(&item.name);
    let doc = docs(&item.doc);
    let derives = derive_attribute(&item.derives, None);
    let added = configured(module.attributes.of_item(&item.name));
    let serde = serde.map(|feature| {
        quote! {
            #[cfg(feature = #feature)]
            impl xml::serde::Serialize for #name {
                fn serialize<S: xml::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    xml::serde::Serialize::serialize(&xml::EmptyObject {}, serializer)
                }
            }

            #[cfg(feature = #feature)]
            impl<'de> xml::serde::Deserialize<'de> for #name {
                fn deserialize<D: xml::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    <xml::EmptyObject as xml::serde::Deserialize>::deserialize(deserializer).map(|_| Self)
                }
            }
        }
    });
    quote! {
        #doc
        #derives
        #added
        pub struct #name;
        #serde
    }
}

fn structure(module: &Module, item: &Item, plan: &Struct, derives: TokenStream) -> TokenStream {
    let name = ident(&item.name);
    let doc = docs(&item.doc);
    let attributes = plan.attributes.iter().map(attribute_field);
    let other_attributes = plan.other_attributes.as_ref().map(|other| {
        let field = ident(&other.field);
        quote! {
            #[doc = " Attributes matched by the schema's `xs:anyAttribute` wildcard, in document order."]
            pub #field: Vec<xml::AnyAttribute>,
        }
    });
    let content = match &plan.content {
        StructContent::Empty => None,
        StructContent::Sequence(fields) | StructContent::All(fields) => {
            let fields = fields.iter().map(|field| element_field(module, item, field));
            Some(quote! { #(#fields,)* })
        }
        StructContent::Simple(value) => {
            let field = ident(&value.name);
            let ty = rust_type(&value.ty);
            Some(quote! {
                #[doc = " The element's text."]
                pub #field: #ty,
            })
        }
    };
    let added = configured(module.attributes.of_item(&item.name));
    let definition = quote! {
        #doc
        #derives
        #added
        pub struct #name {
            #(#attributes,)*
            #other_attributes
            #content
        }
    };
    // Without a derived `Debug`, a field is redacted: `Debug` is written out.
    let debug = (!item.derives.has(Derive::Debug)).then(|| redacted_debug(item, plan));
    // Without `Default` (something is required), `new` takes what is.
    let constructor = (!item.derives.has(Derive::Default)).then(|| constructor::constructor(item, plan));
    quote! { #definition #constructor #debug }
}

fn attribute_field(attribute: &AttributeField) -> TokenStream {
    let name = ident(&attribute.name);
    let doc = docs(&attribute.doc);
    let one = rust_type(&attribute.ty);
    let occurs = if attribute.required { Occurs::Required } else { Occurs::Optional };
    let ty = field_type(one, occurs, false);
    quote! { #doc pub #name: #ty }
}

fn element_field(module: &Module, item: &Item, field: &Field) -> TokenStream {
    let name = ident(&field.name);
    let doc = docs(&field.doc);
    let added = configured(module.attributes.of_field(&item.name, &field.name));
    let ty = field_kind_type(&field.kind);
    quote! { #doc #added pub #name: #ty }
}

fn variant(module: &Module, item: &Item, variant: &Variant) -> TokenStream {
    let name = ident(&variant.name);
    let doc = docs(&variant.doc);
    let added = configured(module.attributes.of_field(&item.name, &variant.name));
    let ty = field_kind_type(&variant.kind);
    let gate = super::variant_gate(variant);
    quote! { #doc #gate #added #name(#ty) }
}

/// The attributes the configuration adds, as written there (checked to be
/// outer attributes before planning, by `Config::check_attributes`).
fn configured(attributes: &[String]) -> TokenStream {
    attributes.iter().filter_map(|attribute| attribute.parse::<TokenStream>().ok()).collect()
}

/// The Rust type of a field or variant.
pub fn field_kind_type(kind: &FieldKind) -> TokenStream {
    let (one, occurs, boxed) = field_occurrence(kind);
    field_type(one, occurs, boxed)
}

/// One occurrence of a field or variant: its type, how often it occurs,
/// and whether it is boxed.
pub fn field_occurrence(kind: &FieldKind) -> (TokenStream, Occurs, bool) {
    match kind {
        FieldKind::Element(element) => (occurrence_type(element), element.occurs, element.boxed),
        FieldKind::Group(group) => {
            let one = ident(&group.ty);
            (quote! { #one }, group.occurs, group.boxed)
        }
        FieldKind::Wildcard(_) => (quote! { xml::AnyElement }, Occurs::Repeated { min: 0, max: None }, false),
    }
}

/// Whether values of `ty` are `Copy`: numbers and flags, the items the
/// plan derives `Copy` for, and aliases of these.
pub fn is_copy(module: &Module, ty: &RustType) -> bool {
    match ty {
        RustType::Item(name) => module.item(name).is_some_and(|item| match &item.kind {
            ItemKind::Alias(target) => is_copy(module, target),
            _ => item.derives.has(Derive::Copy),
        }),
        other => matches!(other, RustType::Bool | RustType::Integer(_) | RustType::Float(_)),
    }
}

/// `Debug` that shows every field but the redacted ones.
fn redacted_debug(item: &Item, plan: &Struct) -> TokenStream {
    let name = ident(&item.name);
    let label = &item.name;
    let attributes = plan.attributes.iter().map(|attribute| {
        let occurs = if attribute.required { Occurs::Required } else { Occurs::Optional };
        debug_field(&attribute.name, attribute.redacted, occurs)
    });
    let other = plan.other_attributes.iter().map(|other| debug_field(&other.field, false, Occurs::Required));
    let fields = plan.content.fields().iter().map(|field| {
        let occurs = match &field.kind {
            FieldKind::Element(element) => element.occurs,
            FieldKind::Group(group) => group.occurs,
            FieldKind::Wildcard(_) => Occurs::Required,
        };
        match &field.redacted_by_name {
            Some(by_name) => debug_field_by_name(&field.name, by_name),
            None => debug_field(&field.name, field.redacted, occurs),
        }
    });
    let secret_names = plan.content.fields().iter().filter_map(|field| {
        let by_name = field.redacted_by_name.as_ref()?;
        let names = secret_names_const(&field.name);
        let secrets = &by_name.secret_names;
        let doc = format!(" The names of the pairs whose `{}` is a secret.", field.name.trim_start_matches("r#"));
        Some(quote! {
            #[doc = #doc]
            const #names: &[&str] = &[#(#secrets),*];
        })
    });
    quote! {
        impl std::fmt::Debug for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                #(#secret_names)*
                f.debug_struct(#label)
                    #(#attributes)*
                    #(#other)*
                    #(#fields)*
                    .finish()
            }
        }
    }
}

/// `Debug` that shows each alternative's value but the redacted ones'
/// (`Key(<redacted>)`).
fn redacted_choice_debug(item: &Item, choice: &Choice) -> TokenStream {
    let name = ident(&item.name);
    let arms = choice.variants.iter().map(|variant| {
        let gate = super::variant_gate(variant);
        let label = &variant.name;
        let variant_name = ident(&variant.name);
        let (_, occurs, _) = field_occurrence(&variant.kind);
        let (binding, shown) = match (variant.redacted, occurs) {
            (false, _) => (quote! { value }, quote! { value }),
            (true, Occurs::Required) => (quote! { _ }, quote! { &xml::Redacted }),
            (true, Occurs::Optional) => (quote! { value }, quote! { &value.as_ref().map(|_| xml::Redacted) }),
            (true, Occurs::Repeated { .. }) => (quote! { value }, quote! { &vec![xml::Redacted; value.len()] }),
        };
        quote! { #gate Self::#variant_name(#binding) => f.debug_tuple(#label).field(#shown).finish(), }
    });
    let no_variant = super::no_variant_arm(choice, quote! { match *self {} });
    quote! {
        impl std::fmt::Debug for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match self {
                    #(#arms)*
                    #no_variant
                }
            }
        }
    }
}

/// A field shown unless its sibling names a secret.
fn debug_field_by_name(field: &str, by_name: &RedactedByName) -> TokenStream {
    let name = ident(field);
    let label = field.trim_start_matches("r#");
    let name_field = ident(&by_name.name_field);
    let names = secret_names_const(field);
    quote! {
        .field(#label, if #names.contains(&self.#name_field.as_str()) { &xml::Redacted } else { &self.#name })
    }
}

/// The constant listing the secret names for the field `field`.
fn secret_names_const(field: &str) -> proc_macro2::Ident {
    let field = field.trim_start_matches("r#");
    quote::format_ident!("SECRET_{}_NAMES", heck::AsShoutySnakeCase(field).to_string())
}

fn debug_field(field: &str, redacted: bool, occurs: Occurs) -> TokenStream {
    let name = ident(field);
    let label = field.trim_start_matches("r#");
    if !redacted {
        return quote! { .field(#label, &self.#name) };
    }
    match occurs {
        Occurs::Required => quote! { .field(#label, &xml::Redacted) },
        Occurs::Optional => quote! { .field(#label, &self.#name.as_ref().map(|_| xml::Redacted)) },
        Occurs::Repeated { .. } => quote! { .field(#label, &vec![xml::Redacted; self.#name.len()]) },
    }
}
