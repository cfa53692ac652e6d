//! Reading an HTTP response into a typed packet, without I/O.

use std::fmt;

use quick_xml::events::Event;

use super::{Error, Settings};
use crate::SystemError;
use crate::xml::{Document, ReadOptions};

/// How much of a non-200 body an [`Error::Status`] keeps.
const BODY_START: usize = 512;

/// A response packet Plesk accepted, with every failed operation listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply<P> {
    /// The packet, as the protocol version's types read it.
    pub packet: P,
    /// Every operation whose `<result>` has status `error`, in packet order.
    pub failures: Vec<FailedOperation>,
}

impl<P> Reply<P> {
    /// Every failed operation, in packet order, each with its place.
    pub fn failures(&self) -> &[FailedOperation] {
        &self.failures
    }

    /// Whether every operation succeeded.
    pub fn all_succeeded(&self) -> bool {
        self.failures.is_empty()
    }
}

/// One failed operation of a response and where it is: the operator
/// (`webuser`), the operation (`add`), and which of each (counted from 1, in
/// packet order), and which `<result>` of the operation (a `get` with a
/// filter of three logins has three).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedOperation {
    /// The operator's element name (`user`, `webuser`, ...).
    pub operator: String,
    /// Which operator of the packet, from 1.
    pub operator_index: usize,
    /// The operation's element name (`add`, `get`, ...).
    pub operation: String,
    /// Which operation of its operator, from 1.
    pub operation_index: usize,
    /// Which result of its operation, from 1.
    pub result_index: usize,
    /// `<errcode>`.
    pub code: Option<u32>,
    /// `<errtext>`.
    pub text: Option<String>,
}

impl FailedOperation {
    /// The place as an element path: `packet/webuser[1]/add[2]/result[1]`.
    pub fn path(&self) -> String {
        format!(
            "packet/{}[{}]/{}[{}]/result[{}]",
            self.operator, self.operator_index, self.operation, self.operation_index, self.result_index
        )
    }
}

impl fmt::Display for FailedOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: operation failed", self.path())?;
        if let Some(code) = self.code {
            write!(f, " (error {code})")?;
        }
        if let Some(text) = &self.text {
            write!(f, ": {text}")?;
        }
        Ok(())
    }
}

/// Reads an HTTP response (status and body) as a response packet of type
/// `P`, checking it in this order: the size limit of `settings`, the status
/// (200), the packet (read by `P`'s reader), a `<system>` refusal.
///
/// # Errors
///
/// [`Error::TooLarge`], [`Error::Status`], [`Error::NotAPacket`],
/// [`Error::Refused`].
pub fn read_response<P: Document>(settings: &Settings, status: u16, body: &[u8]) -> Result<Reply<P>, Error> {
    if body.len() > settings.max_response_bytes {
        return Err(Error::TooLarge { limit: settings.max_response_bytes });
    }
    if status != 200 {
        let start = &body[..body.len().min(BODY_START)];
        return Err(Error::Status { status, body_start: String::from_utf8_lossy(start).into_owned() });
    }
    let packet = P::from_xml_bytes_with(body, ReadOptions::default())?;
    let outcome = scan(body);
    if let Some(system) = outcome.refusal {
        return Err(Error::Refused(system));
    }
    Ok(Reply { packet, failures: outcome.failures })
}

/// [`read_response`] of an [`http::Response`].
///
/// # Errors
///
/// As [`read_response`].
pub fn read_http_response<P: Document, B: AsRef<[u8]>>(
    settings: &Settings,
    response: &http::Response<B>,
) -> Result<Reply<P>, Error> {
    read_response(settings, response.status().as_u16(), response.body().as_ref())
}

/// Every failed operation of a response packet, with its place, read from
/// its XML text; works for any operator of any protocol version. A
/// document that is not well-formed gives the failures found before the
/// fault.
pub fn failed_operations(document: &[u8]) -> Vec<FailedOperation> {
    scan(document).failures
}

#[derive(Default)]
struct Scan {
    refusal: Option<SystemError>,
    failures: Vec<FailedOperation>,
}

/// What a `<result>` or `<system>` being read holds so far.
#[derive(Default)]
struct Pending {
    status: Option<String>,
    code: Option<String>,
    text: Option<String>,
}

fn scan(document: &[u8]) -> Scan {
    let mut reader = quick_xml::Reader::from_reader(document);
    let mut out = Scan::default();
    // Element names from the root, and per depth the count of children seen
    // by name of the element at that depth (only the three levels counted).
    let mut stack: Vec<String> = Vec::new();
    let mut counts: Vec<Vec<(String, usize)>> = vec![Vec::new()];
    let mut index: Vec<usize> = Vec::new();
    let mut current: Option<Pending> = None;
    let mut field: Option<String> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Empty(empty) => {
                let name = empty.name().as_ref().to_owned();
                count(&mut counts, name);
            }
            Event::Start(start) => {
                let name = start.name().as_ref().to_owned();
                let n = count(&mut counts, name.clone());
                stack.push(name);
                index.push(n);
                counts.push(Vec::new());
                let depth = stack.len();
                let is_result = (depth == 4 && stack[3] == "result") || (depth == 2 && stack[1] == "system");
                if is_result {
                    current = Some(Pending::default());
                } else if current.is_some() && (depth == 5 || (depth == 3 && stack[1] == "system")) {
                    field = Some(stack[depth - 1].clone());
                }
            }
            Event::Text(text) => push_text(&mut current, field.as_deref(), &text.xml10_content()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match reference.into_inner().as_ref() {
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "amp" => "&".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        _ => String::new(),
                    },
                };
                push_text(&mut current, field.as_deref(), &resolved);
            }
            Event::End(_) => {
                let depth = stack.len();
                if field.is_some() && (depth == 5 || (depth == 3 && stack[1] == "system")) {
                    field = None;
                } else if (depth == 4 || (depth == 2 && stack[1] == "system"))
                    && let Some(result) = current.take()
                    && result.status.as_deref().map(str::trim) == Some("error")
                {
                    let code = result.code.and_then(|code| code.trim().parse().ok());
                    let text = result.text;
                    if depth == 2 {
                        out.refusal = Some(SystemError { code, text });
                    } else {
                        out.failures.push(FailedOperation {
                            operator: stack[1].clone(),
                            operator_index: index[1],
                            operation: stack[2].clone(),
                            operation_index: index[2],
                            result_index: index[3],
                            code,
                            text,
                        });
                    }
                }
                stack.pop();
                index.pop();
                counts.pop();
            }
            _ => {}
        }
    }
    out
}

/// Counts one more child named `name` at the innermost level; its number.
fn count(counts: &mut Vec<Vec<(String, usize)>>, name: String) -> usize {
    if counts.is_empty() {
        counts.push(Vec::new());
    }
    let last = counts.len() - 1;
    let siblings = &mut counts[last];
    match siblings.iter_mut().find(|(seen, _)| *seen == name) {
        Some((_, n)) => {
            *n += 1;
            *n
        }
        None => {
            siblings.push((name, 1));
            1
        }
    }
}

fn push_text(current: &mut Option<Pending>, field: Option<&str>, text: &str) {
    let (Some(result), Some(field)) = (current.as_mut(), field) else { return };
    let slot = match field {
        "status" => &mut result.status,
        "errcode" => &mut result.code,
        "errtext" => &mut result.text,
        _ => return,
    };
    slot.get_or_insert_with(String::new).push_str(text);
}
