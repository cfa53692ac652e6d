//! Sample documents (`plesk_codegen::sample`): what minimal and maximal
//! samples hold, that every sample of every case schema and of the bundled
//! schemas is valid for `xmllint --schema`, snapshots of a few, the errors,
//! and the `sample` subcommand.
//!
//! `xmllint` (Debian package `libxml2-utils`) must be installed: without it
//! the tests fail, they never skip.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use plesk_codegen::Config;

#[path = "support/xmllint.rs"]
mod xmllint;
use plesk_codegen::model::Schema;
use plesk_codegen::sample::{Extent, Sample, SampleError, Sampler};

const EXTENTS: [Extent; 2] = [Extent::Minimal, Extent::Maximal];

fn codegen_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn case_schema(case: &str) -> PathBuf {
    codegen_dir().join("tests/cases").join(case).join("schema.xsd")
}

fn bundled(version: &str, file: &str) -> PathBuf {
    codegen_dir().join("../schemas").join(version).join(file)
}

fn load(schema_file: &Path) -> Schema {
    let mut config = Config::new();
    config.schema(schema_file);
    plesk_codegen::load(&config).unwrap_or_else(|error| panic!("{}: {error}", schema_file.display()))
}

fn sample(schema_file: &Path, path: &str, extent: Extent) -> String {
    let schema = load(schema_file);
    Sampler::new(&schema).element(path, extent).unwrap_or_else(|error| panic!("{path} ({extent}): {error}")).xml
}

fn count(document: &str, tag: &str) -> usize {
    document.matches(&format!("<{tag}>")).count()
        + document.matches(&format!("<{tag}/>")).count()
        + document.matches(&format!("<{tag} ")).count()
}

// ----- xmllint ----------------------------------------------------------------

fn assert_valid(schema: &Path, documents: &[(String, String)]) {
    let borrowed: Vec<(&str, &str)> = documents.iter().map(|(label, text)| (label.as_str(), text.as_str())).collect();
    let failures = xmllint::validate_all(schema, &borrowed);
    let texts: BTreeMap<&str, &str> = documents.iter().map(|(label, text)| (label.as_str(), text.as_str())).collect();
    let report: Vec<String> =
        failures.iter().map(|(label, messages)| format!("{label}:\n{messages}\n{}", texts[label.as_str()])).collect();
    assert!(failures.is_empty(), "{} sample(s) rejected by xmllint:\n\n{}", failures.len(), report.join("\n\n"));
}

// ----- what samples hold ---------------------------------------------------------

#[test]
fn minimal_samples_hold_min_occurs_and_maximal_ones_max_occurs() {
    let schema = case_schema("sequence");
    let minimal = sample(&schema, "order", Extent::Minimal);
    let maximal = sample(&schema, "order", Extent::Maximal);
    // id 1..1, note 0..1, line 2..4, tag 0..*, total 1..1, flag 1..*, comment 0..2
    let expected = [
        ("id", 1, 1),
        ("note", 0, 1),
        ("line", 2, 4),
        ("tag", 0, 2),
        ("total", 1, 1),
        ("flag", 1, 2),
        ("comment", 0, 2),
    ];
    for (tag, min, max) in expected {
        assert_eq!(count(&minimal, tag), min, "<{tag}> in the minimal sample:\n{minimal}");
        assert_eq!(count(&maximal, tag), max, "<{tag}> in the maximal sample:\n{maximal}");
    }
    assert!(minimal.contains("<line/>"), "the shortest string is empty:\n{minimal}");
    assert!(maximal.contains("<line>line</line>"), "readable strings in a maximal sample:\n{maximal}");
}

#[test]
fn choices_take_the_smallest_and_the_richest_alternative() {
    let schema = case_schema("recursive");
    // Expr: a choice of value, not(Expr), and(Pair), or(Pair).
    assert_eq!(sample(&schema, "expr", Extent::Minimal), "<expr>\n  <value>0</value>\n</expr>");
    let maximal = sample(&schema, "expr", Extent::Maximal);
    // `and` (a Pair of two Exprs) is richer than `not` (one Expr) and `value`.
    assert!(maximal.starts_with("<expr>\n  <and>\n    <left>\n      <value>0</value>\n    </left>"), "{maximal}");
}

