//! Wildcards (`xs:any`, `xs:anyAttribute`): which namespaces they admit and
//! how their content is validated, parsed once from the schema's text.
//!
//! A namespace constraint is kept as a set, so that the union XSD asks for
//! when an extension adds an attribute wildcard to an inherited one is exact.
//! `None` in a set stands for "no namespace" (XSD's *absent*).

use std::collections::BTreeSet;
use std::fmt;

/// A wildcard of the model: what it admits and how its content is treated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wildcard {
    /// Which namespaces the elements or attributes it matches may be in.
    pub namespaces: NamespaceConstraint,
    /// `processContents`.
    pub process_contents: ProcessContents,
}

/// The namespaces a wildcard admits (its `namespace` attribute, read in the
/// light of the declaring schema's target namespace).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NamespaceConstraint {
    /// `##any`: every namespace, and none.
    Any,
    /// Every namespace but these (`##other`: the target namespace, and no
    /// namespace at all).
    Not(BTreeSet<Option<String>>),
    /// Only these (`##local` is `None`, `##targetNamespace` the schema's
    /// target namespace, or `None` in a schema without one).
    Only(BTreeSet<Option<String>>),
}

/// `processContents`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProcessContents {
    /// `strict` (the default): the content must match global declarations.
    Strict,
    /// `lax`: validated where a declaration is known.
    Lax,
    /// `skip`: not validated.
    Skip,
}

/// What is wrong with a wildcard's attribute value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WildcardError {
    /// The attribute (`namespace` or `processContents`).
    pub attribute: &'static str,
    /// Its value as written.
    pub value: String,
    /// Why it is refused.
    pub reason: String,
}

impl NamespaceConstraint {
    /// Reads a `namespace` attribute of a schema whose target namespace is
    /// `target`.
    ///
    /// # Errors
    ///
    /// An unknown `##` keyword, `##any` or `##other` in a list, an empty list.
    pub fn parse(value: &str, target: Option<&str>) -> Result<Self, WildcardError> {
        let error =
            |reason: &str| WildcardError { attribute: "namespace", value: value.to_owned(), reason: reason.to_owned() };
        let tokens: Vec<&str> = value.split_ascii_whitespace().collect();
        match tokens.as_slice() {
            ["##any"] => return Ok(Self::Any),
            ["##other"] => {
                // XSD 1.0: neither the target namespace nor no namespace.
                let excluded = [None, target.map(str::to_owned)].into_iter().collect();
                return Ok(Self::Not(excluded));
            }
            [] => return Err(error("expected ##any, ##other or a list of namespaces")),
            _ => {}
        }
        let mut admitted = BTreeSet::new();
        for token in tokens {
            admitted.insert(match token {
                "##local" => None,
                "##targetNamespace" => target.map(str::to_owned),
                "##any" | "##other" => return Err(error(&format!("{token} stands alone, not in a list"))),
                keyword if keyword.starts_with("##") => return Err(error(&format!("unknown keyword {keyword}"))),
                uri => Some(uri.to_owned()),
            });
        }
        Ok(Self::Only(admitted))
    }

    /// Whether an element or attribute in `namespace` (`None`: no namespace) is admitted.
    pub fn admits(&self, namespace: Option<&str>) -> bool {
        let namespace = namespace.map(str::to_owned);
        match self {
            Self::Any => true,
            Self::Not(excluded) => !excluded.contains(&namespace),
            Self::Only(admitted) => admitted.contains(&namespace),
        }
    }

    /// The constraint admitting what either admits: an extension's attribute
    /// wildcard together with its base's.
    pub fn union(&self, other: &Self) -> Self {
        match (self, other) {
            (Self::Any, _) | (_, Self::Any) => Self::Any,
            (Self::Only(left), Self::Only(right)) => Self::Only(left.union(right).cloned().collect()),
            (Self::Not(excluded), Self::Only(admitted)) | (Self::Only(admitted), Self::Not(excluded)) => {
                let excluded: BTreeSet<_> = excluded.difference(admitted).cloned().collect();
                if excluded.is_empty() { Self::Any } else { Self::Not(excluded) }
            }
            (Self::Not(left), Self::Not(right)) => {
                let excluded: BTreeSet<_> = left.intersection(right).cloned().collect();
                if excluded.is_empty() { Self::Any } else { Self::Not(excluded) }
            }
        }
    }

    /// The constraint admitting what both admit: a type's attribute wildcard
    /// together with those of the attribute groups it refers to.
    pub fn intersection(&self, other: &Self) -> Self {
        match (self, other) {
            (Self::Any, narrower) | (narrower, Self::Any) => narrower.clone(),
            (Self::Only(left), Self::Only(right)) => Self::Only(left.intersection(right).cloned().collect()),
            (Self::Not(excluded), Self::Only(admitted)) | (Self::Only(admitted), Self::Not(excluded)) => {
                Self::Only(admitted.difference(excluded).cloned().collect())
            }
            (Self::Not(left), Self::Not(right)) => Self::Not(left.union(right).cloned().collect()),
        }
    }

    /// Whether only elements in no namespace are admitted (`##local`).
    pub fn is_local(&self) -> bool {
        matches!(self, Self::Only(admitted) if admitted.len() == 1 && admitted.contains(&None))
    }

    /// Whether exactly the elements in some namespace are admitted (`##other`
    /// of a schema without target namespace).
    pub fn is_any_namespace(&self) -> bool {
        matches!(self, Self::Not(excluded) if excluded.len() == 1 && excluded.contains(&None))
    }

