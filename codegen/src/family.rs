//! Several schema sets generated together: the protocol versions of one API.
//!
//! Each version gets a module of its own; the items that are the same in
//! every version (the same generated code, referring only to items that are
//! the same too) are generated once, in a shared module that each version
//! module re-exports. A type that did not change between versions is then
//! one Rust type, and code using it works with every version without
//! conversions; a type that changed is one type per version.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;

use crate::config::{Config, Output};
use crate::emit::{self, ReExports};
use crate::error::Error;
use crate::plan::{self, Gates, Item, Module};

/// Schema sets to generate together, as in a build script:
///
/// ```no_run
/// use plesk_codegen::{Config, Family};
///
/// let config = |dir: &str| {
///     let mut config = Config::plesk();
///     config.schema(dir);
///     config
/// };
/// let family = Family::builder("crate::shared")
///     .member("v1_6_7_0", config("schemas/1.6.7.0"))
///     .member("v1_6_8_0", config("schemas/1.6.8.0"))
///     .generate()?;
/// family.write(None)?; // shared.rs, v1_6_7_0.rs, v1_6_8_0.rs in OUT_DIR
/// # Ok::<(), plesk_codegen::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct FamilyBuilder {
    shared_path: String,
    members: Vec<MemberSpec>,
}

/// A member to generate: its module name, its configuration, and the cargo
/// feature the crate compiles its module under, if any.
#[derive(Debug, Clone)]
struct MemberSpec {
    name: String,
    config: Config,
    feature: Option<String>,
}

impl FamilyBuilder {
    /// Adds a member: the module `name` (`v1_6_8_0`), generated with `config`.
    #[must_use]
    pub fn member(mut self, name: impl Into<String>, config: Config) -> Self {
        self.members.push(MemberSpec { name: name.into(), config, feature: None });
        self
    }

    /// Adds a member whose module the crate compiles only under the cargo
    /// feature `feature` (`#[cfg(feature = "v1_6_7_0")] mod v1_6_7_0;`).
    /// It is generated like any member, so that the shared module is the
    /// same whichever members are compiled; but when its configuration
    /// generates only for a build's features
    /// ([`Config::only_features`]) and `feature` is not one of them, its
    /// file holds no code, since the build does not read it.
    #[must_use]
    pub fn member_under_feature(mut self, name: impl Into<String>, feature: impl Into<String>, config: Config) -> Self {
        self.members.push(MemberSpec { name: name.into(), config, feature: Some(feature.into()) });
        self
    }

    /// Generates every member and the shared module.
    ///
    /// # Errors
    ///
    /// Any member's schema errors, each with its place; no member; members
    /// whose configurations disagree on the runtime crate.
    pub fn generate(&self) -> Result<Family, Error> {
        generate_family(&self.members, &self.shared_path)
    }
}

/// One member's generated module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The module name (`v1_6_8_0`), and so its file's (`v1_6_8_0.rs`).
    pub name: String,
    /// The module's source.
    pub code: String,
}

/// The code of a family of schema sets.
#[derive(Debug)]
#[non_exhaustive]
pub struct Family {
    /// The shared module's source.
    pub shared: String,
    /// The names of the shared items, in order.
    pub shared_items: Vec<String>,
    /// Each member's module, in the order they were added.
    pub members: Vec<Member>,
    /// Every schema file read.
    pub files: Vec<PathBuf>,
    /// The cargo features the members' strategies and serde derives are
    /// generated under.
    strategy_features: BTreeSet<String>,
}

impl Family {
    /// Starts a family whose members reach the shared module as
    /// `shared_path` (`crate::shared`).
    pub fn builder(shared_path: impl Into<String>) -> FamilyBuilder {
        FamilyBuilder { shared_path: shared_path.into(), members: Vec::new() }
    }

    /// Writes `shared.rs` and one `<member>.rs` per member into `dir` (the
    /// build script's `OUT_DIR` when `None`), each only if it changed; inside
    /// a build script, tells cargo to rerun when a schema file changes (and
    /// declares the features of the members' strategies and serde derives).
    ///
    /// # Errors
    ///
    /// A directory or file that cannot be written.
    pub fn write(&self, dir: Option<&Path>) -> Result<Vec<PathBuf>, Error> {
        let output = Output::new(dir)?;
        output.announce(&self.files, self.strategy_features.iter().map(String::as_str));
        let mut written = vec![output.write("shared.rs", &self.shared)?];
        for Member { name, code } in &self.members {
            written.push(output.write(&format!("{name}.rs"), code)?);
        }
        Ok(written)
    }
}

