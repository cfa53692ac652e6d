//! The generator's options, in the spirit of `prost_build::Config`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::enabled_features::EnabledFeatures;
use crate::error::Error;

/// Options for one generation: which schema files, what to change in the
/// generated names and types, where the runtime lives.
///
/// Options that target one type or element are keyed by *schema paths*:
///
/// - a named type by its name: `UserAddGenInfo`;
/// - an anonymous type by the path of the element it belongs to: `/packet`
///   for the type of the global element `packet`, `UserAddOutput/result`
///   for the type of element `result` inside type `UserAddOutput`,
///   `UserGetOutput/result/data` one level deeper;
/// - an element inside a type by the type's path and the element name:
///   `UserGetGenInfo/email`;
/// - a choice or sequence group inside a type (which becomes an enum or a
///   struct of its own) by the type's path, `#` and the group's field name:
///   `ResponsePacketType#choice`, and a group inside that group
///   `ResponsePacketType#choice#webuser_or_user`.
///
/// A path that names nothing is an error, so that a typo cannot go unnoticed.
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) inputs: Vec<PathBuf>,
    pub(crate) runtime_crate: String,
    pub(crate) type_names: BTreeMap<String, String>,
    pub(crate) field_names: BTreeMap<String, String>,
    /// Variant names of enumeration values, by the enumeration type's path
    /// and the value.
    pub(crate) enum_value_names: BTreeMap<(String, String), String>,
    /// Deprecated type aliases, by the path of the type they stand for.
    pub(crate) deprecated_aliases: BTreeMap<String, String>,
    /// Attributes added to the items at these schema paths, in order.
    pub(crate) type_attributes: BTreeMap<String, Vec<String>>,
    /// Attributes added to the fields at these schema paths, in order.
    pub(crate) field_attributes: BTreeMap<String, Vec<String>>,
    pub(crate) redacted: BTreeSet<String>,
    /// Fields of name/value pairs that `Debug` hides when their pair's
    /// name is a secret's: the value's schema path, the name's element.
    pub(crate) redacted_by_name: BTreeMap<String, String>,
    pub(crate) tolerated: BTreeMap<String, String>,
    /// Whether results of operations implement `OperationResult` (see
    /// [`operation_results`](Config::operation_results)).
    pub(crate) operation_results: bool,
    /// Fields that are what a successful operation's result carries, and
    /// whether a success must carry them.
    pub(crate) operation_successes: BTreeMap<String, SuccessPresence>,
    /// Whether choices and single-choice structs get `From` conversions
    /// (see [`conversions`](Config::conversions)).
    pub(crate) conversions: bool,
    /// Schema paths of the choice groups that are a packet's operators (see
    /// [`operators`](Config::operators)).
    pub(crate) operators: BTreeSet<String>,
    /// The cargo feature under which proptest strategies are generated.
    pub(crate) strategies: Option<String>,
    /// The cargo feature under which every type derives serde's traits.
    pub(crate) serde: Option<String>,
    /// Schema paths of options that may name nothing (presets).
    pub(crate) optional_paths: BTreeSet<String>,
    pub(crate) out_dir: Option<PathBuf>,
    /// File names that, where a schema directory has them, are its only
    /// document roots (see [`root_files`](Config::root_files)).
    pub(crate) root_files: Vec<String>,
    /// Schema paths of the choices whose alternatives each get a cargo
    /// feature (see [`operator_features`](Config::operator_features)).
    pub(crate) operator_features: BTreeSet<String>,
    /// The cargo features of the build the code is for, when only what
    /// they compile is generated (see [`only_features`](Config::only_features)).
    pub(crate) enabled_features: Option<EnabledFeatures>,
}

/// The schema paths of the operator groups of Plesk's request and response
/// envelopes: with the `user` and `webuser` operators only, and with more.
const OPERATOR_GROUPS: [(&str, &str); 2] = [
    ("/packet#webuser_or_user", "ResponsePacketType#choice#webuser_or_user"),
    ("/packet#choice", "ResponsePacketType#choice#choice"),
];

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

