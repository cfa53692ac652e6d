//! Speed of the generated packets of protocol 1.6.8.0
//! (`plesk_types::v1_6_8_0`) next to their floors and the usual
//! alternatives, on the documents of `../shared/bench/`.
//!
//! `cargo bench --bench packets` runs every group below, then prints the
//! ratios of this run against the targets (PASS/MISS), the median of every
//! benchmark, and the peak heap memory of parsing the 10,000-result
//! response. `cargo bench --bench packets -- --test` (and
//! `cargo test --benches`) runs every benchmark once as a check; the ratios
//! then read "no estimate".
//!
//! Groups, each with our code and its baselines side by side:
//!
//! - `serialize/request`: `RequestPacket::to_xml` (`ours`), quick-xml's raw
//!   `Writer` writing the same events from hand-written structs
//!   (`quick-xml-writer`, the floor), `quick_xml::se::to_string` of those
//!   structs (`serde-quick-xml`);
//! - `parse/add-response`, `parse/get-1`, `parse/get-200`,
//!   `parse/get-10000`, and the whole-API document `parse/webspace-get-1`,
//!   `parse/webspace-get-200`: `ResponsePacket::from_xml` (`ours`), quick-xml's raw
//!   `Reader` iterating every event (`quick-xml-reader`, the floor),
//!   `roxmltree::Document::parse` (`roxmltree`), `quick_xml::de::from_str`
//!   into hand-written structs (`serde-quick-xml`);
//! - `validate/request`, `validate/get-200`, `validate/webspace-get-200`:
//!   `validate()` (`validate`) next to `to_xml()` (`serialize`) of the same
//!   value.
//!
//! Every implementation is checked once, outside the timing, to produce or
//! consume the whole document (see [`check_documents`]).

#[path = "packets/baseline.rs"]
mod baseline;
#[path = "packets/memory.rs"]
mod memory;
#[path = "packets/report.rs"]
mod report;
#[path = "packets/webspace.rs"]
mod webspace;

use std::hint::black_box;
use std::time::{Duration, SystemTime};

use criterion::{Criterion, SamplingMode, Throughput};
use plesk_types::v1_6_8_0::{RequestPacket, ResponsePacket};

use report::{Estimates, Row, Target, Unit, ratio};

/// Where the shared benchmark documents are.
const DOCUMENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bench/");
/// Where the bench's own documents are (the whole-API document).
const OWN_DOCUMENTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plesk-types/benches/packets/documents/");
/// The schemas the documents are checked against with xmllint.
const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/1.6.8.0/");

/// Function name of our code in every group.
const OURS: &str = "ours";
/// Function name of quick-xml's raw writer.
const WRITER: &str = "quick-xml-writer";
/// Function name of quick-xml's raw reader.
const READER: &str = "quick-xml-reader";
/// Function name of roxmltree.
const ROXMLTREE: &str = "roxmltree";
/// Function name of serde with quick-xml.
const SERDE: &str = "serde-quick-xml";
/// Function name of `validate()` in the validate groups.
const VALIDATE: &str = "validate";
/// Function name of `to_xml()` in the validate groups.
const SERIALIZE: &str = "serialize";

/// Result counts of the user get responses: 200 is the shared document, the
/// others are made from it.
const GET_SIZES: [usize; 3] = [1, 200, 10_000];
/// Result counts of the webspace get responses (the whole-API document): 200
/// is the bench's own document, 1 is made from it.
const WEBSPACE_SIZES: [usize; 2] = [1, 200];
/// The validate groups (`validate/<name>`), each on the value of the
/// document of the same name.
const VALIDATE_GROUPS: [&str; 3] = ["request", "get-200", "webspace-get-200"];