/// Generates every member (a name and its configuration) and the shared
/// module that the members' modules reach as `shared_path` (`crate::shared`).
fn generate_family(members: &[MemberSpec], shared_path: &str) -> Result<Family, Error> {
    let Some(MemberSpec { config: first, .. }) = members.first() else {
        return Err(Error::Config("a family needs at least one member".to_owned()));
    };
    if let Some(MemberSpec { name, .. }) =
        members.iter().find(|member| member.config.runtime_crate != first.runtime_crate)
    {
        return Err(Error::Config(format!("member {name} reaches the runtime crate by another path")));
    }
    let mut modules = Vec::new();
    let mut files = Vec::new();
    for MemberSpec { config, .. } in members {
        config.check_attributes()?;
        let schema = crate::load(config)?;
        files.extend(schema.sources.iter().map(|(_, file)| file.path.clone()));
        modules.push(plan::plan(&schema, config)?);
    }
    let codes: Vec<BTreeMap<&str, (&Item, TokenStream)>> = modules
        .iter()
        .zip(members)
        .map(|(module, member)| {
            module
                .items
                .iter()
                .map(|item| (item.name.as_str(), (item, emit::item_code(module, item, &member.config))))
                .collect()
        })
        .collect();
    let shared_names = shared_items(&modules, &codes);

    let shared_code: Vec<(&Item, TokenStream)> = modules[0]
        .items
        .iter()
        .filter(|item| shared_names.contains(item.name.as_str()))
        .map(|item| codes[0][item.name.as_str()].clone())
        .collect();
    let shared_list: Vec<String> = shared_code.iter().map(|(item, _)| item.name.clone()).collect();
    // Re-exporting a deprecated item is itself a use of it.
    let deprecated: Vec<String> = shared_list
        .iter()
        .filter(|name| {
            modules[0].attributes.of_item(name).iter().any(|attribute| attribute.starts_with("#[deprecated"))
        })
        .cloned()
        .collect();
    let names: Vec<&str> = members.iter().map(|member| member.name.as_str()).collect();
    let shared_sources = format!("the schemas of {}", names.join(", "));
    // A shared item is compiled whenever a member would compile it.
    let member_gates: Vec<&Gates> = modules.iter().map(|module| &module.gates).collect();
    let shared_gates = Gates::shared(&member_gates, shared_list.iter().map(String::as_str));
    let shared = emit::render(&shared_sources, first, &shared_code, None, &shared_gates)?;

    let mut rendered = Vec::new();
    for ((MemberSpec { name, config, feature }, module), code) in members.iter().zip(&modules).zip(&codes) {
        if let Some(feature) = feature.as_deref().filter(|feature| !config.compiles_feature(feature)) {
            rendered.push(Member { name: name.clone(), code: not_compiled(feature) });
            continue;
        }
        let own: Vec<(&Item, TokenStream)> = module
            .items
            .iter()
            .filter(|item| !shared_names.contains(item.name.as_str()))
            .map(|item| code[item.name.as_str()].clone())
            .collect();
        let re_exports =
            ReExports { path: shared_path, names: &shared_list, deprecated: &deprecated, gates: &shared_gates };
        let source = emit::render(&module.files.join(", "), config, &own, Some(re_exports), &module.gates)?;
        rendered.push(Member { name: name.clone(), code: source });
    }
    files.sort();
    files.dedup();
    let strategy_features = members
        .iter()
        .flat_map(|member| member.config.strategies.iter().chain(&member.config.serde).cloned())
        .collect();
    Ok(Family { shared, shared_items: shared_list, members: rendered, files, strategy_features })
}

/// The file of a member the build does not compile: no code, and why.
fn not_compiled(feature: &str) -> String {
    format!(
        "// @generated by plesk-codegen: empty, as this build compiles this module only with the feature `{feature}`, which is off.\n"
    )
}

/// The items generated identically by every member whose references are
/// all shared too.
fn shared_items<'m>(modules: &'m [Module], codes: &[BTreeMap<&'m str, (&'m Item, TokenStream)>]) -> BTreeSet<&'m str> {
    let Some((first, others)) = codes.split_first() else {
        return BTreeSet::new();
    };
    let mut shared: BTreeSet<&str> = first
        .iter()
        .filter(|(name, (_, code))| {
            let text = code.to_string();
            others.iter().all(|other| other.get(*name).is_some_and(|(_, code)| code.to_string() == text))
        })
        .map(|(name, _)| *name)
        .collect();
    // An item can be shared only if what it refers to is: drop the others
    // until nothing changes.
    loop {
        let unshareable: Vec<&str> = modules[0]
            .items
            .iter()
            .filter(|item| shared.contains(item.name.as_str()))
            .filter(|item| item.references().iter().any(|name| !shared.contains(name)))
            .map(|item| item.name.as_str())
            .collect();
        if unshareable.is_empty() {
            return shared;
        }
        for name in unshareable {
            shared.remove(name);
        }
    }
}
