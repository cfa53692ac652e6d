//! A fake `agent.php`: HTTPS on 127.0.0.1 with a certificate made at start,
//! checking method, path, content type and credentials as Plesk does, and
//! answering the user and webuser operations with state. Faults on demand.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use plesk_types::v1_6_8_0::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// The secret key the server accepts.
pub const KEY: &str = "0d1f2a3b-test-key";
/// The login and password the server accepts.
pub const LOGIN: &str = "admin";
/// See [`LOGIN`].
pub const PASSWORD: &str = "setup-password";

/// How the server misbehaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// None: it speaks the protocol.
    None,
    /// Reads the request, then never answers.
    NeverAnswer,
    /// HTTP 500 with an HTML page.
    Html500,
    /// A Content-Length larger than the body it sends, then closes.
    Truncated,
    /// 200 with a body that is not XML.
    NotXml,
    /// 200 with a 1 MiB body (valid XML as far as it goes).
    Huge,
}

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    /// The request line's method.
    pub method: String,
    /// The request line's path.
    pub path: String,
    /// Headers, names lowercased.
    pub headers: BTreeMap<String, String>,
    /// The body.
    pub body: Vec<u8>,
}

#[derive(Default)]
struct State {
    next_id: i32,
    webusers: BTreeMap<String, i32>,
    /// By login.
    users: BTreeMap<String, User>,
}

/// A user account as added.
struct User {
    id: i32,
    guid: String,
    add: UserAddInput,
}

/// The GUID of the administrator, the owner of every user added here.
const ADMIN_GUID: &str = "00000000-0000-4000-8000-000000000001";

/// Plesk's answer to an operation on an object that does not exist.
const NOT_FOUND: (u32, &str) = (1013, "Object not found");

/// A running fake server; stops when dropped.
pub struct PleskServer {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Its certificate, PEM (the root to trust).
    pub ca_pem: String,
    /// Every request received.
    pub received: Arc<Mutex<Vec<Received>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl PleskServer {
    /// Starts a server with `fault`.
    pub fn start(fault: Fault) -> Self {
        let certified = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .expect("certificate");
        let ca_pem = certified.cert.pem();
        let der = CertificateDer::from(certified.cert.der().to_vec());
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(certified.key_pair.serialize_der()));
        let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
        let config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("protocol versions")
            .with_no_client_auth()
            .with_single_cert(vec![der], key)
            .expect("server config");
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("addr");
        let received = Arc::new(Mutex::new(Vec::new()));
        let (stop, stopped) = tokio::sync::oneshot::channel();
        let log = Arc::clone(&received);
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            runtime.block_on(async move {
                let listener = TcpListener::from_std(listener).expect("listener");
                let state = Arc::new(Mutex::new(State { next_id: 1, ..State::default() }));
                let serve = async {
                    loop {
                        let Ok((tcp, _)) = listener.accept().await else { continue };
                        let acceptor = acceptor.clone();
                        let state = Arc::clone(&state);
                        let log = Arc::clone(&log);
                        tokio::spawn(async move {
                            // A client that refuses the certificate ends here.
                            let Ok(mut tls) = acceptor.accept(tcp).await else { return };
                            let Some(request) = read_request(&mut tls).await else { return };
                            log.lock().expect("log").push(request.clone());
                            let reply = match fault {
                                Fault::NeverAnswer => {
                                    std::future::pending::<()>().await;
                                    return;
                                }
                                Fault::Html500 => http(
                                    "500 Internal Server Error",
                                    "text/html",
                                    b"<html><body><h1>500 Internal Server Error</h1></body></html>",
                                    None,
                                ),
                                Fault::Truncated => http(
                                    "200 OK",
                                    "text/xml",
                                    b"<packet><webuser><add><result><status>ok</sta",
                                    Some(4096),
                                ),
                                Fault::NotXml => http("200 OK", "text/xml", b"Service temporarily unavailable", None),
                                Fault::Huge => {
                                    let mut body = b"<packet><system><status>error</status><errtext>".to_vec();
                                    body.resize(1 << 20, b'x');
                                    http("200 OK", "text/xml", &body, None)
                                }
                                Fault::None => {
                                    let packet = agent(&request, &mut state.lock().expect("state"));
                                    http("200 OK", "text/xml", packet.as_bytes(), None)
                                }
                            };
                            let _ = tls.write_all(&reply).await;
                            let _ = tls.shutdown().await;
                        });
                    }
                };
                tokio::select! {
                    () = serve => {}
                    _ = stopped => {}
                }
            });
        });
        Self { addr, ca_pem, received, stop: Some(stop) }
    }

    /// `https://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.addr.port())
    }

    /// The requests received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("log").clone()
    }
}

impl Drop for PleskServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

