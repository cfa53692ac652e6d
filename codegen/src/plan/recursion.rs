//! Recursion: the cycles of items that refer to each other (which proptest
//! strategies bound by depth), and the fields that close a cycle of by-value
//! containment (boxed, so that the types have a size).

use std::collections::HashMap;

use super::build::Planner;
use super::*;

impl<'s> Planner<'s> {
    /// Records in each item the items it refers to that refer back to it:
    /// those in its strongly connected component of the reference graph.
    pub(super) fn mark_cycles(&mut self) {
        let index: HashMap<&str, usize> =
            self.items.iter().enumerate().map(|(at, item)| (item.name.as_str(), at)).collect();
        let edges: Vec<Vec<usize>> = self
            .items
            .iter()
            .map(|item| item.references().into_iter().filter_map(|name| index.get(name).copied()).collect())
            .collect();
        let component = components(&edges);
        let cycles: Vec<BTreeSet<String>> = edges
            .iter()
            .enumerate()
            .map(|(from, targets)| {
                let same = targets.iter().filter(|&&to| component[to] == component[from]);
                same.map(|&to| self.items[to].name.clone()).collect()
            })
            .collect();
        for (item, cycle) in self.items.iter_mut().zip(cycles) {
            item.cycle = cycle;
        }
    }

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

/// The strongly connected component of each node of a graph given by its
/// edges (Tarjan's algorithm, without recursion): two nodes share a
/// component exactly when each reaches the other.
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let count = edges.len();
    let (mut order, mut low, mut component) = (vec![UNSEEN; count], vec![0; count], vec![UNSEEN; count]);
    let (mut on_stack, mut stack) = (vec![false; count], Vec::new());
    let (mut next_order, mut next_component) = (0, 0);
    for start in 0..count {
        if order[start] != UNSEEN {
            continue;
        }
        // Each frame: a node and the index of its next edge to follow.
        let mut frames = vec![(start, 0)];
        order[start] = next_order;
        low[start] = next_order;
        next_order += 1;
        stack.push(start);
        on_stack[start] = true;
        while let Some(&mut (node, ref mut next)) = frames.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                if order[to] == UNSEEN {
                    order[to] = next_order;
                    low[to] = next_order;
                    next_order += 1;
                    stack.push(to);
                    on_stack[to] = true;
                    frames.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(order[to]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn components_join_exactly_the_nodes_that_reach_each_other() {
        // 0 -> 1 -> 2 -> 0 is a cycle, 3 -> 3 one of its own, 4 -> 0 and 5 none.
        let edges = vec![vec![1], vec![2], vec![0, 3], vec![3], vec![0], vec![]];
        let component = components(&edges);
        assert_eq!(component[0], component[1]);
        assert_eq!(component[1], component[2]);
        let others = [component[3], component[4], component[5]];
        assert!(others.iter().all(|&other| other != component[0]), "{component:?}");
        assert!(others[0] != others[1] && others[1] != others[2] && others[0] != others[2], "{component:?}");
    }
}
