//! The transport: the sans-IO functions byte for byte, and both clients
//! against a fake `agent.php` on 127.0.0.1 (plesk-types/tests/support/plesk_server.rs),
//! its flows and its faults.

#[path = "support/plesk_server.rs"]
mod plesk_server;

use std::time::{Duration, Instant};

use plesk_server::{Fault, KEY, LOGIN, PASSWORD, PleskServer};
use plesk_types::OperationResult;
use plesk_types::transport::*;
use plesk_types::v1_6_8_0::*;

fn webuser(operations: Vec<WebUserInputTypeChoice>) -> RequestPacket {
    RequestPacket {
        version: None,
        request_settings: None,
        operators: vec![RequestOperator::Webuser(WebUserInputType { choice: operations })],
    }
}

fn add(login: &str) -> WebUserInputTypeChoice {
    WebUserInputTypeChoice::Add(WebUserAddInputType {
        site_id: IdType(12),
        login: login.to_owned(),
        password_and_password_type: None,
        ftp_quota: None,
        services: None,
    })
}

fn get(login: &str) -> WebUserInputTypeChoice {
    WebUserInputTypeChoice::Get(WebUserGetInputType {
        filter: WebUserFilter::Login(vec![login.to_owned()]),
        site_id_or_site_name: None,
    })
}

fn del(login: &str) -> WebUserInputTypeChoice {
    WebUserInputTypeChoice::Del(WebUserDelInputType {
        filter: WebUserFilter::Login(vec![login.to_owned()]),
        site_id_or_site_name: None,
    })
}

fn settings(server: &PleskServer) -> Settings {
    Settings::new(server.url(), Credentials::secret_key(KEY)).root_certificate_pem(server.ca_pem.clone())
}

// --- sans-IO ---------------------------------------------------------------

#[test]
fn request_is_a_post_of_the_packet_with_the_key() {
    let settings = Settings::new("https://plesk.example.com:8443", Credentials::secret_key("s3cret"));
    let request = build_request(&settings, &webuser(vec![add("web1")])).unwrap();
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri(), "https://plesk.example.com:8443/enterprise/control/agent.php");
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap().to_owned()))
        .collect();
    assert_eq!(headers, [("content-type".to_owned(), "text/xml".to_owned()), ("key".to_owned(), "s3cret".to_owned())]);
    assert!(request.headers()["key"].is_sensitive());
    assert_eq!(
        String::from_utf8(request.body().clone()).unwrap(),
        "<packet><webuser><add><site-id>12</site-id><login>web1</login></add></webuser></packet>"
    );
}

#[test]
fn password_credentials_use_http_auth_passwd() {
    let settings = Settings::new("plesk.example.com", Credentials::password("admin", "pw"));
    let request = build_request(&settings, &webuser(vec![get("web1")])).unwrap();
    assert_eq!(request.uri(), "https://plesk.example.com:8443/enterprise/control/agent.php");
    assert_eq!(request.headers()["http_auth_login"], "admin");
    assert_eq!(request.headers()["http_auth_passwd"], "pw");
    assert!(request.headers().get("http_auth_password").is_none());
    assert!(request.headers().get("key").is_none());
}

#[test]
fn agent_url_forms() {
    let url = |base: &str| Settings::new(base, Credentials::secret_key("k")).agent_url();
    assert_eq!(url("http://10.0.0.1:8880"), "http://10.0.0.1:8880/enterprise/control/agent.php");
    assert_eq!(url("https://h/some/path"), "https://h:8443/enterprise/control/agent.php");
    assert_eq!(url("h:9443"), "https://h:9443/enterprise/control/agent.php");
}

#[test]
fn invalid_packet_is_not_built_unless_validation_is_off() {
    let settings = Settings::new("h", Credentials::secret_key("k"));
    let packet = webuser(vec![add("")]);
    let error = build_request(&settings, &packet).unwrap_err();
    assert!(matches!(error, Error::Invalid(_)), "{error:?}");
    assert!(error.to_string().contains("packet/webuser/add/login"), "{error}");
    assert!(build_request(&settings.validate(false), &packet).is_ok());
}

