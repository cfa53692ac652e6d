//! Operations in packets: the traits the generated conversions and walkers
//! implement (an operation's place in its operator, an operator's place in
//! the packet), and what a response's walk finds: the operations of one
//! kind ([`operations_of`]) and every failed operation with its place
//! ([`failures`], [`Failure`]).

use std::collections::BTreeMap;
use std::fmt;

use crate::outcome::{OperationError, OperationResult};

/// A value that is one alternative of the choice `Choice`: generated for
/// every alternative holding a type no other alternative of that choice
/// holds, beside `From<Self> for Choice`.
pub trait Alternative<Choice>: Into<Choice> {
    /// The value, when `choice` is this alternative.
    fn of(choice: &Choice) -> Option<&Self>;
}

/// An operator's element (`<user>`): a list of operations, of the choice
/// `Operation` (add, get, set, ...).
pub trait Operator: From<Self::Operation> {
    /// One operation of the operator (generated types own their data).
    type Operation: 'static;

    /// The operations, in document order.
    fn operations(&self) -> &[Self::Operation];
}

/// An operation (`UserAddInput`, `UserAddOutput`) and the operator it
/// belongs to among the operators `Envelope` (`RequestOperator`,
/// `ResponseOperator`): generated for every operation whose type no other
/// operation of those operators has.
pub trait Operation<Envelope>: Alternative<<Self::Operator as Operator>::Operation> + 'static {
    /// The operator's element type (`UserInput`, `UserOutput`).
    type Operator: Operator + Alternative<Envelope> + 'static;
}

/// The operations of type `T` among `operators`, in document order.
pub fn operations_of<Envelope, T: Operation<Envelope>>(operators: &[Envelope]) -> impl Iterator<Item = &T> {
    operators
        .iter()
        .filter_map(<T::Operator as Alternative<Envelope>>::of)
        .flat_map(|operator| operator.operations())
        .filter_map(T::of)
}

/// An operation's result as a walk over a response sees it: whether it
/// failed. Every [`OperationResult`] is one.
pub trait ResultFailure {
    /// The error the result reports, `None` on success.
    fn failure(&self) -> Option<OperationError>;
}

impl<T: OperationResult> ResultFailure for T {
    fn failure(&self) -> Option<OperationError> {
        self.outcome().err()
    }
}

/// One operation of a response, with its results: generated for the
/// operations of an operator whose operations have results.
pub trait OperationResults {
    /// The operation's element name (`add`) and its results, each with its
    /// element name (`result`), in document order.
    fn results(&self) -> (&'static str, Vec<(&'static str, &dyn ResultFailure)>);
}

/// One operator of a response, with its operations: generated for the
/// operators whose operations have results.
pub trait OperatorResults {
    /// The operator's element name (`user`) and its operations, in
    /// document order.
    fn operations(&self) -> (&'static str, Vec<&dyn OperationResults>);
}

/// A failed operation of a response and where it is:
/// `packet/user/add[2]: operation failed (error 1007): User already exists`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Where the operation is, as an XPath from the packet element.
    pub place: Place,
    /// What went wrong.
    pub error: OperationError,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.error)
    }
}

impl std::error::Error for Failure {}

/// Where an operation's result is in a response, as an XPath from the
/// packet element: `packet/user/add[2]` is the second `<add>` of the
/// `<user>` element. Each step's index counts the elements of the same name
/// among its siblings, from 1, and is left out where the element is the
/// only one of its name. The result's own step (`/result`, with its
/// index) is there only when the operation has several results
/// (`packet/user/del/result[3]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The packet element (`packet`).
    pub root: &'static str,
    /// The operator element (`user`).
    pub operator: Step,
    /// The operation element (`add`).
    pub operation: Step,
    /// The result element, when the operation has several results.
    pub result: Option<Step>,
}

/// One step of a [`Place`]: an element name and, where it has siblings of
/// the same name, its position among them (from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The element name.
    pub element: &'static str,
    /// The position among the siblings of that name, `None` when it has none.
    pub index: Option<usize>,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.element)?;
        if let Some(index) = self.index {
            write!(f, "[{index}]")?;
        }
        Ok(())
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.root, self.operator, self.operation)?;
        if let Some(result) = &self.result {
            write!(f, "/{result}")?;
        }
        Ok(())
    }
}

/// Every failed result among the operators of the packet element `root`, in
/// document order, each with its place.
pub fn failures<O: OperatorResults>(root: &'static str, operators: &[O]) -> Vec<Failure> {
    let operators: Vec<_> = operators.iter().map(OperatorResults::operations).collect();
    let operator_steps = steps(operators.iter().map(|(element, _)| *element));
    let mut failures = Vec::new();
    for ((_, operations), operator) in operators.iter().zip(operator_steps) {
        let operations: Vec<_> = operations.iter().map(|operation| operation.results()).collect();
        let operation_steps = steps(operations.iter().map(|(element, _)| *element));
        for ((_, results), operation) in operations.iter().zip(operation_steps) {
            let result_steps = steps(results.iter().map(|(element, _)| *element));
            let several = results.len() > 1;
            for ((_, result), step) in results.iter().zip(result_steps) {
                if let Some(error) = result.failure() {
                    let result = several.then_some(step);
                    failures.push(Failure { place: Place { root, operator, operation, result }, error });
                }
            }
        }
    }
    failures
}

/// The steps of sibling elements named `names`, in order: each with its
/// position among the siblings of its name where there are several.
fn steps<'n>(names: impl Iterator<Item = &'static str> + Clone + 'n) -> Vec<Step> {
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names.clone() {
        *totals.entry(name).or_default() += 1;
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    names
        .map(|element| {
            let position = seen.entry(element).or_default();
            *position += 1;
            let index = (totals[element] > 1).then_some(*position);
            Step { element, index }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::steps;

    #[test]
    fn steps_index_only_names_with_siblings_of_the_same_name() {
        let shown: Vec<String> =
            steps(["add", "get", "add", "del"].into_iter()).iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["add[1]", "get", "add[2]", "del"]);
    }
}