/// Our serializer against the raw writer (this and the next are the targets
/// of the issue the suite was written for).
const SERIALIZE_TARGET: f64 = 1.3;
/// Our parser against the raw reader (issue 13; the stretch is 1.0).
const PARSE_TARGET: f64 = 1.2;
/// roxmltree's DOM against our parser (ours faster than it).
const ROXMLTREE_SPEEDUP_TARGET: f64 = 1.0;
/// serde against our parser (ours at least this much faster).
const SERDE_SPEEDUP_TARGET: f64 = 2.0;
/// `validate()` against `to_xml()` of the same value.
const VALIDATE_TARGET: f64 = 0.10;
/// Time per byte at 10,000 results against 200 results.
const LINEARITY_TARGET: f64 = 1.2;
/// Peak heap bytes while parsing the 10,000-result response, per input byte.
const MEMORY_TARGET: f64 = 2.0;

/// The benchmark documents.
struct Documents {
    /// `request-user-add.xml`.
    request: String,
    /// `response-user-add.xml`.
    add_response: String,
    /// User get responses with [`GET_SIZES`] results.
    get: Vec<(usize, String)>,
    /// Webspace get responses with [`WEBSPACE_SIZES`] results, each with
    /// general settings, hosting settings and limits.
    webspace: Vec<(usize, String)>,
}

impl Documents {
    /// Reads the shared documents and makes the other user get responses.
    fn load() -> Self {
        let get_200 = read_document("response-user-get-200.xml");
        let get = GET_SIZES.iter().map(|&results| (results, get_response(&get_200, results))).collect();
        let webspace_200 = read_own_document("response-webspace-get-200.xml");
        let webspace = WEBSPACE_SIZES.iter().map(|&results| (results, get_response(&webspace_200, results))).collect();
        Self {
            request: read_document("request-user-add.xml"),
            add_response: read_document("response-user-add.xml"),
            get,
            webspace,
        }
    }

    /// The user get response with `results` results.
    fn get(&self, results: usize) -> &str {
        self.get
            .iter()
            .find(|(count, _)| *count == results)
            .map(|(_, document)| document.as_str())
            .expect("a known size")
    }

    /// Every parse group: its name and document.
    fn parse_groups(&self) -> Vec<(String, &str)> {
        let mut groups = vec![("add-response".to_owned(), self.add_response.as_str())];
        groups.extend(self.get.iter().map(|(results, document)| (format!("get-{results}"), document.as_str())));
        groups.extend(
            self.webspace.iter().map(|(results, document)| (format!("webspace-get-{results}"), document.as_str())),
        );
        groups
    }

    /// The document of a parse group by its name.
    fn response(&self, name: &str) -> &str {
        self.parse_groups()
            .into_iter()
            .find(|(group, _)| group == name)
            .map(|(_, document)| document)
            .expect("a known document")
    }
}

/// Reads a document of the shared benchmark directory.
fn read_document(name: &str) -> String {
    read_file(&format!("{DOCUMENTS}{name}"))
}

/// Reads a document of the bench's own directory.
fn read_own_document(name: &str) -> String {
    read_file(&format!("{OWN_DOCUMENTS}{name}"))
}

fn read_file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("cannot read the benchmark document {path}: {error}"))
}

/// The get response `template` with `results` `<result>` elements: the
/// template's results in order, repeated as often as needed (so the result
/// elements, and the cost per byte, are those of the template). With as many
/// results as the template has, this is the template itself.
fn get_response(template: &str, results: usize) -> String {
    let first = template.find("<result>").expect("the template has a <result>");
    let end = template.rfind("</result>").expect("the template has a </result>") + "</result>".len();
    let elements: Vec<&str> = template[first..end].split_inclusive("</result>").collect();
    assert!(elements.iter().all(|element| element.starts_with("<result>")), "results follow each other directly");
    let size = first + (template.len() - end) + elements.iter().cycle().take(results).map(|e| e.len()).sum::<usize>();
    let mut document = String::with_capacity(size);
    document.push_str(&template[..first]);
    for element in elements.iter().cycle().take(results) {
        document.push_str(element);
    }
    document.push_str(&template[end..]);
    if results == elements.len() {
        assert_eq!(document, template, "rebuilding the template gives it back");
    }
    document
}

