//! Packets in one expression: which `From` conversions into choices and
//! single-choice structs are unambiguous
//! ([`Config::conversions`](crate::Config::conversions)), and, for the
//! choice groups that are a packet's operators
//! ([`Config::operators`](crate::Config::operators)), which operation
//! belongs to which operator, what builds a packet from operations, and
//! which results a walk over a response visits.

use std::collections::BTreeMap;

use super::build::Planner;
use super::*;
use crate::error::Error;

impl Planner<'_> {
    /// Plans the conversions, and the operators of each configured group.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] for an operators group with an alternative that is
    /// no element (a walk over a response names each operator by its element).
    pub(super) fn plan_conversions(&mut self) -> Result<(), Error> {
        if !self.config.conversions() {
            return Ok(());
        }
        let alternatives: Vec<AlternativeConversion> =
            self.items.iter().flat_map(|item| alternatives_of(&self.items, item)).collect();
        let mut lists: Vec<ListConversion> = self.items.iter().filter_map(list_of).collect();
        let mut groups = Vec::new();
        for path in self.config.operators() {
            let Some(choice) = self.items.iter().find(|item| item.place.path == path && is_choice(item)) else {
                continue;
            };
            self.config.found_operators(path);
            groups.push(operators_of(&self.items, choice, path, &alternatives, &lists, &self.outcomes)?);
        }
        // A packet struct converts from everything its operators do, which a
        // conversion of its own from one list would overlap.
        lists.retain(|list| {
            !groups.iter().any(|group| group.envelope.as_ref().is_some_and(|env| env.item == list.item))
        });
        self.conversions = Conversions { alternatives, lists, operators: groups };
        Ok(())
    }
}

fn is_choice(item: &Item) -> bool {
    matches!(item.kind, ItemKind::Choice(_))
}

/// The generated type one occurrence of a choice's alternative holds, when
/// it is exactly one value of it (not boxed, not nil, not a list).
fn single_item(kind: &FieldKind) -> Option<&str> {
    match kind {
        FieldKind::Element(ElementField {
            ty: RustType::Item(name),
            occurs: Occurs::Required,
            boxed: false,
            nillable: false,
            ..
        })
        | FieldKind::Group(GroupField { ty: name, occurs: Occurs::Required, boxed: false, .. }) => Some(name),
        _ => None,
    }
}

/// The alternatives of `item`, one of `items`, when a choice, that hold a
/// type no other of its alternatives holds. Type aliases stand for builtin
/// or other types (two aliases of `String` are one type), so an
/// alternative holding one is left out, as one holding a builtin type is.
fn alternatives_of(items: &[Item], item: &Item) -> Vec<AlternativeConversion> {
    let ItemKind::Choice(choice) = &item.kind else { return Vec::new() };
    let is_alias = |name: &str| items.iter().any(|item| item.name == name && matches!(item.kind, ItemKind::Alias(_)));
    let mut holding: BTreeMap<&str, usize> = BTreeMap::new();
    for variant in &choice.variants {
        if let Some(ty) = single_item(&variant.kind) {
            *holding.entry(ty).or_default() += 1;
        }
    }
    choice
        .variants
        .iter()
        .filter_map(|variant| {
            let ty = single_item(&variant.kind)?;
            (holding[ty] == 1 && ty != item.name && !is_alias(ty)).then(|| AlternativeConversion {
                choice: item.name.clone(),
                variant: variant.name.clone(),
                ty: ty.to_owned(),
            })
        })
        .collect()
}