impl Config {
    /// A configuration with no schema yet, generating code that uses the
    /// runtime crate `::plesk_types`, without proptest strategies.
    pub fn new() -> Self {
        Self {
            inputs: Vec::new(),
            runtime_crate: "::plesk_types".to_owned(),
            type_names: BTreeMap::new(),
            field_names: BTreeMap::new(),
            enum_value_names: BTreeMap::new(),
            deprecated_aliases: BTreeMap::new(),
            type_attributes: BTreeMap::new(),
            field_attributes: BTreeMap::new(),
            redacted: BTreeSet::new(),
            redacted_by_name: BTreeMap::new(),
            tolerated: BTreeMap::new(),
            operation_results: false,
            operation_successes: BTreeMap::new(),
            conversions: false,
            operators: BTreeSet::new(),
            strategies: None,
            serde: None,
            optional_paths: BTreeSet::new(),
            out_dir: None,
            root_files: Vec::new(),
            operator_features: BTreeSet::new(),
            enabled_features: None,
        }
    }

    /// A configuration with the conventions `plesk-types` uses for Plesk's
    /// schemas: the request and response envelopes are `RequestPacket` and
    /// `ResponsePacket`, the operators they carry `RequestOperator` and
    /// `ResponseOperator` (the response's content, operators or a system
    /// error, `ResponseContent`), `passwd`, `password` and the other secrets
    /// of Plesk's operators (service passwords, secret and license keys,
    /// private keys, session ids) are redacted from `Debug`, also as the
    /// value of a hosting setting named so (see
    /// [`redact_debug_by_name`](Self::redact_debug_by_name)),
    /// a user get response may lack `email` (servers speaking protocols
    /// before 1.6.8.0 omit it), and proptest strategies are generated under
    /// the cargo feature `proptest` (see [`strategies`](Self::strategies)),
    /// serde's traits are derived under the cargo feature `serde` (see
    /// [`serde_feature`](Self::serde_feature)), the operators of both
    /// envelopes convert from their operations (see
    /// [`operators`](Self::operators)), and a
    /// schema directory that has `agent_input.xsd` or `agent_output.xsd` (a
    /// Plesk server's, with files neither envelope includes) has those as its
    /// only roots (see [`root_files`](Self::root_files)), and each operator
    /// of the two envelopes is compiled under the cargo feature named after
    /// it (see [`operator_features`](Self::operator_features)). These options apply where the schemas have
    /// the paths they name and are ignored elsewhere, so the preset fits
    /// any protocol version and any subset of operators.
    pub fn plesk() -> Self {
        let mut config = Self::new();
        config
            .type_name("/packet", "RequestPacket")
            .type_name("ResponsePacketType", "ResponsePacket")
            .type_name("ResponsePacketType#choice", "ResponseContent")
            .field_name("ResponsePacketType#choice", "content")
            .redact_debug("passwd")
            .redact_debug("password")
            // Other secrets of Plesk's operators: service passwords, secret
            // keys and license keys, private keys of certificates, session ids.
            .redact_debug("ftp_pass")
            .redact_debug("ftp_password")
            .redact_debug("smtp_password")
            .redact_debug("fp_admin_password")
            .redact_debug("poa-api-password")
            .redact_debug("key")
            .redact_debug("secret_key")
            .redact_debug("pvt")
            .redact_debug("session-id")
            .redact_debug("Session/id")
            // Hosting settings (of subscriptions and subdomains) and an
            // application's settings are name/value pairs: the value of the
            // pair named `ftp_password` is as secret as an element so named.
            .redact_debug_by_name("PleskPhysHostingPropertyType/value", "name")
            .redact_debug_by_name("SubdomainPropertyType/value", "name")
            .redact_debug_by_name("ApplicationInput/value", "name")
            .tolerate_missing(
                "UserGetGenInfo/email",
                "servers speaking protocols before 1.6.8.0 omit it, as the documentation's own sample does",
            )
            // Typed outcomes: every result type, and what the
            // documentation says a success carries where a result holds
            // more than one thing.
            .operation_results()
            .operation_success("resultFilterType/id")
            .operation_success_required("UserAddOutput/result#id_and_guid")
            .operation_success("UserGetOutput/result/data")
            .operation_success_required("WebUserAddOutputType/result/id")
            .operation_success("WebUserGetOutputType/result#login_group")
            .operation_success("WebUserGetPrefOutputType/result/wuscripts")
            // Packets in one expression: `RequestPacket::from(operation)`,
            // `response.results::<UserAddOutput>()`, `response.failures()`.
            .conversions()
            // The status of a user account, 0 or 1 besides its words, as
            // the documentation explains them; and the schema's typo
            // `UsetSetOutput`, fixed, the old name kept deprecated.
            .enum_value_name("UserAddGenInfo/status", "0", "DisabledAsZero")
            .enum_value_name("UserAddGenInfo/status", "1", "EnabledAsOne")
            .enum_value_name("UserSetGenInfo/status", "0", "DisabledAsZero")
            .enum_value_name("UserSetGenInfo/status", "1", "EnabledAsOne")
            .type_name("UsetSetOutput", "UserSetOutput")
            // Names a caller types when creating a subscription or a site,
            // shorter than the ones made of their elements: the owner of a
            // new subscription, the subscription and the parent site of a
            // new site.
            .type_name("DomainTypeRequest/add/gen_setup#choice#choice", "WebspaceOwner")
            .field_name("DomainTypeRequest/add/gen_setup#choice#choice", "owner")
            .type_name("SiteTypeRequest/add/gen_setup#webspace_name_or_webspace_id_or_webspace_guid", "SiteWebspace")
            .field_name("SiteTypeRequest/add/gen_setup#webspace_name_or_webspace_id_or_webspace_guid", "webspace")
            .type_name(
                "SiteTypeRequest/add/gen_setup#parent_site_name_or_parent_site_id_or_parent_site_guid",
                "SiteParent",
            )
            .field_name(
                "SiteTypeRequest/add/gen_setup#parent_site_name_or_parent_site_id_or_parent_site_guid",
                "parent_site",
            )
            .deprecated_alias("UsetSetOutput", "UsetSetOutput")
            .strategies("proptest")
            .serde_feature("serde")
            .root_files(["agent_input.xsd", "agent_output.xsd"]);
        // The envelopes' group of operators is named after its elements
        // when they are two (`webuser_or_user`) and `choice` when they are
        // more (the whole API): either way, the same names, features and
        // conversions.
        for (request, response) in OPERATOR_GROUPS {
            config
                .type_name(request, "RequestOperator")
                .field_name(request, "operators")
                .operator_features(request)
                .operators(request)
                .type_name(response, "ResponseOperator")
                .field_name(response, "operators")
                .operator_features(response)
                .operators(response);
        }
        let value_keys: Vec<String> =
            config.enum_value_names.keys().map(|(path, value)| enum_value_key(path, value)).collect();
        config.optional_paths = config
            .type_names
            .keys()
            .chain(config.field_names.keys())
            .chain(config.tolerated.keys())
            .chain(config.operation_successes.keys())
            .chain(config.redacted_by_name.keys())
            .chain(config.operators.iter())
            .chain(config.deprecated_aliases.keys())
            .chain(&config.operator_features)
            .cloned()
            .chain(value_keys)
            .collect();
        config
    }

