//! What the choices of a sample are decided by: the size of the smallest
//! instance of each type (a minimal sample takes the cheapest alternative,
//! and never an alternative without a finite instance), and the richness of
//! each type (a maximal sample takes the richest alternative).

use crate::model::{Builtin, Compositor, Occurs, Particle, Schema, Term, TypeId, TypeKind, TypeRef};

/// No finite instance.
pub(super) const INFINITE: u64 = u64::MAX;

/// How often a particle occurs in a maximal sample: `maxOccurs`, 2 when unbounded.
pub(super) fn maximal_count(particle: &Particle) -> u32 {
    let Occurs { min, max } = particle.occurs;
    max.map_or(min.max(2), |max| max.max(min))
}

/// The smallest number of elements an instance of each type's content
/// holds ([`INFINITE`] when every instance contains itself), by fixpoint.
pub(super) fn minimal_sizes(schema: &Schema) -> Vec<u64> {
    let mut sizes = vec![INFINITE; schema.types.len()];
    loop {
        let mut changed = false;
        for (index, def) in schema.types.iter().enumerate() {
            let size = match &def.kind {
                TypeKind::Simple(_) => 0,
                TypeKind::Complex(complex) => schema
                    .effective_particles(complex)
                    .into_iter()
                    .fold(0, |total: u64, particle| total.saturating_add(particle_size(particle, &sizes))),
            };
            if size < sizes[index] {
                sizes[index] = size;
                changed = true;
            }
        }
        if !changed {
            return sizes;
        }
    }
}

/// The smallest size of the required occurrences of a particle.
pub(super) fn particle_size(particle: &Particle, sizes: &[u64]) -> u64 {
    if particle.occurs.is_optional() {
        return 0;
    }
    term_size(&particle.term, sizes).saturating_mul(u64::from(particle.occurs.min))
}

/// The smallest size of one occurrence of a term.
pub(super) fn term_size(term: &Term, sizes: &[u64]) -> u64 {
    match term {
        Term::Element(element) => 1u64.saturating_add(type_size(element.ty, sizes)),
        Term::Any(_) => 1,
        Term::Group(group) => match group.compositor {
            Compositor::Choice => {
                group.particles.iter().map(|particle| particle_size(particle, sizes)).min().unwrap_or(0)
            }
            Compositor::Sequence | Compositor::All => group
                .particles
                .iter()
                .fold(0, |total: u64, particle| total.saturating_add(particle_size(particle, sizes))),
        },
    }
}

fn type_size(ty: TypeRef, sizes: &[u64]) -> u64 {
    match ty {
        TypeRef::Builtin(_) => 0,
        TypeRef::Defined(id) => sizes[id.0],
    }
}

/// How much a maximal instance of each type shows: its attributes and the
/// elements of its content, counted with their occurrences, a type met
/// again inside itself counting nothing. Deterministic (types in order).
pub(super) fn richness(schema: &Schema) -> Vec<u64> {
    let mut measured: Vec<Option<u64>> = vec![None; schema.types.len()];
    let mut in_progress = vec![false; schema.types.len()];
    for index in 0..schema.types.len() {
        type_richness(schema, TypeRef::Defined(TypeId(index)), &mut measured, &mut in_progress);
    }
    measured.into_iter().map(Option::unwrap_or_default).collect()
}

fn type_richness(schema: &Schema, ty: TypeRef, measured: &mut [Option<u64>], in_progress: &mut [bool]) -> u64 {
    let id = match ty {
        TypeRef::Builtin(Builtin::AnyType) => return 2,
        TypeRef::Builtin(_) => return 0,
        TypeRef::Defined(id) => id,
    };
    if let Some(known) = measured[id.0] {
        return known;
    }
    if in_progress[id.0] {
        return 0;
    }
    let TypeKind::Complex(complex) = &schema.get(id).kind else {
        measured[id.0] = Some(0);
        return 0;
    };
    in_progress[id.0] = true;
    let mut total = schema.effective_attributes(complex).len() as u64;
    for particle in schema.effective_particles(complex) {
        total = total.saturating_add(particle_richness(schema, particle, measured, in_progress));
    }
    in_progress[id.0] = false;
    measured[id.0] = Some(total);
    total
}

/// The richness of a particle's occurrences in a maximal sample, while
/// the types' richness is being measured.
fn particle_richness(
    schema: &Schema,
    particle: &Particle,
    measured: &mut [Option<u64>],
    in_progress: &mut [bool],
) -> u64 {
    let once = match &particle.term {
        Term::Element(element) => 1u64.saturating_add(type_richness(schema, element.ty, measured, in_progress)),
        Term::Any(_) => 2,
        Term::Group(group) => {
            let parts =
                group.particles.iter().map(|particle| particle_richness(schema, particle, measured, in_progress));
            match group.compositor {
                Compositor::Choice => parts.max().unwrap_or(0),
                Compositor::Sequence | Compositor::All => parts.fold(0, u64::saturating_add),
            }
        }
    };
    once.saturating_mul(u64::from(maximal_count(particle)))
}

/// The richness of a particle's occurrences in a maximal sample, given the
/// richness of every type; a type in `open` (being built around the
/// particle) counts nothing, as when the richness was measured.
pub(super) fn particle_weight(particle: &Particle, richness: &[u64], open: &[TypeId]) -> u64 {
    let once = match &particle.term {
        Term::Element(element) => 1u64.saturating_add(match element.ty {
            TypeRef::Builtin(Builtin::AnyType) => 2,
            TypeRef::Builtin(_) => 0,
            TypeRef::Defined(id) if open.contains(&id) => 0,
            TypeRef::Defined(id) => richness[id.0],
        }),
        Term::Any(_) => 2,
        Term::Group(group) => {
            let parts = group.particles.iter().map(|particle| particle_weight(particle, richness, open));
            match group.compositor {
                Compositor::Choice => parts.max().unwrap_or(0),
                Compositor::Sequence | Compositor::All => parts.fold(0, u64::saturating_add),
            }
        }
    };
    once.saturating_mul(u64::from(maximal_count(particle)))
}
