//! What Plesk answered: typed errors for a refused packet and for failed
//! operations, and the trait that turns an operation's `<result>` into a
//! `Result`.

use std::fmt;

/// An operation that did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OperationError {
    /// Plesk reports that the operation failed (`<status>error</status>`),
    /// with its error code and message when it gives them.
    Failed {
        /// `<errcode>`.
        code: Option<u32>,
        /// `<errtext>`.
        text: Option<String>,
    },
    /// `<status>ok</status>`, but the result lacks what a success carries
    /// (the id of a created object, say).
    Incomplete {
        /// What is missing, as the schema names it.
        missing: &'static str,
    },
}

impl fmt::Display for OperationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Failed { code, text } => write_failure(f, "operation failed", *code, text.as_deref()),
            Self::Incomplete { missing } => write!(f, "operation reported ok but its result has no {missing}"),
        }
    }
}

impl std::error::Error for OperationError {}

/// Plesk refused the whole packet: the response holds a `<system>` error
/// instead of the operators' results (an unparsable request or an
/// authentication failure, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemError {
    /// `<errcode>`.
    pub code: Option<u32>,
    /// `<errtext>`.
    pub text: Option<String>,
}

impl fmt::Display for SystemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_failure(f, "packet refused", self.code, self.text.as_deref())
    }
}

impl std::error::Error for SystemError {}

fn write_failure(f: &mut fmt::Formatter<'_>, what: &str, code: Option<u32>, text: Option<&str>) -> fmt::Result {
    f.write_str(what)?;
    if let Some(code) = code {
        write!(f, " (error {code})")?;
    }
    if let Some(text) = text {
        write!(f, ": {text}")?;
    }
    Ok(())
}

/// `Ok(())` for a result whose status is `ok`, the error it reports
/// otherwise: the check every generated `outcome()` starts with.
#[doc(hidden)]
pub fn operation_status(ok: bool, code: Option<u32>, text: Option<&str>) -> Result<(), OperationError> {
    if ok { Ok(()) } else { Err(OperationError::Failed { code, text: text.map(str::to_owned) }) }
}

/// The `<result>` of one operation: `status` says whether it succeeded,
/// `errcode` and `errtext` why not, and the rest what it produced.
///
/// Generated for every result type of every operator (the generator's
/// `Config::operation_results`). A success carries nothing when the result
/// holds nothing else, its one other field (by value when that is a
/// number, a flag or an enumeration, borrowed otherwise), the field the
/// documentation names where it holds several (the id of a filtered
/// operation), or else the whole result.
pub trait OperationResult {
    /// What a success carries (the id and GUID of a created user, the data
    /// of a user read, ...).
    type Success<'r>
    where
        Self: 'r;

    /// The success data, or the error Plesk reported.
    ///
    /// # Errors
    ///
    /// [`OperationError::Failed`] when the status is `error`;
    /// [`OperationError::Incomplete`] when it is `ok` but the data a success
    /// carries is absent.
    fn outcome(&self) -> Result<Self::Success<'_>, OperationError>;
}

/// Implements `ResponsePacket::operators`, `results` and `failures` in a protocol version's module,
/// whose `ResponsePacket`, `ResponseContent` and `ResponseOperator` are its own.
#[cfg(any(feature = "v1_6_7_0", feature = "v1_6_8_0"))]
macro_rules! response_operators {
    () => {
        impl ResponsePacket {
            /// The results of the operators, in packet order, or the error
            /// Plesk reports for the whole packet.
            ///
            /// # Errors
            ///
            /// [`SystemError`](crate::SystemError) when the response holds a
            /// `<system>` element instead of operator results.
            pub fn operators(&self) -> Result<&[ResponseOperator], crate::SystemError> {
                match &self.content {
                    ResponseContent::Operators(operators) => Ok(operators),
                    ResponseContent::System(system) => {
                        Err(crate::SystemError { code: system.errcode, text: system.errtext.clone() })
                    }
                }
            }

            /// The operations of type `T` (`UserAddOutput`) in the
            /// response, in packet order, from every operator element.
            ///
            /// # Errors
            ///
            /// [`SystemError`](crate::SystemError) when the response holds a
            /// `<system>` element instead of operator results.
            pub fn results<T>(&self) -> Result<impl Iterator<Item = &T>, crate::SystemError>
            where
                T: crate::Operation<ResponseOperator>,
            {
                Ok(crate::__private::operations_of(self.operators()?))
            }

            /// Every operation of the response that failed, in packet
            /// order, each with its place: `packet/user/add[2]: operation
            /// failed (error 1007): ...` (see [`Place`](crate::Place)).
            ///
            /// # Errors
            ///
            /// [`SystemError`](crate::SystemError) when the response holds a
            /// `<system>` element instead of operator results.
            pub fn failures(&self) -> Result<Vec<crate::Failure>, crate::SystemError> {
                Ok(crate::__private::failures("packet", self.operators()?))
            }
        }
    };
}

#[cfg(any(feature = "v1_6_7_0", feature = "v1_6_8_0"))]
pub(crate) use response_operators;
