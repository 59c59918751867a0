//! javax.xml: the StAX pull parser and writer (javax.xml.stream), QName
//! (javax.xml.namespace) and the identity Transformer that indents
//! (javax.xml.transform), as clojure.data.xml uses them.
//!
//! The parser is quick-xml (features.md) under the JDK's event model:
//! XMLStreamReader reports START_ELEMENT/END_ELEMENT (an empty element as
//! both), CHARACTERS (adjacent text, entity references and, when
//! coalescing, CDATA sections joined into one event), COMMENT,
//! PROCESSING_INSTRUCTION, DTD, END_DOCUMENT; it resolves namespace
//! prefixes itself and reports malformed input as XMLStreamException with
//! the JDK's "ParseError at [row,col]:[r,c]" message (the JDK's own wording
//! for the common errors, quick-xml's otherwise). The whole input is read
//! when the reader is created (the JDK reads it as it goes). Not modelled:
//! DTD processing (internal entities declared in a DTD are not expanded),
//! validation, other encodings than the stream's, the writer's
//! repairing-namespaces mode, XSLT (only the identity transform).

use crate::runtime::class::ClassDef;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::gc::{Lock, Ref, lock};
use crate::runtime::io::write_to;
use crate::runtime::object::{ForeignObject, HostObject};
use crate::runtime::value::{Value, View};
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use std::io::Cursor;

const READER: &str = "com.sun.org.apache.xerces.internal.impl.XMLStreamReaderImpl";
const WRITER: &str = "com.sun.xml.internal.stream.writers.XMLStreamWriterImpl";
const LOCATION: &str = "javax.xml.stream.Location";
const QNAME: &str = "javax.xml.namespace.QName";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

pub(super) static CLASSES: &[ClassDef] = &[
    ClassDef::interface("javax.xml.namespace.NamespaceContext"),
    ClassDef::class("javax.xml.namespace.QName")
        .implements(&["java.io.Serializable"])
        .ctor(construct)
        .statics(&["valueOf"], statics),
    ClassDef::interface("javax.xml.stream.XMLStreamConstants").fields(
        &[
            "START_ELEMENT",
            "END_ELEMENT",
            "PROCESSING_INSTRUCTION",
            "CHARACTERS",
            "COMMENT",
            "SPACE",
            "START_DOCUMENT",
            "END_DOCUMENT",
            "ENTITY_REFERENCE",
            "ATTRIBUTE",
            "DTD",
            "CDATA",
            "NAMESPACE",
            "NOTATION_DECLARATION",
            "ENTITY_DECLARATION",
        ],
        fields,
    ),
    ClassDef::interface("javax.xml.stream.XMLStreamReader")
        .implements(&["javax.xml.stream.XMLStreamConstants"]),
    ClassDef::class("com.sun.org.apache.xerces.internal.impl.XMLStreamReaderImpl")
        .implements(&["javax.xml.stream.XMLStreamReader"]),
    ClassDef::class("com.sun.xml.internal.stream.XMLInputFactoryImpl")
        .extends("javax.xml.stream.XMLInputFactory"),
    ClassDef::class("com.sun.xml.internal.stream.XMLOutputFactoryImpl")
        .extends("javax.xml.stream.XMLOutputFactory"),
    ClassDef::class("javax.xml.transform.sax.SAXTransformerFactory")
        .extends("javax.xml.transform.TransformerFactory"),
    ClassDef::class("com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl")
        .extends("javax.xml.transform.sax.SAXTransformerFactory"),
    ClassDef::class("com.sun.org.apache.xalan.internal.xsltc.trax.TransformerImpl")
        .extends("javax.xml.transform.Transformer"),
    ClassDef::interface("javax.xml.stream.XMLStreamWriter"),
    ClassDef::class("com.sun.xml.internal.stream.writers.XMLStreamWriterImpl")
        .implements(&["javax.xml.stream.XMLStreamWriter"]),
    ClassDef::interface("javax.xml.stream.Location"),
    ClassDef::class("javax.xml.stream.XMLInputFactory")
        .statics(&["newInstance", "newFactory", "newDefaultFactory"], statics)
        .fields(
            &[
                "ALLOCATOR",
                "IS_COALESCING",
                "IS_NAMESPACE_AWARE",
                "IS_REPLACING_ENTITY_REFERENCES",
                "IS_SUPPORTING_EXTERNAL_ENTITIES",
                "IS_VALIDATING",
                "REPORTER",
                "RESOLVER",
                "SUPPORT_DTD",
            ],
            fields,
        ),
    ClassDef::class("javax.xml.stream.XMLOutputFactory")
        .statics(&["newInstance", "newFactory", "newDefaultFactory"], statics)
        .fields(&["IS_REPAIRING_NAMESPACES"], fields),
    ClassDef::class("javax.xml.transform.OutputKeys").fields(
        &[
            "CDATA_SECTION_ELEMENTS",
            "DOCTYPE_PUBLIC",
            "DOCTYPE_SYSTEM",
            "ENCODING",
            "INDENT",
            "MEDIA_TYPE",
            "METHOD",
            "OMIT_XML_DECLARATION",
            "STANDALONE",
            "VERSION",
        ],
        fields,
    ),
    ClassDef::class("javax.xml.transform.TransformerFactory")
        .statics(&["newInstance", "newDefaultInstance"], statics),
    ClassDef::class("javax.xml.transform.Transformer"),
    ClassDef::interface("javax.xml.transform.Source"),
    ClassDef::interface("javax.xml.transform.Result"),
    ClassDef::class("javax.xml.transform.stream.StreamSource")
        .implements(&["javax.xml.transform.Source"])
        .ctor(construct),
    ClassDef::class("javax.xml.transform.stream.StreamResult")
        .implements(&["javax.xml.transform.Result"])
        .ctor(construct),
];