    /// Adds a schema file, or a directory of schema files (not its
    /// subdirectories). Files a schema includes or imports are read too.
    ///
    /// A directory that holds any of the [root files](Self::root_files) has
    /// those as its document roots, and its other files are read only as far
    /// as the roots include them; otherwise every `*.xsd` file is read, and
    /// the files no other file includes become the document roots.
    pub fn schema(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.inputs.push(path.as_ref().to_path_buf());
        self
    }

    /// The file names that are a schema directory's document roots where
    /// the directory has them (none by default; [`plesk`](Self::plesk) sets
    /// `agent_input.xsd` and `agent_output.xsd`, the request and response
    /// envelopes of a Plesk server's schema directory). A directory with
    /// none of them is read whole, as without this option.
    pub fn root_files<I, S>(&mut self, names: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.root_files = names.into_iter().map(Into::into).collect();
        self
    }

    /// The path generated code reaches the `plesk-types` crate by (default
    /// `::plesk_types`; inside `plesk-types` itself, `crate`; a crate that
    /// renames the dependency, its name). Generated code calls the runtime
    /// through that crate's hidden module `__private`, as serde's derives do
    /// with `#[serde(crate = "...")]`.
    pub fn runtime_crate(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime_crate = path.into();
        self
    }

    /// Gives the type at `schema_path` the Rust name `rust_name`.
    pub fn type_name(&mut self, schema_path: impl Into<String>, rust_name: impl Into<String>) -> &mut Self {
        self.type_names.insert(schema_path.into(), rust_name.into());
        self
    }

