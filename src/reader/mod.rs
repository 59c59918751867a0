//! LAYER 1: text -> forms (values with :line/:column metadata).
//!
//! A port of Clojure 1.11's `LispReader` semantics (our own code): every
//! syntax, every error message a program can see, and the positions
//! `LineNumberingPushbackReader` reports. Expected values in the tests were
//! recorded on JVM Clojure 1.11.1.
//!
//! Two modes, as on the JVM:
//! - line-numbering (`Reader::new`, like `load` / `read` on a
//!   LineNumberingPushbackReader): lists get `{:line :column}` metadata,
//!   `\r\n` reads as `\n`, and errors are `LispReader$ReaderException`s
//!   (message `"<cause class>: <cause message>"`, ex-data
//!   `{:clojure.error/line L :clojure.error/column C}`, the original
//!   exception as cause);
//! - plain (`read_str`, `read_all`, `Reader::line_numbering(false)`, like
//!   `read-string` on a StringReader): no position metadata, errors are the
//!   raw exceptions (`RuntimeException: EOF while reading`, ...).
//!
//! Only lists carry :line/:column (vectors, maps, sets and symbols don't on
//! the JVM either: `(meta (read rdr))` of `[a]` is nil).
//!
//! Known differences from the JVM:
//! - `Character.isDigit` is ASCII-only here (`٣` reads as a symbol, not as
//!   "Invalid number"); hex/octal digits are ASCII-only too.
//! - A lone UTF-16 surrogate from a `\uD800` string escape becomes U+FFFD.
//! - `#=` needs an engine: without a [`Resolver`] that implements `eval` it
//!   throws.

mod conditionals;
mod dispatch;
mod meta;
mod number;
mod source;
mod string;
mod syntax_quote;
mod tagged;
mod token;

#[cfg(test)]
mod tests;

use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;
use source::{Source, is_digit, is_macro};
use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicI64, Ordering};

pub use source::is_whitespace;

/// Default limit on nesting depth (lists in lists, quote of quote, ...).
/// Deeper input throws StackOverflowError instead of overflowing the Rust
/// stack.
pub const DEFAULT_MAX_DEPTH: usize = 1000;

/// Default limit on the Rust stack one `next_form` may use. Debug builds
/// spend ~3 KB per nesting level, release builds far less, so this (not the
/// depth) is what stops deep input in debug builds and on small stacks.
/// wasm32's whole stack is 1 MiB by default.
pub const DEFAULT_STACK_BUDGET: usize = if cfg!(target_family = "wasm") {
    256 << 10
} else {
    1 << 20
};

/// Address of a local: where the stack is now (it grows downwards on every
/// target we build for).
#[inline(never)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// Process-wide id counter, like `RT.nextID()`; used for `p1__N#`, `x__N__auto__`.
/// `gensym` should share it.
static NEXT_ID: AtomicI64 = AtomicI64::new(100);

