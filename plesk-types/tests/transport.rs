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
// The whole API has a `Settings` type of its own (a schema type of that name);
// the transport's is meant here.
use plesk_types::transport::Settings;

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
    let port = free_port();
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

/// A body shorter than its Content-Length did not come back whole: the
/// HTTP layer sees the connection end early, which is a transport failure
/// (`Other`), never a read error of the part that came.
#[tokio::test]
async fn truncated_body() {
    let server = PleskServer::start(Fault::Truncated);
    let error = Client::new(settings(&server)).unwrap().send(&webuser(vec![get("a")])).await.unwrap_err();
    assert_eq!(transport_kind(&error), Some(TransportKind::Other), "{error:?}");
}

#[test]
fn truncated_body_blocking() {
    let server = PleskServer::start(Fault::Truncated);
    let error = BlockingClient::new(settings(&server)).unwrap().send(&webuser(vec![get("a")])).unwrap_err();
    assert_eq!(transport_kind(&error), Some(TransportKind::Other), "{error:?}");
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

// --- user flows ----------------------------------------------------------------

fn user_packet(operations: &str) -> RequestPacket {
    RequestPacket::from_xml(&format!("<packet><user>{operations}</user></packet>")).unwrap()
}

fn user_add(login: &str) -> String {
    format!(
        "<add><gen-info><login>{login}</login><passwd>secret12</passwd><name>N {login}</name></gen-info>\
         <roles><name>WebMaster</name></roles></add>"
    )
}

fn user_get(guids: &[&str]) -> String {
    let guids: String = guids.iter().map(|guid| format!("<guid>{guid}</guid>")).collect();
    format!("<get><filter>{guids}</filter><dataset><gen-info/></dataset></get>")
}

fn user_del(guid: &str) -> String {
    format!("<del><filter><guid>{guid}</guid></filter></del>")
}

fn user_answers(reply: &Reply<ResponsePacket>) -> Vec<UserOutputChoice> {
    let operators = reply.packet.operators().unwrap();
    let ResponseOperator::User(user) = &operators[0] else { panic!("{operators:?}") };
    user.choice.clone()
}

async fn add_user(client: &Client, login: &str) -> String {
    let reply = client.send(&user_packet(&user_add(login))).await.unwrap();
    assert!(reply.all_succeeded(), "{:?}", reply.failures());
    let UserOutputChoice::Add(added) = &user_answers(&reply)[0] else { panic!() };
    added.result.outcome().unwrap().guid.clone()
}

#[tokio::test]
async fn user_add_get_del_then_get_is_object_not_found() {
    let server = PleskServer::start(Fault::None);
    let client = Client::new(settings(&server)).unwrap();
    let jd = add_user(&client, "jd").await;
    let other = add_user(&client, "other").await;
    assert_ne!(jd, other);

    // get returns what was added, and only what the filter names.
    let reply = client.send(&user_packet(&user_get(&[&jd]))).await.unwrap();
    assert!(reply.all_succeeded(), "{:?}", reply.failures());
    let UserOutputChoice::Get(got) = &user_answers(&reply)[0] else { panic!() };
    assert_eq!(got.result.len(), 1, "{got:?}");
    let result = &got.result[0];
    assert_eq!(result.filter_id.as_deref(), Some(jd.as_str()));
    let info = result.data.as_ref().unwrap().gen_info.as_ref().unwrap();
    assert_eq!((info.login.as_str(), info.name.as_str(), info.guid.as_str()), ("jd", "N jd", jd.as_str()));

    // del removes it; the other user stays.
    let reply = client.send(&user_packet(&user_del(&jd))).await.unwrap();
    assert!(reply.all_succeeded(), "{:?}", reply.failures());
    let UserOutputChoice::Del(deleted) = &user_answers(&reply)[0] else { panic!() };
    assert_eq!(deleted.result[0].filter_id.as_deref(), Some(jd.as_str()));

    // get again: the object is gone (1013), and a second del fails the same way.
    let reply = client.send(&user_packet(&format!("{}{}", user_get(&[&jd, &other]), user_del(&jd)))).await.unwrap();
    let failures: Vec<(String, Option<u32>)> = reply.failures().iter().map(|f| (f.path(), f.code)).collect();
    assert_eq!(
        failures,
        [
            ("packet/user[1]/get[1]/result[1]".to_owned(), Some(1013)),
            ("packet/user[1]/del[1]/result[1]".to_owned(), Some(1013))
        ]
    );
    let UserOutputChoice::Get(got) = &user_answers(&reply)[0] else { panic!() };
    assert_eq!(got.result[1].data.as_ref().unwrap().gen_info.as_ref().unwrap().login, "other");
}

#[tokio::test]
async fn a_multi_operation_packet_names_the_failing_operation() {
    let server = PleskServer::start(Fault::None);
    let client = Client::new(settings(&server)).unwrap();
    let jd = add_user(&client, "jd").await;
    let packet = RequestPacket::from_xml(&format!(
        "<packet><webuser>{}{}</webuser><user>{}{}{}</user></packet>",
        "<add><site-id>12</site-id><login>w1</login></add>",
        "<get><filter><login>w1</login></filter></get>",
        user_get(&[&jd]),
        user_add("second"),
        user_add("jd"),
    ))
    .unwrap();
    let reply = client.send(&packet).await.unwrap();
    assert!(!reply.all_succeeded());
    let failures: Vec<String> = reply.failures().iter().map(ToString::to_string).collect();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].starts_with("packet/user[1]/add[2]/result[1]: operation failed (error 1007)"), "{failures:?}");
    // The operations around it succeeded.
    let UserOutputChoice::Add(second) = &user_answers_at(&reply, 1)[1] else { panic!() };
    assert!(second.result.outcome().is_ok());
}

