//! The README's "Using plesk-types" program, compiled outside plesk-types
//! (so only through its public API) and run: a request packet built,
//! validated and written, a response read and its operation's outcome taken.
//! When the README's example changes, this test changes with it.

use plesk_types::OperationResult;
use plesk_types::v1_6_8_0::*;
use plesk_types::xml::{Document, ReadOptions};

#[test]
fn the_readme_program_builds_writes_and_reads_packets() -> Result<(), Box<dyn std::error::Error>> {
    let request = RequestPacket {
        version: Some("1.6.8.0".to_owned()),
        request_settings: None,
        operators: vec![RequestOperator::Webuser(WebUserInputType {
            choice: vec![WebUserInputTypeChoice::Add(WebUserAddInputType {
                site_id: IdType(12),
                login: "myWebAccount".to_owned(),
                password_and_password_type: None,
                ftp_quota: None,
                services: None,
            })],
        })],
    };
    request.validate()?;
    let body = request.to_xml(); // POST this to /enterprise/control/agent.php
    assert_eq!(
        body,
        r#"<packet version="1.6.8.0"><webuser><add><site-id>12</site-id><login>myWebAccount</login></add></webuser></packet>"#
    );

    let answer = "<packet><webuser><add><result><status>ok</status><id>7</id></result></add></webuser></packet>";
    let response = ResponsePacket::from_xml(answer)?;
    let mut ids = Vec::new();
    for operator in response.operators()? {
        if let ResponseOperator::Webuser(webuser) = operator {
            for operation in &webuser.choice {
                if let WebUserOutputTypeChoice::Add(add) = operation {
                    let id = add.result.outcome()?;
                    ids.push(id);
                }
            }
        }
    }
    assert_eq!(ids, [IdType(7)]);

    // Generic code through the public trait, with options built by setters.
    let options = ReadOptions::default().max_depth(16);
    let again = <ResponsePacket as Document>::from_xml_with(&response.to_xml(), options)?;
    assert_eq!(again, response);
    Ok(())
}