pub fn next_id() -> i64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// What the engine answers for the reader: namespace of `::kw`, aliases,
/// syntax-quote symbol resolution, `#=` and record literals.
pub trait Resolver {
    /// Name of the current namespace (`*ns*`).
    fn current_ns(&self) -> String;
    /// The namespace an alias names in the current namespace.
    fn resolve_alias(&self, alias: &str) -> Option<String>;
    /// Resolve a symbol inside syntax-quote (Compiler.resolveSymbol):
    /// returns the qualified symbol. Special forms, `x#`, `foo.` and `.foo`
    /// are handled by the reader before this is called.
    fn resolve_symbol(&self, ns: Option<&str>, name: &str) -> Value {
        default_resolve_symbol(&self.current_ns(), |a| self.resolve_alias(a), ns, name)
    }
    /// `#=form` with `*read-eval*` true.
    fn eval(&self, form: &Value) -> Result<Value> {
        let _ = form;
        Err(Exception::new(
            ExClass::UnsupportedOperationException,
            "#= (EvalReader) needs an engine: no evaluator is installed in this reader",
        ))
    }
    /// The `*data-readers*` entry for a tag symbol, if any.
    fn data_reader(&self, tag: &Value) -> Option<Value> {
        let _ = tag;
        None
    }
    /// `*default-data-reader-fn*`, if set.
    fn default_data_reader_fn(&self) -> Option<Value> {
        None
    }
    /// `#my.Record{...}` / `#my.Record[...]` with `*read-eval*` true.
    fn construct_record(&self, class: &str, form: &Value) -> Result<Value> {
        let _ = form;
        Err(Exception::new(ExClass::ClassNotFoundException, class))
    }
    /// A clojure.lang.TaggedLiteral (`#tag form` inside a preserved `#?`).
    fn tagged_literal(&self, tag: &Value, form: &Value) -> Result<Value> {
        let _ = (tag, form);
        Err(preserve_unsupported())
    }
    /// A clojure.lang.ReaderConditional (`:read-cond :preserve`).
    fn reader_conditional(&self, form: &Value, splicing: bool) -> Result<Value> {
        let _ = (form, splicing);
        Err(preserve_unsupported())
    }
}

fn preserve_unsupported() -> Exception {
    Exception::new(
        ExClass::UnsupportedOperationException,
        ":read-cond :preserve needs an engine: no resolver is installed in this reader",
    )
}

/// Compiler.resolveSymbol with no vars or imports: names containing a dot
/// (after the first character) stay, `alias/x` becomes `ns/x`, other
/// qualified symbols stay, and plain names are qualified with `current`.
pub fn default_resolve_symbol(
    current: &str,
    resolve_alias: impl Fn(&str) -> Option<String>,
    ns: Option<&str>,
    name: &str,
) -> Value {
    if name.find('.').is_some_and(|i| i > 0) {
        return Value::symbol(ns, name);
    }
    match ns {
        Some(n) => match resolve_alias(n) {
            Some(real) => Value::symbol(Some(&real), name),
            None => Value::symbol(Some(n), name),
        },
        None => Value::symbol(Some(current), name),
    }
}

/// A Rust data reader: form -> value.
pub type NativeDataReader = Box<dyn Fn(&Value) -> Result<Value>>;
/// A Rust default data reader: (tag, form) -> value.
pub type NativeDefaultDataReader = Box<dyn Fn(&Value, &Value) -> Result<Value>>;

/// A reader function for a tagged literal.
pub enum DataReader {
    /// Rust callback.
    Native(NativeDataReader),
    /// A Clojure fn value, called through the runtime's invoke hook.
    Fn(Value),
}

/// The default-data-reader-fn: called with tag and form.
pub enum DefaultDataReader {
    Native(NativeDefaultDataReader),
    Fn(Value),
}

/// Reader-conditional handling (`:read-cond` option).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReadCond {
    /// Select a branch by feature (`:allow`).
    Allow,
    /// `#?` is an error: "Conditional read not allowed".
    Disallow,
    /// `#?(...)` reads as a ReaderConditional of the whole list (`:preserve`);
    /// tagged literals inside it read as TaggedLiterals.
    Preserve,
}

/// Result of one `read` step.
enum Form {
    Value(Value),
    Eof,
    /// The `return_on` delimiter was read.
    Finished,
}

type Pending<'a> = Option<&'a mut VecDeque<Value>>;