fn http(status: &str, content_type: &str, body: &[u8], claimed_length: Option<usize>) -> Vec<u8> {
    let length = claimed_length.unwrap_or(body.len());
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// Reads one HTTP/1.1 request (head at most 64 KiB, body by Content-Length).
async fn read_request<S: AsyncReadExt + Unpin>(stream: &mut S) -> Option<Received> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        if buffer.len() > 65536 {
            return None;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let path = request_line.next()?.to_owned();
    let headers: BTreeMap<String, String> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length: usize = headers.get("content-length").and_then(|l| l.parse().ok()).unwrap_or(0);
    let mut body = buffer[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Received { method, path, headers, body })
}

fn system(code: u32, text: &str) -> String {
    format!(
        "<packet><system><status>error</status><errcode>{code}</errcode><errtext>{text}</errtext></system></packet>"
    )
}

fn ok<R>(make: impl FnOnce(ResultStatus, Option<u32>, Option<String>) -> R) -> R {
    make(ResultStatus::Ok, None, None)
}

fn failed<R>(code: u32, text: &str, make: impl FnOnce(ResultStatus, Option<u32>, Option<String>) -> R) -> R {
    make(ResultStatus::Error, Some(code), Some(text.to_owned()))
}

/// What agent.php answers: the checks of a real server, in its order, then
/// the operations.
fn agent(request: &Received, state: &mut State) -> String {
    if request.method != "POST" || request.path != "/enterprise/control/agent.php" {
        return system(1014, "Parser error: request is not a POST to agent.php");
    }
    if !request.headers.get("content-type").is_some_and(|t| t.starts_with("text/xml")) {
        return system(1014, "Parser error: content type is not text/xml");
    }
    let key = request.headers.get("key");
    let login = request.headers.get("http_auth_login");
    let password = request.headers.get("http_auth_passwd");
    match (key, login, password) {
        (Some(key), _, _) if key == KEY => {}
        (None, Some(login), Some(password)) if login == LOGIN && password == PASSWORD => {}
        (None, None, _) | (None, Some(_), None) => return system(1029, "Authentication method is not specified"),
        _ => return system(1001, "Authentication failed - wrong password"),
    }
    let Ok(packet) = RequestPacket::from_xml_bytes(&request.body) else {
        return system(1014, "Parser error: Request is invalid");
    };
    let mut operators = Vec::new();
    for operator in packet.operators {
        match operator {
            RequestOperator::Webuser(webuser) => {
                let choice = webuser.choice.into_iter().filter_map(|operation| webuser_operation(operation, state));
                operators.push(ResponseOperator::Webuser(WebUserOutputType { choice: choice.collect() }));
            }
            RequestOperator::User(user) => {
                let choice = user.choice.into_iter().filter_map(|operation| user_operation(operation, state));
                operators.push(ResponseOperator::User(UserOutput { choice: choice.collect() }));
            }
            // The fake server keeps the state of these two operators only.
            _ => return system(1014, "Parser error: this test server speaks only user and webuser"),
        }
    }
    ResponsePacket { version: None, content: ResponseContent::Operators(operators), output: None }.to_xml()
}

fn logins(filter: &WebUserFilter) -> Vec<String> {
    match filter {
        WebUserFilter::Login(logins) => logins.clone(),
        _ => Vec::new(),
    }
}

fn webuser_operation(operation: WebUserInputTypeChoice, state: &mut State) -> Option<WebUserOutputTypeChoice> {
    Some(match operation {
        WebUserInputTypeChoice::Add(add) => {
            let result = if state.webusers.contains_key(&add.login) {
                failed(1007, "User account already exists", |status, errcode, errtext| WebUserAddOutputTypeResult {
                    status,
                    errcode,
                    errtext,
                    id: None,
                })
            } else {
                let id = state.next_id;
                state.next_id += 1;
                state.webusers.insert(add.login, id);
                ok(|status, errcode, errtext| WebUserAddOutputTypeResult {
                    status,
                    errcode,
                    errtext,
                    id: Some(IdType(id)),
                })
            };
            WebUserOutputTypeChoice::Add(WebUserAddOutputType { result })
        }
        WebUserInputTypeChoice::Get(get) => {
            let result = logins(&get.filter)
                .into_iter()
                .map(|login| match state.webusers.get(&login) {
                    Some(id) => WebUserGetOutputTypeResult {
                        status: ResultStatus::Ok,
                        errcode: None,
                        errtext: None,
                        filter_id: Some(login.clone()),
                        id: Some(IdType(*id)),
                        login_group: Some(WebUserGetOutputTypeResultLoginGroup {
                            login,
                            ftp_quota: None,
                            services: None,
                        }),
                    },
                    None => WebUserGetOutputTypeResult {
                        status: ResultStatus::Error,
                        errcode: Some(NOT_FOUND.0),
                        errtext: Some(NOT_FOUND.1.to_owned()),
                        filter_id: Some(login),
                        id: None,
                        login_group: None,
                    },
                })
                .collect();
            WebUserOutputTypeChoice::Get(WebUserGetOutputType { result })
        }
        WebUserInputTypeChoice::Del(del) => {
            let result = logins(&del.filter)
                .into_iter()
                .map(|login| match state.webusers.remove(&login) {
                    Some(id) => ResultFilterType {
                        status: ResultStatus::Ok,
                        errcode: None,
                        errtext: None,
                        filter_id: Some(login),
                        id: Some(IdType(id)),
                    },
                    None => ResultFilterType {
                        status: ResultStatus::Error,
                        errcode: Some(NOT_FOUND.0),
                        errtext: Some(NOT_FOUND.1.to_owned()),
                        filter_id: Some(login),
                        id: None,
                    },
                })
                .collect();
            WebUserOutputTypeChoice::Del(WebUserDelOutputType { result })
        }
        _ => return None,
    })
}

fn user_operation(operation: UserInputChoice, state: &mut State) -> Option<UserOutputChoice> {
    Some(match operation {
        UserInputChoice::Add(add) => {
            let login = add.gen_info.login.clone();
            let result = if state.users.contains_key(&login) {
                failed(1007, "User account already exists", |status, errcode, errtext| UserAddOutputResult {
                    status,
                    errcode,
                    errtext,
                    id_and_guid: None,
                })
            } else {
                let id = state.next_id;
                state.next_id += 1;
                let guid = format!("00000000-0000-4000-8000-{id:012}");
                state.users.insert(login, User { id, guid: guid.clone(), add });
                ok(|status, errcode, errtext| UserAddOutputResult {
                    status,
                    errcode,
                    errtext,
                    id_and_guid: Some(UserAddOutputResultIdAndGuid { id: IdType(id), guid }),
                })
            };
            UserOutputChoice::Add(UserAddOutput { result })
        }
        UserInputChoice::Get(get) => {
            let dataset = &get.dataset;
            let found = |user: &User, filter_id: Option<String>| UserGetOutputResult {
                status: ResultStatus::Ok,
                errcode: None,
                errtext: None,
                filter_id,
                id: Some(IdType(user.id)),
                data: Some(UserGetOutputData {
                    gen_info: dataset.gen_info.as_ref().map(|_| gen_info(user)),
                    roles: dataset.roles.as_ref().map(|_| user.add.roles.clone()),
                }),
            };
            let result = select(&get.filter, state)
                .into_iter()
                .map(|(filter_id, login)| match login.and_then(|login| state.users.get(&login)) {
                    Some(user) => found(user, filter_id),
                    None => UserGetOutputResult {
                        status: ResultStatus::Error,
                        errcode: Some(NOT_FOUND.0),
                        errtext: Some(NOT_FOUND.1.to_owned()),
                        filter_id,
                        id: None,
                        data: None,
                    },
                })
                .collect();
            UserOutputChoice::Get(UserGetOutput { result })
        }
        UserInputChoice::Del(del) => {
            let result = select(&del.filter, state)
                .into_iter()
                .map(|(filter_id, login)| match login.and_then(|login| state.users.remove(&login)) {
                    Some(user) => ResultFilterType {
                        status: ResultStatus::Ok,
                        errcode: None,
                        errtext: None,
                        filter_id,
                        id: Some(IdType(user.id)),
                    },
                    None => ResultFilterType {
                        status: ResultStatus::Error,
                        errcode: Some(NOT_FOUND.0),
                        errtext: Some(NOT_FOUND.1.to_owned()),
                        filter_id,
                        id: None,
                    },
                })
                .collect();
            UserOutputChoice::Del(UserDelOutput { result })
        }
        UserInputChoice::Set(_) => return None,
    })
}

/// What a user filter selects, one entry per result: the filter value the
/// result echoes (`filter-id`) and the login it names, `None` when no user
/// matches. `<all/>` gives one entry per user, without a filter value.
fn select(filter: &UserSelectionFilter, state: &State) -> Vec<(Option<String>, Option<String>)> {
    let by = |values: &[String], key: fn(&User) -> Option<&str>| {
        values
            .iter()
            .map(|value| {
                let login =
                    state.users.iter().find(|(_, user)| key(user) == Some(value)).map(|(login, _)| login.clone());
                (Some(value.clone()), login)
            })
            .collect()
    };
    match filter {
        UserSelectionFilter::Guid(guids) => by(guids, |user| Some(&user.guid)),
        UserSelectionFilter::ExternalId(ids) => by(ids, |user| user.add.gen_info.external_id.as_deref()),
        UserSelectionFilter::OwnerGuid(_) | UserSelectionFilter::OwnerExternalId(_) | UserSelectionFilter::All(_) => {
            state.users.keys().map(|login| (None, Some(login.clone()))).collect()
        }
    }
}

/// A user's `gen-info` as get answers it.
fn gen_info(user: &User) -> UserGetGenInfo {
    let added = &user.add.gen_info;
    UserGetGenInfo {
        login: added.login.clone(),
        name: added.name.clone(),
        owner_guid: ADMIN_GUID.to_owned(),
        status: match added.status {
            Some(UserAddGenInfoStatus::Enabled | UserAddGenInfoStatus::EnabledAsOne) | None => {
                UserGetGenInfoStatus::Enabled
            }
            Some(_) => UserGetGenInfoStatus::Disabled,
        },
        guid: user.guid.clone(),
        is_built_in: false,
        contact_info: added.contact_info.clone(),
        external_id: added.external_id.clone(),
        subscription_domain_id: added.subscription_domain_id,
        email: added.email.clone(),
        mailname_id: None,
    }
}
