//! Recursion: the fields that close a cycle of by-value containment are boxed.

use std::collections::HashMap;

use super::build::Planner;
use super::*;

impl<'s> Planner<'s> {
    /// Boxes the fields that close a cycle of by-value containment, found by a
    /// depth-first walk in item order (so the same schema boxes the same fields).
    pub(super) fn box_recursion(&mut self) {
        let index: HashMap<String, usize> =
            self.items.iter().enumerate().map(|(at, item)| (item.name.clone(), at)).collect();
        let edges: Vec<Vec<(usize, usize)>> = self
            .items
            .iter()
            .map(|item| {
                by_value_targets(&item.kind)
                    .into_iter()
                    .enumerate()
                    .filter_map(|(slot, target)| target.and_then(|target| index.get(&target)).map(|&to| (slot, to)))
                    .collect()
            })
            .collect();
        let mut state = vec![0u8; self.items.len()]; // 0 new, 1 on stack, 2 done
        let mut to_box: Vec<(usize, usize)> = Vec::new();
        for start in 0..self.items.len() {
            if state[start] != 0 {
                continue;
            }
            let mut stack = vec![(start, 0usize)];
            state[start] = 1;
            while let Some((node, next_edge)) = stack.pop() {
                if let Some(&(slot, to)) = edges[node].get(next_edge) {
                    stack.push((node, next_edge + 1));
                    match state[to] {
                        0 => {
                            state[to] = 1;
                            stack.push((to, 0));
                        }
                        1 => to_box.push((node, slot)),
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                }
            }
        }
        for (item, slot) in to_box {
            set_boxed(&mut self.items[item].kind, slot);
        }
    }
}

/// For each by-value slot of an item (fields, then variants, in order), the
/// item it contains directly, if any.
fn by_value_targets(kind: &ItemKind) -> Vec<Option<String>> {
    let target = |field: &FieldKind| match field {
        FieldKind::Element(ElementField {
            ty: RustType::Item(name),
            occurs: Occurs::Required | Occurs::Optional,
            ..
        }) => Some(name.clone()),
        FieldKind::Group(GroupField { ty, occurs: Occurs::Required | Occurs::Optional, .. }) => Some(ty.clone()),
        _ => None,
    };
    match kind {
        ItemKind::Struct(plan) => plan.content.fields().iter().map(|field| target(&field.kind)).collect(),
        ItemKind::Choice(choice) => choice.variants.iter().map(|variant| target(&variant.kind)).collect(),
        ItemKind::Wrapper(RustType::Item(name)) => vec![Some(name.clone())],
        _ => Vec::new(),
    }
}

fn set_boxed(kind: &mut ItemKind, slot: usize) {
    let field_kind = match kind {
        ItemKind::Struct(Struct { content: StructContent::Sequence(fields) | StructContent::All(fields), .. }) => {
            fields.get_mut(slot).map(|field| &mut field.kind)
        }
        ItemKind::Choice(choice) => choice.variants.get_mut(slot).map(|variant| &mut variant.kind),
        _ => None,
    };
    match field_kind {
        Some(FieldKind::Element(element)) => element.boxed = true,
        Some(FieldKind::Group(group)) => group.boxed = true,
        _ => {}
    }
}