/// A reader over one source text, yielding forms with `next_form`.
pub struct Reader {
    src: Source,
    ns: String,
    aliases: Vec<(String, String)>,
    resolver: Option<Box<dyn Resolver>>,
    read_eval: bool,
    data_readers: Vec<(Value, DataReader)>,
    default_data_reader: Option<DefaultDataReader>,
    features: Vec<Value>,
    read_cond: ReadCond,
    file: Option<String>,
    max_depth: usize,
    depth: usize,
    stack_budget: usize,
    /// Stack address at the start of `next_form`.
    stack_base: usize,
    /// > 0 while reading an unselected reader-conditional branch.
    suppress: u32,
    /// > 0 while reading a preserved (`:read-cond :preserve`) `#?` form.
    preserving: u32,
    /// Inside `#(...)`: arg number -> symbol (-1 is `%&`).
    arg_env: Option<BTreeMap<i32, Value>>,
    /// Inside syntax-quote: `x#` -> generated symbol.
    gensym_env: Option<Vec<(String, Value)>>,
    /// Forms expanded by syntax-quote in this top-level form (nested
    /// syntax-quotes grow exponentially).
    sq_nodes: usize,
}

impl Reader {
    /// A line-numbering reader (positions on lists, ReaderException errors)
    /// in namespace `user` with features `:cljw` and `:clj`.
    pub fn new(src: &str) -> Reader {
        Reader {
            src: Source::new(src.to_string(), true),
            ns: "user".to_string(),
            aliases: Vec::new(),
            resolver: None,
            read_eval: true,
            data_readers: Vec::new(),
            default_data_reader: None,
            features: vec![Value::keyword(None, "cljw"), Value::keyword(None, "clj")],
            read_cond: ReadCond::Allow,
            file: None,
            max_depth: DEFAULT_MAX_DEPTH,
            depth: 0,
            stack_budget: DEFAULT_STACK_BUDGET,
            stack_base: 0,
            suppress: 0,
            preserving: 0,
            arg_env: None,
            gensym_env: None,
            sq_nodes: 0,
        }
    }