/// Checks, outside the timing, that every implementation does the whole job
/// on every document: our serializer, the raw writer and serde write exactly
/// the request; our parser and serde read every element of each response
/// (writing the value back gives the document); roxmltree parses it; our
/// values validate; xmllint accepts the bench's own documents.
fn check_documents(documents: &Documents) {
    for (name, document) in &documents.webspace {
        check_with_xmllint(&format!("webspace-get-{name}"), document);
    }
    let request = RequestPacket::from_xml(&documents.request).expect("we read the request");
    assert_eq!(request.to_xml(), documents.request, "we write the request back as it was");
    request.validate().expect("the request is valid");
    let serde_request = baseline::serde_request(&documents.request);
    assert_eq!(
        baseline::write_request(&serde_request),
        documents.request.as_bytes(),
        "the raw writer writes the request"
    );
    for (name, document) in documents.parse_groups() {
        let response = ResponsePacket::from_xml(document).unwrap_or_else(|error| panic!("we read {name}: {error}"));
        assert_eq!(response.to_xml(), document, "we write {name} back as it was");
        response.validate().unwrap_or_else(|error| panic!("{name} is valid: {error}"));
        baseline::check_serde_round_trip::<baseline::ResponsePacket>(document);
        roxmltree::Document::parse(document).unwrap_or_else(|error| panic!("roxmltree reads {name}: {error}"));
        assert!(baseline::read_events(document) > 0);
    }
}