fn fields(class: &str, field: &str) -> Option<Value> {
    let n = |n: i64| Some(Value::long(n));
    let s = |s: &str| Some(Value::string(s));
    match (class.rsplit('.').next()?, field) {
        ("XMLStreamConstants", f) => match f {
            "START_ELEMENT" => n(START_ELEMENT),
            "END_ELEMENT" => n(END_ELEMENT),
            "PROCESSING_INSTRUCTION" => n(PROCESSING_INSTRUCTION),
            "CHARACTERS" => n(CHARACTERS),
            "COMMENT" => n(COMMENT),
            "SPACE" => n(6),
            "START_DOCUMENT" => n(START_DOCUMENT),
            "END_DOCUMENT" => n(END_DOCUMENT),
            "ENTITY_REFERENCE" => n(9),
            "ATTRIBUTE" => n(10),
            "DTD" => n(DTD),
            "CDATA" => n(12),
            "NAMESPACE" => n(13),
            "NOTATION_DECLARATION" => n(14),
            "ENTITY_DECLARATION" => n(15),
            _ => None,
        },
        ("XMLInputFactory", f) => s(match f {
            "ALLOCATOR" => "javax.xml.stream.allocator",
            "IS_COALESCING" => "javax.xml.stream.isCoalescing",
            "IS_NAMESPACE_AWARE" => "javax.xml.stream.isNamespaceAware",
            "IS_REPLACING_ENTITY_REFERENCES" => "javax.xml.stream.isReplacingEntityReferences",
            "IS_SUPPORTING_EXTERNAL_ENTITIES" => "javax.xml.stream.isSupportingExternalEntities",
            "IS_VALIDATING" => "javax.xml.stream.isValidating",
            "REPORTER" => "javax.xml.stream.reporter",
            "RESOLVER" => "javax.xml.stream.resolver",
            "SUPPORT_DTD" => "javax.xml.stream.supportDTD",
            _ => return None,
        }),
        ("XMLOutputFactory", "IS_REPAIRING_NAMESPACES") => {
            s("javax.xml.stream.isRepairingNamespaces")
        }
        ("OutputKeys", f) => s(match f {
            "CDATA_SECTION_ELEMENTS" => "cdata-section-elements",
            "DOCTYPE_PUBLIC" => "doctype-public",
            "DOCTYPE_SYSTEM" => "doctype-system",
            "ENCODING" => "encoding",
            "INDENT" => "indent",
            "MEDIA_TYPE" => "media-type",
            "METHOD" => "method",
            "OMIT_XML_DECLARATION" => "omit-xml-declaration",
            "STANDALONE" => "standalone",
            "VERSION" => "version",
            _ => return None,
        }),
        _ => None,
    }
}

const START_ELEMENT: i64 = 1;
const END_ELEMENT: i64 = 2;
const PROCESSING_INSTRUCTION: i64 = 3;
const CHARACTERS: i64 = 4;
const COMMENT: i64 = 5;
const START_DOCUMENT: i64 = 7;
const END_DOCUMENT: i64 = 8;
const DTD: i64 = 11;

fn foreign(class: &'static str, o: impl ForeignObject) -> Value {
    Value::from(Ref::new(HostObject::Foreign(class, Box::new(o))))
}

fn text_arg(v: &Value) -> Option<String> {
    if v.is_nil() {
        return Some(String::new());
    }
    v.as_str().map(str::to_string)
}

fn statics(class: &str, member: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(Ok(match (class, member, args) {
        ("javax.xml.namespace.QName", "valueOf", [s]) => {
            let s = s.as_str()?;
            // "{uri}local" or "local".
            let q = match s.strip_prefix('{').and_then(|r| r.split_once('}')) {
                Some((uri, local)) => QName::new(uri, local, ""),
                None if s.starts_with('{') => {
                    return Some(Err(Exception::new(
                        ExClass::IllegalArgumentException,
                        format!("cannot create QName from \"{s}\", missing closing \"}}\""),
                    )));
                }
                None => QName::new("", s, ""),
            };
            foreign(QNAME, q)
        }
        ("javax.xml.stream.XMLInputFactory", _, []) => foreign(
            "com.sun.xml.internal.stream.XMLInputFactoryImpl",
            InputFactory(Lock::new(Vec::new())),
        ),
        ("javax.xml.stream.XMLOutputFactory", _, []) => foreign(
            "com.sun.xml.internal.stream.XMLOutputFactoryImpl",
            OutputFactory,
        ),
        ("javax.xml.transform.TransformerFactory", _, []) => foreign(
            "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
            TransformerFactory,
        ),
        _ => return None,
    }))
}

fn construct(class: &str, args: &[Value]) -> Option<Result<Value>> {
    Some(Ok(match (class, args) {
        (QNAME, [local]) => foreign(QNAME, QName::new("", &text_arg(local)?, "")),
        (QNAME, [uri, local]) => foreign(QNAME, QName::new(&text_arg(uri)?, &text_arg(local)?, "")),
        (QNAME, [uri, local, prefix]) => foreign(
            QNAME,
            QName::new(&text_arg(uri)?, &text_arg(local)?, &text_arg(prefix)?),
        ),
        ("javax.xml.transform.stream.StreamSource", [r]) => foreign(
            "javax.xml.transform.stream.StreamSource",
            StreamEnd(r.clone()),
        ),
        ("javax.xml.transform.stream.StreamResult", [w]) => foreign(
            "javax.xml.transform.stream.StreamResult",
            StreamEnd(w.clone()),
        ),
        _ => return None,
    }))
}

// ----- QName -----

struct QName {
    uri: String,
    local: String,
    prefix: String,
}

impl QName {
    fn new(uri: &str, local: &str, prefix: &str) -> QName {
        QName {
            uri: uri.to_string(),
            local: local.to_string(),
            prefix: prefix.to_string(),
        }
    }
}

impl ForeignObject for QName {
    fn java_string(&self, _object: &str) -> String {
        if self.uri.is_empty() {
            self.local.clone()
        } else {
            format!("{{{}}}{}", self.uri, self.local)
        }
    }
    fn equals(&self, other: &dyn ForeignObject) -> Option<bool> {
        let o = other.downcast_ref::<QName>()?;
        Some(self.uri == o.uri && self.local == o.local)
    }
    fn hash_code(&self) -> Option<i32> {
        let h = |s: &str| crate::runtime::hash::java_hash_code(&Value::string(s)).unwrap_or(0);
        Some(h(&self.uri) ^ h(&self.local))
    }
}