    /// A reader over bytes that must be UTF-8; invalid input is a
    /// ReaderException naming the byte offset, line and column.
    pub fn from_bytes(bytes: &[u8]) -> Result<Reader> {
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(Reader::new(s)),
            Err(e) => Err(invalid_utf8(bytes, e.valid_up_to())),
        }
    }

    /// Plain (`read-string`) mode when false; see the module docs.
    pub fn line_numbering(mut self, on: bool) -> Reader {
        let text = std::mem::take(&mut self.src);
        self.src = text.with_line_numbering(on);
        self
    }
    /// Current namespace name for `::kw` and syntax-quote (ignored when a
    /// resolver is installed).
    pub fn ns(mut self, ns: &str) -> Reader {
        self.ns = ns.to_string();
        self
    }
    /// An alias for `::alias/kw`, `#::alias{}` and syntax-quote (ignored when
    /// a resolver is installed).
    pub fn alias(mut self, alias: &str, ns: &str) -> Reader {
        self.aliases.push((alias.to_string(), ns.to_string()));
        self
    }
    pub fn resolver(mut self, r: Box<dyn Resolver>) -> Reader {
        self.resolver = Some(r);
        self
    }
    /// `*read-eval*` (default true, as on the JVM).
    pub fn read_eval(mut self, on: bool) -> Reader {
        self.read_eval = on;
        self
    }
    /// `*data-readers*` entry: tag symbol (e.g. `my/tag`) -> reader fn.
    pub fn data_reader(mut self, tag: &str, f: DataReader) -> Reader {
        let (ns, name) = token::split_first_slash(tag);
        self.data_readers.push((Value::symbol(ns, name), f));
        self
    }
    /// `*default-data-reader-fn*`.
    pub fn default_data_reader(mut self, f: DefaultDataReader) -> Reader {
        self.default_data_reader = Some(f);
        self
    }
    /// Reader-conditional features (keyword names without the colon);
    /// `:default` always matches.
    pub fn features(mut self, names: &[&str]) -> Reader {
        self.features = names.iter().map(|n| Value::keyword(None, n)).collect();
        self
    }
    pub fn read_cond(mut self, mode: ReadCond) -> Reader {
        self.read_cond = mode;
        self
    }
    /// File name, for the engine's error messages.
    pub fn file(mut self, name: &str) -> Reader {
        self.file = Some(name.to_string());
        self
    }
    pub fn max_depth(mut self, depth: usize) -> Reader {
        self.max_depth = depth;
        self
    }
    /// Bytes of Rust stack one form may use (see [`DEFAULT_STACK_BUDGET`]).
    pub fn stack_budget(mut self, bytes: usize) -> Reader {
        self.stack_budget = bytes;
        self
    }

    /// Positions start at (line, column): for reading a stream that is
    /// already partly consumed.
    pub fn start_at(mut self, line: u32, col: u32) -> Reader {
        self.src.start_at(line, col);
        self
    }
    /// Bytes of the source consumed so far: after `next_form`, the end of
    /// the form read (a token's terminator is not consumed).
    pub fn offset(&self) -> usize {
        self.src.offset()
    }

    pub fn file_name(&self) -> Option<&str> {
        self.file.as_deref()
    }
    /// (line, column) of the next character, 1-based.
    pub fn position(&self) -> (u32, u32) {
        self.src.position()
    }

    /// The next top-level form, or None at the end of the source.
    pub fn next_form(&mut self) -> Result<Option<Value>> {
        self.depth = 0;
        self.stack_base = stack_address();
        self.suppress = 0;
        self.preserving = 0;
        self.arg_env = None;
        self.gensym_env = None;
        self.sq_nodes = 0;
        match self.read(None, None) {
            Ok(Form::Value(v)) => Ok(Some(v)),
            Ok(Form::Eof) => Ok(None),
            Ok(Form::Finished) => Ok(None),
            Err(e) => Err(self.wrap_error(e)),
        }
    }

    /// The error `read` throws at the end of input when eof-error? is true:
    /// "EOF while reading", wrapped with the position in line-numbering mode.
    pub fn eof_error(&self) -> Exception {
        self.wrap_error(runtime("EOF while reading"))
    }

    /// In line-numbering mode, wrap like LispReader.read does:
    /// `new ReaderException(line, column, cause)`. Errors (not Exceptions)
    /// pass through, as Java's `catch (Exception e)` lets them.
    fn wrap_error(&self, e: Exception) -> Exception {
        if !self.src.line_numbering() || e.class().is_a(ExClass::Error) {
            return e;
        }
        if e.class() == ExClass::ReaderException {
            return e;
        }
        let (line, col) = self.src.position();
        let msg = match e.message() {
            Some(m) => format!("{}: {}", e.class().name(), m),
            None => e.class().name().to_string(),
        };
        let data = position_data(line, col);
        Exception::full(ExClass::ReaderException, Some(msg), Some(data), Some(e))
    }

    fn current_ns(&self) -> String {
        match &self.resolver {
            Some(r) => r.current_ns(),
            None => self.ns.clone(),
        }
    }
    fn resolve_alias(&self, alias: &str) -> Option<String> {
        match &self.resolver {
            Some(r) => r.resolve_alias(alias),
            None => self
                .aliases
                .iter()
                .find(|(a, _)| a == alias)
                .map(|(_, n)| n.clone()),
        }
    }
    fn resolve_symbol(&self, ns: Option<&str>, name: &str) -> Value {
        match &self.resolver {
            Some(r) => r.resolve_symbol(ns, name),
            None => default_resolve_symbol(&self.ns, |a| self.resolve_alias(a), ns, name),
        }
    }

    /// One form; `return_on` is the closing delimiter of the enclosing
    /// collection. Guards the nesting depth.
    fn read(&mut self, pending: Pending<'_>, return_on: Option<char>) -> Result<Form> {
        self.check_depth()?;
        #[cfg(test)]
        tests::probe();
        self.depth += 1;
        let r = self.read_inner(pending, return_on);
        self.depth -= 1;
        r
    }

    fn read_inner(&mut self, mut pending: Pending<'_>, return_on: Option<char>) -> Result<Form> {
        loop {
            if let Some(f) = pending.as_deref_mut().and_then(|p| p.pop_front()) {
                return Ok(Form::Value(f));
            }
            while self.src.peek().is_some_and(is_whitespace) {
                self.src.next();
            }
            let start = self.src.position();
            let Some(ch) = self.src.next() else {
                return Ok(Form::Eof);
            };
            if Some(ch) == return_on {
                return Ok(Form::Finished);
            }
            if is_digit(ch) {
                return self.read_number(ch).map(Form::Value);
            }
            if is_macro(ch) {
                match self.read_macro(ch, start, pending.as_deref_mut())? {
                    Some(v) => return Ok(Form::Value(v)),
                    None => continue,
                }
            }
            if (ch == '+' || ch == '-') && self.src.peek().is_some_and(is_digit) {
                return self.read_number(ch).map(Form::Value);
            }
            let token = self.read_token(ch);
            return self.interpret_token(&token).map(Form::Value);
        }
    }

    /// StackOverflowError when nesting passes the depth or stack limit.
    fn check_depth(&self) -> Result<()> {
        let used = self.stack_base.saturating_sub(stack_address());
        if self.depth >= self.max_depth || used > self.stack_budget {
            return Err(Exception::new(
                ExClass::StackOverflowError,
                format!(
                    "Reader nesting too deep ({} levels; limits: {} levels, {} bytes of stack)",
                    self.depth, self.max_depth, self.stack_budget
                ),
            ));
        }
        Ok(())
    }

    /// A form that must be there (`'x`, `@x`, ...): EOF is an error.
    fn read_required(&mut self, pending: Pending<'_>) -> Result<Value> {
        match self.read(pending, None)? {
            Form::Value(v) => Ok(v),
            _ => Err(runtime("EOF while reading")),
        }
    }

    /// readNumber: up to whitespace or any macro character.
    fn read_number(&mut self, init: char) -> Result<Value> {
        let mut sb = String::new();
        sb.push(init);
        loop {
            match self.src.peek() {
                None => {
                    self.src.touch_eof();
                    break;
                }
                Some(c) if is_whitespace(c) || is_macro(c) => break,
                Some(c) => {
                    self.src.next();
                    sb.push(c);
                }
            }
        }
        number::parse_number(&sb)
    }

    /// The reader macro for `ch`; None for no-op macros (comments, ...).
    /// Each arm is its own function so this frame stays small: it is on the
    /// stack once per nesting level.
    fn read_macro(
        &mut self,
        ch: char,
        start: (u32, u32),
        pending: Pending<'_>,
    ) -> Result<Option<Value>> {
        let v = match ch {
            '"' => self.read_string()?,
            ';' => {
                self.skip_line();
                return Ok(None);
            }
            '\'' => self.read_wrapped(None, "quote", pending)?,
            '@' => self.read_wrapped(Some("clojure.core"), "deref", pending)?,
            '^' => self.read_meta(start, pending)?,
            '`' => self.read_syntax_quote_macro(pending)?,
            '~' => self.read_unquote(pending)?,
            '(' => self.read_list(start, pending)?,
            '[' => self.read_vector(pending)?,
            '{' => self.read_map(pending)?,
            ')' | ']' | '}' => return Err(runtime(format!("Unmatched delimiter: {ch}"))),
            '\\' => self.read_char()?,
            '%' => self.read_arg(pending)?,
            '#' => return self.read_dispatch(start, pending),
            _ => return Err(runtime(format!("Unexpected macro character: {ch}"))),
        };
        Ok(Some(v))
    }

    /// `'x` -> `(quote x)`, `@x` -> `(clojure.core/deref x)`, ...
    #[inline(never)]
    fn read_wrapped(
        &mut self,
        ns: Option<&str>,
        name: &str,
        pending: Pending<'_>,
    ) -> Result<Value> {
        let mut local = VecDeque::new();
        let p = pending.unwrap_or(&mut local);
        let o = self.read_required(Some(p))?;
        Ok(Value::list(vec![Value::symbol(ns, name), o]))
    }

    #[inline(never)]
    fn read_syntax_quote_macro(&mut self, pending: Pending<'_>) -> Result<Value> {
        let mut local = VecDeque::new();
        let p = pending.unwrap_or(&mut local);
        self.read_syntax_quote(p)
    }

    #[inline(never)]
    fn read_unquote(&mut self, pending: Pending<'_>) -> Result<Value> {
        let name = match self.src.peek() {
            None => return Err(runtime("EOF while reading character")),
            Some('@') => {
                self.src.next();
                "unquote-splicing"
            }
            Some(_) => "unquote",
        };
        self.read_wrapped(Some("clojure.core"), name, pending)
    }

    /// After `(`; `start` is the position of the `(`.
    #[inline(never)]
    fn read_list(&mut self, start: (u32, u32), pending: Pending<'_>) -> Result<Value> {
        let mut local = VecDeque::new();
        let p = pending.unwrap_or(&mut local);
        let items = self.read_delimited(')', p)?;
        if items.is_empty() {
            return Ok(Value::empty_list());
        }
        let l = Value::list(items);
        if !self.src.line_numbering() {
            return Ok(l);
        }
        meta::attach(
            &l,
            vec![
                (Value::keyword(None, "line"), Value::long(start.0 as i64)),
                (Value::keyword(None, "column"), Value::long(start.1 as i64)),
            ],
        )
    }

    #[inline(never)]
    fn read_vector(&mut self, pending: Pending<'_>) -> Result<Value> {
        let mut local = VecDeque::new();
        let p = pending.unwrap_or(&mut local);
        Ok(Value::vector(self.read_delimited(']', p)?))
    }

    #[inline(never)]
    fn read_map(&mut self, pending: Pending<'_>) -> Result<Value> {
        let mut local = VecDeque::new();
        let p = pending.unwrap_or(&mut local);
        let items = self.read_delimited('}', p)?;
        if items.len() % 2 == 1 {
            return Err(runtime("Map literal must contain an even number of forms"));
        }
        map_with_check(items)
    }

    /// Comment to the end of the line (`;`, `#!`).
    fn skip_line(&mut self) {
        loop {
            match self.src.next() {
                None | Some('\n') | Some('\r') => return,
                Some(_) => {}
            }
        }
    }

    /// readDelimitedList: forms up to `delim`.
    fn read_delimited(&mut self, delim: char, pending: &mut VecDeque<Value>) -> Result<Vec<Value>> {
        let first_line = self.src.position().0;
        let mut a = Vec::new();
        loop {
            match self.read(Some(&mut *pending), Some(delim))? {
                Form::Value(v) => a.push(v),
                Form::Finished => return Ok(a),
                Form::Eof => return Err(self.eof_in_collection(first_line)),
            }
        }
    }

    fn eof_in_collection(&self, first_line: u32) -> Exception {
        if self.src.line_numbering() {
            runtime(format!("EOF while reading, starting at line {first_line}"))
        } else {
            runtime("EOF while reading")
        }
    }
}

