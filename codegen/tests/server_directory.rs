//! A schema directory as a Plesk server keeps it: the two envelopes are the
//! roots, the types both include are generated once, the files neither
//! includes are left out (and `generate` says so), and types of the same
//! name from different files are told apart by their file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use plesk_codegen::Config;

fn temporary_directory(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("plesk-codegen-server-dir-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary directory");
    dir
}

/// Plesk's own 1.6.6.0 directory, next to the checkout.
fn plesk_1_6_6_0() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/plesk-schemas/1.6.6.0")
}

const SCHEMA_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">"#;

/// A small directory in Plesk's layout: two envelopes sharing `common.xsd`,
/// an operator type defined once per side under one name, and a file with
/// a packet of its own that neither envelope includes.
fn write_server_layout(dir: &Path) {
    let files = [
        (
            "common.xsd",
            r#"<xs:simpleType name="id_type"><xs:restriction base="xs:positiveInteger"/></xs:simpleType>
               <xs:complexType name="resultType"><xs:sequence>
                 <xs:element name="status" type="xs:string"/>
                 <xs:element name="id" type="id_type" minOccurs="0"/>
               </xs:sequence></xs:complexType>"#,
        ),
        (
            "server_input.xsd",
            r#"<xs:include schemaLocation="common.xsd"/>
               <xs:complexType name="ServerOperatorType"><xs:sequence>
                 <xs:element name="get" type="id_type"/>
               </xs:sequence></xs:complexType>"#,
        ),
        (
            "server_output.xsd",
            r#"<xs:include schemaLocation="common.xsd"/>
               <xs:complexType name="ServerOperatorType"><xs:sequence>
                 <xs:element name="result" type="resultType"/>
               </xs:sequence></xs:complexType>"#,
        ),
        (
            "agent_input.xsd",
            r#"<xs:include schemaLocation="server_input.xsd"/>
               <xs:element name="packet"><xs:complexType><xs:sequence>
                 <xs:element name="server" type="ServerOperatorType"/>
               </xs:sequence></xs:complexType></xs:element>"#,
        ),
        (
            "agent_output.xsd",
            r#"<xs:include schemaLocation="server_output.xsd"/>
               <xs:complexType name="ResponsePacketType"><xs:sequence>
                 <xs:element name="server" type="ServerOperatorType"/>
               </xs:sequence></xs:complexType>
               <xs:element name="packet" type="ResponsePacketType"/>"#,
        ),
        (
            "test.xsd",
            r#"<xs:include schemaLocation="common.xsd"/>
               <xs:element name="packet"><xs:complexType><xs:sequence>
                 <xs:element name="probe" type="xs:string"/>
               </xs:sequence></xs:complexType></xs:element>"#,
        ),
    ];
    for (name, body) in files {
        std::fs::write(dir.join(name), format!("{SCHEMA_HEAD}\n{body}\n</xs:schema>\n")).expect("schema written");
    }
}