#[test]
fn recursion_is_bounded_and_exercised() {
    let schema = case_schema("recursive");
    let loaded = load(&schema);
    let counted = Sampler::new(&loaded).element("tree", Extent::Maximal).unwrap();
    assert_eq!(counted.recursions, 12, "every node below the root is a recursion:\n{}", counted.xml);
    let maximal = counted.xml;
    // Node nests twice in full: tree > first/child, then minimal.
    assert!(maximal.starts_with("<tree depth=\"0\">\n  <label>label</label>\n  <first depth=\"0\">"), "{maximal}");
    assert!(maximal.contains("\n    <first>\n      <label/>\n    </first>"), "the third level is minimal:\n{maximal}");
    assert!(!maximal.contains("\n      <first"), "no fourth level:\n{maximal}");
    let minimal = sample(&schema, "tree", Extent::Minimal);
    assert_eq!(minimal, "<tree>\n  <label/>\n</tree>");
}

#[test]
fn values_satisfy_the_facets() {
    let schema = case_schema("facets_pattern");
    for extent in EXTENTS {
        let document = sample(&schema, "patterns", extent);
        if extent == Extent::Maximal {
            assert!(document.contains("<code>AAA-00</code>"), "{document}");
            assert!(document.contains("<yes-no>yes</yes-no>"), "{document}");
            assert!(document.contains("<a-code>AAA-00</a-code>"), "both steps' patterns hold:\n{document}");
            assert!(document.contains("<no-vowel>b</no-vowel>"), "class subtraction:\n{document}");
            assert!(document.contains("<literal>^$a\\</literal>"), "{document}");
        }
    }
    // Every value of every case sample is checked by xmllint in
    // `every_sample_of_every_case_is_valid`; the snapshots pin them.
    let digits = sample(&case_schema("facets_digits"), "amounts", Extent::Maximal);
    assert!(digits.contains("<amount>0</amount>"), "{digits}");
}

#[test]
fn open_content_is_filled_in_maximal_samples_only() {
    let schema = case_schema("any");
    let minimal = sample(&schema, "envelope", Extent::Minimal);
    let maximal = sample(&schema, "envelope", Extent::Maximal);
    assert_eq!(minimal, "<envelope>\n  <header/>\n  <body>\n    <any-element/>\n  </body>\n</envelope>");
    assert_eq!(count(&maximal, "any-child"), 4, "two wildcard elements in <body>, two after it:\n{maximal}");
    let loaded = load(&schema);
    let sampler = Sampler::new(&loaded);
    assert_eq!(sampler.element("envelope", Extent::Maximal).unwrap().open_content, 4);
    assert_eq!(sampler.element("envelope", Extent::Minimal).unwrap().open_content, 0);
    let any_type = sample(&case_schema("any_type"), "note", Extent::Maximal);
    assert!(any_type.contains("any-attribute=\"value\""), "{any_type}");
    let other = sample(&case_schema("any_namespace_constraint"), "doc", Extent::Maximal);
    assert!(other.contains("<other:any-element xmlns:other=\"urn:plesk-codegen:sample\""), "{other}");
}

#[test]
fn an_element_path_samples_its_last_element_and_the_route_to_it() {
    let request = bundled("1.6.8.0", "agent_input.xsd");
    let minimal = sample(&request, "packet/webuser/add", Extent::Minimal);
    let maximal = sample(&request, "packet/webuser/add", Extent::Maximal);
    for document in [&minimal, &maximal] {
        assert!(document.starts_with("<packet>\n  <webuser>\n    <add>"), "{document}");
        assert_eq!(count(document, "add"), 1, "{document}");
        assert_eq!(count(document, "request-settings"), 0, "the packet holds only the route:\n{document}");
    }
    assert!(maximal.len() > minimal.len());
    let response = bundled("1.6.8.0", "agent_output.xsd");
    let answer = sample(&response, "packet/user/get", Extent::Minimal);
    assert!(answer.starts_with("<packet>\n  <user>\n    <get>"), "{answer}");
}