impl Default for Source {
    fn default() -> Source {
        Source::new(String::new(), true)
    }
}

fn runtime(msg: impl Into<String>) -> Exception {
    Exception::new(ExClass::RuntimeException, msg)
}

fn position_data(line: u32, col: u32) -> Value {
    Value::map_from_pairs(vec![
        (
            Value::keyword(Some("clojure.error"), "line"),
            Value::long(line as i64),
        ),
        (
            Value::keyword(Some("clojure.error"), "column"),
            Value::long(col as i64),
        ),
    ])
}

/// Java's `String.valueOf(x)` as LispReader's messages concatenate it:
/// strings and chars raw, nil as "null", numbers without `N`/`M`,
/// collections printed readably.
fn java_to_string(k: &Value) -> String {
    use crate::runtime::value::View;
    match k.view() {
        View::Nil => "null".to_string(),
        View::Str(s) => s.as_str().to_string(),
        View::Char(c) => c.to_string(),
        View::Keyword(k) => k.to_string(),
        View::Symbol(s) => s.to_string(),
        _ => {
            let mut out = String::new();
            if crate::runtime::number::write_str(&mut out, k) {
                out
            } else {
                crate::runtime::printer::pr_str(k)
            }
        }
    }
}

fn duplicate_key(k: &Value) -> Exception {
    Exception::new(
        ExClass::IllegalArgumentException,
        format!("Duplicate key: {}", java_to_string(k)),
    )
}

