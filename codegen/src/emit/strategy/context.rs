//! The strategy of one item's content: structs, choices, unions and values,
//! with the recursion guard of items in a cycle.

use std::cell::Cell;

use super::tuples::{Part, construct, receiver};
use super::*;
use crate::model;

/// What the strategy of one item needs while it is built.
pub(super) struct Context<'m> {
    module: &'m Module,
    /// The items this item refers to that refer back to it: the steps that
    /// recurse. Empty when the item is in no cycle.
    pub(super) cycle: BTreeSet<&'m str>,
    /// Whether the body uses `recurse` (an optional part of the cycle).
    pub(super) uses_recurse: Cell<bool>,
    /// Whether the body uses `deeper` (a step inside the cycle).
    pub(super) uses_deeper: Cell<bool>,
}

impl<'m> Context<'m> {
    pub(super) fn new(module: &'m Module, item: &'m Item) -> Self {
        let cycle = item.cycle.iter().map(String::as_str).collect();
        Self { module, cycle, uses_recurse: Cell::new(false), uses_deeper: Cell::new(false) }
    }

    /// A struct: its attributes and fields drawn together.
    pub(super) fn structure(&self, plan: &Struct) -> TokenStream {
        let mut parts = Vec::new();
        for attribute in &plan.attributes {
            let one =
                self.value(&attribute.ty, attribute.checks.as_ref(), &format!("attribute_{}", attribute.name), false);
            let strategy = if attribute.required {
                one
            } else {
                quote! { ::proptest::option::of(#one) }
            };
            parts.push(Part::new(&attribute.name, strategy));
        }
        if let Some(other) = &plan.other_attributes {
            let declared = plan.attributes.iter().map(|attribute| attribute.xml_name.as_str());
            let strategy = if other.namespaces.admits(None) {
                quote! { xml::AnyAttribute::wildcard_strategy(&[#(#declared),*]) }
            } else {
                // Attributes in a namespace are not drawn: none is a valid set too.
                quote! { ::proptest::strategy::Just(Vec::new()) }
            };
            parts.push(Part::new(&other.field, strategy));
        }
        let neighbours = neighbours(plan.content.fields().iter().map(|field| &field.kind));
        match &plan.content {
            StructContent::Empty => {}
            StructContent::Simple(value) => {
                parts.push(Part::new(&value.name, self.value(&value.ty, value.checks.as_ref(), &value.name, false)));
            }
            StructContent::Sequence(fields) | StructContent::All(fields) => {
                for field in fields {
                    let part = match &field.kind {
                        // Present whenever the optional `xs:all` is (see `required_together`).
                        FieldKind::Element(element) if plan.required_together.contains(&field.name) => {
                            Part::present(&field.name, self.occurrence(element, &field.name))
                        }
                        FieldKind::Element(element) if element.tolerated.is_some() => {
                            // Tolerated absent when read, but the schema requires it.
                            Part::present(&field.name, self.occurrence(element, &field.name))
                        }
                        kind => Part::new(&field.name, self.kind(kind, &field.name, &neighbours, false)),
                    };
                    parts.push(part);
                }
            }
        }
        if !plan.required_together.is_empty() {
            return required_together(plan, parts);
        }
        let strategy = construct(parts);
        let may_be_empty = plan.content.fields().iter().all(|field| match &field.kind {
            FieldKind::Element(element) => element.occurs.is_optional(),
            FieldKind::Group(group) => group.occurs.is_optional(),
            FieldKind::Wildcard(wildcard) => wildcard.occurs.is_optional(),
        });
        if plan.role == Role::Group && may_be_empty {
            // An occurrence of a group that writes nothing is not read back.
            quote! {
                #strategy
                    .prop_filter("an occurrence of a group holds an element", |group| {
                        let mut w = xml::XmlWriter::new();
                        xml::XmlGroup::write_group(group, &mut w);
                        !w.as_str().is_empty()
                    })
                    .boxed()
            }
        } else {
            quote! { #strategy.boxed() }
        }
    }

    /// A choice: one of its alternatives, each holding something.
    pub(super) fn choice(&self, choice: &Choice) -> TokenStream {
        let neighbours = neighbours(choice.variants.iter().map(|variant| &variant.kind));
        let mut outside = Vec::new();
        let mut inside = Vec::new();
        for variant in &choice.variants {
            let name = ident(&variant.name);
            let strategy = receiver(&self.kind(&variant.kind, &variant.name, &neighbours, true));
            let alternative = quote! { #strategy.prop_map(Self::#name).boxed() };
            if self.recurses(&variant.kind) {
                inside.push((variant, alternative));
            } else {
                outside.push((variant, alternative));
            }
        }
        if choice.variants.iter().any(|variant| variant.feature.is_some()) {
            return self.gated_choice(choice, outside, inside);
        }
        let (outside, inside): (Vec<_>, Vec<_>) =
            (outside.into_iter().map(|(_, one)| one).collect(), inside.into_iter().map(|(_, one)| one).collect());
        if outside.is_empty() || inside.is_empty() {
            let alternatives: Vec<_> = outside.into_iter().chain(inside).collect();
            return match alternatives.as_slice() {
                [only] => only.clone(),
                _ => quote! { ::proptest::strategy::Union::new([#(#alternatives),*]).boxed() },
            };
        }
        self.uses_recurse.set(true);
        quote! {
            let mut alternatives = Vec::from([#(#outside),*]);
            if recurse {
                alternatives.extend([#(#inside),*]);
            }
            ::proptest::strategy::Union::new(alternatives).boxed()
        }
    }

    /// A choice some of whose alternatives are behind operator features:
    /// the alternatives compiled in, and a strategy that never yields a
    /// value (there is none) when no variant is.
    fn gated_choice(
        &self,
        choice: &Choice,
        outside: Vec<(&crate::plan::Variant, TokenStream)>,
        inside: Vec<(&crate::plan::Variant, TokenStream)>,
    ) -> TokenStream {
        let push = |alternatives: Vec<(&crate::plan::Variant, TokenStream)>| -> Vec<TokenStream> {
            alternatives
                .into_iter()
                .map(|(variant, alternative)| {
                    let gate = crate::emit::variant_gate(variant);
                    quote! { #gate alternatives.push(#alternative); }
                })
                .collect()
        };
        let outside = push(outside);
        let inside = push(inside);
        let recursive = (!inside.is_empty()).then(|| {
            self.uses_recurse.set(true);
            quote! {
                if recurse {
                    #(#inside)*
                }
            }
        });
        let no_variant = crate::emit::no_variant_cfg(choice).map(|cfg| {
            quote! {
                #cfg
                return ::proptest::strategy::Just(())
                    .prop_filter_map("every operator feature is off: the enum has no value", |()| None)
                    .boxed();
            }
        });
        quote! {
            let mut alternatives: Vec<::proptest::strategy::BoxedStrategy<Self>> = Vec::new();
            #(#outside)*
            #recursive
            #no_variant
            ::proptest::strategy::Union::new(alternatives).boxed()
        }
    }

    /// A union: a value of one of its members, which no earlier member takes.
    pub(super) fn union(&self, union: &Union) -> TokenStream {
        let members = union.members.iter().map(|member| {
            let variant = ident(&member.variant);
            let value = self.value(&member.ty, member.checks.as_ref(), &member.variant, false);
            quote! { #value.prop_map(Self::#variant).boxed() }
        });
        quote! {
            ::proptest::strategy::Union::new([#(#members),*])
                .prop_filter("a value that reads back as the same member", |value| {
                    let again = <Self as xml::SimpleValue>::parse_text(&xml::lexical_form(value));
                    again.is_ok_and(|again| again == *value)
                })
                .boxed()
        }
    }

    /// What a field or a choice's alternative holds. An alternative of a
    /// choice (`in_choice`) that could be empty holds at least one element.
    pub(super) fn kind(&self, kind: &FieldKind, name: &str, neighbours: &[String], in_choice: bool) -> TokenStream {
        let (one, occurs) = match kind {
            FieldKind::Element(element) => (self.occurrence(element, name), element.occurs),
            FieldKind::Group(group) => {
                let one = self.item_reference(&group.ty);
                let one = if group.boxed {
                    quote! { #one.prop_map(Box::new) }
                } else {
                    one
                };
                (one, group.occurs)
            }
            FieldKind::Wildcard(wildcard) => {
                let namespace = wildcard_namespace(&wildcard.namespace);
                let mut excluded: Vec<&String> = wildcard.followers.iter().chain(neighbours).collect();
                excluded.sort();
                excluded.dedup();
                let one = quote! { xml::AnyElement::wildcard_strategy(#namespace, &[#(#excluded),*]) };
                // Whatever its bounds, a wildcard is a `Vec`.
                return self.repeated(one, wildcard.occurs.bounds(), in_choice, false, None);
            }
        };
        let recursive = self.recurses(kind);
        match occurs {
            Occurs::Required => one,
            Occurs::Optional if in_choice => quote! { #one.prop_map(Some) },
            Occurs::Optional if recursive => {
                self.uses_recurse.set(true);
                quote! {
                    if recurse {
                        ::proptest::option::of(#one).boxed()
                    } else {
                        ::proptest::strategy::Just(None).boxed()
                    }
                }
            }
            Occurs::Optional => quote! { ::proptest::option::of(#one) },
            Occurs::Repeated { .. } => {
                let merging = match kind {
                    FieldKind::Group(group) => self.merging(&group.ty),
                    _ => None,
                };
                self.repeated(one, occurs.bounds(), in_choice, recursive, merging)
            }
        }
    }

    /// `min..=max` occurrences of `one` (at least one in a choice, at most a
    /// few more than `min`); none past the recursion depth when `min` allows.
    /// `merging` is the pattern of two neighbours that would be read back as
    /// one occurrence, which are left out.
    pub(super) fn repeated(
        &self,
        one: TokenStream,
        model::Occurs { min, max }: model::Occurs,
        in_choice: bool,
        recursive: bool,
        merging: Option<TokenStream>,
    ) -> TokenStream {
        let min = if in_choice { min.max(1) } else { min };
        let most = min.saturating_add(EXTRA_OCCURRENCES);
        let max = max.map_or(most, |max| max.clamp(min, most));
        let (low, high) = (count(min), count(max));
        let vec = quote! { ::proptest::collection::vec(#one, #low..=#high) };
        let vec = match merging {
            Some(merging) => quote! {
                #vec.prop_filter("no two neighbours that read back as one occurrence", |items| {
                    items.windows(2).all(|pair| !matches!(pair, #merging))
                })
            },
            None => vec,
        };
        if recursive && min == 0 {
            self.uses_recurse.set(true);
            quote! {
                if recurse {
                    #vec.boxed()
                } else {
                    ::proptest::strategy::Just(Vec::new()).boxed()
                }
            }
        } else {
            vec
        }
    }

    /// For a repeated choice: the pattern of two neighbouring occurrences
    /// holding the same alternative of repeated content (`[A(_), A(_)]`),
    /// which the reader takes for one occurrence holding both's content.
    fn merging(&self, choice: &str) -> Option<TokenStream> {
        let Some(Item { kind: ItemKind::Choice(plan), .. }) = self.module.item(choice) else {
            return None;
        };
        let ty = ident(choice);
        let pairs: Vec<TokenStream> = plan
            .variants
            .iter()
            .filter(|variant| match &variant.kind {
                FieldKind::Element(element) => matches!(element.occurs, Occurs::Repeated { .. }),
                FieldKind::Group(group) => matches!(group.occurs, Occurs::Repeated { .. }),
                FieldKind::Wildcard(_) => true,
            })
            .map(|variant| {
                let variant = ident(&variant.name);
                quote! { [#ty::#variant(_), #ty::#variant(_)] }
            })
            .collect();
        (!pairs.is_empty()).then(|| quote! { #(#pairs)|* })
    }

    /// One occurrence of an element: its value, boxed if the field is, never
    /// empty if the element has a default.
    pub(super) fn occurrence(&self, element: &crate::plan::ElementField, name: &str) -> TokenStream {
        let one = self.value(&element.ty, element.checks.as_deref(), name, false);
        let one = if element.default.is_some() && self.may_be_empty(&element.ty) {
            quote! {
                #one.prop_filter("an empty element reads as its default", |value| !xml::lexical_form(value).is_empty())
            }
        } else {
            one
        };
        let one = if element.nillable {
            quote! { xml::Nillable::strategy(#one) }
        } else {
            one
        };
        if element.boxed {
            quote! { #one.prop_map(Box::new) }
        } else {
            one
        }
    }

    /// Whether a value of `ty` can be written as nothing at all (numbers,
    /// booleans, dates cannot; nor enumerations without an empty value).
    fn may_be_empty(&self, ty: &RustType) -> bool {
        match self.resolve(ty) {
            RustType::String | RustType::List(_) => true,
            RustType::Bool | RustType::Integer(_) | RustType::Float(_) => false,
            RustType::Runtime(runtime) => *runtime == Runtime::AnyContent,
            RustType::Item(name) => match self.module.item(name).map(|item| &item.kind) {
                Some(ItemKind::Enumeration(enumeration)) => {
                    enumeration.values.iter().any(|value| value.value.is_empty())
                }
                _ => true,
            },
        }
    }

    /// Whether a field or alternative steps inside the item's cycle.
    fn recurses(&self, kind: &FieldKind) -> bool {
        match kind {
            FieldKind::Element(element) => match &element.ty {
                RustType::Item(name) => self.cycle.contains(name.as_str()),
                _ => false,
            },
            FieldKind::Group(group) => self.cycle.contains(group.ty.as_str()),
            FieldKind::Wildcard(_) => false,
        }
    }

    /// The strategy of a generated item, one level deeper inside the cycle.
    fn item_reference(&self, name: &str) -> TokenStream {
        let ty = ident(name);
        if self.cycle.contains(name) {
            self.uses_deeper.set(true);
            quote! { ::proptest::arbitrary::any_with::<#ty>(deeper) }
        } else {
            quote! { ::proptest::arbitrary::any::<#ty>() }
        }
    }

    /// The strategy of one value of `ty`, within the facets `checks` of an
    /// inline restriction, the item's constant for `key` (see
    /// `facets.rs`). A `list_item` has no white space.
    pub(super) fn value(&self, ty: &RustType, checks: Option<&Checks>, key: &str, list_item: bool) -> TokenStream {
        let ty = self.resolve(ty);
        let facets = facets::reference(key);
        match checks {
            Some(Checks::String(string)) => {
                let regexes = string.patterns.iter().map(|(_, regex)| regex);
                if list_item {
                    quote! { #facets.token_strategy() }
                } else if string.patterns.is_empty() {
                    quote! { #facets.strategy() }
                } else {
                    quote! { #facets.strategy_matching(&[#(#regexes),*]) }
                }
            }
            Some(Checks::Number(_) | Checks::Decimal(_)) => quote! { #facets.strategy() },
            Some(Checks::List { item, .. }) => {
                let item_type = match ty {
                    RustType::List(item_type) => item_type.as_ref(),
                    other => other,
                };
                let item = self.value(item_type, item.as_deref(), &facets::item_key(key), true);
                quote! { #facets.strategy(#item.boxed()) }
            }
            None => match ty {
                RustType::String if list_item => quote! { xml::StringFacets::NONE.token_strategy() },
                RustType::String => quote! { xml::StringFacets::NONE.strategy() },
                RustType::Bool => quote! { ::proptest::arbitrary::any::<bool>() },
                RustType::Integer(integer) => {
                    let integer = ident(integer);
                    quote! { ::proptest::arbitrary::any::<#integer>() }
                }
                RustType::Float(float) => {
                    let float = ident(float);
                    quote! { xml::NumberFacets::<#float>::NONE.strategy() }
                }
                RustType::Runtime(runtime) => {
                    let runtime = ident(runtime.name());
                    quote! { ::proptest::arbitrary::any::<xml::#runtime>() }
                }
                RustType::List(item) => {
                    let item = self.value(item, None, &facets::item_key(key), true);
                    quote! { xml::ListFacets::NONE.strategy(#item.boxed()) }
                }
                RustType::Item(name) => self.item_reference(name),
            },
        }
    }

    /// `ty`, an alias resolved to its target (aliases have no strategy of
    /// their own).
    fn resolve<'t>(&'t self, ty: &'t RustType) -> &'t RustType {
        match ty {
            RustType::Item(name) => match self.module.item(name) {
                Some(Item { kind: ItemKind::Alias(target), .. }) => self.resolve(target),
                _ => ty,
            },
            _ => ty,
        }
    }
}

/// An optional `xs:all` whose required elements must be there whenever any
/// is: either none of its elements, or its required ones (already drawn as
/// `Some`) and any of the others.
fn required_together(plan: &Struct, parts: Vec<Part>) -> TokenStream {
    let content: BTreeSet<&str> = plan.content.fields().iter().map(|field| field.name.as_str()).collect();
    let mut absent = Vec::new();
    for part in &parts {
        if content.contains(part.field.as_str()) {
            absent.push(Part::absent(&part.field));
        } else {
            absent.push(part.clone());
        }
    }
    let (absent, present) = (construct(absent), construct(parts));
    quote! {
        ::proptest::strategy::Union::new([#absent.boxed(), #present.boxed()]).boxed()
    }
}