/// The conversion into `item` from one alternative, when its whole content
/// is one choice, optional (`Some` of it) or repeated (a list of one).
fn list_of(item: &Item) -> Option<ListConversion> {
    let ItemKind::Struct(plan) = &item.kind else { return None };
    if !plan.attributes.is_empty() || plan.other_attributes.is_some() || !plan.required_together.is_empty() {
        return None;
    }
    let [field] = plan.content.fields() else { return None };
    match &field.kind {
        FieldKind::Group(GroupField {
            ty,
            occurs: Occurs::Repeated { min: 0 | 1, max },
            boxed: false,
            is_choice: true,
            ..
        }) if max.is_none_or(|max| max >= 1) => Some(ListConversion {
            item: item.name.clone(),
            field: field.name.clone(),
            choice: ty.clone(),
            optional: false,
        }),
        FieldKind::Group(GroupField { ty, occurs: Occurs::Optional, boxed: false, is_choice: true, .. }) => {
            Some(ListConversion {
                item: item.name.clone(),
                field: field.name.clone(),
                choice: ty.clone(),
                optional: true,
            })
        }
        _ => None,
    }
}

/// The operators of the choice `choice` (at `path`).
fn operators_of(
    items: &[Item],
    choice: &Item,
    path: &str,
    alternatives: &[AlternativeConversion],
    lists: &[ListConversion],
    outcomes: &[Outcome],
) -> Result<Operators, Error> {
    let ItemKind::Choice(plan) = &choice.kind else {
        return Err(Error::Internal(format!("operators at {path}: not a choice")));
    };
    let find = |name: &str| items.iter().find(|item| item.name == name);
    let converts = |choice: &str, ty: &str| alternatives.iter().any(|alt| alt.choice == choice && alt.ty == ty);
    let mut operators = Vec::new();
    for variant in &plan.variants {
        let FieldKind::Element(element) = &variant.kind else {
            return Err(Error::Config(format!(
                "operators at {path}: the alternative {} is no element, so it cannot be an operator",
                variant.name
            )));
        };
        let list = single_item(&variant.kind)
            .filter(|ty| converts(&choice.name, ty))
            .and_then(|ty| lists.iter().find(|list| list.item == ty && !list.optional));
        let operations =
            list.and_then(|list| find(&list.choice)).and_then(|operations| operations_in(items, operations, outcomes));
        operators.push(PacketOperator {
            variant: variant.name.clone(),
            element: element.xml_name.clone(),
            list: match (list, operations) {
                (Some(list), Some(operations)) => Some(OperatorList {
                    item: list.item.clone(),
                    field: list.field.clone(),
                    choice: list.choice.clone(),
                    choice_converts: false,
                    operations,
                }),
                _ => None,
            },
        });
    }
    // An operation type of two operators (or two operations) would convert
    // into either: it converts into neither.
    let mut holding: BTreeMap<String, usize> = BTreeMap::new();
    for list in operators.iter().filter_map(|operator| operator.list.as_ref()) {
        for operation in &list.operations {
            if let Some(ty) = &operation.ty {
                *holding.entry(ty.clone()).or_default() += 1;
            }
        }
    }
    let operator_types: Vec<String> =
        alternatives.iter().filter(|alt| alt.choice == choice.name).map(|alt| alt.ty.clone()).collect();
    let mut choices: BTreeMap<String, usize> = BTreeMap::new();
    for list in operators.iter().filter_map(|operator| operator.list.as_ref()) {
        *choices.entry(list.choice.clone()).or_default() += 1;
    }
    for list in operators.iter_mut().filter_map(|operator| operator.list.as_mut()) {
        let choice = list.choice.clone();
        list.choice_converts =
            choices[&choice] == 1 && !operator_types.contains(&choice) && !holding.contains_key(&choice);
        for operation in &mut list.operations {
            operation.linked = operation
                .ty
                .as_ref()
                .is_some_and(|ty| holding[ty] == 1 && converts(&choice, ty) && !operator_types.contains(ty));
        }
    }
    let walks = operators
        .iter()
        .filter_map(|operator| operator.list.as_ref())
        .any(|list| list.operations.iter().any(|operation| !operation.results.is_empty()));
    Ok(Operators { choice: choice.name.clone(), envelope: envelope_of(items, &choice.name), operators, walks })
}