// ----- the pull parser -----

struct InputFactory(Lock<Vec<(String, Value)>>);
impl ForeignObject for InputFactory {}

struct OutputFactory;
impl ForeignObject for OutputFactory {}

/// One parsed event, with the position just after it.
#[derive(Clone)]
enum Ev {
    Start {
        prefix: String,
        local: String,
        uri: Option<String>,
        attrs: Vec<Attr>,
        nss: Vec<(Option<String>, String)>,
    },
    End {
        prefix: String,
        local: String,
        uri: Option<String>,
    },
    Chars(String),
    CData(String),
    Comment(String),
    Pi(String, String),
    Dtd(String),
    EndDocument,
}

#[derive(Clone)]
struct Attr {
    prefix: String,
    local: String,
    uri: Option<String>,
    value: String,
}

struct Parser {
    reader: quick_xml::Reader<Cursor<Vec<u8>>>,
    buf: Vec<u8>,
    coalescing: bool,
    namespace_aware: bool,
    /// Namespace scopes of the open elements: (prefix or None for the
    /// default namespace, uri).
    scopes: Vec<Vec<(Option<String>, String)>>,
    /// Open element names, for the END_ELEMENT of an empty element.
    depth: usize,
    root_done: bool,
    /// An event read ahead while joining text.
    ahead: Option<(Ev, u64)>,
    /// Whether the last event read was an empty element's start: its end
    /// comes next.
    pending_end: Option<Ev>,
}

fn parse_error(text: &[u8], pos: u64, msg: &str) -> Exception {
    let upto = &text[..(pos as usize).min(text.len())];
    let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&upto[line_start..]).chars().count() + 1;
    Exception::new(
        ExClass::XMLStreamException,
        format!("ParseError at [row,col]:[{line},{col}]\nMessage: {msg}"),
    )
}

fn split_qname(q: &str) -> (String, String) {
    match q.split_once(':') {
        Some((p, l)) => (p.to_string(), l.to_string()),
        None => (String::new(), q.to_string()),
    }
}

impl Parser {
    fn new(text: String, coalescing: bool, namespace_aware: bool) -> Parser {
        let mut reader = quick_xml::Reader::from_reader(Cursor::new(text.into_bytes()));
        let cfg = reader.config_mut();
        cfg.expand_empty_elements = false;
        cfg.check_end_names = true;
        cfg.check_comments = true;
        Parser {
            reader,
            buf: Vec::new(),
            coalescing,
            namespace_aware,
            scopes: Vec::new(),
            depth: 0,
            root_done: false,
            ahead: None,
            pending_end: None,
        }
    }

    fn text(&self) -> &[u8] {
        self.reader.get_ref().get_ref()
    }

    fn err(&self, pos: u64, msg: &str) -> Exception {
        parse_error(self.text(), pos, msg)
    }

    fn resolve(&self, prefix: &str, default_ns: bool) -> Option<String> {
        match prefix {
            "xml" => return Some(XML_NS.to_string()),
            "xmlns" => return Some(XMLNS_NS.to_string()),
            _ => {}
        }
        let want = (!prefix.is_empty()).then_some(prefix);
        if want.is_none() && !default_ns {
            return None;
        }
        for scope in self.scopes.iter().rev() {
            for (p, uri) in scope.iter().rev() {
                if p.as_deref() == want {
                    return (!uri.is_empty()).then(|| uri.clone());
                }
            }
        }
        None
    }