#[test]
fn credentials_are_redacted() {
    let key = Credentials::secret_key("s3cret-key");
    let password = Credentials::password("admin", "s3cret-pw");
    let settings = Settings::new("h", password.clone());
    for text in [format!("{key:?}"), format!("{password:?}"), format!("{settings:?}")] {
        assert!(!text.contains("s3cret"), "{text}");
        assert!(text.contains("<redacted>"), "{text}");
    }
    let error =
        build_request(&Settings::new("h", Credentials::secret_key("bad\nkey")), &webuser(vec![get("a")])).unwrap_err();
    assert!(!error.to_string().contains("bad"), "{error}");
}

#[test]
fn defaults_are_on() {
    assert_eq!(DEFAULT_CONNECT_TIMEOUT, Duration::from_secs(10));
    assert_eq!(DEFAULT_TIMEOUT, Duration::from_secs(120));
    assert_eq!(Settings::new("h", Credentials::secret_key("k")).response_limit(), DEFAULT_MAX_RESPONSE_BYTES);
}

fn read(status: u16, body: &str) -> Result<Reply<ResponsePacket>, Error> {
    read_response(&Settings::new("h", Credentials::secret_key("k")), status, body.as_bytes())
}

#[test]
fn response_errors_are_typed() {
    let error = read(500, "<html>oops</html>").unwrap_err();
    assert!(matches!(&error, Error::Status { status: 500, body_start } if body_start == "<html>oops</html>"));
    let error = read(200, "not xml").unwrap_err();
    assert!(matches!(error, Error::NotAPacket(_)), "{error:?}");
    let error = read(
        200,
        "<packet><system><status>error</status><errcode>1001</errcode><errtext>no</errtext></system></packet>",
    )
    .unwrap_err();
    let refusal = error.refusal().unwrap();
    assert_eq!((refusal.code, refusal.text.as_deref()), (Some(1001), Some("no")));
    let limited = Settings::new("h", Credentials::secret_key("k")).max_response_bytes(8);
    let error = read_response::<ResponsePacket>(&limited, 200, b"<packet></packet>").unwrap_err();
    assert!(matches!(error, Error::TooLarge { limit: 8 }), "{error:?}");
}

#[test]
fn every_failed_operation_is_listed_with_its_place() {
    let reply = read(
        200,
        "<packet>\
         <webuser><add><result><status>ok</status><id>1</id></result></add>\
         <add><result><status>error</status><errcode>1007</errcode><errtext>exists &amp; taken</errtext></result></add></webuser>\
         <webuser><del><result><status>ok</status><filter-id>a</filter-id><id>1</id></result>\
         <result><status>error</status><errcode>1013</errcode><errtext>Object not found</errtext><filter-id>b</filter-id></result></del></webuser>\
         </packet>",
    )
    .unwrap();
    let places: Vec<String> = reply.failures().iter().map(ToString::to_string).collect();
    assert_eq!(
        places,
        [
            "packet/webuser[1]/add[2]/result[1]: operation failed (error 1007): exists & taken",
            "packet/webuser[2]/del[1]/result[2]: operation failed (error 1013): Object not found",
        ]
    );
    assert!(!reply.all_succeeded());
}

// --- against the fake server, async ------------------------------------------

