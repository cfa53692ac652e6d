//! Generates the bindings of `schema/orders.xsd` into `OUT_DIR/orders.rs`,
//! as a crate using plesk-codegen from its build script would: without the
//! Plesk conventions, adding `serde::Serialize` to one type.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut config = plesk_codegen::Config::new();
    config
        .schema(concat!(env!("CARGO_MANIFEST_DIR"), "/schema/orders.xsd"))
        .type_attribute("Customer", "#[derive(serde::Serialize)]")
        .field_attribute("Customer/email", r#"#[serde(skip_serializing_if = "Option::is_none")]"#);
    match config.write("orders.rs") {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
