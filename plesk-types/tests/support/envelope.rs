//! What a packet envelope declares, read straight off the XSD files with
//! roxmltree rather than through the generator's schema model, so that a
//! test can tell the generator's view of the schemas from the files: the
//! operators (the element alternatives of the envelope's repeated choice)
//! and each operator's operations (the child elements of its type), and
//! how many element declarations are nillable. Included with `#[path]`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

const XS: &str = "http://www.w3.org/2001/XMLSchema";

/// An operator of an envelope.
#[derive(Debug)]
pub struct Operator {
    /// Its element name.
    pub name: String,
    /// Its type, as the file names it (`anonymous` for an inline type).
    pub ty: String,
    /// The names of its type's child elements, in schema order, each once.
    pub operations: Vec<String>,
}

fn is_xs(node: roxmltree::Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(XS) && node.tag_name().name() == name
}

/// The texts of `envelope` and of every file it includes, directly or not,
/// by file name, the envelope first.
fn texts(envelope: &Path) -> Vec<(String, String)> {
    let dir = envelope.parent().expect("the envelope is in a directory");
    let mut pending = vec![envelope.file_name().expect("a file").to_string_lossy().into_owned()];
    let mut texts: Vec<(String, String)> = Vec::new();
    while let Some(file) = pending.pop() {
        if texts.iter().any(|(read, _)| *read == file) {
            continue;
        }
        let path = dir.join(&file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let document = roxmltree::Document::parse(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        for include in document.root_element().children().filter(|node| is_xs(*node, "include")) {
            pending.push(include.attribute("schemaLocation").expect("an include names its file").to_owned());
        }
        texts.push((file, text));
    }
    texts
}

/// The element names a content model declares at its own level (not inside
/// a child element), base type first, each once.
fn child_elements<'a, 'input>(
    node: roxmltree::Node<'a, 'input>,
    named: &BTreeMap<&str, roxmltree::Node<'a, 'input>>,
    into: &mut Vec<String>,
) {
    for child in node.children().filter(roxmltree::Node::is_element) {
        if is_xs(child, "element") {
            let name = child.attribute("name").expect("the files declare local elements, never refer to them");
            if !into.iter().any(|known| known == name) {
                into.push(name.to_owned());
            }
        } else if is_xs(child, "extension") {
            if let Some(base) = child.attribute("base").and_then(|base| named.get(base)) {
                child_elements(*base, named, into);
            }
            child_elements(child, named, into);
        } else if ["sequence", "choice", "all", "complexContent", "restriction"].iter().any(|name| is_xs(child, name)) {
            child_elements(child, named, into);
        }
    }
}

/// The operators of the envelope file `envelope` and their operations.
///
/// # Panics
///
/// When the files cannot be read, or the envelope has not exactly one
/// repeated choice (the operators).
pub fn operators(envelope: &Path) -> Vec<Operator> {
    let texts = texts(envelope);
    let documents: Vec<roxmltree::Document<'_>> = texts
        .iter()
        .map(|(file, text)| roxmltree::Document::parse(text).unwrap_or_else(|error| panic!("{file}: {error}")))
        .collect();
    let mut named = BTreeMap::new();
    for (document, (file, _)) in documents.iter().zip(&texts) {
        for ty in document.root_element().children().filter(|node| is_xs(*node, "complexType")) {
            let name = ty.attribute("name").expect("a global complexType has a name");
            assert!(named.insert(name, ty).is_none(), "{file}: complexType {name} is defined twice for one envelope");
        }
    }
    let choices: Vec<_> = documents[0]
        .descendants()
        .filter(|node| is_xs(*node, "choice") && node.attribute("maxOccurs") == Some("unbounded"))
        .collect();
    let [choice] = choices.as_slice() else {
        panic!("{}: {} repeated choices, expected one (the operators)", envelope.display(), choices.len());
    };
    choice
        .children()
        .filter(|node| is_xs(*node, "element"))
        .map(|element| {
            let name = element.attribute("name").expect("an operator has a name").to_owned();
            let mut operations = Vec::new();
            let ty = match element.attribute("type") {
                Some(ty) => {
                    if let Some(definition) = named.get(ty) {
                        child_elements(*definition, &named, &mut operations);
                    }
                    ty.to_owned()
                }
                None => {
                    for inline in element.children().filter(|node| is_xs(*node, "complexType")) {
                        child_elements(inline, &named, &mut operations);
                    }
                    "anonymous".to_owned()
                }
            };
            Operator { name, ty, operations }
        })
        .collect()
}

/// How many element declarations of the `.xsd` files of `dir` are
/// `nillable="true"`.
pub fn nillable_declarations(dir: &Path) -> usize {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()));
    let mut count = 0;
    for path in entries.map(|entry| entry.expect("directory entry").path()) {
        if path.extension().is_some_and(|extension| extension == "xsd") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            let document =
                roxmltree::Document::parse(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            count += document
                .descendants()
                .filter(|node| is_xs(*node, "element") && node.attribute("nillable") == Some("true"))
                .count();
        }
    }
    count
}
