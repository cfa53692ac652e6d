//! The derives the generator decides from the data, as a user meets them:
//! generated values in a `HashSet` and as map keys, enumerations sorted in
//! declaration order, `Default` only where the default value validates (its
//! absence checked at compile time), and `new` taking what is required.
//!
//! On Plesk's types (`v1_6_8_0`) and on the generator's case `derives`
//! (`codegen/tests/cases/derives/`), whose types are each made to show one
//! decision.

use std::collections::{BTreeSet, HashMap, HashSet};

use plesk_types::v1_6_8_0::{
    ContactInfoAdd, IdType, NoneType, RequestPacket, RequestPacketRequestSettingsSetting, ResultStatus, ServicesType,
    UserAddGenInfo, UserDatasetInput, UserGetOutputData, UserInput, UserSetGenInfo, UserSetValuesInput,
    WebUserAddInputType, WebUserSetParam,
};
use plesk_types::xml::Validate;

#[path = "support/case_module.rs"]
#[macro_use]
mod case_module;

case_module!(derives);

/// Compiles only if `$ty` does not implement `$trait`: with the impl, the
/// second blanket impl applies too and the call is ambiguous (the trick of
/// `static_assertions::assert_not_impl_any`).
macro_rules! assert_not_impl {
    ($trait:path: $($ty:ty),+ $(,)?) => {$(
        const _: fn() = || {
            trait AmbiguousIfImplemented<Marker> {
                fn some_item() {}
            }
            impl<T: ?Sized> AmbiguousIfImplemented<()> for T {}
            struct Implemented;
            impl<T: ?Sized + $trait> AmbiguousIfImplemented<Implemented> for T {}
            let _ = <$ty as AmbiguousIfImplemented<_>>::some_item;
        };
    )+};
}

// An empty default of these would not validate: a packet needs an operator,
// an operator an operation, a services list a service, a new user a login.
assert_not_impl!(Default: RequestPacket, UserInput, ServicesType, UserAddGenInfo, WebUserAddInputType);
// The case's: a required attribute, at least one item, a required choice.
assert_not_impl!(Default: derives::Label, derives::Batch, derives::Pick);
// A float, directly or anywhere in a cycle of types, leaves out `Eq` and `Hash`.
assert_not_impl!(Eq: derives::Reading, derives::Circuit, derives::Part);
assert_not_impl!(std::hash::Hash: derives::Reading, derives::Circuit, derives::Part);

fn web_user(site: i32, login: &str) -> WebUserAddInputType {
    WebUserAddInputType::new(IdType(site), login)
}

#[test]
fn generated_values_go_into_hash_sets_and_maps() {
    let users: HashSet<WebUserAddInputType> = [web_user(1, "alice"), web_user(1, "bob"), web_user(1, "alice")].into();
    assert_eq!(users.len(), 2);
    assert!(users.contains(&web_user(1, "bob")));
    assert!(!users.contains(&web_user(2, "bob")));

    let mut by_status: HashMap<ResultStatus, u32> = HashMap::new();
    for status in [ResultStatus::Ok, ResultStatus::Error, ResultStatus::Ok] {
        *by_status.entry(status).or_default() += 1;
    }
    assert_eq!(by_status[&ResultStatus::Ok], 2);
    assert_eq!(by_status[&ResultStatus::Error], 1);
}

#[test]
fn recursive_types_of_strings_hash_through_their_cycle() {
    let tree = |leaf: &str| {
        let mut root = derives::Folder::new("root");
        root.folder.push(derives::Folder::new(leaf));
        root
    };
    let folders: HashSet<derives::Folder> = [tree("a"), tree("b"), tree("a")].into();
    assert_eq!(folders.len(), 2);
    let labels: HashSet<derives::Label> = [derives::Label::new("en", "x"), derives::Label::new("de", "x")].into();
    assert_eq!(labels.len(), 2);
}

#[test]
fn enumerations_sort_in_declaration_order() {
    // Alphabetically, `error` would come before `ok` and `high` first.
    let mut statuses = vec![ResultStatus::Error, ResultStatus::Ok];
    statuses.sort();
    assert_eq!(statuses, [ResultStatus::Ok, ResultStatus::Error]);

    use derives::Level;
    let levels: BTreeSet<Level> = [Level::High, Level::Low, Level::Medium, Level::Low].into();
    assert_eq!(levels.into_iter().collect::<Vec<_>>(), [Level::Low, Level::Medium, Level::High]);
    assert!(Level::Medium < Level::High);
    assert_eq!(Level::ALL.iter().max(), Some(&Level::High));
}

#[test]
fn every_default_validates() {
    fn check<T: Default + Validate>(name: &str) {
        if let Err(errors) = T::default().validate() {
            panic!("{name}::default() does not validate: {errors}");
        }
    }
    check::<derives::Catalog>("Catalog");
    check::<derives::Options>("Options");
    // A required element whose type has a valid default.
    check::<derives::Settings>("Settings");
    // Every Plesk type with a `Default` today.
    check::<RequestPacketRequestSettingsSetting>("RequestPacketRequestSettingsSetting");
    check::<ContactInfoAdd>("ContactInfoAdd");
    check::<UserDatasetInput>("UserDatasetInput");
    check::<UserSetValuesInput>("UserSetValuesInput");
    check::<UserSetGenInfo>("UserSetGenInfo");
    check::<UserGetOutputData>("UserGetOutputData");
    check::<NoneType>("NoneType");
    check::<WebUserSetParam>("WebUserSetParam");
    assert_eq!(derives::Settings::default().options, derives::Options::default());
}

#[test]
fn new_takes_what_is_required_and_leaves_the_rest_empty() {
    let label = derives::Label::new("en", "Spare parts");
    assert_eq!((label.lang.as_str(), label.text.as_str(), label.note.as_deref()), ("en", "Spare parts", None));
    assert!(label.validate().is_ok());

    let user = web_user(12, "myWebAccount");
    assert_eq!((user.site_id, user.login.as_str()), (IdType(12), "myWebAccount"));
    assert!(user.password_and_password_type.is_none() && user.ftp_quota.is_none() && user.services.is_none());

    // The required elements are taken, their bounds are still `validate()`'s.
    let batch = derives::Batch::new(Vec::new());
    assert!(batch.comment.is_none());
    let errors = batch.validate().expect_err("a batch needs an item");
    assert!(errors.to_string().contains("at least 1"), "{errors}");
    assert!(derives::Batch::new(vec!["one".to_owned()]).validate().is_ok());
}