    /// A namespace the constraint admits, for sample content: no namespace
    /// when it may, otherwise the first namespace it names, or `made_up`
    /// (made longer until it is not excluded).
    pub fn example(&self, made_up: &str) -> Option<String> {
        match self {
            Self::Any => None,
            Self::Only(admitted) => {
                if admitted.contains(&None) {
                    None
                } else {
                    admitted.iter().flatten().next().cloned()
                }
            }
            Self::Not(excluded) if !excluded.contains(&None) => None,
            Self::Not(excluded) => {
                let mut candidate = made_up.to_owned();
                while excluded.contains(&Some(candidate.clone())) {
                    candidate.push('x');
                }
                Some(candidate)
            }
        }
    }
}

impl fmt::Display for NamespaceConstraint {
    /// In the schema's own terms: `##any`, `##local`, `##other`, or the list
    /// (`##local` for no namespace), `not(...)` for other exclusions.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |set: &BTreeSet<Option<String>>| {
            set.iter().map(|namespace| namespace.as_deref().unwrap_or("##local")).collect::<Vec<_>>().join(" ")
        };
        match self {
            Self::Any => f.write_str("##any"),
            _ if self.is_any_namespace() => f.write_str("##other"),
            Self::Only(admitted) => f.write_str(&list(admitted)),
            Self::Not(excluded) => write!(f, "not({})", list(excluded)),
        }
    }
}

impl ProcessContents {
    /// Reads a `processContents` attribute.
    ///
    /// # Errors
    ///
    /// A value other than `strict`, `lax` or `skip`.
    pub fn parse(value: &str) -> Result<Self, WildcardError> {
        match value.trim() {
            "strict" => Ok(Self::Strict),
            "lax" => Ok(Self::Lax),
            "skip" => Ok(Self::Skip),
            _ => Err(WildcardError {
                attribute: "processContents",
                value: value.to_owned(),
                reason: "expected 'strict', 'lax' or 'skip'".to_owned(),
            }),
        }
    }

    /// The attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Strict => "strict",
            Self::Lax => "lax",
            Self::Skip => "skip",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(namespaces: &[Option<&str>]) -> BTreeSet<Option<String>> {
        namespaces.iter().map(|namespace| namespace.map(str::to_owned)).collect()
    }

    #[test]
    fn keywords_take_their_meaning_from_the_target_namespace() {
        let target = Some("urn:t");
        assert_eq!(NamespaceConstraint::parse("##any", target), Ok(NamespaceConstraint::Any));
        assert_eq!(NamespaceConstraint::parse("##other", None), Ok(NamespaceConstraint::Not(set(&[None]))));
        assert_eq!(
            NamespaceConstraint::parse("##other", target),
            Ok(NamespaceConstraint::Not(set(&[None, Some("urn:t")])))
        );
        assert_eq!(NamespaceConstraint::parse("##targetNamespace", None), Ok(NamespaceConstraint::Only(set(&[None]))));
        assert_eq!(
            NamespaceConstraint::parse("##targetNamespace", target),
            Ok(NamespaceConstraint::Only(set(&[Some("urn:t")])))
        );
        assert_eq!(
            NamespaceConstraint::parse(" urn:a ##local\n##targetNamespace ", target),
            Ok(NamespaceConstraint::Only(set(&[None, Some("urn:a"), Some("urn:t")])))
        );
    }

    #[test]
    fn malformed_constraints_are_refused() {
        for value in ["", "##whatever", "urn:a ##any", "##other ##local"] {
            let error = NamespaceConstraint::parse(value, None).unwrap_err();
            assert_eq!((error.attribute, error.value.as_str()), ("namespace", value));
        }
        assert!(ProcessContents::parse("loose").is_err());
    }

    #[test]
    fn admission_follows_xsd() {
        let other = NamespaceConstraint::parse("##other", Some("urn:t")).unwrap();
        assert!(other.admits(Some("urn:x")));
        assert!(!other.admits(Some("urn:t")));
        assert!(!other.admits(None));
        let local = NamespaceConstraint::parse("##local", Some("urn:t")).unwrap();
        assert!(local.admits(None) && !local.admits(Some("urn:t")));
    }

    #[test]
    fn union_admits_what_either_admits() {
        let other = NamespaceConstraint::parse("##other", Some("urn:t")).unwrap();
        let target = NamespaceConstraint::parse("##targetNamespace", Some("urn:t")).unwrap();
        let local = NamespaceConstraint::parse("##local", None).unwrap();
        assert_eq!(other.union(&target), NamespaceConstraint::Not(set(&[None])));
        assert_eq!(other.union(&target).union(&local), NamespaceConstraint::Any);
        assert_eq!(local.union(&target), NamespaceConstraint::Only(set(&[None, Some("urn:t")])));
    }

    #[test]
    fn intersection_admits_what_both_admit() {
        let other = NamespaceConstraint::parse("##other", None).unwrap();
        let list = NamespaceConstraint::parse("urn:a ##local", None).unwrap();
        assert_eq!(other.intersection(&list), NamespaceConstraint::Only(set(&[Some("urn:a")])));
        assert_eq!(NamespaceConstraint::Any.intersection(&list), list);
        let other_t = NamespaceConstraint::parse("##other", Some("urn:t")).unwrap();
        assert_eq!(other.intersection(&other_t), NamespaceConstraint::Not(set(&[None, Some("urn:t")])));
    }

    #[test]
    fn display_uses_the_schema_keywords() {
        assert_eq!(NamespaceConstraint::parse("##other", None).unwrap().to_string(), "##other");
        assert_eq!(NamespaceConstraint::parse("##local", None).unwrap().to_string(), "##local");
        assert_eq!(NamespaceConstraint::parse("urn:b ##local", None).unwrap().to_string(), "##local urn:b");
        assert_eq!(NamespaceConstraint::parse("##other", Some("urn:t")).unwrap().to_string(), "not(##local urn:t)");
    }
}