/// The operations of the choice `choice`, when each alternative is one
/// element (a walk names each operation by it).
fn operations_in(items: &[Item], choice: &Item, outcomes: &[Outcome]) -> Option<Vec<PacketOperation>> {
    let ItemKind::Choice(plan) = &choice.kind else { return None };
    plan.variants
        .iter()
        .map(|variant| {
            let FieldKind::Element(element) = &variant.kind else { return None };
            if element.occurs != Occurs::Required || element.nillable {
                return None;
            }
            let ty = single_item(&variant.kind).map(str::to_owned);
            let results = ty.as_deref().map(|ty| results_of(items, ty, outcomes)).unwrap_or_default();
            Some(PacketOperation {
                variant: variant.name.clone(),
                element: element.xml_name.clone(),
                ty,
                linked: false,
                results,
            })
        })
        .collect()
}

/// The fields of the struct `name` that are an operation's result.
fn results_of(items: &[Item], name: &str, outcomes: &[Outcome]) -> Vec<ResultField> {
    let Some(ItemKind::Struct(plan)) = items.iter().find(|item| item.name == name).map(|item| &item.kind) else {
        return Vec::new();
    };
    plan.content
        .fields()
        .iter()
        .filter_map(|field| match &field.kind {
            FieldKind::Element(ElementField {
                ty: RustType::Item(ty),
                occurs,
                boxed,
                nillable: false,
                xml_name,
                ..
            }) if outcomes.iter().any(|outcome| &outcome.item == ty) => Some(ResultField {
                field: field.name.clone(),
                element: xml_name.clone(),
                occurs: *occurs,
                boxed: *boxed,
            }),
            _ => None,
        })
        .collect()
}

/// The struct holding the operators `choice` as a repeated field, when
/// every other field of it may be absent.
fn envelope_of(items: &[Item], choice: &str) -> Option<Envelope> {
    items.iter().find_map(|item| {
        let ItemKind::Struct(plan) = &item.kind else { return None };
        let fields = plan.content.fields();
        let field = fields.iter().find(|field| {
            matches!(&field.kind, FieldKind::Group(group) if group.ty == choice && matches!(group.occurs, Occurs::Repeated { .. }) && !group.boxed)
        })?;
        let can_be_absent = |occurs: Occurs| matches!(occurs, Occurs::Optional | Occurs::Repeated { min: 0, .. });
        let absent_ok = plan.other_attributes.is_none()
            && plan.required_together.is_empty()
            && plan.attributes.iter().all(|attribute| !attribute.required)
            && fields.iter().filter(|other| other.name != field.name).all(|other| can_be_absent(other.kind.occurs()));
        absent_ok.then(|| Envelope {
            item: item.name.clone(),
            field: field.name.clone(),
            absent: plan
                .attributes
                .iter()
                .map(|attribute| (attribute.name.clone(), Occurs::Optional))
                .chain(fields.iter().filter(|other| other.name != field.name).map(|other| (other.name.clone(), other.kind.occurs())))
                .collect(),
        })
    })
}

/// The conversions of one module, and the operators of its packets.
#[derive(Debug, Default)]
pub struct Conversions {
    /// `From<ty> for choice`, and `Alternative<choice> for ty`.
    pub alternatives: Vec<AlternativeConversion>,
    /// `From<choice> for item`: a list of one, or the one alternative.
    pub lists: Vec<ListConversion>,
    /// The choice groups that are a packet's operators.
    pub operators: Vec<Operators>,
}

impl Conversions {
    /// The alternatives of the choice `choice` that convert, in variant order.
    pub fn alternatives_of<'c>(&'c self, choice: &'c str) -> impl Iterator<Item = &'c AlternativeConversion> {
        self.alternatives.iter().filter(move |alternative| alternative.choice == choice)
    }

    /// The list conversion into `item`.
    pub fn list_into(&self, item: &str) -> Option<&ListConversion> {
        self.lists.iter().find(|list| list.item == item)
    }

    /// The operators group whose choice is `choice`.
    pub fn operators_of(&self, choice: &str) -> Option<&Operators> {
        self.operators.iter().find(|group| group.choice == choice)
    }

    /// The operators group whose packet struct is `item`.
    pub fn envelope_of(&self, item: &str) -> Option<(&Operators, &Envelope)> {
        self.operators.iter().find_map(|group| {
            group.envelope.as_ref().filter(|envelope| envelope.item == item).map(|envelope| (group, envelope))
        })
    }