    /// A start tag read from `before` to `after`.
    fn start(&mut self, e: &BytesStart, before: u64, after: u64) -> Result<Ev> {
        let qname = e.name().as_ref().to_string();
        if !qname.starts_with(|c: char| c.is_alphabetic() || c == '_' || c == ':') {
            return Err(self.err(
                before + 1,
                "The content of elements must consist of well-formed character data or markup.",
            ));
        }
        let pos = after;
        let (prefix, local) = split_qname(&qname);
        let mut nss = Vec::new();
        let mut raw = Vec::new();
        let mut attrs = e.attributes();
        attrs.with_checks(true);
        for a in attrs {
            let a = a.map_err(|x| attr_error(self, e, &x, before, after, &local))?;
            let name = a.key.as_ref().to_string();
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|x| self.err(pos, &x.to_string()))?
                .into_owned();
            if self.namespace_aware && name == "xmlns" {
                nss.push((None, value));
            } else if self.namespace_aware
                && let Some(p) = name.strip_prefix("xmlns:")
            {
                nss.push((Some(p.to_string()), value));
            } else {
                raw.push((name, value));
            }
        }
        self.scopes.push(nss.clone());
        let uri = if self.namespace_aware {
            let u = self.resolve(&prefix, true);
            if !prefix.is_empty() && u.is_none() {
                return Err(self.err(
                    pos,
                    &format!(
                        "http://www.w3.org/TR/1999/REC-xml-names-19990114#ElementPrefixUnbound?{prefix}&{prefix}:{local}"
                    ),
                ));
            }
            u
        } else {
            None
        };
        let mut out = Vec::with_capacity(raw.len());
        for (name, value) in raw {
            let (ap, al) = if self.namespace_aware {
                split_qname(&name)
            } else {
                (String::new(), name)
            };
            let auri = if ap.is_empty() {
                None
            } else {
                match self.resolve(&ap, false) {
                    Some(u) => Some(u),
                    None => {
                        return Err(self.err(
                            pos,
                            &format!(
                                "http://www.w3.org/TR/1999/REC-xml-names-19990114#AttributePrefixUnbound?{qname}&{ap}:{al}&{ap}"
                            ),
                        ));
                    }
                }
            };
            out.push(Attr {
                prefix: ap,
                local: al,
                uri: auri,
                value,
            });
        }
        Ok(Ev::Start {
            prefix: if self.namespace_aware {
                prefix
            } else {
                String::new()
            },
            local: if self.namespace_aware {
                local
            } else {
                e.name().as_ref().to_string()
            },
            uri,
            attrs: out,
            nss,
        })
    }

    /// The next raw event (text pieces not yet joined) and the position
    /// after it.
    fn raw_next(&mut self) -> Result<(Ev, u64)> {
        if let Some(end) = self.pending_end.take() {
            self.scopes.pop();
            self.depth -= 1;
            if self.depth == 0 {
                self.root_done = true;
            }
            return Ok((end, self.reader.buffer_position()));
        }
        loop {
            self.buf.clear();
            let before = self.reader.buffer_position();
            let mut buf = std::mem::take(&mut self.buf);
            let ev = self.reader.read_event_into(&mut buf);
            let pos = self.reader.buffer_position();
            let ev = match ev {
                Ok(e) => e.into_owned(),
                Err(e) => {
                    let mut at = self.reader.error_position();
                    if matches!(
                        e,
                        quick_xml::Error::IllFormed(
                            quick_xml::errors::IllFormedError::MismatchedEndTag { .. }
                        )
                    ) {
                        // The JDK reports it after the `</`.
                        at += 2;
                    }
                    self.buf = buf;
                    return Err(self.err(at, &error_message(&e)));
                }
            };
            self.buf = buf;
            let outside = self.depth == 0;
            return Ok((
                match ev {
                    Event::Start(_) | Event::Empty(_) if outside && self.root_done => {
                        return Err(self.err(
                            before + 1,
                            "The markup in the document following the root element must be well-formed.",
                        ));
                    }
                    Event::Start(e) => {
                        let s = self.start(&e, before, pos)?;
                        self.depth += 1;
                        s
                    }
                    Event::Empty(e) => {
                        let s = self.start(&e, before, pos)?;
                        self.depth += 1;
                        if let Ev::Start {
                            prefix, local, uri, ..
                        } = &s
                        {
                            self.pending_end = Some(Ev::End {
                                prefix: prefix.clone(),
                                local: local.clone(),
                                uri: uri.clone(),
                            });
                        }
                        s
                    }
                    Event::End(e) => {
                        if outside {
                            return Err(self.err(
                                before,
                                "The markup in the document following the root element must be well-formed.",
                            ));
                        }
                        let (prefix, local) = split_qname(e.name().as_ref());
                        let uri = if self.namespace_aware {
                            self.resolve(&prefix, true)
                        } else {
                            None
                        };
                        self.scopes.pop();
                        self.depth -= 1;
                        if self.depth == 0 {
                            self.root_done = true;
                        }
                        if self.namespace_aware {
                            Ev::End { prefix, local, uri }
                        } else {
                            Ev::End {
                                prefix: String::new(),
                                local: e.name().as_ref().to_string(),
                                uri,
                            }
                        }
                    }
                    Event::Text(t) => {
                        let s = t.xml10_content().into_owned();
                        if outside {
                            if s.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n')) {
                                continue;
                            }
                            let msg = if self.root_done {
                                "Content is not allowed in trailing section."
                            } else {
                                "Content is not allowed in prolog."
                            };
                            return Err(self.err(before, msg));
                        }
                        Ev::Chars(s)
                    }
                    Event::GeneralRef(r) => {
                        let s = match r.resolve_char_ref() {
                            Ok(Some(c)) => c.to_string(),
                            Ok(None) => {
                                let name = r.to_string();
                                match name.as_str() {
                                    "lt" => "<".into(),
                                    "gt" => ">".into(),
                                    "amp" => "&".into(),
                                    "apos" => "'".into(),
                                    "quot" => "\"".into(),
                                    _ => {
                                        return Err(self.err(
                                            pos,
                                            &format!(
                                                "The entity \"{name}\" was referenced, but not declared."
                                            ),
                                        ));
                                    }
                                }
                            }
                            Err(e) => return Err(self.err(pos, &error_message(&e))),
                        };
                        if outside {
                            return Err(self.err(before, "Content is not allowed in prolog."));
                        }
                        Ev::Chars(s)
                    }
                    Event::CData(t) => Ev::CData(t.to_string()),
                    Event::Comment(t) => Ev::Comment(t.to_string()),
                    Event::PI(p) => {
                        let target = p.target().to_string();
                        let data = p.content().trim_start().to_string();
                        Ev::Pi(target, data)
                    }
                    Event::DocType(t) => Ev::Dtd(format!("<!DOCTYPE{}>", &*t)),
                    Event::Decl(_) => continue,
                    Event::Eof => {
                        if self.depth > 0 {
                            return Err(self.err(
                                pos,
                                "XML document structures must start and end within the same entity.",
                            ));
                        }
                        if !self.root_done {
                            return Err(self.err(pos, "Premature end of file."));
                        }
                        Ev::EndDocument
                    }
                },
                pos,
            ));
        }
    }

    /// The next event: text, entity references (and CDATA, when
    /// coalescing) joined into one CHARACTERS event.
    fn next(&mut self) -> Result<(Ev, u64)> {
        let (ev, pos) = match self.ahead.take() {
            Some(x) => x,
            None => self.raw_next()?,
        };
        let joinable = |e: &Ev, coalescing: bool| match e {
            Ev::Chars(_) => true,
            Ev::CData(_) => coalescing,
            _ => false,
        };
        // Without coalescing the JDK reports each piece of text (and each
        // entity reference) as its own CHARACTERS event.
        let (mut text, mut end) = match ev {
            Ev::Chars(s) if self.coalescing => (s, pos),
            Ev::CData(s) if self.coalescing => (s, pos),
            other => return Ok((other, pos)),
        };
        loop {
            let (e, p) = self.raw_next()?;
            if joinable(&e, self.coalescing) {
                if let Ev::Chars(s) | Ev::CData(s) = e {
                    text.push_str(&s);
                }
                end = p;
            } else {
                self.ahead = Some((e, p));
                break;
            }
        }
        // The JDK's scanner has read the '<' of the markup after the text.
        Ok((Ev::Chars(text), end + 1))
    }
}

fn error_message(e: &quick_xml::Error) -> String {
    use quick_xml::errors::IllFormedError;
    match e {
        quick_xml::Error::IllFormed(IllFormedError::MismatchedEndTag { expected, .. }) => {
            format!(
                "The element type \"{expected}\" must be terminated by the matching end-tag \"</{expected}>\"."
            )
        }
        quick_xml::Error::Syntax(_) => {
            "The content of elements must consist of well-formed character data or markup."
                .to_string()
        }
        other => other.to_string(),
    }
}

