#!/usr/bin/env python3
"""Drafts schemas/<version>/ in Plesk's own file layout from the whole-API corpus.

The corpus (../shared/corpus/plesk-<version>/agent_{input,output}.xsd) holds the
structure of every operator in two flat files. Plesk ships the same API as one
file per operator plus shared type libraries (../shared/plesk-schemas/1.6.6.0).
This script writes the structure of the corpus into Plesk's layout:

- each named component goes to the file where Plesk's 1.6.6.0 files define a
  component of that name; a name 1.6.6.0 does not know goes to the file of the
  one operator that uses it, or to plesk_common.xsd when several do;
- a name whose definition differs between the request and the response side
  (or that uses such a name) is written once per side, into a file only that
  side's envelope includes (server_input.xsd / server_output.xsd, ...);
- every file includes the files defining the names it refers to;
- a named simple type that 1.6.6.0 also defines gets 1.6.6.0's base type and
  facets, with a comment saying so; the others stay plain strings, as in the
  corpus;
- the hand-written files (user.xsd, webuser.xsd, common.xsd) are kept as they
  are: their components are not drafted again, and the components that belong
  in common.xsd but are not hand-written yet go between the markers at its end.

Usage: tools/schema-draft/draft.py VERSION [--shared ../shared] [--out schemas]
It prints what it placed where and exits 1 when a placement is impossible
(a file would have to hold two definitions of one name).
"""

import argparse
import collections
import os
import re
import sys
import xml.etree.ElementTree as ET

XS_NS = "http://www.w3.org/2001/XMLSchema"
XS = "{%s}" % XS_NS
ET.register_namespace("xs", XS_NS)

PLESK_VERSION = "1.6.6.0"
HAND_WRITTEN = ["user.xsd", "webuser.xsd", "common.xsd"]
MARK_BEGIN = "<!-- BEGIN drafted by tools/schema-draft/draft.py: do not edit by hand -->"
MARK_END = "<!-- END drafted -->"
SIDES = ("input", "output")
COMMON_LIBRARY = "plesk_common.xsd"
# Operators that 1.6.6.0 does not have: the file each one gets.
NEW_OPERATOR_FILES = {"php-handler": "php_handler.xsd", "extension": "extension.xsd"}

# One line each, in our own words: what an operator element carries.
OPERATOR_DOCS = {
    "server": "Server-wide settings, licenses, services and information",
    "customer": "Customer accounts",
    "webspace": "Subscriptions (webspaces) and their hosting",
    "subdomain": "Subdomains of sites",
    "dns": "DNS zones, their records and zone templates",
    "db_server": "Database servers",
    "mail": "Mail accounts and mail settings of sites",
    "migration": "Migration of data from other servers",
    "certificate": "SSL/TLS certificates and certificate signing requests",
    "site-alias": "Alias domain names of sites",
    "ip": "IP addresses of the server",
    "event_log": "The event log",
    "spamfilter": "Spam filter settings",
    "secret_key": "Secret keys for API access",
    "ui": "Custom buttons and other user interface items",
    "service-plan": "Service plans of subscriptions",
    "webuser": "Web users of sites",
    "maillist": "Mailing lists",
    "virtdir": "Virtual directories",
    "database": "Databases and their users",
    "ftp-user": "Additional FTP accounts",
    "session": "Sessions of users logged in to Plesk",
    "updater": "Product updates and components",
    "locale": "Interface languages",
    "log-rotation": "Log rotation of sites",
    "backup-manager": "Backups and their storage",
    "sso": "Single sign-on",
    "protected-dir": "Password-protected directories",
    "reseller": "Reseller accounts",
    "reseller-plan": "Reseller plans",
    "aps": "Application packages",
    "service-plan-addon": "Add-on service plans",
    "site": "Sites (domains) of subscriptions",
    "user": "Plesk user accounts",
    "role": "User roles",
    "business-logic-upgrade": "Upgrade of the business logic after a product upgrade",
    "webmail": "Webmail services",
    "plan-item": "Plan items (additional services of plans)",
    "sitebuilder": "Site builder",
    "service-node": "Service nodes (remote servers of services)",
    "ip-ban": "Banning of IP addresses",
    "php-handler": "PHP handlers",
    "extension": "Plesk extensions",
    "wp-instance": "WordPress installations",
    "smb": "Service management of the business",
    "upload": "Uploaded files",
}


