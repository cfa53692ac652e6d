//! The sample packets of the Plesk documentation pages in `../shared/seeds`:
//! each is found, parses as the side the page gives it (request or
//! response), validates, and is written back with the same elements in the
//! same order.

mod support;

use std::collections::BTreeSet;

use plesk_types::v1_6_8_0::{RequestPacket, ResponsePacket};
use plesk_types::xml::{ValidationErrors, ViolationKind};
use support::{PacketBlock, SEED_FILES, Sample, Side, extract_packet_blocks, read_seed, samples, seed_dir};

/// Every seed page is listed in `SEED_FILES`, and holds exactly the blocks
/// listed there: complete samples (with the line that introduces each),
/// structure illustrations, and unfinished start tags. A sample the
/// extractor missed, or one too many, fails here.
#[test]
fn every_packet_of_every_seed_page_is_accounted_for() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(seed_dir())
        .expect("seed directory")
        .map(|entry| entry.expect("seed directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    let listed: BTreeSet<String> = SEED_FILES.iter().map(|expected| expected.file.to_owned()).collect();
    assert_eq!(on_disk, listed, "seed pages on disk vs. seed pages the tests know");

    for expected in SEED_FILES {
        let page = read_seed(expected.file);
        let blocks = extract_packet_blocks(&page);
        let mut samples = Vec::new();
        let mut skeletons = 0;
        let mut unfinished = Vec::new();
        for block in &blocks {
            match block {
                PacketBlock::Sample(block) => samples.push(block.intro.as_str()),
                PacketBlock::Skeleton(_) => skeletons += 1,
                PacketBlock::Unfinished(block) => unfinished.push(block.text.as_str()),
            }
        }
        let expected_intros: Vec<&str> = expected.samples.iter().map(|&(_, intro)| intro).collect();
        assert_eq!(samples, expected_intros, "{}: complete samples and the line introducing each", expected.file);
        assert_eq!(skeletons, expected.skeletons, "{}: structure illustrations", expected.file);
        assert_eq!(unfinished, expected.unfinished, "{}: unfinished packets", expected.file);
        // Every end tag closes one of the complete blocks.
        assert_eq!(
            page.matches("</packet>").count(),
            samples.len() + skeletons,
            "{}: every </packet> belongs to a sample or an illustration",
            expected.file
        );
    }
}

/// Nothing that looks like markup lies outside the blocks found: a sample
/// that does not start with `<packet` would show up here.
#[test]
fn every_line_of_markup_lies_in_a_packet_block() {
    for expected in SEED_FILES {
        let page = read_seed(expected.file);
        let ranges: Vec<std::ops::Range<usize>> = extract_packet_blocks(&page)
            .into_iter()
            .map(|block| match block {
                PacketBlock::Sample(block) | PacketBlock::Skeleton(block) | PacketBlock::Unfinished(block) => {
                    block.range
                }
            })
            .collect();
        let mut offset = 0;
        for (index, line) in page.split_inclusive('\n').enumerate() {
            let content = line.trim_start_matches(|c: char| c.is_whitespace());
            if content.starts_with('<') {
                let at = offset + (line.len() - content.len());
                assert!(
                    ranges.iter().any(|range| range.contains(&at)),
                    "{}:{}: markup outside every packet block: {:?}",
                    expected.file,
                    index + 1,
                    line.trim()
                );
            }
            offset += line.len();
        }
    }
}

/// The normalization of U+00A0 (see `support::normalize_no_break_spaces`)
/// only ever touches indentation: no value of a sample contains one.
#[test]
fn no_break_spaces_are_only_indentation() {
    let mut seen = 0;
    for sample in samples() {
        let raw = &read_seed(sample.file)[sample.block.range.clone()];
        for (index, line) in raw.lines().enumerate() {
            let content = line.trim_start_matches(|c: char| c.is_whitespace());
            assert!(
                !content.contains('\u{a0}'),
                "{} line {}: U+00A0 inside content: {line:?}",
                sample.label(),
                index + 1
            );
            seen += line.matches('\u{a0}').count();
        }
        assert!(!sample.block.text.contains('\u{a0}'), "{}: normalized text still holds U+00A0", sample.label());
    }
    assert!(seen > 0, "no sample is indented with U+00A0 any more: the normalization and its comment can go");
}

enum Parsed {
    Request(RequestPacket),
    Response(ResponsePacket),
}

impl Parsed {
    fn to_xml(&self) -> String {
        match self {
            Parsed::Request(packet) => packet.to_xml(),
            Parsed::Response(packet) => packet.to_xml(),
        }
    }

    fn to_xml_pretty(&self) -> String {
        match self {
            Parsed::Request(packet) => packet.to_xml_pretty(),
            Parsed::Response(packet) => packet.to_xml_pretty(),
        }
    }

    fn validate(&self) -> Result<(), ValidationErrors> {
        match self {
            Parsed::Request(packet) => packet.validate(),
            Parsed::Response(packet) => packet.validate(),
        }
    }
}

/// Parses a sample as the side the documentation gives it.
fn parse(sample: &Sample) -> Parsed {
    let text = &sample.block.text;
    match sample.side {
        Side::Request => Parsed::Request(
            RequestPacket::from_xml(text).unwrap_or_else(|error| panic!("{}: as a request: {error}", sample.label())),
        ),
        Side::Response => Parsed::Response(
            ResponsePacket::from_xml(text).unwrap_or_else(|error| panic!("{}: as a response: {error}", sample.label())),
        ),
    }
}

#[test]
fn every_sample_parses_as_its_side_and_only_as_it() {
    let samples = samples();
    assert_eq!(samples.len(), SEED_FILES.iter().map(|file| file.samples.len()).sum::<usize>());
    for sample in &samples {
        parse(sample);
        let text = &sample.block.text;
        match sample.side {
            Side::Request => assert!(
                ResponsePacket::from_xml(text).is_err(),
                "{}: a request that also parses as a response",
                sample.label()
            ),
            Side::Response => assert!(
                RequestPacket::from_xml(text).is_err(),
                "{}: a response that also parses as a request",
                sample.label()
            ),
        }
    }
}

/// The only sample that breaks the schema is the user get response: its
/// `<gen-info>` lacks the `<email>` the 1.6.8.0 schema requires (the sample
/// is from protocol 1.6.3.0). The generated type tolerates that, and
/// `validate()` says so, and nothing else.
#[test]
fn every_sample_validates_but_for_the_tolerated_missing_email() {
    for sample in samples() {
        let result = parse(&sample).validate();
        if (sample.file, sample.number) == ("user-get.txt", 2) {
            let errors = result.expect_err("the user get response lacks <email>");
            assert!(errors.only_tolerated(), "{}: {errors}", sample.label());
            let violations = errors.violations();
            assert_eq!(violations.len(), 1, "{}: {errors}", sample.label());
            assert_eq!(violations[0].path, "packet/user/get/result/data/gen-info");
            assert!(violations[0].is_tolerated());
            assert!(
                matches!(violations[0].kind, ViolationKind::ToleratedAbsence { element: "email", .. }),
                "{:?}",
                violations[0].kind
            );
        } else {
            result.unwrap_or_else(|errors| panic!("{}:\n{errors}", sample.label()));
        }
    }
}

/// How the serializer writes values whose lexical form is not unique,
/// decided by the type the schema gives each element.
struct Canonical {
    booleans: BTreeSet<String>,
    integers: BTreeSet<String>,
}

impl Canonical {
    /// From the schemas: elements every declaration of which has type
    /// `xs:boolean`, or an integer type.
    fn from_schemas() -> Self {
        const INTEGER_TYPES: &[&str] = &["xs:int", "xs:unsignedInt", "id_type"];
        let mut booleans = BTreeSet::new();
        let mut integers = BTreeSet::new();
        for (name, types) in support::schema_element_types() {
            if types.iter().all(|ty| ty.as_deref() == Some("xs:boolean")) {
                booleans.insert(name);
            } else if types.iter().all(|ty| ty.as_deref().is_some_and(|ty| INTEGER_TYPES.contains(&ty))) {
                integers.insert(name);
            }
        }
        // The sample that needs this at all: `<is-built-in>1</is-built-in>`.
        assert!(booleans.contains("is-built-in"), "{:?}", booleans);
        Self { booleans, integers }
    }

    fn form(&self, element: &str, text: &str) -> String {
        if self.booleans.contains(element) {
            return match text {
                "1" | "true" => "true".to_owned(),
                "0" | "false" => "false".to_owned(),
                other => other.to_owned(),
            };
        }
        if self.integers.contains(element)
            && let Ok(number) = text.parse::<i64>()
        {
            return number.to_string();
        }
        text.to_owned()
    }
}

/// The element tree of `document`, one line per element in document order:
/// its path, its attributes in order, and its text (trimmed, in canonical
/// form). Two documents with the same lines have the same elements in the
/// same order with the same attributes and text.
fn element_lines(document: &str, canonical: &Canonical) -> Vec<String> {
    fn walk(node: roxmltree::Node<'_, '_>, parent: &str, canonical: &Canonical, lines: &mut Vec<String>) {
        let name = node.tag_name().name();
        let path = if parent.is_empty() { name.to_owned() } else { format!("{parent}/{name}") };
        let attributes: String =
            node.attributes().map(|attribute| format!(" @{}={:?}", attribute.name(), attribute.value())).collect();
        let text: String = node.children().filter(|child| child.is_text()).filter_map(|child| child.text()).collect();
        let text = canonical.form(name, text.trim());
        lines.push(format!("{path}{attributes} = {text:?}"));
        for child in node.children().filter(|child| child.is_element()) {
            walk(child, &path, canonical, lines);
        }
    }
    let document = roxmltree::Document::parse(document).unwrap_or_else(|error| panic!("{error}:\n{document}"));
    let mut lines = Vec::new();
    walk(document.root_element(), "", canonical, &mut lines);
    lines
}

#[test]
fn every_sample_is_written_back_with_the_same_elements_in_the_same_order() {
    let canonical = Canonical::from_schemas();
    for sample in samples() {
        let parsed = parse(&sample);
        let input = element_lines(&sample.block.text, &canonical);
        for (how, output) in [("to_xml", parsed.to_xml()), ("to_xml_pretty", parsed.to_xml_pretty())] {
            assert_eq!(
                element_lines(&output, &canonical),
                input,
                "{}: {how} changed the elements\n--- written:\n{output}",
                sample.label()
            );
        }
    }
}

#[test]
fn every_sample_survives_a_round_trip() {
    for sample in samples() {
        match parse(&sample) {
            Parsed::Request(packet) => {
                assert_eq!(RequestPacket::from_xml(&packet.to_xml()).as_ref(), Ok(&packet), "{}", sample.label());
                assert_eq!(
                    RequestPacket::from_xml(&packet.to_xml_pretty()).as_ref(),
                    Ok(&packet),
                    "{}",
                    sample.label()
                );
            }
            Parsed::Response(packet) => {
                assert_eq!(ResponsePacket::from_xml(&packet.to_xml()).as_ref(), Ok(&packet), "{}", sample.label());
                assert_eq!(
                    ResponsePacket::from_xml(&packet.to_xml_pretty()).as_ref(),
                    Ok(&packet),
                    "{}",
                    sample.label()
                );
            }
        }
    }
}

/// The one value the serializer writes differently from the samples is the
/// boolean `1` of the user get response, which comes back as `true`: the
/// canonical form, and the same value.
#[test]
fn the_serializer_writes_booleans_in_canonical_form() {
    let sample = samples().into_iter().find(|sample| sample.block.text.contains("<is-built-in>1</is-built-in>"));
    let sample = sample.expect("the user get response sample has <is-built-in>1</is-built-in>");
    let written = parse(&sample).to_xml();
    assert!(written.contains("<is-built-in>true</is-built-in>"), "{written}");
    assert!(!written.contains("<is-built-in>1</is-built-in>"), "{written}");
}