/// An attribute error in the start tag `e` (read from `before` to
/// `after`), worded and placed as the JDK's.
fn attr_error(
    p: &Parser,
    e: &BytesStart,
    x: &quick_xml::events::attributes::AttrError,
    before: u64,
    after: u64,
    element: &str,
) -> Exception {
    use quick_xml::events::attributes::AttrError;
    let content: &str = e;
    // The attribute name ending just before byte `at` of the tag content.
    let name_before = |at: usize| -> String {
        let head = content.get(..at).unwrap_or("");
        let head = head.trim_end().trim_end_matches('=').trim_end();
        head.rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_string()
    };
    let name_at = |at: usize| -> String {
        let tail = content.get(at..).unwrap_or("");
        tail.split(|c: char| c == '=' || c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_string()
    };
    match x {
        AttrError::Duplicated(at, _) => p.err(
            after,
            &format!(
                "http://www.w3.org/TR/1999/REC-xml-names-19990114#AttributeNotUnique?{element}&{}",
                name_at(*at)
            ),
        ),
        AttrError::UnquotedValue(at) => p.err(
            before + 1 + *at as u64,
            &format!(
                "Open quote is expected for attribute \"{}\" associated with an  element type  \"{element}\".",
                name_before(*at)
            ),
        ),
        other => p.err(after, &other.to_string()),
    }
}

/// An XMLStreamReader: the parser and its current event.
struct StreamReader(Lock<ReaderState>);

struct ReaderState {
    parser: Parser,
    current: Option<Ev>,
    /// Position after the current event (what getLocation reports).
    pos: u64,
}

impl ForeignObject for StreamReader {}

struct Location {
    line: i64,
    column: i64,
    offset: i64,
}
impl ForeignObject for Location {}

fn location(text: &[u8], pos: u64) -> Location {
    let upto = &text[..(pos as usize).min(text.len())];
    let s = String::from_utf8_lossy(upto);
    let line = s.matches('\n').count() as i64 + 1;
    let col = s.rsplit('\n').next().map_or(0, |l| l.chars().count()) as i64 + 1;
    Location {
        line,
        column: col,
        offset: s.chars().count() as i64,
    }
}

fn input_text(source: &Value) -> Result<String> {
    match source.view() {
        View::InStream(s) => s.read_all(),
        _ => Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(source.class_name(), "java.io.Reader"),
        )),
    }
}

fn prop(props: &[(String, Value)], name: &str, default: bool) -> bool {
    props
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map_or(default, |(_, v)| v.truthy())
}

fn str_or_nil(s: &str) -> Value {
    Value::string(s)
}

fn opt_str(s: &Option<String>) -> Value {
    s.as_deref().map(Value::string).unwrap_or(Value::NIL)
}

fn index_arg(i: &Value) -> Option<usize> {
    i.as_long().and_then(|n| usize::try_from(n).ok())
}

fn reader_method(r: &StreamReader, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let mut st = lock(&r.0);
    let no_index = |i: usize| {
        Err(Exception::new(
            ExClass::IndexOutOfBoundsException,
            format!("Index {i} out of bounds"),
        ))
    };
    Some(Ok(match (method, args) {
        ("next", []) => {
            if matches!(st.current, Some(Ev::EndDocument)) {
                return Some(Err(Exception::new(
                    ExClass::IllegalStateException,
                    "END_DOCUMENT reached: no more elements on the stream.",
                )));
            }
            match st.parser.next() {
                Ok((ev, pos)) => {
                    let code = event_code(&ev);
                    st.current = Some(ev);
                    st.pos = pos;
                    Value::long(code)
                }
                Err(e) => return Some(Err(e)),
            }
        }
        ("hasNext", []) => Value::bool(!matches!(st.current, Some(Ev::EndDocument))),
        ("getEventType", []) => Value::long(st.current.as_ref().map_or(START_DOCUMENT, event_code)),
        ("getLocation", []) => foreign(LOCATION, location(st.parser.text(), st.pos)),
        ("close", []) => Value::NIL,
        ("getLocalName", []) => match &st.current {
            Some(Ev::Start { local, .. } | Ev::End { local, .. }) => Value::string(local),
            _ => return Some(Err(state_error("getLocalName"))),
        },
        ("getPrefix", []) => match &st.current {
            Some(Ev::Start { prefix, .. } | Ev::End { prefix, .. }) => str_or_nil(prefix),
            _ => Value::NIL,
        },
        ("getNamespaceURI", []) => match &st.current {
            Some(Ev::Start { uri, .. } | Ev::End { uri, .. }) => opt_str(uri),
            _ => Value::NIL,
        },
        ("getName", []) => match &st.current {
            Some(
                Ev::Start {
                    prefix, local, uri, ..
                }
                | Ev::End { prefix, local, uri },
            ) => foreign(
                QNAME,
                QName::new(uri.as_deref().unwrap_or(""), local, prefix),
            ),
            _ => return Some(Err(state_error("getName"))),
        },
        ("getAttributeCount", []) => match &st.current {
            Some(Ev::Start { attrs, .. }) => Value::long(attrs.len() as i64),
            _ => return Some(Err(state_error("getAttributeCount"))),
        },
        (
            "getAttributeLocalName"
            | "getAttributePrefix"
            | "getAttributeNamespace"
            | "getAttributeValue"
            | "getAttributeType",
            [i],
        ) => {
            let Some(Ev::Start { attrs, .. }) = &st.current else {
                return Some(Err(state_error(method)));
            };
            let i = index_arg(i)?;
            let Some(a) = attrs.get(i) else {
                return Some(no_index(i));
            };
            match method {
                "getAttributeLocalName" => Value::string(&a.local),
                "getAttributePrefix" => str_or_nil(&a.prefix),
                "getAttributeNamespace" => opt_str(&a.uri),
                "getAttributeType" => Value::string("CDATA"),
                _ => Value::string(&a.value),
            }
        }
        ("getAttributeValue", [uri, local]) => {
            let Some(Ev::Start { attrs, .. }) = &st.current else {
                return Some(Err(state_error(method)));
            };
            let local = local.as_str()?;
            let uri = uri.as_str();
            attrs
                .iter()
                .find(|a| a.local == local && (uri.is_none() || a.uri.as_deref() == uri))
                .map(|a| Value::string(&a.value))
                .unwrap_or(Value::NIL)
        }
        ("getNamespaceCount", []) => match &st.current {
            Some(Ev::Start { nss, .. }) => Value::long(nss.len() as i64),
            Some(Ev::End { .. }) => Value::long(0),
            _ => return Some(Err(state_error("getNamespaceCount"))),
        },
        ("getNamespacePrefix" | "getNamespaceURI", [i]) => {
            let Some(Ev::Start { nss, .. }) = &st.current else {
                return Some(Err(state_error(method)));
            };
            let i = index_arg(i)?;
            let Some((p, uri)) = nss.get(i) else {
                return Some(no_index(i));
            };
            if method == "getNamespacePrefix" {
                opt_str(p)
            } else {
                Value::string(uri)
            }
        }
        ("getText", []) => match &st.current {
            Some(Ev::Chars(s) | Ev::CData(s) | Ev::Comment(s) | Ev::Dtd(s)) => Value::string(s),
            _ => return Some(Err(state_error("getText"))),
        },
        ("getTextLength", []) => match &st.current {
            Some(Ev::Chars(s) | Ev::CData(s) | Ev::Comment(s) | Ev::Dtd(s)) => {
                Value::long(s.encode_utf16().count() as i64)
            }
            _ => return Some(Err(state_error("getTextLength"))),
        },
        ("getPITarget", []) => match &st.current {
            Some(Ev::Pi(t, _)) => Value::string(t),
            _ => Value::NIL,
        },
        ("getPIData", []) => match &st.current {
            Some(Ev::Pi(_, d)) => Value::string(d),
            _ => Value::NIL,
        },
        ("isStartElement", []) => Value::bool(matches!(st.current, Some(Ev::Start { .. }))),
        ("isEndElement", []) => Value::bool(matches!(st.current, Some(Ev::End { .. }))),
        ("isCharacters", []) => {
            Value::bool(matches!(st.current, Some(Ev::Chars(_) | Ev::CData(_))))
        }
        ("hasText", []) => Value::bool(matches!(
            st.current,
            Some(Ev::Chars(_) | Ev::CData(_) | Ev::Comment(_) | Ev::Dtd(_))
        )),
        ("hasName", []) => Value::bool(matches!(
            st.current,
            Some(Ev::Start { .. } | Ev::End { .. })
        )),
        ("isWhiteSpace", []) => Value::bool(match &st.current {
            Some(Ev::Chars(s)) => s.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n')),
            _ => false,
        }),
        _ => return None,
    }))
}