    /// Gives the field at `schema_path` the Rust name `rust_name`: an element
    /// field (`Type/element`) or a group field (`Type#group`). A group field
    /// that is an alternative of a choice names the variant too.
    pub fn field_name(&mut self, schema_path: impl Into<String>, rust_name: impl Into<String>) -> &mut Self {
        self.field_names.insert(schema_path.into(), rust_name.into());
        self
    }

    /// Names the variant of the value `value` of the enumeration type at
    /// `schema_path` `rust_name` (`UserAddGenInfo/status`, `0`, `DisabledAsZero`),
    /// instead of the name derived from the value (`Value0`). A name that
    /// another value of the enumeration has (configured or derived), or that
    /// is no Rust identifier, is an [`Error::Config`]; a value the
    /// enumeration does not have is an unknown path.
    pub fn enum_value_name(
        &mut self,
        schema_path: impl Into<String>,
        value: impl Into<String>,
        rust_name: impl Into<String>,
    ) -> &mut Self {
        self.enum_value_names.insert((schema_path.into(), value.into()), rust_name.into());
        self
    }

    /// Also generates `alias`, a type alias of the type at `schema_path`
    /// marked `#[deprecated]`: for a type renamed by [`type_name`](Self::type_name)
    /// (a typo of the schema fixed), so that code using the old name still
    /// compiles, with a warning naming the new one.
    pub fn deprecated_alias(&mut self, schema_path: impl Into<String>, alias: impl Into<String>) -> &mut Self {
        self.deprecated_aliases.insert(schema_path.into(), alias.into());
        self
    }

    /// Adds `attribute` (`#[derive(Hash)]`, `#[serde(rename_all = "kebab-case")]`,
    /// any outer attributes) to the item generated for the type at
    /// `schema_path`, after the generator's own derives, so that helper
    /// attributes of a derive added here work. Several calls add several
    /// attributes, in order. The attribute must hold for the item: a derive
    /// of `Eq` on a type with a float field does not compile.
    pub fn type_attribute(&mut self, schema_path: impl Into<String>, attribute: impl Into<String>) -> &mut Self {
        self.type_attributes.entry(schema_path.into()).or_default().push(attribute.into());
        self
    }

    /// Adds `attribute` (`#[serde(skip_serializing_if = "Option::is_none")]`)
    /// to the field at `schema_path`: an element field (`Type/element`) or
    /// a group field (`Type#group`) of a struct, or the variant an element
    /// or group becomes in a choice. Several calls add several attributes,
    /// in order.
    pub fn field_attribute(&mut self, schema_path: impl Into<String>, attribute: impl Into<String>) -> &mut Self {
        self.field_attributes.entry(schema_path.into()).or_default().push(attribute.into());
        self
    }

    /// Makes every operation's result implement `plesk_types::OperationResult`.
    /// A result is a struct whose content starts with the elements of
    /// Plesk's `resultType`: a required `status` (an enumeration with the
    /// value `ok`), then the optional `errcode` (an unsigned 32-bit integer)
    /// and `errtext` (a string), whether the type extends `resultType` or
    /// declares them itself. Its `outcome()` is `Err` for any status but
    /// `ok`, and on success gives what the result carries besides them:
    /// nothing when it has no other field, its one other field, or the field
    /// named by [`operation_success`](Self::operation_success); otherwise the
    /// whole result.
    pub fn operation_results(&mut self) -> &mut Self {
        self.operation_results = true;
        self
    }