/// RT.map over read forms: a duplicate key is an error.
fn map_with_check(items: Vec<Value>) -> Result<Value> {
    use crate::runtime::equality::equiv;
    let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len() / 2);
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        if pairs.iter().any(|(e, _)| equiv(e, &k)) {
            return Err(duplicate_key(&k));
        }
        pairs.push((k, v));
    }
    Ok(Value::map_from_pairs(pairs))
}

/// PersistentHashSet.createWithCheck.
fn set_with_check(items: Vec<Value>) -> Result<Value> {
    use crate::runtime::equality::equiv;
    for (i, x) in items.iter().enumerate() {
        if items[..i].iter().any(|y| equiv(y, x)) {
            return Err(duplicate_key(x));
        }
    }
    Ok(Value::set_from(items))
}

fn invalid_utf8(bytes: &[u8], offset: usize) -> Exception {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col_text = String::from_utf8_lossy(before.get(line_start..).unwrap_or(&[]));
    let col = 1 + col_text.encode_utf16().count();
    let byte = bytes.get(offset).copied().unwrap_or(0);
    let cause = Exception::new(
        ExClass::IOException,
        format!("Invalid UTF-8 byte 0x{byte:02x} at offset {offset} (line {line}, column {col})"),
    );
    let msg = format!(
        "{}: {}",
        cause.class().name(),
        cause.message().unwrap_or_default()
    );
    Exception::full(
        ExClass::ReaderException,
        Some(msg),
        Some(position_data(line as u32, col as u32)),
        Some(cause),
    )
}