fn state_error(method: &str) -> Exception {
    Exception::new(
        ExClass::IllegalStateException,
        format!("Current state is not among the states valid for {method}"),
    )
}

fn event_code(e: &Ev) -> i64 {
    match e {
        Ev::Start { .. } => START_ELEMENT,
        Ev::End { .. } => END_ELEMENT,
        // The JDK's reader reports a CDATA section (when not coalescing) as
        // CHARACTERS: its report-cdata-event property is off by default.
        Ev::Chars(_) | Ev::CData(_) => CHARACTERS,
        Ev::Comment(_) => COMMENT,
        Ev::Pi(..) => PROCESSING_INSTRUCTION,
        Ev::Dtd(_) => DTD,
        Ev::EndDocument => END_DOCUMENT,
    }
}

// ----- the writer -----

/// An XMLStreamWriter over a java.io.Writer.
struct StreamWriter {
    out: Value,
    state: Lock<WriterState>,
}

#[derive(Default)]
struct WriterState {
    /// Qualified names of the open elements.
    open: Vec<String>,
    /// A start tag not closed yet: Some(true) for an empty element.
    start_open: Option<bool>,
}

impl ForeignObject for StreamWriter {}

fn escape(s: &str, attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn qualified(prefix: &str, local: &str) -> String {
    if prefix.is_empty() {
        local.to_string()
    } else {
        format!("{prefix}:{local}")
    }
}

impl StreamWriter {
    fn close_start(&self, st: &mut WriterState) -> Result<()> {
        match st.start_open.take() {
            Some(true) => write_to(&self.out, "/>"),
            Some(false) => write_to(&self.out, ">"),
            None => Ok(()),
        }
    }

    fn call(&self, method: &str, args: &[Value]) -> Option<Result<Value>> {
        let mut st = lock(&self.state);
        let strs: Option<Vec<String>> = args.iter().map(text_arg).collect();
        let a = strs?;
        let r = (|| -> Option<Result<()>> {
            Some(match (method, a.as_slice()) {
                ("writeStartDocument", []) => write_to(&self.out, "<?xml version=\"1.0\" ?>"),
                ("writeStartDocument", [v]) => {
                    write_to(&self.out, &format!("<?xml version=\"{v}\"?>"))
                }
                ("writeStartDocument", [enc, v]) => write_to(
                    &self.out,
                    &format!("<?xml version=\"{v}\" encoding=\"{enc}\"?>"),
                ),
                ("writeStartElement" | "writeEmptyElement", [local])
                | ("writeStartElement" | "writeEmptyElement", [_, local]) => {
                    self.start(&mut st, method == "writeEmptyElement", "", local)
                }
                ("writeStartElement" | "writeEmptyElement", [prefix, local, _uri]) => {
                    self.start(&mut st, method == "writeEmptyElement", prefix, local)
                }
                ("writeAttribute", [local, v]) | ("writeAttribute", [_, local, v]) => {
                    self.attribute(&st, local, v)
                }
                ("writeAttribute", [prefix, _uri, local, v]) => {
                    self.attribute(&st, &qualified(prefix, local), v)
                }
                ("writeNamespace", [p, uri]) if p.is_empty() || p == "xmlns" => {
                    self.attribute(&st, "xmlns", uri)
                }
                ("writeNamespace", [p, uri]) => self.attribute(&st, &format!("xmlns:{p}"), uri),
                ("writeDefaultNamespace", [uri]) => self.attribute(&st, "xmlns", uri),
                ("writeEndElement", []) => self.end_element(&mut st),
                ("writeCharacters", [s]) => self.content(&mut st, &escape(s, false)),
                ("writeCData", [s]) => self.content(&mut st, &format!("<![CDATA[{s}]]>")),
                ("writeComment", [s]) => self.content(&mut st, &format!("<!--{s}-->")),
                ("writeProcessingInstruction", [t]) => self.content(&mut st, &format!("<?{t}?>")),
                ("writeProcessingInstruction", [t, d]) => {
                    self.content(&mut st, &format!("<?{t} {d}?>"))
                }
                ("writeDTD", [s]) => write_to(&self.out, s),
                ("writeEndDocument", []) => (|| {
                    while !st.open.is_empty() || st.start_open.is_some() {
                        if st.open.is_empty() {
                            return self.close_start(&mut st);
                        }
                        self.end_element(&mut st)?;
                    }
                    Ok(())
                })(),
                ("flush", []) => crate::runtime::io::flush_value(&self.out),
                ("close", []) => Ok(()),
                _ => return None,
            })
        })();
        r.map(|r| r.map(|()| Value::NIL))
    }

    /// Markup or text inside the current element.
    fn content(&self, st: &mut WriterState, text: &str) -> Result<()> {
        self.close_start(st)?;
        write_to(&self.out, text)
    }

    fn end_element(&self, st: &mut WriterState) -> Result<()> {
        self.close_start(st)?;
        match st.open.pop() {
            Some(name) => write_to(&self.out, &format!("</{name}>")),
            None => Err(Exception::new(
                ExClass::XMLStreamException,
                "No element was found to write: java.lang.ArrayIndexOutOfBoundsException",
            )),
        }
    }

    fn start(&self, st: &mut WriterState, empty: bool, prefix: &str, local: &str) -> Result<()> {
        self.close_start(st)?;
        let name = qualified(prefix, local);
        write_to(&self.out, &format!("<{name}"))?;
        if !empty {
            st.open.push(name);
        }
        st.start_open = Some(empty);
        Ok(())
    }

    fn attribute(&self, st: &WriterState, name: &str, v: &str) -> Result<()> {
        if st.start_open.is_none() {
            return Err(Exception::new(
                ExClass::XMLStreamException,
                "Attribute not associated with any element",
            ));
        }
        write_to(&self.out, &format!(" {name}=\"{}\"", escape(v, true)))
    }
}

// ----- the identity transform -----

struct TransformerFactory;
impl ForeignObject for TransformerFactory {}

struct Transformer(Lock<Vec<(String, String)>>);
impl ForeignObject for Transformer {}

/// A StreamSource's reader or a StreamResult's writer.
struct StreamEnd(Value);
impl ForeignObject for StreamEnd {}

/// A node of the document the transformer copies.
enum Node {
    Element {
        name: String,
        attrs: Vec<(String, String)>,
        children: Vec<Node>,
    },
    Text(String),
    CData(String),
    Comment(String),
    Pi(String, String),
}

/// Parse `text` into its top-level nodes (not namespace-aware: names and
/// xmlns attributes are copied as written).
fn parse_document(text: String) -> Result<Vec<Node>> {
    let mut p = Parser::new(text, false, false);
    let mut stack: Vec<Node> = Vec::new();
    let mut top = Vec::new();
    loop {
        let (ev, _) = p.next()?;
        let node = match ev {
            Ev::EndDocument => return Ok(top),
            Ev::Start { local, attrs, .. } => {
                stack.push(Node::Element {
                    name: local,
                    attrs: attrs.into_iter().map(|a| (a.local, a.value)).collect(),
                    children: Vec::new(),
                });
                continue;
            }
            Ev::End { .. } => match stack.pop() {
                Some(n) => n,
                None => continue,
            },
            Ev::Chars(s) => Node::Text(s),
            Ev::CData(s) => Node::CData(s),
            Ev::Comment(s) => Node::Comment(s),
            Ev::Pi(t, d) => Node::Pi(t, d),
            Ev::Dtd(_) => continue,
        };
        let siblings = match stack.last_mut() {
            Some(Node::Element { children, .. }) => children,
            _ => &mut top,
        };
        // Adjacent text (pieces and entity references) is one text node.
        match (siblings.last_mut(), node) {
            (Some(Node::Text(prev)), Node::Text(s)) => prev.push_str(&s),
            (_, node) => siblings.push(node),
        }
    }
}

fn is_blank(s: &str) -> bool {
    s.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

/// Serialize `n` as the JDK's identity transformer does; with `indent`
/// (spaces per level), each child of an element with more than one child,
/// or with a child that is not text, goes on its own line (whitespace-only
/// text too, after the indentation).
fn serialize(n: &Node, indent: Option<usize>, level: usize, out: &mut String) {
    let pad = |out: &mut String, level: usize| {
        if let Some(k) = indent {
            out.push('\n');
            out.push_str(&" ".repeat(k * level));
        }
    };
    match n {
        Node::Element {
            name,
            attrs,
            children,
        } => {
            out.push('<');
            out.push_str(name);
            for (k, v) in attrs {
                out.push_str(&format!(" {k}=\"{}\"", escape(v, true)));
            }
            let kids: Vec<&Node> = children.iter().collect();
            if kids.is_empty() {
                out.push_str("/>");
                return;
            }
            out.push('>');
            let block = indent.is_some()
                && (kids.len() > 1 || !matches!(kids[0], Node::Text(_) | Node::CData(_)));
            for c in &kids {
                if block {
                    pad(out, level + 1);
                    // Whitespace-only text goes after the indentation
                    // without its line breaks.
                    if let Node::Text(t) = c
                        && is_blank(t)
                    {
                        out.extend(t.chars().filter(|&ch| ch != '\n' && ch != '\r'));
                        continue;
                    }
                }
                serialize(c, indent, level + 1, out);
            }
            if block {
                pad(out, level);
            }
            out.push_str(&format!("</{name}>"));
        }
        Node::Text(s) => {
            for c in s.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '\r' => out.push_str("&#13;"),
                    c => out.push(c),
                }
            }
        }
        Node::CData(s) => out.push_str(&format!("<![CDATA[{s}]]>")),
        Node::Comment(s) => out.push_str(&format!("<!--{s}-->")),
        Node::Pi(t, d) if d.is_empty() => out.push_str(&format!("<?{t}?>")),
        Node::Pi(t, d) => out.push_str(&format!("<?{t} {d}?>")),
    }
}