    /// Names the field at `schema_path` (`UserGetOutput/result/data`) as
    /// what a successful operation's result carries, for a result type that
    /// has more than one field besides its status (see
    /// [`operation_results`](Self::operation_results)). It may be absent on
    /// success, as the schema allows.
    pub fn operation_success(&mut self, schema_path: impl Into<String>) -> &mut Self {
        self.operation_successes.insert(schema_path.into(), SuccessPresence::AsTheSchemaSays);
        self
    }

    /// Like [`operation_success`](Self::operation_success), for a field that
    /// the schema makes optional (it is absent when the operation fails) but
    /// that every success carries (the id of a created object): a success
    /// without it is `OperationError::Incomplete`.
    pub fn operation_success_required(&mut self, schema_path: impl Into<String>) -> &mut Self {
        self.operation_successes.insert(schema_path.into(), SuccessPresence::Required);
        self
    }

    /// Generates `From` conversions into choices: `From<T> for Choice` for
    /// every alternative whose type `T` (a generated type) no other
    /// alternative of the choice holds, with `plesk_types::Alternative`
    /// (`T::of(&choice)`, the value when the choice is that alternative);
    /// and into a struct whose whole content is one repeated choice (an
    /// operator's list of operations): `From<Choice> for Struct`, a list of
    /// one. Where a type is several alternatives of a choice, neither is
    /// generated.
    pub fn conversions(&mut self) -> &mut Self {
        self.conversions = true;
        self
    }

    /// Marks the choice group at `schema_path` (`/packet#webuser_or_user`)
    /// as a packet's operators: alternatives each an element whose content
    /// is one repeated choice of operations (`<user>` holding `<add>`,
    /// `<get>`, ...). Implies [`conversions`](Self::conversions), and
    /// generates, for every operation whose type no other operation of
    /// these operators has, `From<Operation> for Operators` and
    /// `plesk_types::Operation<Operators>` (which operator it belongs to);
    /// where the group is a repeated field of a struct whose other fields
    /// may all be absent (the request packet), `From<T> for Struct` for
    /// every `T` the operators convert from, `push`, `with`,
    /// `FromIterator` and `Extend`, which put consecutive operations of one
    /// operator into one operator element; and where the operations have
    /// results, the walk `failures()` takes over them.
    pub fn operators(&mut self, schema_path: impl Into<String>) -> &mut Self {
        self.operators.insert(schema_path.into());
        self.conversions = true;
        self
    }

    /// Compiles each alternative of the choice at `schema_path` (the
    /// operators of a packet, `/packet#webuser_or_user`) under a cargo
    /// feature named after its element, `-` written `_` (`<site-alias>`:
    /// `site_alias`). The variant, its arms in every generated `match`, and
    /// every item only that alternative reaches are compiled only with the
    /// feature on; an item several alternatives reach, with any of them on;
    /// an item reached from elsewhere, always. Reading an alternative whose
    /// feature is off is a `ReadErrorKind::FeatureDisabled` error naming the
    /// feature, at the element. Alternatives that are not one element (a
    /// group, a wildcard) are always compiled.
    ///
    /// The crate compiling the code must declare the features in its
    /// `Cargo.toml`; the generator does not declare them to cargo, so that a
    /// missing one is an `unexpected_cfgs` warning rather than a variant
    /// silently compiled out.
    pub fn operator_features(&mut self, schema_path: impl Into<String>) -> &mut Self {
        self.operator_features.insert(schema_path.into());
        self
    }

    /// Gates no choice's alternatives by cargo features (the default of
    /// [`new`](Self::new); [`plesk`](Self::plesk) gates the operators):
    /// for a crate that compiles every operator and declares no feature.
    pub fn no_operator_features(&mut self) -> &mut Self {
        self.operator_features.clear();
        self
    }

    /// Generates only what compiles with the cargo features `enabled` on
    /// and every other feature off: the items only disabled operators reach
    /// (see [`operator_features`](Self::operator_features)) are left out,
    /// as their `#[cfg]` would leave them out of the build, so that the
    /// compiler does not parse them. The code kept is the same as without
    /// this option, `#[cfg]`s included. Names compare as cargo passes them
    /// to build scripts: `site-alias` and `SITE_ALIAS` are `site_alias`.
    ///
    /// For a build script whose code is compiled by the same package, see
    /// [`only_build_script_features`](Self::only_build_script_features).
    pub fn only_features<I, S>(&mut self, enabled: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.enabled_features = Some(EnabledFeatures::new(enabled));
        self
    }