#[tokio::test]
async fn webuser_add_get_del_flow() {
    let server = PleskServer::start(Fault::None);
    let client = Client::new(settings(&server)).unwrap();

    let reply = client.send(&webuser(vec![add("web1"), add("web1")])).await.unwrap();
    assert_eq!(reply.failures().len(), 1);
    let failure = &reply.failures()[0];
    assert_eq!((failure.path().as_str(), failure.code), ("packet/webuser[1]/add[2]/result[1]", Some(1007)));
    let operators = reply.packet.operators().unwrap();
    let ResponseOperator::Webuser(answer) = &operators[0] else { panic!("{operators:?}") };
    let WebUserOutputTypeChoice::Add(added) = &answer.choice[0] else { panic!("{answer:?}") };
    let id = added.result.outcome().unwrap();

    let reply = client.send(&webuser(vec![get("web1")])).await.unwrap();
    assert!(reply.all_succeeded(), "{:?}", reply.failures());
    let ResponseOperator::Webuser(answer) = &reply.packet.operators().unwrap()[0] else { panic!() };
    let WebUserOutputTypeChoice::Get(got) = &answer.choice[0] else { panic!("{answer:?}") };
    assert_eq!(got.result[0].id, Some(id));
    assert_eq!(got.result[0].login_group.as_ref().unwrap().login, "web1");

    let reply = client.send(&webuser(vec![del("web1"), get("web1")])).await.unwrap();
    let codes: Vec<_> = reply.failures().iter().map(|f| (f.operation.as_str(), f.code)).collect();
    assert_eq!(codes, [("get", Some(1013))]);

    let received = server.received();
    assert_eq!(received.len(), 3);
    for request in &received {
        assert_eq!((request.method.as_str(), request.path.as_str()), ("POST", "/enterprise/control/agent.php"));
        assert_eq!(request.headers["content-type"], "text/xml");
        assert_eq!(request.headers["key"], KEY);
    }
}

#[tokio::test]
async fn user_add_gives_id_and_guid_and_refuses_a_duplicate() {
    let server = PleskServer::start(Fault::None);
    let client = Client::new(settings(&server)).unwrap();
    let request: RequestPacket = RequestPacket::from_xml(
        "<packet><user><add><gen-info><login>jd</login><passwd>secret12</passwd><name>J D</name></gen-info>\
         <roles><name>WebMaster</name></roles></add></user></packet>",
    )
    .unwrap();
    let reply = client.send(&request).await.unwrap();
    assert!(reply.all_succeeded(), "{:?}", reply.failures());
    let ResponseOperator::User(user) = &reply.packet.operators().unwrap()[0] else { panic!() };
    let UserOutputChoice::Add(added) = &user.choice[0] else { panic!() };
    let created = added.result.outcome().unwrap();
    assert!(created.id.0 > 0 && created.guid.len() == 36, "{created:?}");
    let reply = client.send(&request).await.unwrap();
    assert_eq!(reply.failures()[0].code, Some(1007));
}

#[tokio::test]
async fn wrong_or_missing_credentials_are_refused() {
    let server = PleskServer::start(Fault::None);
    let packet = webuser(vec![get("a")]);
    for credentials in [Credentials::secret_key("guess-7f3a"), Credentials::password(LOGIN, "guess-7f3a")] {
        let settings = Settings::new(server.url(), credentials).root_certificate_pem(server.ca_pem.clone());
        let error = Client::new(settings).unwrap().send(&packet).await.unwrap_err();
        assert_eq!(error.refusal().map(|s| s.code), Some(Some(1001)), "{error:?}");
        assert!(!format!("{error} {error:?}").contains("guess-7f3a"), "{error:?}");
    }
    let good =
        Settings::new(server.url(), Credentials::password(LOGIN, PASSWORD)).root_certificate_pem(server.ca_pem.clone());
    assert!(Client::new(good).unwrap().send(&packet).await.is_ok());
    // A request without credentials, carried by hand from the sans-IO request.
    let built = build_request(&settings(&server), &packet).unwrap();
    let (parts, body) = built.into_parts();
    let raw = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(server.ca_pem.as_bytes()).unwrap())
        .build()
        .unwrap()
        .post(parts.uri.to_string())
        .header("content-type", "text/xml")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = raw.status().as_u16();
    let body = raw.bytes().await.unwrap();
    let error = read_response::<ResponsePacket>(&settings(&server), status, &body).unwrap_err();
    assert_eq!(error.refusal().map(|s| s.code), Some(Some(1029)), "{error:?}");
}

fn transport_kind(error: &Error) -> Option<TransportKind> {
    match error {
        Error::Transport { kind, .. } => Some(*kind),
        _ => None,
    }
}

