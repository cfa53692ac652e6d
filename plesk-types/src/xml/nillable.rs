//! Elements of `nillable` declarations: present with a value, or present and
//! marked `xsi:nil="true"`, which says "this is known to have no value" (a DNS
//! record without a host, say) as opposed to leaving the element out.

use super::reader::{Start, XmlReader};
use super::validate::{ElementPath, Validate, Violation};
use super::writer::XmlWriter;
use super::{ReadError, XmlElement};

/// The namespace of `xsi:nil`, `xsi:type` and the schema location hints.
pub const XSI_NAMESPACE: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// One occurrence of an element whose declaration is `nillable="true"`.
///
/// The field's shape tells the three cases apart where the schema allows
/// them: an optional nillable element is an `Option<Nillable<T>>` (`None`:
/// absent; `Some(Nillable::Nil)`: `<host xsi:nil="true"/>`;
/// `Some(Nillable::Value(v))`: `<host>v</host>`).
///
/// A nil element is written `<host xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>`,
/// declaring the prefix on itself so that it can be written anywhere. Read,
/// `xsi:nil="false"` (or `0`) means the element has its value as usual; it
/// is not written back (it is the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Nillable<T> {
    /// `xsi:nil="true"`: present, without content.
    Nil,
    /// Present with its value.
    Value(T),
}

impl<T> Nillable<T> {
    /// The value, `None` for nil.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Nil => None,
            Self::Value(value) => Some(value),
        }
    }

    /// The value, `None` for nil.
    pub fn into_value(self) -> Option<T> {
        match self {
            Self::Nil => None,
            Self::Value(value) => Some(value),
        }
    }

    /// Whether the element is marked nil.
    pub fn is_nil(&self) -> bool {
        matches!(self, Self::Nil)
    }

    /// A reference to the value, nil staying nil.
    pub fn as_ref(&self) -> Nillable<&T> {
        match self {
            Self::Nil => Nillable::Nil,
            Self::Value(value) => Nillable::Value(value),
        }
    }

    /// The value mapped by `f`, nil staying nil.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Nillable<U> {
        match self {
            Self::Nil => Nillable::Nil,
            Self::Value(value) => Nillable::Value(f(value)),
        }
    }
}

impl<T> From<T> for Nillable<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

impl<T> From<Option<T>> for Nillable<T> {
    /// `None` becomes nil.
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Nil, Self::Value)
    }
}

impl<T: XmlElement> XmlElement for Nillable<T> {
    fn write_element(&self, w: &mut XmlWriter, name: &str) {
        match self {
            Self::Value(value) => value.write_element(w, name),
            Self::Nil => {
                w.start(name);
                w.nil();
                w.end(name);
            }
        }
    }

    fn read_content<'a>(r: &mut XmlReader<'a>, start: &Start<'a>) -> Result<Self, ReadError> {
        if r.nil(start)? {
            r.nil_content(start)?;
            Ok(Self::Nil)
        } else {
            T::read_content(r, start).map(Self::Value)
        }
    }
}

impl<T: Validate> Validate for Nillable<T> {
    /// A nil element has nothing to check.
    fn validate_into(&self, path: &ElementPath<'_>, violations: &mut Vec<Violation>) {
        if let Self::Value(value) = self {
            value.validate_into(path, violations);
        }
    }
}

#[cfg(feature = "proptest")]
impl<T: std::fmt::Debug> Nillable<T> {
    /// Nil, or a value of `value`: the strategy of a nillable element.
    pub fn strategy<S>(value: S) -> impl proptest::strategy::Strategy<Value = Self>
    where
        S: proptest::strategy::Strategy<Value = T>,
    {
        use proptest::strategy::Strategy;
        proptest::prop_oneof![1 => proptest::strategy::Just(()).prop_map(|()| Self::Nil), 3 => value.prop_map(Self::Value)]
    }
}