    /// The operator whose element type (a list of operations) is `item`.
    pub fn operator_list(&self, item: &str) -> Option<&OperatorList> {
        self.operator_lists().find(|list| list.item == item)
    }

    /// The operator whose operations are the choice `choice`, in a group
    /// whose operations have results.
    pub fn walked_operations(&self, choice: &str) -> Option<&OperatorList> {
        self.operators
            .iter()
            .filter(|group| group.walks)
            .flat_map(|group| group.operators.iter().filter_map(|operator| operator.list.as_ref()))
            .find(|list| list.choice == choice)
    }

    fn operator_lists(&self) -> impl Iterator<Item = &OperatorList> {
        self.operators.iter().flat_map(|group| group.operators.iter().filter_map(|operator| operator.list.as_ref()))
    }
}

/// A choice's alternative holding a type no other alternative holds.
#[derive(Debug)]
pub struct AlternativeConversion {
    /// The choice.
    pub choice: String,
    /// The variant.
    pub variant: String,
    /// The type it holds.
    pub ty: String,
}

/// A struct whose whole content is one repeated choice.
#[derive(Debug)]
pub struct ListConversion {
    /// The struct.
    pub item: String,
    /// Its field.
    pub field: String,
    /// The choice.
    pub choice: String,
    /// Whether the field holds at most one (`Some(choice)`) rather than a
    /// list (`vec![choice]`).
    pub optional: bool,
}

/// A choice group that is a packet's operators.
#[derive(Debug)]
pub struct Operators {
    /// The choice (`RequestOperator`).
    pub choice: String,
    /// The struct holding it as a list, whose other fields may all be absent.
    pub envelope: Option<Envelope>,
    /// The operators, one per variant, in order.
    pub operators: Vec<PacketOperator>,
    /// Whether some operation has a result: the choice and its operations'
    /// choices get the walk `failures()` takes.
    pub walks: bool,
}

/// The packet struct of an operators group (`RequestPacket`).
#[derive(Debug)]
pub struct Envelope {
    /// The struct.
    pub item: String,
    /// The field holding the operators.
    pub field: String,
    /// Its other fields (attributes first), each absent: `None` or empty.
    pub absent: Vec<(String, Occurs)>,
}

/// One operator of a group: a variant of its choice.
#[derive(Debug)]
pub struct PacketOperator {
    /// The variant (`User`).
    pub variant: String,
    /// Its element (`user`).
    pub element: String,
    /// The list of operations it holds, when it holds one that converts.
    pub list: Option<OperatorList>,
}

/// An operator's element type: a list of operations.
#[derive(Debug)]
pub struct OperatorList {
    /// The struct (`UserInput`).
    pub item: String,
    /// Its field (`choice`).
    pub field: String,
    /// The choice of operations (`UserInputChoice`).
    pub choice: String,
    /// Whether the choice converts into the operators (as a list of one):
    /// so does an operation whose type is that of another operation too,
    /// once its variant is named (`UserInputChoice::AddBilling(add)`).
    pub choice_converts: bool,
    /// The operations, one per variant of that choice.
    pub operations: Vec<PacketOperation>,
}

/// One operation of an operator.
#[derive(Debug)]
pub struct PacketOperation {
    /// The variant of the operations' choice (`Add`).
    pub variant: String,
    /// Its element (`add`).
    pub element: String,
    /// The generated type it holds, when one value of it.
    pub ty: Option<String>,
    /// Whether it converts into the operators and implements `Operation`
    /// (no other operation of the group holds its type).
    pub linked: bool,
    /// Its fields that are an operation's result.
    pub results: Vec<ResultField>,
}

/// A field of an operation that is a result.
#[derive(Debug)]
pub struct ResultField {
    /// The field.
    pub field: String,
    /// Its element.
    pub element: String,
    /// How often it occurs.
    pub occurs: Occurs,
    /// Whether one occurrence is boxed.
    pub boxed: bool,
}