    /// [`only_features`](Self::only_features) with the features of the
    /// package whose build script is running (its `CARGO_FEATURE_*`
    /// variables; cargo reruns the build script when they change).
    pub fn only_build_script_features(&mut self) -> &mut Self {
        self.enabled_features = Some(EnabledFeatures::of_build_script());
        self
    }

    /// Generates everything, whatever the features (the default).
    pub fn all_features(&mut self) -> &mut Self {
        self.enabled_features = None;
        self
    }

    /// Whether the build the code is for compiles code under
    /// `cfg(any(feature = ...))` of `features` (`None`: compiled always).
    pub(crate) fn compiles(&self, features: Option<&BTreeSet<String>>) -> bool {
        match (features, &self.enabled_features) {
            (Some(features), Some(enabled)) => enabled.any(features),
            _ => true,
        }
    }

    /// Whether the build the code is for has `feature` on.
    pub(crate) fn compiles_feature(&self, feature: &str) -> bool {
        self.enabled_features.as_ref().is_none_or(|enabled| enabled.contains(feature))
    }

    /// Hides from `Debug` output (`passwd: <redacted>`) the value of every
    /// element or attribute named `name`, or, given a schema path
    /// (`Session/id`), of that one element.
    pub fn redact_debug(&mut self, name: impl Into<String>) -> &mut Self {
        self.redacted.insert(name.into());
        self
    }

    /// Hides from `Debug` output the value of the element at `schema_path`
    /// (`Type/element`) when its sibling element `name_element` holds one of
    /// the names given to [`redact_debug`](Self::redact_debug): for
    /// name/value pairs, such as a hosting setting whose name is
    /// `ftp_password`. The sibling must be a required element of string
    /// type declared in the same content.
    pub fn redact_debug_by_name(
        &mut self,
        schema_path: impl Into<String>,
        name_element: impl Into<String>,
    ) -> &mut Self {
        self.redacted_by_name.insert(schema_path.into(), name_element.into());
        self
    }

    /// Makes the required element at `schema_path` (`Type/element`) an
    /// `Option` that may be absent when read: for elements real servers omit
    /// although the schema requires them. `validate()` still reports the
    /// absence, marked as tolerated, with `reason`.
    pub fn tolerate_missing(&mut self, schema_path: impl Into<String>, reason: impl Into<String>) -> &mut Self {
        self.tolerated.insert(schema_path.into(), reason.into());
        self
    }

    /// Generates proptest strategies under the cargo feature `feature`
    /// (by default none are generated; [`plesk`](Self::plesk) generates them
    /// under `proptest`, and [`no_strategies`](Self::no_strategies) turns
    /// that off again): every type implements
    /// `proptest::arbitrary::Arbitrary` inside `#[cfg(feature = "...")]`,
    /// with values that satisfy every facet and occurrence bound
    /// `validate()` checks and that read back as themselves; and a module
    /// `every_type` lists the types, for tests that check a property of each
    /// (`every_type::visit` calls a visitor with every type of the module).
    ///
    /// To compile them, the crate needs that feature, enabling an optional
    /// dependency on `proptest` and the runtime's `proptest` feature
    /// (`proptest = ["dep:proptest", "plesk-types/proptest"]`); a crate
    /// without it compiles them out ([`write`](Self::write), in a build
    /// script, declares the feature to cargo as one the code may test, so
    /// that this is no `unexpected_cfgs` warning). Types of a recursive
    /// schema take a depth as `Arbitrary::Parameters`, so that their values
    /// stay finite.
    pub fn strategies(&mut self, feature: impl Into<String>) -> &mut Self {
        self.strategies = Some(feature.into());
        self
    }

    /// Generates no proptest strategies (the default of [`new`](Self::new)).
    pub fn no_strategies(&mut self) -> &mut Self {
        self.strategies = None;
        self
    }

