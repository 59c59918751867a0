//! The JSON writer shared by cheshire.core and clojure.data.json: Clojure
//! values in, text out, byte for byte as the JVM libraries write it.
//!
//! - Jackson (cheshire): `"`/`\` and control chars escaped (`\u001F`, upper
//!   case), everything else raw unless `:escape-non-ascii`; doubles as
//!   Double.toString, NaN/Infinity as quoted strings; keywords with their
//!   namespace; chars, symbols, UUIDs and dates as strings; pretty printing
//!   by Jackson's DefaultPrettyPrinter or cheshire's CustomPrettyPrinter.
//! - data.json: `/` escaped by default, non-ASCII as `\u00e9` (lower case)
//!   unless `:escape-unicode false`, U+2028/2029 escaped; keywords and
//!   symbols by `name`; NaN/Infinity and chars throw; `:key-fn`,
//!   `:value-fn`, `:indent`.

use crate::runtime::equality;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::func;
use crate::runtime::number::{self, convert::to_double};
use crate::runtime::printer::str_value;
use crate::runtime::seq;
use crate::runtime::stack;
use crate::runtime::value::{Value, View};
use std::fmt::Write;

/// cheshire's pretty printer settings (CustomPrettyPrinter; the defaults
/// are Jackson's DefaultPrettyPrinter).
#[derive(Clone)]
pub(crate) struct Pretty {
    pub indentation: String,
    pub line_break: String,
    pub indent_objects: bool,
    pub indent_arrays: bool,
    pub before_array_values: Option<String>,
    pub after_array_values: Option<String>,
    pub field_separator: String,
}

impl Default for Pretty {
    fn default() -> Pretty {
        Pretty {
            indentation: "  ".to_string(),
            line_break: "\n".to_string(),
            indent_objects: true,
            indent_arrays: false,
            before_array_values: None,
            after_array_values: None,
            field_separator: " : ".to_string(),
        }
    }
}

pub(crate) enum Style {
    Jackson {
        pretty: Option<Pretty>,
        escape_non_ascii: bool,
        /// fn of a keyword key giving the field name.
        key_fn: Option<Value>,
        date_format: String,
    },
    DataJson {
        escape_unicode: bool,
        escape_js_separators: bool,
        escape_slash: bool,
        key_fn: Option<Value>,
        value_fn: Option<Value>,
        indent: bool,
    },
}

pub(crate) const DEFAULT_DATE_FORMAT: &str = "yyyy-MM-dd'T'HH:mm:ss'Z'";

pub(crate) struct Generator<'a> {
    style: &'a Style,
    pub out: String,
    /// Jackson's pretty-printer nesting level.
    nesting: usize,
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

fn generation_error(x: &Value) -> Exception {
    let shown = str_value(x).unwrap_or_default();
    Exception::new(
        ExClass::JsonGenerationException,
        format!(
            "Cannot JSON encode object of class: class {}: {shown}",
            x.class_name()
        ),
    )
}

fn data_json_error(msg: impl Into<String>) -> Exception {
    Exception::new(ExClass::Exception, msg)
}

impl<'a> Generator<'a> {
    pub fn new(style: &'a Style) -> Generator<'a> {
        Generator {
            style,
            out: String::new(),
            nesting: 0,
        }
    }

    fn is_jackson(&self) -> bool {
        matches!(self.style, Style::Jackson { .. })
    }

    fn pretty(&self) -> Option<&'a Pretty> {
        match self.style {
            Style::Jackson { pretty, .. } => pretty.as_ref(),
            Style::DataJson { .. } => None,
        }
    }

    // ----- strings -----

    pub fn write_string(&mut self, s: &str) {
        match self.style {
            Style::Jackson {
                escape_non_ascii, ..
            } => self.jackson_string(s, *escape_non_ascii),
            Style::DataJson {
                escape_unicode,
                escape_js_separators,
                escape_slash,
                ..
            } => self.data_json_string(s, *escape_unicode, *escape_js_separators, *escape_slash),
        }
    }

