//! serde support (the `serde` feature) for the runtime's values that keep a
//! lexical form: `Decimal`, `Date`, `DateTime`, `Time` and `Duration` are
//! serialized as that text (`"12.50"`, `"2026-11-23"`), and deserializing
//! checks it as reading a document does, so that a value built from JSON
//! is one a document could hold. Open content (`AnyContent`) and
//! `Nillable` derive theirs.

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::ser::{Serialize, Serializer};

use super::value::{Date, DateTime, Decimal, Duration, Time};

macro_rules! as_lexical_form {
    ($($value:ty),* $(,)?) => {$(
        impl Serialize for $value {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $value {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(|error| D::Error::custom(format_args!("'{text}': {error}")))
            }
        }
    )*};
}

as_lexical_form!(Decimal, Date, DateTime, Time, Duration);

/// What an element type that holds nothing (a unit struct such as
/// `NoneType`) is in serde's data model: an empty map, `{}` in JSON. A
/// derived unit struct would be `null`, which reads back an optional one
/// that is present (`Some(NoneType)`) as absent.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmptyObject {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deserializes a `T` from `text`, as a format holding a string hands
    /// it over.
    fn from_text<T: Serialize + for<'de> Deserialize<'de>>(text: &str) -> Result<T, serde::de::value::Error> {
        T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(text))
    }

    #[test]
    fn values_deserialize_only_from_their_lexical_space() {
        assert_eq!(from_text::<Decimal>("12.50").map(|value| value.to_string()), Ok("12.50".to_owned()));
        assert_eq!(from_text::<Date>("2026-11-23").map(|value| value.to_string()), Ok("2026-11-23".to_owned()));
        let error = from_text::<Date>("2026-13-01").expect_err("month 13").to_string();
        assert!(error.contains("'2026-13-01': not a valid xs:date"), "{error}");
        assert!(from_text::<Decimal>("1e3").is_err());
        assert!(from_text::<Duration>("PT").is_err());
    }
}