fn transform(props: &[(String, String)], source: &Value, result: &Value) -> Result<()> {
    let end = |v: &Value| -> Option<Value> {
        let View::HostObject(o) = v.view() else {
            return None;
        };
        o.foreign::<StreamEnd>().map(|e| e.0.clone())
    };
    let (Some(src), Some(dst)) = (end(source), end(result)) else {
        return Err(Exception::new(
            ExClass::UnsupportedOperationException,
            "cljw's Transformer supports a StreamSource and a StreamResult only",
        ));
    };
    let get = |k: &str| {
        props
            .iter()
            .rev()
            .find(|(p, _)| p == k)
            .map(|(_, v)| v.as_str())
    };
    let nodes = parse_document(input_text(&src)?).map_err(|e| {
        Exception::new(
            ExClass::TransformerException,
            e.message().unwrap_or("").to_string(),
        )
    })?;
    let indent = (get("indent") == Some("yes")).then(|| {
        get("{http://xml.apache.org/xslt}indent-amount")
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0)
    });
    let mut out = String::new();
    if get("omit-xml-declaration") != Some("yes") {
        out.push_str(&format!(
            "<?xml version=\"{}\" encoding=\"{}\"?>",
            get("version").unwrap_or("1.0"),
            get("encoding").unwrap_or("UTF-8")
        ));
        if indent.is_some() && get("doctype-public").is_some() {
            out.push('\n');
        }
    }
    let nodes: Vec<&Node> = nodes
        .iter()
        .filter(|n| !matches!(n, Node::Text(s) if is_blank(s)))
        .collect();
    for (i, n) in nodes.iter().enumerate() {
        if i > 0 && indent.is_some() {
            out.push('\n');
        }
        serialize(n, indent, 0, &mut out);
    }
    if indent.is_some() {
        out.push('\n');
    }
    write_to(&dst, &out)
}