/// The first form of `src`, like `read-string` (plain mode, features
/// `:cljw`/`:clj`, reader conditionals allowed). EOF => "EOF while reading".
pub fn read_str(src: &str) -> Result<Value> {
    let mut r = Reader::new(src).line_numbering(false);
    match r.next_form()? {
        Some(v) => Ok(v),
        None => Err(runtime("EOF while reading")),
    }
}

/// Every form of `src` (plain mode).
pub fn read_all(src: &str) -> Result<Vec<Value>> {
    let mut r = Reader::new(src).line_numbering(false);
    let mut out = Vec::new();
    while let Some(v) = r.next_form()? {
        out.push(v);
    }
    Ok(out)
}

/// Every form of UTF-8 bytes, with line numbering (like loading a file).
/// Invalid UTF-8 is a ReaderException naming the byte offset and line.
pub fn read_bytes(bytes: &[u8]) -> Result<Vec<Value>> {
    let mut r = Reader::from_bytes(bytes)?;
    let mut out = Vec::new();
    while let Some(v) = r.next_form()? {
        out.push(v);
    }
    Ok(out)
}

/// Call a data reader on a form.
fn call_data_reader(f: &DataReader, form: &Value) -> Result<Value> {
    match f {
        DataReader::Native(g) => g(form),
        DataReader::Fn(v) => invoke_value(v, std::slice::from_ref(form)),
    }
}

fn invoke_value(f: &Value, args: &[Value]) -> Result<Value> {
    crate::runtime::func::invoke(f, args)
}
