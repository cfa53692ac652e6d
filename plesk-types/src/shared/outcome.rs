//! Typed outcomes of the operation results, which are the same in every
//! bundled protocol version.

use super::*;
use crate::{OperationError, OperationResult};

/// `Ok(())` for status `ok`, the operation's error otherwise.
fn status(status: ResultStatus, code: Option<u32>, text: &Option<String>) -> Result<(), OperationError> {
    match status {
        ResultStatus::Ok => Ok(()),
        ResultStatus::Error => Err(OperationError::Failed { code, text: text.clone() }),
    }
}

impl OperationResult for ResultType {
    type Success<'r> = ();

    fn outcome(&self) -> Result<(), OperationError> {
        status(self.status, self.errcode, &self.errtext)
    }
}

/// Results of operations on objects chosen by a filter (set, del, set-prefs):
/// success carries the id of the object, when Plesk gives it.
impl OperationResult for ResultFilterType {
    type Success<'r> = Option<IdType>;

    fn outcome(&self) -> Result<Option<IdType>, OperationError> {
        status(self.status, self.errcode, &self.errtext)?;
        Ok(self.id)
    }
}

/// A created user: its id and GUID.
impl OperationResult for UserAddOutputResult {
    type Success<'r> = &'r UserAddOutputResultIdAndGuid;

    fn outcome(&self) -> Result<&UserAddOutputResultIdAndGuid, OperationError> {
        status(self.status, self.errcode, &self.errtext)?;
        self.id_and_guid.as_ref().ok_or(OperationError::Incomplete { missing: "id and guid" })
    }
}

/// A user read: its data, present when the request asked for a dataset.
impl OperationResult for UserGetOutputResult {
    type Success<'r> = Option<&'r UserGetOutputData>;

    fn outcome(&self) -> Result<Option<&UserGetOutputData>, OperationError> {
        status(self.status, self.errcode, &self.errtext)?;
        Ok(self.data.as_ref())
    }
}

/// A created web user: its id.
impl OperationResult for WebUserAddOutputTypeResult {
    type Success<'r> = IdType;

    fn outcome(&self) -> Result<IdType, OperationError> {
        status(self.status, self.errcode, &self.errtext)?;
        self.id.ok_or(OperationError::Incomplete { missing: "id" })
    }
}

/// A web user read: its login and settings.
impl OperationResult for WebUserGetOutputTypeResult {
    type Success<'r> = Option<&'r WebUserGetOutputTypeResultLoginGroup>;

    fn outcome(&self) -> Result<Option<&WebUserGetOutputTypeResultLoginGroup>, OperationError> {
        status(self.status, self.errcode, &self.errtext)?;
        Ok(self.login_group.as_ref())
    }
}

/// Web-user preferences of a site: whether web users may use scripts.
impl OperationResult for WebUserGetPrefOutputTypeResult {
    type Success<'r> = Option<bool>;

    fn outcome(&self) -> Result<Option<bool>, OperationError> {
        status(self.status, self.errcode, &self.errtext)?;
        Ok(self.wuscripts)
    }
}
