//! Builds and validates a user add request with the bundled 1.6.8.0
//! bindings, prints it, then reads a response and its typed outcome.
//!
//! ```text
//! cargo run --example quickstart --features user
//! ```

use plesk_types::OperationResult;
use plesk_types::v1_6_8_0::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The operation: `new` takes what the schema requires (login, password,
    // name), struct update syntax the rest; fields are written in schema
    // order whatever order they are given in.
    let gen_info = UserAddGenInfo {
        contact_info: Some(ContactInfoAdd {
            company: Some("Grin LLC".to_owned()),
            country: Some("US".to_owned()),
            ..ContactInfoAdd::default()
        }),
        status: Some(UserAddGenInfoStatus::Enabled),
        email: Some(EmailType::from("eugene@adams.com")),
        ..UserAddGenInfo::new("admin2@adams.com", "123123", "Eugene Grin")
    };
    let add = UserAddInput::new(gen_info, UserAddRoles::new("Admin"));
    println!("Debug output hides the password: {:?}", add.gen_info);
    // The packet around it: `From` puts the operation into its operator
    // element (`<user>`); `.with(...)` would append more operations.
    let request = RequestPacket { version: Some("1.6.8.0".to_owned()), ..RequestPacket::from(add) };
    request.validate()?;
    println!("Request ({} bytes), ready to POST to /enterprise/control/agent.php:", request.to_xml().len());
    println!("{}", request.to_xml_pretty());

    // The response, as Plesk sends it back.
    let response = ResponsePacket::from_xml(
        r#"<packet version="1.6.8.0">
             <user>
               <add>
                 <result>
                   <status>ok</status>
                   <id>21</id>
                   <guid>8712cd03-14e2-9e16-95af-c67e3ffc2696</guid>
                 </result>
               </add>
             </user>
           </packet>"#,
    )?;
    response.validate()?;
    // Every failed operation, with its place (`packet/user/add: operation failed (error 1007): ...`).
    for failure in response.failures()? {
        println!("{failure}");
    }
    // The results of one kind of operation, in packet order.
    for add in response.results::<UserAddOutput>()? {
        let created = add.result.outcome()?;
        println!("Created user {} with GUID {}", created.id, created.guid);
    }
    Ok(())
}