#[test]
fn samples_are_deterministic() {
    let schema = load(&bundled("1.6.8.0", "agent_output.xsd"));
    for extent in EXTENTS {
        let first = Sampler::new(&schema).element("packet", extent).unwrap();
        for _ in 0..5 {
            assert_eq!(Sampler::new(&schema).element("packet", extent).unwrap(), first);
        }
    }
}

#[test]
fn child_elements_list_what_a_path_can_hold() {
    let schema = load(&bundled("1.6.8.0", "agent_input.xsd"));
    let sampler = Sampler::new(&schema);
    let children = sampler.child_elements("packet").unwrap();
    assert_eq!(children.len(), 44, "request-settings and the 43 operators: {children:?}");
    assert_eq!(children[..2], ["request-settings", "server"]);
    assert!(children.iter().any(|child| child == "webuser") && children.iter().any(|child| child == "user"));
    assert_eq!(sampler.child_elements("packet/user").unwrap(), ["add", "get", "set", "del"]);
}

// ----- errors ----------------------------------------------------------------------

#[test]
fn errors_name_what_is_wrong_and_what_comes_close() {
    let schema = load(&bundled("1.6.8.0", "agent_input.xsd"));
    let sampler = Sampler::new(&schema);
    let error = |result: Result<Sample, SampleError>| result.unwrap_err().to_string();
    assert_eq!(
        error(sampler.element("pakcet", Extent::Minimal)),
        "no global element 'pakcet' (did you mean 'packet'?)"
    );
    assert_eq!(
        error(sampler.element("packet/user/ad", Extent::Minimal)),
        "packet/user: <user> has no child element <ad> (did you mean 'add'?); \
         its child elements: 'add', 'get', 'set', 'del'"
    );
    assert_eq!(
        error(sampler.element("packet/user/add/gen-info/login/x", Extent::Minimal)),
        "packet/user/add/gen-info/login: <login> holds only text, so the path cannot go on to <x>"
    );
    assert_eq!(
        error(sampler.element("packet/request-settings/setting/name/x", Extent::Minimal)),
        "packet/request-settings/setting/name: <name> holds any content (xs:anyType), so the path cannot go on to <x>"
    );
    assert_eq!(error(sampler.element("", Extent::Minimal)), "empty element path");
    assert_eq!(error(sampler.element("packet//user", Extent::Minimal)), "empty element path");
    assert_eq!(
        error(sampler.named_type("UserAddGenInf", Extent::Minimal)),
        "no named type 'UserAddGenInf' (did you mean one of 'UserAddGenInfo', 'UserGetGenInfo', 'UserSetGenInfo'?)"
    );

    let mut both = Config::new();
    both.schema(codegen_dir().join("../schemas/1.6.8.0"));
    let both = plesk_codegen::load(&both).unwrap();
    assert_eq!(
        error(Sampler::new(&both).element("packet/user/add", Extent::Minimal)),
        "element 'packet' is declared in several schema files (agent_input.xsd, agent_output.xsd): \
         sample from one of them"
    );
}