/// How many times each `pub struct` / `pub enum` name is defined.
fn item_counts(code: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for line in code.lines() {
        let rest = line.strip_prefix("pub struct ").or_else(|| line.strip_prefix("pub enum "));
        if let Some(rest) = rest {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn a_server_directory_has_the_two_envelopes_as_roots_and_shared_types_once() {
    let dir = temporary_directory("layout");
    write_server_layout(&dir);
    let mut config = Config::plesk();
    config.schema(&dir);
    let generated = plesk_codegen::generate(&config).expect("the directory generates");
    let counts = item_counts(&generated.code);
    for name in ["RequestPacket", "ResponsePacket", "ResultType", "IdType"] {
        assert_eq!(counts.get(name), Some(&1), "{name} generated once: {counts:?}");
    }
    assert!(counts.keys().all(|name| !name.ends_with('2')), "no numbered names: {counts:?}");
    assert!(!counts.contains_key("RequestPacket2") && !counts.contains_key("Packet"), "test.xsd is no root");
    assert!(!generated.code.contains("probe"), "nothing of test.xsd is generated");
    let left_out: Vec<_> = generated
        .left_out
        .iter()
        .map(|left_out| (left_out.path.file_name().unwrap().to_string_lossy().into_owned(), left_out.reason.clone()))
        .collect();
    assert_eq!(
        left_out,
        [("test.xsd".to_owned(), "included by neither root (agent_input.xsd, agent_output.xsd)".to_owned())]
    );
}

#[test]
fn types_of_one_name_in_two_files_are_named_after_their_files() {
    let dir = temporary_directory("clash");
    write_server_layout(&dir);
    let mut config = Config::plesk();
    config.schema(&dir);
    let code = config.generate().expect("the directory generates");
    let counts = item_counts(&code);
    assert_eq!(counts.get("ServerInputServerOperatorType"), Some(&1), "{counts:?}");
    assert_eq!(counts.get("ServerOutputServerOperatorType"), Some(&1), "{counts:?}");
    assert!(!counts.contains_key("ServerOperatorType"), "{counts:?}");
}

#[test]
fn options_keyed_by_schema_paths_work_on_a_server_directory() {
    let dir = temporary_directory("options");
    write_server_layout(&dir);
    let mut config = Config::plesk();
    config.schema(&dir).type_name("resultType", "Outcome").field_name("resultType/status", "state");
    let code = config.generate().expect("the directory generates");
    assert!(code.contains("pub struct Outcome {"), "type renamed");
    assert!(code.contains("pub state: String,"), "field renamed");
    // A path into a file that is left out names nothing here.
    let mut config = Config::plesk();
    config.schema(&dir).type_name("/packet/probe", "Probe");
    assert!(config.generate().is_err(), "a path into test.xsd names nothing");
}

#[test]
fn without_root_files_a_directory_is_read_whole_as_before() {
    let dir = temporary_directory("whole");
    write_server_layout(&dir);
    let mut config = Config::plesk();
    config.schema(&dir).root_files(Vec::<String>::new());
    let generated = plesk_codegen::generate(&config).expect("the directory generates");
    assert!(generated.left_out.is_empty());
    assert!(generated.code.contains("probe"), "test.xsd is a root again");
}

#[test]
fn generate_says_which_files_it_left_out_and_why() {
    let dir = temporary_directory("cli");
    write_server_layout(&dir);
    let out = temporary_directory("cli-out");
    let output = Command::new(env!("CARGO_BIN_EXE_plesk-codegen"))
        .args(["generate", dir.to_str().unwrap(), "--out-dir", out.to_str().unwrap()])
        .output()
        .expect("runs plesk-codegen");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let expected = format!(
        "{}: left out {}: included by neither root (agent_input.xsd, agent_output.xsd)",
        dir.display(),
        dir.join("test.xsd").display()
    );
    assert!(stderr.lines().any(|line| line == expected), "{stderr}");
}

/// Plesk's 77 files as they are: one module, the envelopes its roots, every
/// type once, the files neither envelope includes named.
#[test]
fn plesks_own_directory_generates_one_module_with_every_type_once() {
    let mut config = Config::plesk();
    config.schema(plesk_1_6_6_0());
    let generated = plesk_codegen::generate(&config).expect("Plesk's 1.6.6.0 directory generates");
    let counts = item_counts(&generated.code);
    assert_eq!(counts.get("RequestPacket"), Some(&1));
    assert_eq!(counts.get("ResponsePacket"), Some(&1));
    let twice: Vec<_> = counts.iter().filter(|(_, count)| **count > 1).collect();
    assert!(twice.is_empty(), "generated twice: {twice:?}");
    for numbered in ["RequestPacket2", "RequestPacketType2", "ServerOperatorType2", "GetType2"] {
        assert!(!counts.contains_key(numbered), "{numbered}");
    }
    let left_out: Vec<_> =
        generated.left_out.iter().map(|left_out| left_out.path.file_name().unwrap().to_string_lossy()).collect();
    assert_eq!(
        left_out,
        ["domain_input.xsd", "domain_output.xsd", "plesk_siteapp.xsd", "plesk_spamfilter.xsd", "test.xsd"]
    );
}

/// The Plesk conventions hide the secrets of every operator of Plesk's own
/// files from `Debug`: passwords of every kind, secret and license keys,
/// private keys of certificates, session ids.
#[test]
fn plesks_own_directory_keeps_secrets_out_of_debug() {
    let mut config = Config::plesk();
    config.schema(plesk_1_6_6_0());
    let code = plesk_codegen::generate(&config).expect("Plesk's 1.6.6.0 directory generates").code;
    for secret in ["password", "passwd", "ftp_password", "smtp_password", "poa_api_password", "key", "pvt"] {
        let shown = format!(".field(\"{secret}\", &self.{secret})");
        assert!(!code.contains(&shown), "`{secret}` is shown by a Debug impl");
        assert!(code.contains(&format!(".field(\"{secret}\", ")), "no field `{secret}` in any redacted Debug impl");
    }
    let session = code.find("f.debug_struct(\"Session\")").expect("a Debug impl for Session");
    assert!(code[session..].lines().nth(1).is_some_and(|line| line.trim() == ".field(\"id\", &xml::Redacted)"));
}
