//! Facts read off the XSD files: which element may hold which, and the
//! types of elements, for checking the generated code against the schemas.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::schema_dir;

const XS: &str = "http://www.w3.org/2001/XMLSchema";

/// The text of every schema file of 1.6.8.0, by file name.
pub fn schema_texts() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(schema_dir())
        .expect("schema directory")
        .map(|entry| entry.expect("schema directory entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "xsd"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .xsd file in {}", schema_dir().display());
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            (path.file_name().expect("file name").to_string_lossy().into_owned(), text)
        })
        .collect()
}

/// The hand-written part of 1.6.8.0 that the tests' values cover: the user
/// and webuser operators, the shared types they use (common.xsd up to its
/// drafted part) and the envelopes. The other operators' files are drafted
/// from the corpus and checked against it (codegen's schemas_match_corpus).
fn user_and_webuser_texts() -> Vec<(String, String)> {
    const FILES: [&str; 5] = ["agent_input.xsd", "agent_output.xsd", "common.xsd", "user.xsd", "webuser.xsd"];
    schema_texts()
        .into_iter()
        .filter(|(file, _)| FILES.contains(&file.as_str()))
        .map(|(file, text)| match text.split_once("<!-- BEGIN drafted") {
            Some((hand_written, _)) => (file, format!("{hand_written}</xs:schema>\n")),
            None => (file, text),
        })
        .collect()
}

/// The operators of the envelopes that [`user_and_webuser_texts`] covers.
const COVERED_PACKET_CHILDREN: [&str; 6] = ["request-settings", "user", "webuser", "system", "output", "@version"];

fn is_xs(node: roxmltree::Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(XS) && node.tag_name().name() == name
}

/// Every (element, child) pair the user and webuser part of the schemas
/// allows ([`user_and_webuser_texts`]), by name: the child
/// elements of each element's type (the base type's children included for
/// an extension), and its attributes as `@name`.
///
/// Names alone lose which type an element has, so this is a coarse map of the
/// content models, precise enough to tell whether a set of documents shows
/// every element and attribute the schemas declare somewhere.
pub fn schema_parent_child_pairs() -> BTreeSet<(String, String)> {
    let texts = user_and_webuser_texts();
    let documents: Vec<roxmltree::Document<'_>> = texts
        .iter()
        .map(|(file, text)| roxmltree::Document::parse(text).unwrap_or_else(|error| panic!("{file}: {error}")))
        .collect();
    let mut named_types = BTreeMap::new();
    for document in &documents {
        for node in document.root_element().children().filter(|node| is_xs(*node, "complexType")) {
            named_types.insert(node.attribute("name").expect("a global complexType has a name"), node);
        }
    }
    // The elements and attributes declared directly in `ty`, not inside a
    // child element's own anonymous type, plus those of its base type.
    fn content<'a, 'input>(
        ty: roxmltree::Node<'a, 'input>,
        named_types: &BTreeMap<&str, roxmltree::Node<'a, 'input>>,
        out: &mut BTreeSet<String>,
    ) {
        for node in ty.descendants().skip(1) {
            let inside_child_element = node
                .ancestors()
                .skip(1)
                .take_while(|ancestor| *ancestor != ty)
                .any(|ancestor| is_xs(ancestor, "element"));
            if inside_child_element {
                continue;
            }
            if is_xs(node, "element") {
                out.insert(node.attribute("name").expect("a local element has a name").to_owned());
            } else if is_xs(node, "attribute") {
                out.insert(format!("@{}", node.attribute("name").expect("an attribute has a name")));
            } else if is_xs(node, "extension") {
                let base = node.attribute("base").expect("an extension has a base");
                if let Some(base) = named_types.get(base) {
                    content(*base, named_types, out);
                }
            }
        }
    }
    let mut pairs = BTreeSet::new();
    for document in &documents {
        for element in document.descendants().filter(|node| is_xs(*node, "element")) {
            let name = element.attribute("name").expect("every element here is declared by name");
            let ty = match element.attribute("type") {
                Some(ty) => named_types.get(ty).copied(),
                None => element.children().find(|child| is_xs(*child, "complexType")),
            };
            let mut children = BTreeSet::new();
            if let Some(ty) = ty {
                content(ty, &named_types, &mut children);
            }
            pairs.extend(children.into_iter().map(|child| (name.to_owned(), child)));
        }
    }
    pairs.retain(|(parent, child)| parent != "packet" || COVERED_PACKET_CHILDREN.contains(&child.as_str()));
    pairs
}

/// The (element, child) pairs, by name, that `document` shows, attributes as
/// `@name`; see [`schema_parent_child_pairs`].
pub fn document_parent_child_pairs(document: &str) -> BTreeSet<(String, String)> {
    let document = roxmltree::Document::parse(document).expect("a serialized document is well-formed");
    let mut pairs = BTreeSet::new();
    for element in document.descendants().filter(|node| node.is_element()) {
        let name = element.tag_name().name().to_owned();
        for child in element.children().filter(|node| node.is_element()) {
            pairs.insert((name.clone(), child.tag_name().name().to_owned()));
        }
        for attribute in element.attributes() {
            pairs.insert((name.clone(), format!("@{}", attribute.name())));
        }
    }
    pairs
}

/// The `type` every element of that name is declared with (`None` for an
/// anonymous type), by element name.
pub fn schema_element_types() -> BTreeMap<String, BTreeSet<Option<String>>> {
    let mut types: BTreeMap<String, BTreeSet<Option<String>>> = BTreeMap::new();
    for (file, text) in schema_texts() {
        let document = roxmltree::Document::parse(&text).unwrap_or_else(|error| panic!("{file}: {error}"));
        for element in document.descendants().filter(|node| is_xs(*node, "element")) {
            let name = element.attribute("name").expect("every element here is declared by name");
            types.entry(name.to_owned()).or_default().insert(element.attribute("type").map(str::to_owned));
        }
    }
    types
}

/// The operators of a 1.6.8.0 envelope (`agent_input.xsd` or
/// `agent_output.xsd`) in schema order; see [`envelope_operators_in`].
pub fn envelope_operators(file: &str) -> &'static [&'static str] {
    envelope_operators_in(&schema_dir(), file)
}

/// The operators of an envelope of the schema directory `dir` in schema
/// order: the elements of its repeated choice. Leaked, to compare with the
/// `'static` lists of the generated code.
pub fn envelope_operators_in(dir: &Path, file: &str) -> &'static [&'static str] {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let document = roxmltree::Document::parse(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let choice = document
        .descendants()
        .find(|node| is_xs(*node, "choice") && node.attribute("maxOccurs") == Some("unbounded"))
        .unwrap_or_else(|| panic!("{}: no repeated choice", path.display()));
    let operators: Vec<&'static str> = choice
        .children()
        .filter(|child| is_xs(*child, "element"))
        .filter_map(|element| element.attribute("name").or_else(|| element.attribute("ref")))
        .map(|name| &*Box::leak(name.to_owned().into_boxed_str()))
        .collect();
    assert!(operators.len() > 2, "{}: the operators of the whole API", path.display());
    Box::leak(operators.into_boxed_slice())
}