/// Checks that xmllint finds the response `document` valid against
/// [`SCHEMAS`]: the documents written for the bench follow the schema, not
/// only our reader.
fn check_with_xmllint(name: &str, document: &str) {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut xmllint = Command::new("xmllint")
        .args(["--noout", "--schema", &format!("{SCHEMAS}agent_output.xsd"), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xmllint runs (Debian package libxml2-utils)");
    xmllint.stdin.take().expect("a pipe").write_all(document.as_bytes()).expect("xmllint reads the document");
    let output = xmllint.wait_with_output().expect("xmllint ends");
    assert!(output.status.success(), "xmllint rejects {name}:\n{}", String::from_utf8_lossy(&output.stderr));
}

/// `serialize/request`.
fn bench_serialize(criterion: &mut Criterion, documents: &Documents) {
    let ours = RequestPacket::from_xml(&documents.request).expect("we read the request");
    let hand_written = baseline::serde_request(&documents.request);
    let mut group = criterion.benchmark_group("serialize/request");
    group.throughput(Throughput::Bytes(documents.request.len() as u64));
    group.bench_function(OURS, |b| b.iter(|| black_box(&ours).to_xml()));
    group.bench_function(WRITER, |b| b.iter(|| baseline::write_request(black_box(&hand_written))));
    group.bench_function(SERDE, |b| {
        b.iter(|| quick_xml::se::to_string(black_box(&hand_written)).expect("serde writes the request"))
    });
    group.finish();
}

/// `parse/<name>` on `document`.
fn bench_parse(criterion: &mut Criterion, name: &str, document: &str) {
    let mut group = criterion.benchmark_group(format!("parse/{name}"));
    group.throughput(Throughput::Bytes(document.len() as u64));
    if document.len() > 1_000_000 {
        // Tens of milliseconds an iteration: fewer samples, each of a few
        // iterations, keep the group within a few seconds.
        group.sample_size(10).sampling_mode(SamplingMode::Flat);
    }
    group.bench_function(OURS, |b| b.iter(|| ResponsePacket::from_xml(black_box(document)).expect("we read it")));
    group.bench_function(READER, |b| b.iter(|| baseline::read_events(black_box(document))));
    group.bench_function(ROXMLTREE, |b| {
        b.iter(|| roxmltree::Document::parse(black_box(document)).expect("roxmltree reads it"))
    });
    group.bench_function(SERDE, |b| {
        b.iter(|| quick_xml::de::from_str::<baseline::ResponsePacket>(black_box(document)).expect("serde reads it"))
    });
    group.finish();
}

/// `validate/request` and the validate groups of the responses.
fn bench_validate(criterion: &mut Criterion, documents: &Documents) {
    let request = RequestPacket::from_xml(&documents.request).expect("we read the request");
    let mut group = criterion.benchmark_group("validate/request");
    group.bench_function(VALIDATE, |b| b.iter(|| black_box(&request).validate()));
    group.bench_function(SERIALIZE, |b| b.iter(|| black_box(&request).to_xml()));
    group.finish();

    for name in VALIDATE_GROUPS.into_iter().filter(|&name| name != "request") {
        let response = ResponsePacket::from_xml(documents.response(name)).expect("we read the response");
        let mut group = criterion.benchmark_group(format!("validate/{name}"));
        group.bench_function(VALIDATE, |b| b.iter(|| black_box(&response).validate()));
        group.bench_function(SERIALIZE, |b| b.iter(|| black_box(&response).to_xml()));
        group.finish();
    }
}

/// The ratios of this run against the targets.
fn ratio_rows(estimates: &Estimates, documents: &Documents) -> Vec<Row> {
    let mut rows = vec![
        Row::new(
            "serialize request: ours / quick-xml writer",
            ratio(estimates, "serialize/request/ours", "serialize/request/quick-xml-writer"),
            Unit::Ratio,
            Target::AtMost(SERIALIZE_TARGET),
        ),
        Row::new(
            "serialize request: serde / quick-xml writer",
            ratio(estimates, "serialize/request/serde-quick-xml", "serialize/request/quick-xml-writer"),
            Unit::Ratio,
            Target::None,
        ),
    ];
    for (name, _) in documents.parse_groups() {
        let id = |function: &str| format!("parse/{name}/{function}");
        rows.push(Row::new(
            format!("parse {name}: ours / quick-xml reader"),
            ratio(estimates, &id(OURS), &id(READER)),
            Unit::Ratio,
            Target::AtMost(PARSE_TARGET),
        ));
        rows.push(Row::new(
            format!("parse {name}: serde / ours"),
            ratio(estimates, &id(SERDE), &id(OURS)),
            Unit::Ratio,
            Target::AtLeast(SERDE_SPEEDUP_TARGET),
        ));
        rows.push(Row::new(
            format!("parse {name}: serde / quick-xml reader"),
            ratio(estimates, &id(SERDE), &id(READER)),
            Unit::Ratio,
            Target::None,
        ));
        rows.push(Row::new(
            format!("parse {name}: roxmltree / ours"),
            ratio(estimates, &id(ROXMLTREE), &id(OURS)),
            Unit::Ratio,
            Target::AtLeast(ROXMLTREE_SPEEDUP_TARGET),
        ));
        rows.push(Row::new(
            format!("parse {name}: roxmltree / quick-xml reader"),
            ratio(estimates, &id(ROXMLTREE), &id(READER)),
            Unit::Ratio,
            Target::None,
        ));
    }
    let per_byte_of = |name: &str, function: &str| {
        Some(estimates.median(&format!("parse/{name}/{function}"))? / documents.response(name).len() as f64)
    };
    let per_byte = |results: usize, function: &str| per_byte_of(&format!("get-{results}"), function);
    let per_byte_names = GET_SIZES.iter().map(|results| format!("get-{results}"));
    let webspace_names = WEBSPACE_SIZES.iter().map(|results| format!("webspace-get-{results}"));
    for name in per_byte_names.chain(webspace_names) {
        rows.push(Row::new(
            format!("parse {name}: ours per byte"),
            per_byte_of(&name, OURS),
            Unit::NanosPerByte,
            Target::None,
        ));
    }
    rows.push(Row::new(
        "linearity: ours per byte, get-10000 / get-200",
        per_byte(10_000, OURS).zip(per_byte(200, OURS)).map(|(large, small)| large / small),
        Unit::Ratio,
        Target::AtMost(LINEARITY_TARGET),
    ));
    rows.push(Row::new(
        "linearity: quick-xml reader per byte, get-10000 / get-200",
        per_byte(10_000, READER).zip(per_byte(200, READER)).map(|(large, small)| large / small),
        Unit::Ratio,
        Target::None,
    ));
    for group in VALIDATE_GROUPS {
        rows.push(Row::new(
            format!("validate / serialize, {group}"),
            ratio(estimates, &format!("validate/{group}/{VALIDATE}"), &format!("validate/{group}/{SERIALIZE}")),
            Unit::Percent,
            Target::AtMost(VALIDATE_TARGET),
        ));
    }
    rows
}

/// Every benchmark id with the size of its input, for the table of medians.
fn benchmark_ids(documents: &Documents) -> Vec<(String, Option<usize>)> {
    let request = Some(documents.request.len());
    let mut ids: Vec<(String, Option<usize>)> =
        [OURS, WRITER, SERDE].iter().map(|function| (format!("serialize/request/{function}"), request)).collect();
    for (name, document) in documents.parse_groups() {
        for function in [OURS, READER, ROXMLTREE, SERDE] {
            ids.push((format!("parse/{name}/{function}"), Some(document.len())));
        }
    }
    for group in VALIDATE_GROUPS {
        for function in [VALIDATE, SERIALIZE] {
            ids.push((format!("validate/{group}/{function}"), None));
        }
    }
    ids
}

/// Peak heap bytes of each parser on the 10,000-result response, per input
/// byte (printed in full before the rows).
fn memory_rows(documents: &Documents) -> Vec<Row> {
    let document = documents.get(10_000);
    let parsers: [(&str, alloc_meter::Usage, Target); 4] = [
        (
            OURS,
            memory::peak_bytes(|| ResponsePacket::from_xml(document).expect("we read it")),
            Target::AtMost(MEMORY_TARGET),
        ),
        (
            ROXMLTREE,
            memory::peak_bytes(|| roxmltree::Document::parse(document).expect("roxmltree reads it")),
            Target::None,
        ),
        (
            SERDE,
            memory::peak_bytes(|| {
                quick_xml::de::from_str::<baseline::ResponsePacket>(document).expect("serde reads it")
            }),
            Target::None,
        ),
        (READER, memory::peak_bytes(|| baseline::read_events(document)), Target::None),
    ];
    println!("\nHeap while parsing get-10000 ({} bytes), in bytes requested from the allocator:\n", document.len());
    println!("| parser | peak | result holds |\n|---|---:|---:|");
    for (parser, usage, _) in &parsers {
        println!("| {parser} | {} | {} |", usage.peak, usage.retained);
    }
    parsers
        .iter()
        .map(|(parser, usage, target)| {
            Row::new(
                format!("peak memory parsing get-10000: {parser} / input"),
                Some(usage.peak as f64 / document.len() as f64),
                Unit::Ratio,
                *target,
            )
        })
        .collect()
}

/// Whether criterion was asked only to list the benchmarks (then nothing
/// else is printed, for the tools that read the list).
fn listing_only() -> bool {
    std::env::args().any(|argument| argument == "--list")
}

fn main() {
    let started = SystemTime::now();
    let mut criterion = Criterion::default()
        .sample_size(25)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let documents = Documents::load();
    if !listing_only() {
        check_documents(&documents);
    }
    bench_serialize(&mut criterion, &documents);
    for (name, document) in documents.parse_groups() {
        bench_parse(&mut criterion, &name, document);
    }
    bench_validate(&mut criterion, &documents);
    criterion.final_summary();
    if listing_only() {
        return;
    }

    let estimates = Estimates::read(&report::criterion_directory(), started);
    let mut rows = ratio_rows(&estimates, &documents);
    rows.extend(memory_rows(&documents));
    println!("\nRatios of this run (criterion medians from {}):\n", estimates.directory().display());
    println!("{}", report::table(&rows));
    println!("Medians of this run:\n");
    println!("{}", report::medians_table(&estimates, &benchmark_ids(&documents)));
}