    /// Derives serde's `Serialize` and `Deserialize` on every generated type
    /// under the cargo feature `feature` (by default they are not derived;
    /// [`plesk`](Self::plesk) derives them under `serde`), for logging,
    /// storing or JSON APIs: XML stays the generated readers' and writers'.
    /// Fields are named as in Rust, enumeration values and choice
    /// alternatives by their variant names, and a redacted field (see
    /// [`redact_debug`](Self::redact_debug)) is serialized like any other:
    /// redaction is `Debug`'s only.
    ///
    /// The generated code reaches serde through the runtime crate, so that
    /// the crate needs no dependency on serde of its own: its feature must
    /// enable the runtime's `serde` feature (`serde = ["plesk-types/serde"]`);
    /// a crate without the feature compiles the derives out ([`write`](Self::write),
    /// in a build script, declares the feature to cargo).
    pub fn serde_feature(&mut self, feature: impl Into<String>) -> &mut Self {
        self.serde = Some(feature.into());
        self
    }

    /// The directory [`write`](Self::write) writes into (default: the
    /// `OUT_DIR` of the running build script).
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Runs the generator and returns the Rust source.
    ///
    /// # Errors
    ///
    /// Every problem found in the schemas, each with its file, line and column;
    /// unreadable files; configuration paths that name nothing.
    pub fn generate(&self) -> Result<String, Error> {
        crate::generate(self).map(|generated| generated.code)
    }

    /// Generates into `file_name` inside the [output directory](Self::out_dir)
    /// (the build script's `OUT_DIR` by default) and returns the file's path.
    /// The file is only rewritten when its content changes, so that cargo
    /// does not rebuild what has not changed. Inside a build script (no
    /// explicit output directory), tells cargo to rerun when a schema file
    /// changes, and declares the features of [`strategies`](Self::strategies)
    /// and [`serde_feature`](Self::serde_feature).
    ///
    /// # Errors
    ///
    /// As [`generate`](Self::generate), and an output directory that cannot
    /// be written.
    pub fn write(&self, file_name: &str) -> Result<PathBuf, Error> {
        let output = Output::new(self.out_dir.as_deref())?;
        let generated = crate::generate(self)?;
        output.announce(&generated.files, self.strategies.iter().chain(&self.serde).map(String::as_str));
        output.write(file_name, &generated.code)
    }