/// Instance methods of the classes above; None when `target` is none.
pub fn call(target: &Value, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let View::HostObject(o) = target.view() else {
        return None;
    };
    if let Some(r) = o.foreign::<StreamReader>() {
        return reader_method(r, method, args);
    }
    if let Some(w) = o.foreign::<StreamWriter>() {
        return w.call(method, args);
    }
    if let Some(q) = o.foreign::<QName>() {
        return Some(Ok(match (method, args) {
            ("getLocalPart", []) => Value::string(&q.local),
            ("getNamespaceURI", []) => Value::string(&q.uri),
            ("getPrefix", []) => Value::string(&q.prefix),
            _ => return None,
        }));
    }
    if let Some(l) = o.foreign::<Location>() {
        return Some(Ok(match (method, args) {
            ("getLineNumber", []) => Value::long(l.line),
            ("getColumnNumber", []) => Value::long(l.column),
            ("getCharacterOffset", []) => Value::long(l.offset),
            ("getPublicId" | "getSystemId", []) => Value::NIL,
            _ => return None,
        }));
    }
    if let Some(f) = o.foreign::<InputFactory>() {
        return Some(match (method, args) {
            ("setProperty", [k, v]) => {
                let k = k.as_str()?.to_string();
                lock(&f.0).push((k, v.clone()));
                Ok(Value::NIL)
            }
            ("getProperty", [k]) => {
                let k = k.as_str()?;
                let props = lock(&f.0);
                Ok(props
                    .iter()
                    .rev()
                    .find(|(p, _)| p == k)
                    .map(|(_, v)| v.clone())
                    .unwrap_or(Value::NIL))
            }
            ("createXMLStreamReader", [src]) => (|| {
                let props = lock(&f.0).clone();
                let parser = Parser::new(
                    input_text(src)?,
                    prop(&props, "javax.xml.stream.isCoalescing", false),
                    prop(&props, "javax.xml.stream.isNamespaceAware", true),
                );
                Ok(foreign(
                    READER,
                    StreamReader(Lock::new(ReaderState {
                        parser,
                        current: None,
                        pos: 0,
                    })),
                ))
            })(),
            _ => return None,
        });
    }
    if o.foreign::<OutputFactory>().is_some() {
        return Some(match (method, args) {
            ("createXMLStreamWriter", [w]) | ("createXMLStreamWriter", [w, _])
                if matches!(w.view(), View::Writer(_)) =>
            {
                Ok(foreign(
                    WRITER,
                    StreamWriter {
                        out: w.clone(),
                        state: Lock::new(WriterState::default()),
                    },
                ))
            }
            ("setProperty", [_, _]) => Ok(Value::NIL),
            _ => return None,
        });
    }
    if o.foreign::<TransformerFactory>().is_some() {
        return Some(match (method, args) {
            ("newTransformer", []) => Ok(foreign(
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerImpl",
                Transformer(Lock::new(Vec::new())),
            )),
            _ => return None,
        });
    }
    if let Some(t) = o.foreign::<Transformer>() {
        return Some(match (method, args) {
            ("setOutputProperty", [k, v]) => {
                let (k, v) = (text_arg(k)?, text_arg(v)?);
                lock(&t.0).push((k, v));
                Ok(Value::NIL)
            }
            ("getOutputProperty", [k]) => {
                let k = text_arg(k)?;
                Ok(lock(&t.0)
                    .iter()
                    .rev()
                    .find(|(p, _)| *p == k)
                    .map(|(_, v)| Value::string(v))
                    .unwrap_or(Value::NIL))
            }
            ("transform", [src, dst]) => {
                let props = lock(&t.0).clone();
                transform(&props, src, dst).map(|()| Value::NIL)
            }
            _ => return None,
        });
    }
    None
}