    fn unicode_escape(&mut self, unit: u16, upper: bool) {
        self.out.push_str("\\u");
        if upper {
            for shift in [12, 8, 4, 0] {
                self.out
                    .push(HEX_UPPER[((unit >> shift) & 0xF) as usize] as char);
            }
        } else {
            let _ = write!(self.out, "{unit:04x}");
        }
    }

    fn escape_units(&mut self, c: char, upper: bool) {
        let mut buf = [0u16; 2];
        for u in c.encode_utf16(&mut buf) {
            self.unicode_escape(*u, upper);
        }
    }

    fn jackson_string(&mut self, s: &str, escape_non_ascii: bool) {
        self.out.push('"');
        let mut run = 0;
        for (i, c) in s.char_indices() {
            let plain = match c {
                '"' | '\\' => false,
                c if (c as u32) < 32 => false,
                c if (c as u32) > 127 => !escape_non_ascii,
                _ => true,
            };
            if plain {
                continue;
            }
            self.out.push_str(s.get(run..i).unwrap_or(""));
            run = i + c.len_utf8();
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\u{8}' => self.out.push_str("\\b"),
                '\t' => self.out.push_str("\\t"),
                '\n' => self.out.push_str("\\n"),
                '\u{c}' => self.out.push_str("\\f"),
                '\r' => self.out.push_str("\\r"),
                c => self.escape_units(c, true),
            }
        }
        self.out.push_str(s.get(run..).unwrap_or(""));
        self.out.push('"');
    }

    fn data_json_string(&mut self, s: &str, unicode: bool, js_separators: bool, slash: bool) {
        self.out.push('"');
        let mut run = 0;
        for (i, c) in s.char_indices() {
            let plain = match c {
                '"' | '\\' => false,
                '/' => !slash,
                '\u{2028}' | '\u{2029}' => !js_separators,
                c if (c as u32) < 32 => false,
                c if (c as u32) >= 128 => !unicode,
                _ => true,
            };
            if plain {
                continue;
            }
            self.out.push_str(s.get(run..i).unwrap_or(""));
            run = i + c.len_utf8();
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '/' => self.out.push_str("\\/"),
                '\u{8}' => self.out.push_str("\\b"),
                '\t' => self.out.push_str("\\t"),
                '\n' => self.out.push_str("\\n"),
                '\u{c}' => self.out.push_str("\\f"),
                '\r' => self.out.push_str("\\r"),
                c => self.escape_units(c, false),
            }
        }
        self.out.push_str(s.get(run..).unwrap_or(""));
        self.out.push('"');
    }

    // ----- pretty printing (Jackson) -----

    fn indent(&mut self, p: &Pretty, level: usize) {
        self.out.push_str(&p.line_break);
        for _ in 0..level {
            self.out.push_str(&p.indentation);
        }
    }

    /// data.json's `:indent`: a newline and two spaces per level.
    fn dj_indent(&mut self, level: usize) {
        self.out.push('\n');
        for _ in 0..level {
            self.out.push_str("  ");
        }
    }

    fn dj_indenting(&self) -> bool {
        matches!(self.style, Style::DataJson { indent: true, .. })
    }

    // ----- values -----

    /// Write `x` at data.json indentation `level`.
    pub fn write(&mut self, x: &Value, level: usize) -> Result<()> {
        let _guard = stack::enter()?;
        match x.view() {
            View::Nil => self.out.push_str("null"),
            View::Bool(b) => self.out.push_str(if b { "true" } else { "false" }),
            View::Long(n) => {
                let _ = write!(self.out, "{n}");
            }
            View::Double(d) => self.write_double(d, "Double")?,
            View::Float(f) => {
                if !f.is_finite() {
                    self.write_double(f as f64, "Float")?
                } else {
                    number::write_java_float(&mut self.out, f)
                }
            }
            View::BigInt(_) | View::BigInteger(_) | View::BigDec(_) => {
                number::write_str(&mut self.out, x);
            }
            View::Ratio(_) => self.write_double(to_double(x)?, "Double")?,
            View::Str(s) => self.write_string(s.as_str()),
            View::Keyword(k) => {
                let s = match (self.is_jackson(), k.ns()) {
                    (true, Some(ns)) => format!("{ns}/{}", k.name()),
                    _ => k.name().to_string(),
                };
                self.write_string(&s);
            }
            View::Symbol(s) => {
                let s = match (self.is_jackson(), s.ns()) {
                    (true, Some(ns)) => format!("{ns}/{}", s.name()),
                    _ => s.name().to_string(),
                };
                self.write_string(&s);
            }
            View::Char(c) if self.is_jackson() => self.write_string(c.encode_utf8(&mut [0; 4])),
            View::Uuid(u) => {
                let s = u.to_string();
                self.write_string(&s);
            }
            View::Date(d) => {
                let s = match self.style {
                    Style::Jackson { date_format, .. } => {
                        super::date::simple_date_format(d, date_format)?
                    }
                    Style::DataJson { .. } => super::date::iso_instant(x, d),
                };
                self.write_string(&s);
            }
            // data.json extends JSONWriter to java.time.Instant (ISO_INSTANT).
            _ if !self.is_jackson() && x.class_name() == "java.time.Instant" => {
                let s = crate::interop::instant_text(x).unwrap_or_default();
                self.write_string(&s);
            }
            _ if equality::is_map(x) => self.write_map(x, level)?,
            _ if is_collection(x) => self.write_array(x, level)?,
            // byte[]: Jackson's writeBinary, base64 (MIME_NO_LINEFEEDS).
            _ if self.is_jackson() && x.byte_array_bytes().is_some() => {
                let b64 = crate::interop::base64::encode_standard(
                    &x.byte_array_bytes().unwrap_or_default(),
                );
                self.out.push('"');
                self.out.push_str(&b64);
                self.out.push('"');
            }
            // Java arrays: data.json writes their seq.
            _ if !self.is_jackson() && x.class_name().starts_with('[') => {
                self.write_array(x, level)?
            }
            _ => {
                return Err(match self.style {
                    Style::Jackson { .. } => generation_error(x),
                    Style::DataJson { .. } => data_json_error(format!(
                        "Don't know how to write JSON of class {}",
                        x.class_name()
                    )),
                });
            }
        }
        Ok(())
    }

    fn write_double(&mut self, d: f64, class: &str) -> Result<()> {
        if d.is_finite() {
            number::write_java_double(&mut self.out, d);
            return Ok(());
        }
        if self.is_jackson() {
            // QUOTE_NON_NUMERIC_NUMBERS is on by default.
            let s = if d.is_nan() {
                "\"NaN\""
            } else if d > 0.0 {
                "\"Infinity\""
            } else {
                "\"-Infinity\""
            };
            self.out.push_str(s);
            return Ok(());
        }
        Err(data_json_error(if d.is_nan() {
            format!("JSON error: cannot write {class} NaN")
        } else {
            format!("JSON error: cannot write infinite {class}")
        }))
    }

    fn field_name(&self, k: &Value) -> Result<String> {
        match self.style {
            Style::Jackson { key_fn, .. } => match (k.view(), key_fn) {
                (View::Keyword(_), Some(f)) => {
                    let name = func::invoke(f, std::slice::from_ref(k))?;
                    str_value(&name)
                }
                (View::Keyword(kw), None) => Ok(match kw.ns() {
                    Some(ns) => format!("{ns}/{}", kw.name()),
                    None => kw.name().to_string(),
                }),
                _ => str_value(k),
            },
            Style::DataJson { key_fn, .. } => {
                let name = match key_fn {
                    Some(f) => func::invoke(f, std::slice::from_ref(k))?,
                    None => match k.view() {
                        View::Keyword(kw) => return Ok(kw.name().to_string()),
                        View::Symbol(s) => return Ok(s.name().to_string()),
                        View::Nil => {
                            return Err(data_json_error("JSON object properties may not be nil"));
                        }
                        _ => return str_value(k),
                    },
                };
                match name.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(data_json_error("JSON object keys must be strings")),
                }
            }
        }
    }

    fn write_map(&mut self, m: &Value, level: usize) -> Result<()> {
        let entries = map_entries(m)?;
        let pretty = self.pretty();
        let value_fn = match self.style {
            Style::DataJson { value_fn, .. } => value_fn.as_ref(),
            Style::Jackson { .. } => None,
        };
        let dj_indent = self.dj_indenting();
        self.out.push('{');
        if let Some(p) = pretty
            && p.indent_objects
        {
            self.nesting += 1;
        }
        if dj_indent && !entries.is_empty() {
            self.dj_indent(level + 1);
        }
        let mut written = 0usize;
        for (k, v) in &entries {
            let v = match value_fn {
                Some(f) => {
                    let out = func::invoke(f, &[k.clone(), v.clone()])?;
                    if out.identical(f) {
                        continue;
                    }
                    out
                }
                None => v.clone(),
            };
            let name = self.field_name(k)?;
            if written > 0 {
                self.out.push(',');
                if dj_indent {
                    self.dj_indent(level + 1);
                }
            }
            if let Some(p) = pretty {
                if p.indent_objects {
                    self.indent(p, self.nesting);
                } else {
                    self.out.push(' ');
                }
            }
            self.write_string(&name);
            match pretty {
                Some(p) => self.out.push_str(&p.field_separator),
                None => self.out.push(':'),
            }
            if dj_indent {
                self.out.push(' ');
            }
            self.write(&v, level + 1)?;
            written += 1;
        }
        if let Some(p) = pretty {
            if p.indent_objects {
                self.nesting -= 1;
            }
            if written > 0 && p.indent_objects {
                self.indent(p, self.nesting);
            } else {
                self.out.push(' ');
            }
        }
        if dj_indent && !entries.is_empty() {
            self.dj_indent(level);
        }
        self.out.push('}');
        Ok(())
    }

    fn write_array(&mut self, coll: &Value, level: usize) -> Result<()> {
        let pretty = self.pretty();
        let dj_indent = self.dj_indenting();
        self.out.push('[');
        if let Some(p) = pretty
            && p.indent_arrays
        {
            self.nesting += 1;
        }
        let mut n = 0usize;
        let mut iter_err = None;
        let items: Vec<Value> = match coll.view() {
            View::Vector(v) => v.iter().cloned().collect(),
            _ => {
                let mut items = Vec::new();
                for x in seq::iter(coll) {
                    match x {
                        Ok(x) => items.push(x),
                        Err(e) => {
                            iter_err = Some(e);
                            break;
                        }
                    }
                }
                items
            }
        };
        if let Some(e) = iter_err {
            return Err(e);
        }
        for x in &items {
            if n == 0 {
                if let Some(p) = pretty {
                    match &p.before_array_values {
                        Some(s) => self.out.push_str(s),
                        None if p.indent_arrays => self.indent(p, self.nesting),
                        None => self.out.push(' '),
                    }
                }
                if dj_indent {
                    self.dj_indent(level + 1);
                }
            } else {
                self.out.push(',');
                if let Some(p) = pretty {
                    if p.indent_arrays {
                        self.indent(p, self.nesting);
                    } else {
                        self.out.push(' ');
                    }
                }
                if dj_indent {
                    self.dj_indent(level + 1);
                }
            }
            self.write(x, level + 1)?;
            n += 1;
        }
        if let Some(p) = pretty {
            if p.indent_arrays {
                self.nesting -= 1;
            }
            match &p.after_array_values {
                Some(s) => self.out.push_str(s),
                None if n > 0 && p.indent_arrays => self.indent(p, self.nesting),
                None => self.out.push(' '),
            }
        }
        if dj_indent && n > 0 {
            self.dj_indent(level);
        }
        self.out.push(']');
        Ok(())
    }
}

/// Does cheshire/data.json write `x` as an array? Vectors, lists, sets and
/// seqs (IPersistentCollection / java.util.Collection).
fn is_collection(x: &Value) -> bool {
    equality::is_sequential(x) || equality::is_set(x) || seq::is_seq(x)
}

/// A map's entries in its seq order.
fn map_entries(m: &Value) -> Result<Vec<(Value, Value)>> {
    Ok(match m.view() {
        View::ArrayMap(a) => a.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        View::HashMap(h) => h.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        _ => equality::entries(m).collect::<Result<Vec<_>>>()?,
    })
}