    /// Checks that every configured attribute is one or more outer
    /// attributes (`#[...]`), so that a typo is reported with its path
    /// rather than as generated code that does not parse.
    pub(crate) fn check_attributes(&self) -> Result<(), Error> {
        let options = [("type_attribute", &self.type_attributes), ("field_attribute", &self.field_attributes)];
        for (option, by_path) in options {
            for (path, attributes) in by_path {
                for attribute in attributes {
                    let parsed = syn::parse::Parser::parse_str(syn::Attribute::parse_outer, attribute);
                    match parsed {
                        Ok(parsed) if !parsed.is_empty() => {}
                        Ok(_) => {
                            return Err(Error::Config(format!("{option} at {path}: '{attribute}' holds no attribute")));
                        }
                        Err(error) => {
                            return Err(Error::Config(format!(
                                "{option} at {path}: '{attribute}' is not an outer attribute: {error}"
                            )));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The schema files to read: files as given, directories expanded to their
    /// root files (see [`root_files`](Self::root_files)) or, without any, to
    /// every `*.xsd` file, in name order.
    pub fn schema_files(&self) -> Result<Vec<PathBuf>, Error> {
        let mut files = Vec::new();
        for input in &self.inputs {
            if input.is_dir() {
                let found = xsd_files(input)?;
                if found.is_empty() {
                    return Err(Error::Config(format!("{} holds no .xsd file", input.display())));
                }
                let roots: Vec<PathBuf> =
                    self.root_files.iter().map(|name| input.join(name)).filter(|path| found.contains(path)).collect();
                if roots.is_empty() {
                    files.extend(found);
                } else {
                    files.extend(roots);
                }
            } else {
                files.push(input.clone());
            }
        }
        if files.is_empty() {
            return Err(Error::Config("no schema file given".to_owned()));
        }
        Ok(files)
    }

    /// The `*.xsd` files of the given directories that a generation did not
    /// read (`read`: every file it read, includes too), each with the reason:
    /// files of a directory with [root files](Self::root_files) that no root
    /// includes. In name order.
    ///
    /// # Errors
    ///
    /// A directory that cannot be listed.
    pub fn left_out(&self, read: &[PathBuf]) -> Result<Vec<LeftOut>, Error> {
        let read: BTreeSet<PathBuf> = read.iter().map(|path| canonical(path)).collect();
        let mut left_out = Vec::new();
        for input in self.inputs.iter().filter(|input| input.is_dir()) {
            let found = xsd_files(input)?;
            let roots: Vec<&str> =
                self.root_files.iter().map(String::as_str).filter(|name| found.contains(&input.join(name))).collect();
            if roots.is_empty() {
                continue;
            }
            let reason = format!("included by neither root ({})", roots.join(", "));
            for path in found {
                if !read.contains(&canonical(&path)) {
                    left_out.push(LeftOut { path, reason: reason.clone() });
                }
            }
        }
        Ok(left_out)
    }
}

/// A schema file of a directory that a generation did not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The file.
    pub path: PathBuf,
    /// Why it was not read (`included by neither root (agent_input.xsd, agent_output.xsd)`).
    pub reason: String,
}

/// The `*.xsd` files directly inside `dir`, in name order.
fn xsd_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.to_path_buf(), source })?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.map_err(|source| Error::Io { path: dir.to_path_buf(), source })?.path();
        if path.extension().is_some_and(|extension| extension == "xsd") && path.is_file() {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// `path` with `.` and `..` and links resolved where it exists, as given otherwise.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Where generated files go: a given directory, or a build script's `OUT_DIR`.
#[derive(Debug)]
pub(crate) struct Output {
    dir: PathBuf,
    in_build_script: bool,
}

impl Output {
    /// `dir`, or the running build script's `OUT_DIR`.
    pub(crate) fn new(dir: Option<&Path>) -> Result<Self, Error> {
        match dir {
            Some(dir) => Ok(Self { dir: dir.to_path_buf(), in_build_script: false }),
            None => match std::env::var_os("OUT_DIR") {
                Some(dir) => Ok(Self { dir: PathBuf::from(dir), in_build_script: true }),
                None => Err(Error::Config(
                    "no output directory: set one with out_dir() or run from a build script".to_owned(),
                )),
            },
        }
    }

    /// Inside a build script, tells cargo to rerun when a schema file
    /// changes, and that the generated code tests the cargo `features` (of
    /// `strategies` and `serde_feature`): a crate without such a feature
    /// then compiles that code out without an `unexpected_cfgs` warning.
    pub(crate) fn announce<'f>(&self, files: &[PathBuf], features: impl IntoIterator<Item = &'f str>) {
        if self.in_build_script {
            for file in files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
            for feature in features {
                println!("cargo::rustc-check-cfg=cfg(feature, values({feature:?}))");
            }
        }
    }

    /// Writes `code` to `file_name` unless the file already holds it, so that
    /// cargo does not rebuild what has not changed.
    pub(crate) fn write(&self, file_name: &str, code: &str) -> Result<PathBuf, Error> {
        let target = self.dir.join(file_name);
        let unchanged = std::fs::read_to_string(&target).is_ok_and(|existing| existing == code);
        if !unchanged {
            std::fs::create_dir_all(&self.dir).map_err(|source| Error::Io { path: self.dir.clone(), source })?;
            std::fs::write(&target, code).map_err(|source| Error::Io { path: target.clone(), source })?;
        }
        Ok(target)
    }
}

/// Whether a success must carry the field [`Config::operation_success`]
/// names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SuccessPresence {
    /// Present or absent as the schema allows.
    AsTheSchemaSays,
    /// Every success carries it; its absence is an incomplete result.
    Required,
}

/// How an enumeration value option is named in errors and among the
/// optional paths: `UserAddGenInfo/status: 0`.
pub(crate) fn enum_value_key(schema_path: &str, value: &str) -> String {
    format!("{schema_path}: {value}")
}
