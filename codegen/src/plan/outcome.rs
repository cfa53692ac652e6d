//! Typed outcomes: which structs are an operation's result
//! ([`Config::operation_results`](crate::Config::operation_results)), and
//! what a success of each carries.

use super::build::Planner;
use super::names::ConfigLookup;
use super::*;
use crate::config::SuccessPresence;

/// The elements every result has, whatever it adds.
const STATUS: &str = "status";
const ERRCODE: &str = "errcode";
const ERRTEXT: &str = "errtext";

impl Planner<'_> {
    /// Finds every struct that is an operation's result (its content
    /// starts with `status`, `errcode` and `errtext`, see
    /// [`Config::operation_results`](crate::Config::operation_results)) and
    /// plans its outcome.
    pub(super) fn plan_outcomes(&mut self) {
        if !self.config.operation_results() {
            return;
        }
        for item in &self.items {
            if let Some(outcome) = outcome_of(&self.items, item, &mut self.config) {
                self.outcomes.push(outcome);
            }
        }
    }
}

/// The outcome of `item`, one of `items`, when it is a result.
fn outcome_of(items: &[Item], item: &Item, config: &mut ConfigLookup) -> Option<Outcome> {
    let ItemKind::Struct(plan) = &item.kind else { return None };
    if plan.role != Role::Element {
        return None;
    }
    let (status, errcode, errtext) = match plan.content.fields() {
        [status, errcode, errtext, ..] => (status, errcode, errtext),
        _ => return None,
    };
    let status_element = element(status, STATUS).filter(|element| element.occurs == Occurs::Required)?;
    let RustType::Item(status_type) = &status_element.ty else { return None };
    let ok = match kind_of(items, status_type) {
        Some(ItemKind::Enumeration(enumeration)) => {
            enumeration.values.iter().find(|value| value.value == "ok").map(|value| value.variant.clone())?
        }
        _ => return None,
    };
    let optional_of = |field: &Field, xml_name: &str, ty: RustType| {
        element(field, xml_name)
            .is_some_and(|element| element.occurs == Occurs::Optional && unaliased(items, &element.ty) == &ty)
    };
    if !optional_of(errcode, ERRCODE, RustType::Integer("u32")) || !optional_of(errtext, ERRTEXT, RustType::String) {
        return None;
    }
    let carried = &plan.content.fields()[3..];
    let named: Vec<(&Field, SuccessPresence)> =
        carried.iter().filter_map(|field| Some((field, config.operation_success(&field.schema_path)?))).collect();
    let success = match (named.as_slice(), carried) {
        ([(field, presence), ..], _) => Success::Field {
            field: field.name.clone(),
            required: *presence == SuccessPresence::Required,
            missing: describe(items, field),
        },
        ([], []) => Success::Nothing,
        ([], [field]) => Success::Field { field: field.name.clone(), required: false, missing: describe(items, field) },
        ([], _) => Success::Whole,
    };
    Some(Outcome {
        item: item.name.clone(),
        status: status.name.clone(),
        status_type: status_type.clone(),
        ok,
        errcode: errcode.name.clone(),
        errtext: errtext.name.clone(),
        success,
    })
}

/// What the item named `name`, one of `items`, is.
fn kind_of<'i>(items: &'i [Item], name: &str) -> Option<&'i ItemKind> {
    items.iter().find(|item| item.name == name).map(|item| &item.kind)
}

/// The element of `field`, if it holds the non-nillable element `xml_name`.
fn element<'f>(field: &'f Field, xml_name: &str) -> Option<&'f ElementField> {
    match &field.kind {
        FieldKind::Element(element) if element.xml_name == xml_name && !element.nillable => Some(element),
        _ => None,
    }
}

/// The type `ty` stands for, through type aliases (Plesk's own
/// `unsignedInt` is `xs:unsignedInt`).
fn unaliased<'t>(items: &'t [Item], mut ty: &'t RustType) -> &'t RustType {
    // Alias chains end: the resolver refuses circular simple types.
    for _ in 0..items.len() {
        let RustType::Item(name) = ty else { break };
        match kind_of(items, name) {
            Some(ItemKind::Alias(target)) => ty = target,
            _ => break,
        }
    }
    ty
}

/// What a success lacks when `field` is absent, as the schema names it:
/// `id`, or `id and guid` for a group of elements.
fn describe(items: &[Item], field: &Field) -> String {
    match &field.kind {
        FieldKind::Element(element) => element.xml_name.clone(),
        FieldKind::Group(group) => {
            let elements: Vec<&str> = match kind_of(items, &group.ty) {
                Some(ItemKind::Struct(plan)) => plan
                    .content
                    .fields()
                    .iter()
                    .filter_map(|field| match &field.kind {
                        FieldKind::Element(element) => Some(element.xml_name.as_str()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            if elements.is_empty() { group.first.join(" or ") } else { elements.join(" and ") }
        }
        FieldKind::Wildcard(_) => "content".to_owned(),
    }
}