# Facets the Plesk API reference states for elements the pictures draw as
# plain builtin types: (type, element) -> (facets, where they come from).
# Each becomes an anonymous restriction of the builtin with a comment.
DOC_ELEMENT_FACETS = {
    ("clientAddGenInfo", "cname"): (
        [("maxLength", "60")],
        "Plesk API reference, type clientAddGenInfo: the company name is 0 to 60 characters",
    ),
    ("clientAddGenInfo", "pname"): (
        [("minLength", "1"), ("maxLength", "60")],
        "Plesk API reference, type clientAddGenInfo: the personal name is 1 to 60 characters",
    ),
    ("clientAddGenInfo", "login"): (
        [("minLength", "1"), ("maxLength", "60")],
        "Plesk API reference, type clientAddGenInfo: the login is 1 to 60 characters",
    ),
}

# Named simple types that Plesk's 1.6.6.0 files do not define, with the
# facets the API reference states for them.
DOC_SIMPLE_TYPES = {
    "turnOffAction": (
        [("enumeration", "disable"), ("enumeration", "suspend")],
        "Plesk API reference, node set/gen_setup of site: turn-off-action is disable or suspend",
    ),
}


def with_element_facets(type_name, element):
    """The complex type with the documented facets of its elements applied."""
    copy = ET.fromstring(ET.tostring(element))
    for parent in list(copy.iter()):
        inserted = 0
        for index, child in enumerate(list(parent)):
            key = (type_name, child.get("name"))
            if local(child.tag) != "element" or key not in DOC_ELEMENT_FACETS:
                continue
            facets, source = DOC_ELEMENT_FACETS[key]
            base = child.attrib.pop("type")
            restriction = ET.SubElement(ET.SubElement(child, XS + "simpleType"), XS + "restriction", {"base": base})
            for kind, value in facets:
                ET.SubElement(restriction, XS + kind, {"value": value})
            parent.insert(index + inserted, ET.Comment(" facet: %s " % source))
            inserted += 1
    return copy


def local(tag):
    """The local name of an XSD tag; empty for a comment (whose tag is a function)."""
    return tag.replace(XS, "") if isinstance(tag, str) else ""


def components(path):
    """The named top-level components of a schema file, in order."""
    root = ET.parse(path).getroot()
    return [(child.get("name"), child) for child in root if child.get("name")]


def references(element):
    """Names of the components an element refers to (no XSD builtins)."""
    found = []
    for node in element.iter():
        for attribute in ("type", "base", "ref", "itemType"):
            value = node.get(attribute)
            if value and not value.startswith("xs:") and value not in found:
                found.append(value)
        for value in (node.get("memberTypes") or "").split():
            if not value.startswith("xs:") and value not in found:
                found.append(value)
    return found


def canonical(element):
    return ET.tostring(element)


class PleskLayout:
    """Where Plesk's own files (1.6.6.0) define each name, and which envelope reaches each file."""

    def __init__(self, directory):
        self.directory = directory
        self.files_of = collections.defaultdict(list)
        self.simple_types = {}
        self.operator_file = {s: {} for s in SIDES}
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".xsd"):
                continue
            path = os.path.join(directory, name)
            default_xs = 'xmlns="%s"' % XS_NS in open(path, encoding="utf-8").read()
            for component, element in components(path):
                self.files_of[component].append(name)
                if local(element.tag) == "simpleType":
                    self.simple_types[component] = (name, element, default_xs)
        self.files_of_any = {f for files in self.files_of.values() for f in files}
        self.reach = {side: self.closure("agent_%s.xsd" % side) for side in SIDES}
        for side in SIDES:
            envelope = ET.parse(os.path.join(directory, "agent_%s.xsd" % side)).getroot()
            types = dict(components(os.path.join(directory, "agent_%s.xsd" % side)))
            choice_owner = envelope.find(XS + "element") if side == "input" else types.get("ResponsePacketType")
            for name, type_name in operator_elements(choice_owner):
                self.operator_file[side][name] = self.home_of(type_name, side)

    def closure(self, root):
        seen, todo = set(), [root]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            tree = ET.parse(os.path.join(self.directory, name)).getroot()
            todo.extend(node.get("schemaLocation") for node in tree.iter(XS + "include"))
        return seen

    def home_of(self, name, side):
        files = [f for f in self.files_of.get(name, []) if f in self.reach[side]]
        return files[0] if len(files) == 1 else None

    def candidates(self, name):
        reached = self.reach["input"] | self.reach["output"]
        return [f for f in self.files_of.get(name, []) if f in reached and not f.startswith("agent_")]

    def side_specific(self, file):
        """The one side whose envelope reaches `file`, or None when both do."""
        sides = [side for side in SIDES if file in self.reach[side]]
        return sides[0] if len(sides) == 1 else None