#[test]
fn a_type_without_a_finite_instance_is_an_error() {
    let file = temporary_schema(
        "infinite",
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
             <xs:element name="loop" type="Loop"/>
             <xs:complexType name="Loop"><xs:sequence><xs:element name="again" type="Loop"/></xs:sequence></xs:complexType>
           </xs:schema>"#,
    );
    let schema = load(&file);
    let error = Sampler::new(&schema).element("loop", Extent::Maximal).unwrap_err();
    assert!(matches!(error, SampleError::Infinite { .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        "loop: type 'Loop' has no finite instance (its required content always contains itself)"
    );
}

/// Writes a schema into a fresh temporary directory and returns its path.
fn temporary_schema(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sample-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("schema.xsd");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn ids_are_unique_and_references_name_one() {
    let file = temporary_schema(
        "ids",
        r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
             <xs:element name="catalog">
               <xs:complexType>
                 <xs:sequence>
                   <xs:element name="item" maxOccurs="unbounded">
                     <xs:complexType>
                       <xs:attribute name="key" type="xs:ID" use="required"/>
                       <xs:attribute name="see" type="xs:IDREF"/>
                     </xs:complexType>
                   </xs:element>
                 </xs:sequence>
               </xs:complexType>
             </xs:element>
           </xs:schema>"#,
    );
    let maximal = sample(&file, "catalog", Extent::Maximal);
    assert_eq!(
        maximal,
        "<catalog>\n  <item key=\"id-1\" see=\"id-1\"/>\n  <item key=\"id-2\" see=\"id-1\"/>\n</catalog>"
    );
    let documents = EXTENTS.map(|extent| (format!("{extent}"), sample(&file, "catalog", extent)));
    assert_valid(&file, &documents);
}

// ----- validity for xmllint ------------------------------------------------------------

/// The global element names of a case schema.
fn global_elements(schema: &Schema) -> Vec<String> {
    schema.elements.iter().map(|element| element.name.clone()).collect()
}

fn case_names() -> Vec<String> {
    let dir = codegen_dir().join("tests/cases");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("readable case").path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_sample_of_every_case_is_valid() {
    let mut checked = 0;
    for case in case_names() {
        let file = case_schema(&case);
        let schema = load(&file);
        let sampler = Sampler::new(&schema);
        let mut documents = Vec::new();
        for element in global_elements(&schema) {
            for extent in EXTENTS {
                let document = sampler
                    .element(&element, extent)
                    .unwrap_or_else(|error| panic!("case {case}, {element} ({extent}): {error}"))
                    .xml;
                documents.push((format!("case {case}: {extent} {element}"), document));
            }
        }
        checked += documents.len();
        assert_valid(&file, &documents);
    }
    assert!(checked > 100, "{checked} samples");
}

#[test]
fn every_operation_of_the_bundled_schemas_gives_valid_samples() {
    for version in ["1.6.7.0", "1.6.8.0"] {
        for file in ["agent_input.xsd", "agent_output.xsd"] {
            let path = bundled(version, file);
            let schema = load(&path);
            let sampler = Sampler::new(&schema);
            let mut documents = Vec::new();
            for operator in sampler.child_elements("packet").unwrap() {
                for operation in sampler.child_elements(&format!("packet/{operator}")).unwrap() {
                    let element = format!("packet/{operator}/{operation}");
                    for extent in EXTENTS {
                        let document = sampler.element(&element, extent).unwrap_or_else(|error| panic!("{error}")).xml;
                        documents.push((format!("{version}/{file}: {extent} {element}"), document));
                    }
                }
            }
            assert!(documents.len() >= 16, "{version}/{file}: {} samples", documents.len());
            assert_valid(&path, &documents);
        }
    }
}

/// A named type is sampled as an element of its name, which a small schema
/// including the type's declares, so that xmllint can check it.
#[test]
fn samples_of_named_types_are_valid() {
    let schemas = codegen_dir().join("../schemas/1.6.8.0");
    let mut config = Config::new();
    config.schema(&schemas);
    let schema = plesk_codegen::load(&config).unwrap();
    let sampler = Sampler::new(&schema);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("sample-types-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["UserAddGenInfo", "WebUserAddInputType", "resultFilterType", "id_type", "emailType"] {
        let wrapper = dir.join(format!("{name}.xsd"));
        let include = schemas.join("user.xsd").canonicalize().unwrap();
        let webuser = schemas.join("webuser.xsd").canonicalize().unwrap();
        std::fs::write(
            &wrapper,
            format!(
                r#"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                     <xs:include schemaLocation="{}"/>
                     <xs:include schemaLocation="{}"/>
                     <xs:element name="{name}" type="{name}"/>
                   </xs:schema>"#,
                include.display(),
                webuser.display()
            ),
        )
        .unwrap();
        let documents: Vec<(String, String)> = EXTENTS
            .iter()
            .map(|&extent| {
                let document = sampler.named_type(name, extent).unwrap_or_else(|error| panic!("{name}: {error}")).xml;
                assert!(document.starts_with(&format!("<{name}")), "{document}");
                (format!("{extent} {name}"), document)
            })
            .collect();
        assert_valid(&wrapper, &documents);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ----- snapshots ---------------------------------------------------------------------

fn snapshot(name: &str, schema_file: &Path, path: &str) {
    let text: String = EXTENTS
        .iter()
        .map(|&extent| format!("<!-- {extent} -->\n{}\n", sample(schema_file, path, extent)))
        .collect::<Vec<_>>()
        .join("\n");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(codegen_dir().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(true);
    let relative = schema_file
        .strip_prefix(codegen_dir().join(".."))
        .map(|rest| rest.to_path_buf())
        .or_else(|_| schema_file.strip_prefix(codegen_dir()).map(|rest| Path::new("codegen").join(rest)))
        .unwrap_or_else(|_| schema_file.to_path_buf());
    settings.set_description(format!("{} {path}", relative.display()));
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn snapshots_of_case_samples() {
    snapshot("sequence", &case_schema("sequence"), "order");
    snapshot("facets_bounds", &case_schema("facets_bounds"), "bounds");
    snapshot("facets_length", &case_schema("facets_length"), "codes");
    snapshot("facets_digits", &case_schema("facets_digits"), "amounts");
    snapshot("list", &case_schema("list"), "lists");
    snapshot("union", &case_schema("union"), "sizes");
    snapshot("choice_nested", &case_schema("choice_nested"), "shape");
    snapshot("element_default", &case_schema("element_default"), "options");
}

#[test]
fn snapshots_of_plesk_samples() {
    snapshot("user_add_request", &bundled("1.6.8.0", "agent_input.xsd"), "packet/user/add");
    snapshot("webuser_add_request", &bundled("1.6.8.0", "agent_input.xsd"), "packet/webuser/add");
    snapshot("user_get_response", &bundled("1.6.8.0", "agent_output.xsd"), "packet/user/get");
}

// ----- the CLI --------------------------------------------------------------------------

fn run(arguments: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plesk-codegen")).args(arguments).output().expect("runs plesk-codegen")
}

#[test]
fn the_sample_subcommand_prints_what_the_library_makes() {
    let request = bundled("1.6.8.0", "agent_input.xsd");
    let request_arg = request.to_str().unwrap();
    let output = run(&["sample", request_arg, "--element", "packet/user/add", "--extent", "max", "--xml-only"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let expected = format!("{}\n", sample(&request, "packet/user/add", Extent::Maximal));
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);

    let output = run(&["sample", request_arg, "--element", "packet/user/add"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(stdout.starts_with("<!-- minimal sample of element packet/user/add ("), "{stdout}");
    assert!(stdout.contains("\n\n<!-- maximal sample of element packet/user/add ("), "{stdout}");

    let output = run(&["sample", request_arg, "--type", "UserAddGenInfo", "--extent", "min", "--xml-only"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("<UserAddGenInfo>"));
}

#[test]
fn the_sample_subcommand_fails_with_a_message() {
    let request = bundled("1.6.8.0", "agent_input.xsd");
    let output = run(&["sample", request.to_str().unwrap(), "--element", "packet/user/ad"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: packet/user: <user> has no child element <ad> (did you mean 'add'?)"),
        "{stderr}"
    );

    let output = run(&["sample", request.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "clap requires --element or --type");

    let broken = codegen_dir().join("tests/broken/003_err_unknown_type.xsd");
    let output = run(&["sample", broken.to_str().unwrap(), "--element", "x"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown type 'UserAddGenInfoo'"));
}