#[tokio::test]
async fn connection_refused() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let settings = Settings::new(format!("https://127.0.0.1:{port}"), Credentials::secret_key(KEY));
    let error = Client::new(settings).unwrap().send(&webuser(vec![get("a")])).await.unwrap_err();
    assert_eq!(transport_kind(&error), Some(TransportKind::Connect), "{error:?}");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let server = PleskServer::start(Fault::NeverAnswer);
    let client = Client::new(settings(&server).timeout(Some(Duration::from_millis(500)))).unwrap();
    let started = Instant::now();
    let error = client.send(&webuser(vec![get("a")])).await.unwrap_err();
    assert_eq!(transport_kind(&error), Some(TransportKind::Timeout), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn http_500_with_html() {
    let server = PleskServer::start(Fault::Html500);
    let error = Client::new(settings(&server)).unwrap().send(&webuser(vec![get("a")])).await.unwrap_err();
    assert!(matches!(&error, Error::Status { status: 500, body_start } if body_start.contains("<h1>500")), "{error:?}");
}

#[tokio::test]
async fn truncated_body() {
    let server = PleskServer::start(Fault::Truncated);
    let error = Client::new(settings(&server)).unwrap().send(&webuser(vec![get("a")])).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. } | Error::NotAPacket(_)), "{error:?}");
}

#[tokio::test]
async fn body_that_is_not_xml() {
    let server = PleskServer::start(Fault::NotXml);
    let error = Client::new(settings(&server)).unwrap().send(&webuser(vec![get("a")])).await.unwrap_err();
    let Error::NotAPacket(read) = &error else { panic!("{error:?}") };
    assert_eq!(read.position().line, 1, "{error}");
}

#[tokio::test]
async fn response_over_the_limit() {
    let server = PleskServer::start(Fault::Huge);
    let client = Client::new(settings(&server).max_response_bytes(64 * 1024)).unwrap();
    let error = client.send(&webuser(vec![get("a")])).await.unwrap_err();
    assert!(matches!(error, Error::TooLarge { limit: 65536 }), "{error:?}");
}

#[tokio::test]
async fn self_signed_certificate_needs_its_root() {
    let server = PleskServer::start(Fault::None);
    let untrusting = Settings::new(server.url(), Credentials::secret_key(KEY));
    let error = Client::new(untrusting.clone()).unwrap().send(&webuser(vec![get("a")])).await.unwrap_err();
    assert_eq!(transport_kind(&error), Some(TransportKind::Tls), "{error:?}");
    assert!(
        Client::new(untrusting.danger_accept_invalid_certs()).unwrap().send(&webuser(vec![get("a")])).await.is_ok()
    );
    assert!(Client::new(settings(&server)).unwrap().send(&webuser(vec![get("a")])).await.is_ok());
    let bad = Settings::new(server.url(), Credentials::secret_key(KEY)).root_certificate_pem("not a pem");
    assert!(matches!(Client::new(bad), Err(Error::Settings(_))));
}

// --- blocking ----------------------------------------------------------------

#[test]
fn blocking_client_flow_refusal_and_timeout() {
    let server = PleskServer::start(Fault::None);
    let client = BlockingClient::new(settings(&server)).unwrap();
    let reply = client.send(&webuser(vec![add("b1"), get("b1")])).unwrap();
    assert!(reply.all_succeeded(), "{:?}", reply.failures());
    let wrong = Settings::new(server.url(), Credentials::secret_key("x")).root_certificate_pem(server.ca_pem.clone());
    let error = BlockingClient::new(wrong).unwrap().send(&webuser(vec![get("b1")])).unwrap_err();
    assert_eq!(error.refusal().and_then(|s| s.code), Some(1001));

    let silent = PleskServer::start(Fault::NeverAnswer);
    let client = BlockingClient::new(settings(&silent).timeout(Some(Duration::from_millis(500)))).unwrap();
    let error = client.send(&webuser(vec![get("a")])).unwrap_err();
    assert_eq!(transport_kind(&error), Some(TransportKind::Timeout), "{error:?}");
}

#[cfg(feature = "v1_6_7_0")]
#[test]
fn requests_of_other_versions_are_built_too() {
    let packet = plesk_types::v1_6_7_0::RequestPacket::from_xml(
        "<packet><webuser><get><filter><login>a</login></filter></get></webuser></packet>",
    )
    .unwrap();
    let request = build_request(&Settings::new("h", Credentials::secret_key("k")), &packet).unwrap();
    assert!(request.body().starts_with(b"<packet><webuser><get>"));
}