class Draft:
    def __init__(self, version, shared, out):
        self.version = version
        self.out = os.path.join(out, version)
        self.plesk = PleskLayout(os.path.join(shared, "plesk-schemas", PLESK_VERSION))
        corpus = os.path.join(shared, "corpus", "plesk-%s" % version)
        self.corpus = {side: collections.OrderedDict(components(os.path.join(corpus, "agent_%s.xsd" % side))) for side in SIDES}
        self.hand = {}
        for file in HAND_WRITTEN:
            path = os.path.join(self.out, file)
            text = open(path, encoding="utf-8").read()
            hand_text = text.split(MARK_BEGIN)[0] + "</xs:schema>\n" if MARK_BEGIN in text else text
            for name, _ in components_from_text(hand_text):
                self.hand[name] = file
        self.errors = []

    # ----- which definitions differ between the sides --------------------
    def differing(self):
        """Names defined on both sides, differently."""
        both = set(self.corpus["input"]) & set(self.corpus["output"])
        differ = {n for n in both if canonical(self.corpus["input"][n]) != canonical(self.corpus["output"][n])}
        return differ - {"packet"}

    def tied_to_side(self, side, differ):
        """Names of `side` that need a file only that side's envelope includes:
        the differing names and every name that uses one, however indirectly
        (a file both envelopes include would see both definitions)."""
        tied = set(differ)
        changed = True
        while changed:
            changed = False
            for name, element in self.corpus[side].items():
                if name not in tied and name not in ("packet", "ResponsePacketType"):
                    if any(r in tied for r in references(element)):
                        tied.add(name)
                        changed = True
        return tied

    def operators(self, side):
        if side == "input":
            owner = self.corpus["input"]["packet"]
        else:
            owner = self.corpus["output"]["ResponsePacketType"]
        return operator_elements(owner)

    def reached_by(self, side):
        """For each name, the operators of `side` whose content uses it."""
        users = collections.defaultdict(set)
        for operator, type_name in self.operators(side):
            todo, seen = [type_name], set()
            while todo:
                name = todo.pop()
                if name in seen or name not in self.corpus[side]:
                    continue
                seen.add(name)
                users[name].add(operator)
                todo.extend(references(self.corpus[side][name]))
        return users

    def operator_file(self, operator, side):
        if operator in NEW_OPERATOR_FILES:
            return NEW_OPERATOR_FILES[operator]
        file = self.plesk.operator_file[side].get(operator)
        if file is None:
            self.errors.append("operator <%s> (%s): 1.6.6.0 has no file for it" % (operator, side))
        return file

    # ----- placement -------------------------------------------------------
    def place(self):
        self.differ = self.differing()
        self.tied = {side: self.tied_to_side(side, self.differ) for side in SIDES}
        users = {side: self.reached_by(side) for side in SIDES}
        # (side, name) -> file
        self.home = {}
        for side in SIDES:
            for name in self.corpus[side]:
                if name in ("packet", "ResponsePacketType"):
                    self.home[(side, name)] = "agent_%s.xsd" % side
                    continue
                if name in self.hand:
                    self.home[(side, name)] = self.hand[name]
                    continue
                self.home[(side, name)] = self.choose(side, name, name in self.tied[side], users[side].get(name, set()))

    def choose(self, side, name, dependent, operators):
        candidates = self.plesk.candidates(name)
        if dependent:
            own = [f for f in candidates if self.plesk.side_specific(f) == side]
            if own:
                return own[0]
            operator_files = {self.operator_file(op, side) for op in operators} - {None}
            files = {f for f in operator_files if self.plesk.side_specific(f) == side}
            if len(files) == 1:
                return files.pop()
            # No such file in Plesk's layout: the natural home, split by side.
            stem = os.path.splitext((candidates or sorted(operator_files) or [COMMON_LIBRARY])[0])[0]
            return "%s_%s.xsd" % (stem, side)
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            specific = [f for f in candidates if self.plesk.side_specific(f) in (side, None)]
            return specific[0]
        files = set()
        for each_side in SIDES:
            for operator in self.reached_by_cache(each_side).get(name, set()):
                files.add(self.operator_file(operator, each_side))
        files.discard(None)
        if len(files) == 1:
            return files.pop()
        return COMMON_LIBRARY

    def reached_by_cache(self, side):
        if not hasattr(self, "_reached"):
            self._reached = {s: self.reached_by(s) for s in SIDES}
        return self._reached[side]

    def is_operator_of(self, operator, side):
        return any(op == operator for op, _ in self.operators(side))

    # ----- writing -----------------------------------------------------------
    def files(self):
        """file -> list of (side or None, name, element), in corpus order."""
        content = collections.OrderedDict()
        written = set()
        for side in SIDES:
            for name, element in self.corpus[side].items():
                file = self.home[(side, name)]
                if file in HAND_WRITTEN and file != "common.xsd":
                    continue
                if file == "common.xsd" and name in self.hand:
                    continue
                if file.startswith("agent_"):
                    continue
                key = (file, name)
                if key in written:
                    continue
                written.add(key)
                content.setdefault(file, []).append((side, name, element))
        return content

    def check_sides(self, file, entries):
        """A file holding a name tied to one side may hold nothing of the other side."""
        tied = {side for side, name, _ in entries if name in self.tied[side]}
        present = {side for side, _, _ in entries}
        if tied and present != tied:
            self.errors.append("%s: holds names tied to the %s side and names of the other" % (file, "/".join(sorted(tied))))

    def includes(self, file, entries):
        needed = []
        for side, name, element in entries:
            look = side
            for reference in references(element):
                target = self.home.get((look, reference)) or self.home.get((other(look), reference))
                if target is None:
                    self.errors.append("%s: %s refers to %s, defined nowhere" % (file, name, reference))
                elif target != file and target not in needed:
                    needed.append(target)
        return sorted(needed)

    def simple_type(self, name, element):
        """The corpus's definition, or 1.6.6.0's base and facets for a name it defines."""
        if name in DOC_SIMPLE_TYPES:
            facets, source = DOC_SIMPLE_TYPES[name]
            base = element.find(XS + "restriction").get("base")
            new = ET.Element(XS + "simpleType", {"name": name})
            restriction = ET.SubElement(new, XS + "restriction", {"base": base})
            for kind, value in facets:
                ET.SubElement(restriction, XS + kind, {"value": value})
            return new, "facet: " + source
        plesk = self.plesk.simple_types.get(name)
        if plesk is None or name in ("id_type", "result_status", "passwdType", "emailType"):
            return element, None
        file, definition, default_xs = plesk
        restriction = definition.find(XS + "restriction")
        if restriction is None:
            return element, "not taken over: Plesk's %s %s defines %s as a %s, which the corpus draws as a string" % (
                PLESK_VERSION, file, name, "/".join(local(k.tag) for k in definition if local(k.tag) != "annotation"))
        # Plesk's files derive many types from their own `string` and `int`
        # (collapsed xs:string and xs:integer, in common.xsd), which the
        # corpus does not have: those bases are followed down to the builtin
        # and their facets taken along (the derived type's win).
        facets, kinds, chain = [], set(), []
        while True:
            for facet in restriction:
                kind = local(facet.tag)
                if kind == "annotation" or (kind in kinds and kind != "enumeration") or (kind == "enumeration" and chain and "enumeration" in kinds):
                    continue
                facets.append((kind, facet.get("value")))
            kinds |= {kind for kind, _ in facets}
            base = restriction.get("base")
            if default_xs and ":" not in base:
                base = "xs:" + base
            if base.startswith("xs:"):
                break
            inner = self.plesk.simple_types.get(base)
            inner_restriction = inner[1].find(XS + "restriction") if inner else None
            if inner_restriction is None:
                return element, "not taken over: Plesk's %s %s derives %s from %s" % (PLESK_VERSION, file, name, base)
            chain.append("%s (%s)" % (base, inner[0]))
            restriction, default_xs = inner_restriction, inner[2]
        new = ET.Element(XS + "simpleType", {"name": name})
        new_restriction = ET.SubElement(new, XS + "restriction", {"base": base})
        order = ["pattern", "enumeration", "length", "minLength", "maxLength", "minInclusive", "maxInclusive",
                 "minExclusive", "maxExclusive", "totalDigits", "fractionDigits", "whiteSpace"]
        facets.sort(key=lambda facet: order.index(facet[0]) if facet[0] in order else len(order))
        for kind, value in facets:
            ET.SubElement(new_restriction, XS + kind, {"value": value})
        facets = ["%s %s" % facet for facet in facets]
        if chain:
            facets.append("through Plesk's own " + ", ".join(chain))
        source = "facet: as Plesk's own %s files define %s (%s): base %s%s" % (
            PLESK_VERSION, name, file, base, "; " + ", ".join(facets) if facets else ", no facets")
        return new, source

    def render_component(self, side, name, element, file):
        if local(element.tag) == "simpleType":
            element, comment = self.simple_type(name, element)
        else:
            comment = None
            element = with_element_facets(name, element)
        element = strip_annotations(element)
        ET.indent(element, space="  ", level=1)
        text = ET.tostring(element, encoding="unicode")
        text = text.replace(' xmlns:xs="%s"' % XS_NS, "")
        text = re.sub(r" />", "/>", text)
        lines = []
        if comment:
            lines.append("  <!-- %s -->" % comment)
        if name in self.differ:
            lines.append("  <!-- %s: the %s side's definition; the other side's differs in the pictures. -->" % (name, side))
        lines.append("  " + text.rstrip())
        return "\n".join(lines)

    def header(self, file, entries):
        operators = sorted({op for side in SIDES for op, t in self.operators(side) if self.home.get((side, t)) == file})
        what = ("operator%s %s" % ("s" if len(operators) > 1 else "", ", ".join("<%s>" % o for o in operators))
                if operators else "types shared by several operators")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<!--\n'
            "  Plesk XML API, protocol %s: %s.\n"
            "  %s\n\n"
            "  Structure: as in the schema pictures Plesk publishes for %s (api-schemas,\n"
            "  agent_input.svg / agent_output.svg), drafted by tools/schema-draft/draft.py from the\n"
            "  rebuilt corpus. Facets: each with a comment naming where it comes from.\n-->\n"
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="unqualified">\n'
            % (self.version, what, self.provenance(file), self.version)
        )

    def provenance(self, file):
        if file in self.plesk.files_of_any:
            return "File name and the place of each type as in the files Plesk ships (protocol %s)." % PLESK_VERSION
        if file in NEW_OPERATOR_FILES.values():
            return "A file of our own: the operator is newer than Plesk's %s files." % PLESK_VERSION
        return ("A file of our own: these types are defined one way for requests and another for\n"
                "  responses, so each side's definitions are in a file only that side's envelope includes.")

    def write(self):
        content = self.files()
        for file, entries in content.items():
            self.check_sides(file, entries)
        if self.errors:
            return
        for file, entries in content.items():
            includes = self.includes(file, entries)
            body = "\n\n".join(self.render_component(side, name, element, file) for side, name, element in entries)
            include_text = "".join('  <xs:include schemaLocation="%s"/>\n' % f for f in includes)
            if file == "common.xsd":
                path = os.path.join(self.out, file)
                text = open(path, encoding="utf-8").read()
                before = text.split(MARK_BEGIN)[0].rstrip()
                before = before[: before.rfind("</xs:schema>")].rstrip() if MARK_BEGIN not in text else before
                if include_text:
                    self.errors.append("common.xsd would need includes: %s" % includes)
                text = "%s\n\n  %s\n\n%s\n\n  %s\n\n</xs:schema>\n" % (before, MARK_BEGIN, body, MARK_END)
            else:
                text = "%s\n%s\n%s\n\n</xs:schema>\n" % (self.header(file, entries), include_text, body)
            with open(os.path.join(self.out, file), "w", encoding="utf-8") as handle:
                handle.write(text)
            print("%-28s %3d components, includes %s" % (file, len(entries), ", ".join(includes) or "nothing"))
        self.write_envelopes()

    def envelope_includes(self, side):
        files = []
        for operator, type_name in self.operators(side):
            file = self.home[(side, type_name)]
            if file not in files:
                files.append(file)
        extra = self.includes("agent_%s.xsd" % side, [(side, "packet", self.corpus[side]["packet"])]
                              + ([(side, "ResponsePacketType", self.corpus[side]["ResponsePacketType"])] if side == "output" else []))
        for file in extra:
            if file not in files:
                files.append(file)
        return files

    def write_envelopes(self):
        for side in SIDES:
            path = os.path.join(self.out, "agent_%s.xsd" % side)
            text = open(path, encoding="utf-8").read()
            includes = "".join('  <xs:include schemaLocation="%s"/>\n' % f for f in self.envelope_includes(side))
            text = re.sub(r"(  <xs:include [^\n]*\n)+", includes, text, count=1)
            text = text.replace(", the same as 1.6.8.0's.\n", ".\n")
            text = text.replace(
                "  Only the operators user and webuser are covered here; their types live in user.xsd and webuser.xsd.\n",
                "  Every operator of the protocol; the types of each live in the file included for it, named as\n"
                "  in the files Plesk ships, and in the shared libraries those files include.\n",
            )
            operators = "".join(self.operator_element(side, op, t) for op, t in self.operators(side))
            text = re.sub(
                r"(<xs:choice maxOccurs=\"unbounded\">\n)(.*?)(\n\s*</xs:choice>)",
                lambda m: m.group(1) + operators.rstrip("\n") + m.group(3),
                text, count=1, flags=re.S,
            )
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)

    def operator_element(self, side, operator, type_name):
        indent = " " * (10 if side == "input" else 10)
        doc = OPERATOR_DOCS.get(operator)
        if doc is None:
            self.errors.append("no description of operator <%s>" % operator)
            doc = operator
        what = ("Operations on: %s." if side == "input" else "Results of the operations on: %s.") % doc.lower()
        what = what[0].upper() + what[1:]
        return (
            '%s<xs:element name="%s" type="%s">\n%s  <xs:annotation>\n%s    <xs:documentation>%s</xs:documentation>\n'
            "%s  </xs:annotation>\n%s</xs:element>\n" % (indent, operator, type_name, indent, indent, what, indent, indent)
        )


def operator_elements(owner):
    """(name, type) of the operator elements: those of the first unbounded choice."""
    for choice in owner.iter(XS + "choice"):
        if choice.get("maxOccurs") == "unbounded":
            return [(node.get("name"), node.get("type")) for node in choice.findall(XS + "element")]
    raise ValueError("no operator choice in %s" % owner.get("name"))


def other(side):
    return "output" if side == "input" else "input"


def strip_annotations(element):
    parser = ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))
    copy = ET.fromstring(ET.tostring(element), parser=parser)
    for parent in copy.iter():
        for child in list(parent):
            if local(child.tag) == "annotation":
                parent.remove(child)
    return copy


def components_from_text(text):
    return [(child.get("name"), child) for child in ET.fromstring(text.encode("utf-8")) if child.get("name")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("version")
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "../../../shared"))
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "../../schemas"))
    args = parser.parse_args()
    draft = Draft(args.version, args.shared, args.out)
    draft.place()
    if not draft.errors:
        draft.write()
    for error in draft.errors:
        print("error: " + error, file=sys.stderr)
    return 1 if draft.errors else 0


if __name__ == "__main__":
    sys.exit(main())
