//! Builds and validates a user add request with the bundled 1.6.8.0
//! bindings, prints it, then reads a response and its typed outcome.
//!
//! ```text
//! cargo run --example quickstart
//! ```

use plesk_types::OperationResult;
use plesk_types::v1_6_8_0::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The request: fields are in schema order by construction, so `login`
    // cannot be written after `name` and `passwd` cannot be forgotten.
    let request = RequestPacket {
        version: Some("1.6.8.0".to_owned()),
        request_settings: None,
        operators: vec![RequestOperator::User(UserInput {
            choice: vec![UserInputChoice::Add(UserAddInput {
                gen_info: UserAddGenInfo {
                    login: "admin2@adams.com".to_owned(),
                    passwd: "123123".to_owned(),
                    owner_guid_or_owner_external_id: None,
                    name: "Eugene Grin".to_owned(),
                    contact_info: Some(ContactInfoAdd {
                        company: Some("Grin LLC".to_owned()),
                        country: Some("US".to_owned()),
                        ..ContactInfoAdd::default()
                    }),
                    status: Some(UserAddGenInfoStatus::Enabled),
                    external_id: None,
                    subscription_domain_id: None,
                    email: Some(EmailType::from("eugene@adams.com")),
                },
                roles: UserAddRoles { name: "Admin".to_owned() },
            })],
        })],
    };
    request.validate()?;
    println!("Request ({} bytes), ready to POST to /enterprise/control/agent.php:", request.to_xml().len());
    println!("{}", request.to_xml_pretty());
    if let Some(gen_info) = find_gen_info(&request) {
        println!("Debug output hides the password: {gen_info:?}");
    }

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
    for operator in response.operators()? {
        if let ResponseOperator::User(user) = operator {
            for operation in &user.choice {
                if let UserOutputChoice::Add(add) = operation {
                    let created = add.result.outcome()?;
                    println!("Created user {} with GUID {}", created.id, created.guid);
                }
            }
        }
    }
    Ok(())
}

fn find_gen_info(request: &RequestPacket) -> Option<&UserAddGenInfo> {
    request.operators.iter().find_map(|operator| match operator {
        RequestOperator::User(user) => user.choice.iter().find_map(|operation| match operation {
            UserInputChoice::Add(add) => Some(&add.gen_info),
            _ => None,
        }),
        _ => None,
    })
}
