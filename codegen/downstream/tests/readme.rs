//! The README's "Using plesk-types" program, compiled outside plesk-types
//! (so only through its public API) and run: a request packet built,
//! validated and written, a response read: its failed operations with their
//! places, and the outcomes of its operations of one kind.
//! When the README's example changes, this test changes with it.

use std::collections::HashSet;

use plesk_types::OperationResult;
use plesk_types::v1_6_8_0::*;
use plesk_types::xml::{Document, ReadOptions};

#[test]
fn the_readme_program_builds_writes_and_reads_packets() -> Result<(), Box<dyn std::error::Error>> {
    // `new` takes what the schema requires; one operation is a packet in one
    // conversion, and `.with(op)` appends more.
    let request = RequestPacket::from(WebUserAddInputType::new(IdType(12), "myWebAccount"));
    request.validate()?;
    let body = request.to_xml(); // POST this to /enterprise/control/agent.php
    assert_eq!(body, "<packet><webuser><add><site-id>12</site-id><login>myWebAccount</login></add></webuser></packet>");

    let answer = "<packet><webuser><add><result><status>ok</status><id>7</id></result></add>\
                  <add><result><status>error</status><errcode>1015</errcode><errtext>no site</errtext></result></add>\
                  </webuser></packet>";
    let response = ResponsePacket::from_xml(answer)?;
    let mut failed = Vec::new();
    for failure in response.failures()? {
        failed.push(failure.to_string());
    }
    assert_eq!(failed, ["packet/webuser/add[2]: operation failed (error 1015): no site"]);
    let mut created = HashSet::new();
    for add in response.results::<WebUserAddOutputType>()? {
        if let Ok(id) = add.result.outcome() {
            created.insert(id);
        }
    }
    assert_eq!(created, HashSet::from([IdType(7)]));

    // Generic code through the public trait, with options built by setters.
    let options = ReadOptions::default().max_depth(16);
    let again = <ResponsePacket as Document>::from_xml_with(&response.to_xml(), options)?;
    assert_eq!(again, response);
    Ok(())
}