fn user_answers_at(reply: &Reply<ResponsePacket>, index: usize) -> Vec<UserOutputChoice> {
    let operators = reply.packet.operators().unwrap();
    let ResponseOperator::User(user) = &operators[index] else { panic!("{operators:?}") };
    user.choice.clone()
}

// --- packet send -----------------------------------------------------------------

#[allow(dead_code)]
#[path = "../examples/packet/send.rs"]
mod send;

/// A scratch directory for one test, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("plesk-types-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn file(&self, name: &str, content: &[u8]) -> std::path::PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `packet send` with `target` and `request`: the exit status, stdout and stderr.
fn packet_send(target: &send::Target<'_>, request: &str) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = send::run("1.6.8.0", target, request.as_bytes(), &mut out, &mut err);
    (status, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

#[test]
fn packet_send_exit_statuses() {
    let server = PleskServer::start(Fault::None);
    let scratch = Scratch::new("send");
    let key = scratch.file("key", format!("{KEY}\n").as_bytes());
    let wrong_key = scratch.file("wrong-key", b"guess-7f3a");
    let password = scratch.file("password", PASSWORD.as_bytes());
    let ca = scratch.file("ca.pem", server.ca_pem.as_bytes());
    let url = server.url();
    let target = send::Target {
        url: &url,
        key_file: Some(&key),
        login: None,
        password_file: None,
        ca_file: Some(&ca),
        danger_accept_invalid_certs: false,
        timeout: Some(Duration::from_secs(10)),
    };
    let add_w1 = "<packet><webuser><add><site-id>12</site-id><login>w1</login></add></webuser></packet>";
    let mut outputs = Vec::new();

    // 0: every operation succeeded; the response pretty on stdout, nothing on stderr.
    let (status, out, err) = packet_send(&target, add_w1);
    assert_eq!((status, err.as_str()), (0, ""), "{out}");
    assert!(out.starts_with("<packet>\n") && out.contains("<status>ok</status>"), "{out}");
    outputs.push(out);
    let by_password = send::Target { key_file: None, login: Some(LOGIN), password_file: Some(&password), ..target };
    let (status, out, err) = packet_send(&by_password, &add_w1.replace("w1", "w2"));
    assert_eq!((status, err.as_str()), (0, ""), "{out}");
    outputs.push(out);

    // 1: an operation failed (a duplicate login): its place and code on stderr.
    let (status, out, err) = packet_send(&target, add_w1);
    assert_eq!(status, 1, "{out}{err}");
    assert!(out.contains("<errcode>1007</errcode>"), "{out}");
    assert_eq!(err.lines().collect::<Vec<_>>().len(), 1, "{err}");
    assert!(err.starts_with("packet/webuser[1]/add[1]/result[1]: operation failed (error 1007)"), "{err}");
    outputs.push(err);

    // 1: the packet was refused (a wrong key): the refusal on stderr, no response.
    let refused = send::Target { key_file: Some(&wrong_key), ..target };
    let (status, out, err) = packet_send(&refused, add_w1);
    assert_eq!((status, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("1001"), "{err}");
    outputs.push(err);

    // 2: usage errors (no credentials, a missing key file, an unknown version).
    let anonymous = send::Target { key_file: None, ..target };
    let (status, out, err) = packet_send(&anonymous, add_w1);
    assert_eq!((status, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("--key-file"), "{err}");
    let missing = scratch.0.join("no-such-key");
    let (status, _, err) = packet_send(&send::Target { key_file: Some(&missing), ..target }, add_w1);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("no-such-key"), "{err}");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(send::run("0.0.0.0", &target, add_w1.as_bytes(), &mut out, &mut err), 2);
    assert!(String::from_utf8(err).unwrap().contains("unknown schema version 0.0.0.0"));

    // 2: a request that does not read or does not validate, not sent.
    let before = server.received().len();
    let (status, _, err) = packet_send(&target, "<packet><webuser>");
    assert_eq!(status, 2, "{err}");
    let (status, _, err) = packet_send(&target, &add_w1.replace("w1", ""));
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("packet/webuser/add/login"), "{err}");
    assert_eq!(server.received().len(), before);

    // 2: transport errors (a certificate not trusted, a refused connection).
    let (status, out, err) = packet_send(&send::Target { ca_file: None, ..target }, add_w1);
    assert_eq!((status, out.as_str()), (2, ""), "{err}");
    assert!(err.starts_with("TLS error"), "{err}");
    outputs.push(err);
    let closed = format!("https://127.0.0.1:{}", free_port());
    let (status, _, err) = packet_send(&send::Target { url: &closed, ..target }, add_w1);
    assert_eq!(status, 2, "{err}");
    assert!(err.starts_with("connect error"), "{err}");
    outputs.push(err);

    for text in outputs {
        assert!(!text.contains(KEY) && !text.contains(PASSWORD) && !text.contains("guess-7f3a"), "{text}");
    }
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

// --- credentials never leak ------------------------------------------------------

#[tokio::test]
async fn no_error_shows_a_credential() {
    let ok = PleskServer::start(Fault::None);
    let servers: Vec<PleskServer> = [Fault::NeverAnswer, Fault::Html500, Fault::Truncated, Fault::NotXml, Fault::Huge]
        .map(PleskServer::start)
        .into();
    let closed = format!("https://127.0.0.1:{}", free_port());
    let packet = webuser(vec![get("a")]);
    let mut errors: Vec<Error> = Vec::new();
    for credentials in [Credentials::secret_key(KEY), Credentials::password(LOGIN, PASSWORD)] {
        let trusted = |server: &PleskServer| {
            Settings::new(server.url(), credentials.clone())
                .root_certificate_pem(server.ca_pem.clone())
                .timeout(Some(Duration::from_millis(500)))
                .max_response_bytes(64 * 1024)
        };
        for server in &servers {
            errors.push(Client::new(trusted(server)).unwrap().send(&packet).await.unwrap_err());
        }
        // TLS, connect, a wrong credential (the right one's text inside), invalid, settings.
        let untrusted = Settings::new(ok.url(), credentials.clone());
        errors.push(Client::new(untrusted).unwrap().send(&packet).await.unwrap_err());
        let refused = Settings::new(closed.clone(), credentials.clone());
        errors.push(Client::new(refused).unwrap().send(&packet).await.unwrap_err());
        let wrong = match &credentials {
            Credentials::SecretKey(_) => Credentials::secret_key(format!("{KEY}-x")),
            _ => Credentials::password(LOGIN, format!("{PASSWORD}-x")),
        };
        let wrong = Settings::new(ok.url(), wrong).root_certificate_pem(ok.ca_pem.clone());
        errors.push(Client::new(wrong).unwrap().send(&packet).await.unwrap_err());
        errors.push(Client::new(trusted(&ok)).unwrap().send(&webuser(vec![add("")])).await.unwrap_err());
        let bad_pem = Settings::new(ok.url(), credentials.clone()).root_certificate_pem("not a pem");
        errors.push(Client::new(bad_pem).unwrap_err());
    }
    errors.push(build_request(&Settings::new("h", Credentials::secret_key(format!("{KEY}\n"))), &packet).unwrap_err());
    errors.push(
        build_request(&Settings::new("h", Credentials::password(LOGIN, format!("{PASSWORD}\n"))), &packet).unwrap_err(),
    );

    let mut variants = std::collections::BTreeSet::new();
    for error in &errors {
        let text = format!("{error}\n{error:?}");
        assert!(!text.contains(KEY) && !text.contains(PASSWORD), "{text}");
        variants.insert(format!("{error:?}").split([' ', '(', '{']).next().unwrap().to_owned());
        if let Error::Transport { kind, .. } = error {
            variants.insert(format!("Transport/{kind:?}"));
        }
    }
    let expected = [
        "Invalid",
        "NotAPacket",
        "Refused",
        "Settings",
        "Status",
        "TooLarge",
        "Transport",
        "Transport/Connect",
        "Transport/Other",
        "Transport/Timeout",
        "Transport/Tls",
    ];
    assert_eq!(variants.into_iter().collect::<Vec<_>>(), expected);
}

#[test]
fn blocking_client_transport_kinds() {
    let closed = Settings::new(format!("https://127.0.0.1:{}", free_port()), Credentials::secret_key(KEY));
    let error = BlockingClient::new(closed).unwrap().send(&webuser(vec![get("a")])).unwrap_err();
    assert_eq!(transport_kind(&error), Some(TransportKind::Connect), "{error:?}");
    let server = PleskServer::start(Fault::None);
    let untrusting = Settings::new(server.url(), Credentials::secret_key(KEY));
    let error = BlockingClient::new(untrusting).unwrap().send(&webuser(vec![get("a")])).unwrap_err();
    assert_eq!(transport_kind(&error), Some(TransportKind::Tls), "{error:?}");
}
