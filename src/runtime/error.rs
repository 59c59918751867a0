//! Clojure exceptions: a class from the JVM hierarchy, a message, optional
//! ex-data and cause, and a stack of frames. `Result<T>` is the return type of
//! everything that can fail in the runtime.

use super::gc::Ref;
use super::value::Value;
use std::fmt;

macro_rules! ex_classes {
    ($( $variant:ident = $name:literal : $parent:ident ),* $(,)?) => {
        /// The exception classes a Clojure program can observe, with their
        /// JVM names and superclasses (`instance?` and `catch` walk `parent`).
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum ExClass { $( $variant ),* }
        impl ExClass {
            pub const ALL: &'static [ExClass] = &[ $( ExClass::$variant ),* ];
            /// Fully qualified JVM class name.
            pub fn name(self) -> &'static str {
                match self { $( ExClass::$variant => $name ),* }
            }
            /// Superclass; `Object` for the root.
            pub fn parent(self) -> Option<ExClass> {
                let p = match self { $( ExClass::$variant => ExClass::$parent ),* };
                if p == self { None } else { Some(p) }
            }
        }
    };
}

ex_classes! {
    Throwable = "java.lang.Throwable": Throwable,
    Exception = "java.lang.Exception": Throwable,
    Error = "java.lang.Error": Throwable,
    AssertionError = "java.lang.AssertionError": Error,
    VirtualMachineError = "java.lang.VirtualMachineError": Error,
    StackOverflowError = "java.lang.StackOverflowError": VirtualMachineError,
    IllegalAccessError = "java.lang.IllegalAccessError": Error,
    OutOfMemoryError = "java.lang.OutOfMemoryError": VirtualMachineError,
    AbstractMethodError = "java.lang.AbstractMethodError": Error,
    RuntimeException = "java.lang.RuntimeException": Exception,
    ArithmeticException = "java.lang.ArithmeticException": RuntimeException,
    IllegalArgumentException = "java.lang.IllegalArgumentException": RuntimeException,
    NumberFormatException = "java.lang.NumberFormatException": IllegalArgumentException,
    PatternSyntaxException = "java.util.regex.PatternSyntaxException": IllegalArgumentException,
    ArityException = "clojure.lang.ArityException": IllegalArgumentException,
    IllegalStateException = "java.lang.IllegalStateException": RuntimeException,
    ClassCastException = "java.lang.ClassCastException": RuntimeException,
    IndexOutOfBoundsException = "java.lang.IndexOutOfBoundsException": RuntimeException,
    ArrayIndexOutOfBoundsException = "java.lang.ArrayIndexOutOfBoundsException": IndexOutOfBoundsException,
    StringIndexOutOfBoundsException = "java.lang.StringIndexOutOfBoundsException": IndexOutOfBoundsException,
    NegativeArraySizeException = "java.lang.NegativeArraySizeException": RuntimeException,
    NullPointerException = "java.lang.NullPointerException": RuntimeException,
    UnsupportedOperationException = "java.lang.UnsupportedOperationException": RuntimeException,
    ConcurrentModificationException = "java.util.ConcurrentModificationException": RuntimeException,
    NoSuchElementException = "java.util.NoSuchElementException": RuntimeException,
    ExceptionInfo = "clojure.lang.ExceptionInfo": RuntimeException,
    ReaderException = "clojure.lang.LispReader$ReaderException": RuntimeException,
    EdnReaderException = "clojure.lang.EdnReader$ReaderException": RuntimeException,
    CompilerException = "clojure.lang.Compiler$CompilerException": RuntimeException,
    IOException = "java.io.IOException": Exception,
    FileNotFoundException = "java.io.FileNotFoundException": IOException,
    EOFException = "java.io.EOFException": IOException,
    UnsupportedEncodingException = "java.io.UnsupportedEncodingException": IOException,
    InterruptedException = "java.lang.InterruptedException": Exception,
    XMLStreamException = "javax.xml.stream.XMLStreamException": Exception,
    TransformerException = "javax.xml.transform.TransformerException": Exception,
    ClassNotFoundException = "java.lang.ClassNotFoundException": Exception,
    TimeoutException = "java.util.concurrent.TimeoutException": Exception,
    ExecutionException = "java.util.concurrent.ExecutionException": Exception,
    CancellationException = "java.util.concurrent.CancellationException": IllegalStateException,
    RejectedExecutionException = "java.util.concurrent.RejectedExecutionException": RuntimeException,
    IllegalMonitorStateException = "java.lang.IllegalMonitorStateException": RuntimeException,
    IllegalThreadStateException = "java.lang.IllegalThreadStateException": IllegalArgumentException,
    BrokenBarrierException = "java.util.concurrent.BrokenBarrierException": Exception,
    // LockingTransaction's retry signal (an Error, so `catch Exception` in a
    // transaction body lets it through).
    RetryEx = "clojure.lang.LockingTransaction$RetryEx": Error,
    IllegalFormatException = "java.util.IllegalFormatException": IllegalArgumentException,
    IllegalFormatConversionException = "java.util.IllegalFormatConversionException": IllegalFormatException,
    MissingFormatArgumentException = "java.util.MissingFormatArgumentException": IllegalFormatException,
    UnknownFormatConversionException = "java.util.UnknownFormatConversionException": IllegalFormatException,
    MissingFormatWidthException = "java.util.MissingFormatWidthException": IllegalFormatException,
    IllegalFormatPrecisionException = "java.util.IllegalFormatPrecisionException": IllegalFormatException,
    FormatFlagsConversionMismatchException = "java.util.FormatFlagsConversionMismatchException": IllegalFormatException,
    // Jackson's, thrown by cheshire.core (src/lib/json).
    JsonProcessingException = "com.fasterxml.jackson.core.JsonProcessingException": IOException,
    JsonParseException = "com.fasterxml.jackson.core.JsonParseException": JsonProcessingException,
    JsonEOFException = "com.fasterxml.jackson.core.io.JsonEOFException": JsonParseException,
    JsonGenerationException = "com.fasterxml.jackson.core.JsonGenerationException": JsonProcessingException,
    // java.nio.file's, thrown by babashka.fs.
    FileSystemException = "java.nio.file.FileSystemException": IOException,
    NoSuchFileException = "java.nio.file.NoSuchFileException": FileSystemException,
    FileAlreadyExistsException = "java.nio.file.FileAlreadyExistsException": FileSystemException,
    DirectoryNotEmptyException = "java.nio.file.DirectoryNotEmptyException": FileSystemException,
    NotDirectoryException = "java.nio.file.NotDirectoryException": FileSystemException,
    LinkageError = "java.lang.LinkageError": Error,
    ExceptionInInitializerError = "java.lang.ExceptionInInitializerError": LinkageError,
    NoClassDefFoundError = "java.lang.NoClassDefFoundError": LinkageError,
    ClassFormatError = "java.lang.ClassFormatError": LinkageError,
    ThreadDeath = "java.lang.ThreadDeath": Error,
    IOError = "java.io.IOError": Error,
    CoderMalfunctionError = "java.nio.charset.CoderMalfunctionError": Error,
    ReflectiveOperationException = "java.lang.ReflectiveOperationException": Exception,
    NoSuchFieldException = "java.lang.NoSuchFieldException": ReflectiveOperationException,
    NoSuchMethodException = "java.lang.NoSuchMethodException": ReflectiveOperationException,
    InstantiationException = "java.lang.InstantiationException": ReflectiveOperationException,
    CloneNotSupportedException = "java.lang.CloneNotSupportedException": Exception,
    SecurityException = "java.lang.SecurityException": RuntimeException,
    ArrayStoreException = "java.lang.ArrayStoreException": RuntimeException,
    EmptyStackException = "java.util.EmptyStackException": RuntimeException,
    UncheckedIOException = "java.io.UncheckedIOException": RuntimeException,
    URISyntaxException = "java.net.URISyntaxException": Exception,
    MalformedURLException = "java.net.MalformedURLException": IOException,
    ParseException = "java.text.ParseException": Exception,
    // java.time's (src/interop/time).
    DateTimeException = "java.time.DateTimeException": RuntimeException,
    DateTimeParseException = "java.time.format.DateTimeParseException": DateTimeException,
    UnsupportedTemporalTypeException = "java.time.temporal.UnsupportedTemporalTypeException": DateTimeException,
    ZoneRulesException = "java.time.zone.ZoneRulesException": DateTimeException,
    UnsupportedCharsetException = "java.nio.charset.UnsupportedCharsetException": IllegalArgumentException,
    SocketException = "java.net.SocketException": IOException,
    ConnectException = "java.net.ConnectException": SocketException,
    UnknownHostException = "java.net.UnknownHostException": IOException,
    HttpTimeoutException = "java.net.http.HttpTimeoutException": IOException,
    HttpConnectTimeoutException = "java.net.http.HttpConnectTimeoutException": HttpTimeoutException,
}

impl ExClass {
    /// Short class name (`ArithmeticException`).
    pub fn simple_name(self) -> &'static str {
        let n = self.name();
        let n = n.rsplit('.').next().unwrap_or(n);
        n.rsplit('$').next().unwrap_or(n)
    }
    /// Is `self` the class `other` or one of its subclasses?
    pub fn is_a(self, other: ExClass) -> bool {
        let mut c = Some(self);
        while let Some(k) = c {
            if k == other {
                return true;
            }
            c = k.parent();
        }
        false
    }
    /// Look a class up by its full or simple name.
    pub fn by_name(name: &str) -> Option<ExClass> {
        ExClass::ALL
            .iter()
            .copied()
            .find(|c| c.name() == name || c.simple_name() == name)
    }
}

/// One stack frame of a Clojure exception: `ns/fn (file:line)`.
#[derive(Clone, Debug)]
pub struct Frame {
    pub name: String,
    pub file: Option<String>,
    pub line: u32,
    pub column: u32,
}

/// java.lang.StackTraceElement's data: what `Throwable.getStackTrace`
/// reports and `setStackTrace` stores.
#[derive(Clone, Debug, PartialEq)]
pub struct StackTraceElement {
    /// The JDK module of a JDK class's frame (`java.base`).
    pub module: Option<&'static str>,
    pub class: String,
    pub method: String,
    pub file: Option<String>,
    /// -1 when unknown, -2 for a native method (as the JVM's).
    pub line: i32,
}

impl StackTraceElement {
    /// The element the JVM reports for a Clojure fn frame: the fn's class
    /// (`ns$fn`, munged) and its `invoke` method, the file's name alone.
    pub fn of_frame(f: &Frame) -> StackTraceElement {
        if let Some(e) = Self::of_jdk_frame(f) {
            return e;
        }
        let class = match f.name.split_once('/') {
            Some((ns, name)) => format!(
                "{}${}",
                super::symbol::munge(ns),
                super::symbol::munge(name)
            ),
            None => super::symbol::munge(&f.name),
        };
        let file = f
            .file
            .as_deref()
            .map(|p| p.rsplit('/').next().unwrap_or(p).to_string());
        StackTraceElement {
            module: None,
            class,
            method: "invoke".to_string(),
            file,
            line: i32::try_from(f.line).unwrap_or(-1),
        }
    }

    /// A JDK method's frame (`Exception::at_jdk`): `class/method` in a
    /// `.java` file.
    pub fn of_jdk_frame(f: &Frame) -> Option<StackTraceElement> {
        let file = f.file.as_deref().filter(|p| p.ends_with(".java"))?;
        let (class, method) = f.name.split_once('/')?;
        let jdk = ["java.", "javax.", "jdk.", "sun."]
            .iter()
            .any(|p| class.starts_with(p));
        Some(StackTraceElement {
            module: jdk.then_some("java.base"),
            class: class.to_string(),
            method: method.to_string(),
            file: Some(file.to_string()),
            // `at_jdk` stores the JDK's line (-2 for a native method) bit for bit.
            line: f.line as i32,
        })
    }

    /// StackTraceElement->vec: `[class method file line]`, the class and
    /// method as symbols, a missing file nil.
    pub fn to_vec_value(&self) -> Value {
        Value::vector(vec![
            Value::symbol(None, &self.class),
            Value::symbol(None, &self.method),
            self.file.as_deref().map_or(Value::NIL, Value::string),
            Value::long(i64::from(self.line)),
        ])
    }

    /// StackTraceElement.toString (`java.base/` before a JDK frame; the
    /// application class loader's name is not shown).
    pub fn java_string(&self) -> String {
        let at = match (&self.file, self.line) {
            (_, -2) => "Native Method".to_string(),
            (Some(f), l) if l >= 0 => format!("{f}:{l}"),
            (Some(f), _) => f.clone(),
            (None, _) => "Unknown Source".to_string(),
        };
        let module = self.module.map_or(String::new(), |m| format!("{m}/"));
        format!("{module}{}.{}({at})", self.class, self.method)
    }
}

/// The heap object behind an exception value.
pub struct ExceptionObj {
    pub class: ExClass,
    pub message: Option<String>,
    /// ex-data (a map) for ExceptionInfo, reader positions, ...
    pub data: Option<Value>,
    pub cause: Option<Exception>,
    pub trace: super::gc::Lock<Vec<Frame>>,
    /// What `setStackTrace` stored; `getStackTrace` reports `trace` until then.
    pub stack_trace: super::gc::Lock<Option<Vec<StackTraceElement>>>,
    /// `addSuppressed`'s exceptions, in order.
    pub suppressed: super::gc::Lock<Vec<Exception>>,
}

/// A thrown Clojure exception: one thin pointer, so `Result<Value>` stays small.
#[derive(Clone)]
pub struct Exception(pub(crate) Ref<ExceptionObj>);

pub type Result<T> = std::result::Result<T, Exception>;

impl Exception {
    pub fn new(class: ExClass, message: impl Into<String>) -> Exception {
        Exception(Ref::new(ExceptionObj {
            class,
            message: Some(message.into()),
            data: None,
            cause: None,
            trace: super::gc::Lock::new(Vec::new()),
            stack_trace: super::gc::Lock::new(None),
            suppressed: super::gc::Lock::new(Vec::new()),
        }))
    }
    pub fn full(
        class: ExClass,
        message: Option<String>,
        data: Option<Value>,
        cause: Option<Exception>,
    ) -> Exception {
        Exception(Ref::new(ExceptionObj {
            class,
            message,
            data,
            cause,
            trace: super::gc::Lock::new(Vec::new()),
            stack_trace: super::gc::Lock::new(None),
            suppressed: super::gc::Lock::new(Vec::new()),
        }))
    }
    pub fn class(&self) -> ExClass {
        self.0.class
    }
    pub fn message(&self) -> Option<&str> {
        self.0.message.as_deref()
    }
    pub fn data(&self) -> Option<&Value> {
        self.0.data.as_ref()
    }
    pub fn cause(&self) -> Option<&Exception> {
        self.0.cause.as_ref()
    }
    pub fn obj(&self) -> &ExceptionObj {
        &self.0
    }
    /// This exception as thrown by a JDK method: `frame` (one of
    /// `runtime::jdk_frame`'s) becomes its innermost frame, which
    /// `.getStackTrace` reports first and clojure.main's report names as
    /// the error's location, as on the JVM.
    pub fn at_jdk(self, frame: super::jdk_frame::JdkFrame) -> Exception {
        self.push_frame(Frame {
            name: format!("{}/{}", frame.class, frame.method),
            file: Some(frame.file.to_string()),
            // A native method's -2, kept bit for bit (`of_jdk_frame`).
            line: frame.line as u32,
            column: 0,
        });
        self
    }
    pub fn push_frame(&self, f: Frame) {
        super::gc::lock(&self.0.trace).push(f);
    }
    pub fn frames(&self) -> Vec<Frame> {
        super::gc::lock(&self.0.trace).clone()
    }
    /// Throwable.getStackTrace: what setStackTrace stored, else the frames
    /// recorded while this exception unwound (the JVM records the whole
    /// stack at construction; cljw knows the frames it unwound through).
    pub fn stack_trace(&self) -> Vec<StackTraceElement> {
        if let Some(t) = &*super::gc::lock(&self.0.stack_trace) {
            return t.clone();
        }
        self.frames()
            .iter()
            .map(StackTraceElement::of_frame)
            .collect()
    }
    pub fn set_stack_trace(&self, t: Vec<StackTraceElement>) {
        *super::gc::lock(&self.0.stack_trace) = Some(t);
    }
    pub fn suppressed(&self) -> Vec<Exception> {
        super::gc::lock(&self.0.suppressed).clone()
    }
    pub fn add_suppressed(&self, e: Exception) {
        super::gc::lock(&self.0.suppressed).push(e);
    }
    pub fn ptr_eq(&self, other: &Exception) -> bool {
        super::gc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.class().name(),
            self.message().unwrap_or("")
        )
    }
}

impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.message() {
            Some(m) => write!(f, "{}: {}", self.class().name(), m),
            None => write!(f, "{}", self.class().name()),
        }
    }
}

/// Shorthand constructors for the common classes. They return `Err` so call
/// sites read `return err::illegal_arg("...")`.
/// The exception for a failed cast described by `compare::cast_message`: a
/// ClassCastException, or a NullPointerException when the value was nil.
pub fn cast_exception(msg: String) -> Exception {
    let class = if msg.starts_with(super::compare::NIL_CAST_PREFIX) {
        ExClass::NullPointerException
    } else {
        ExClass::ClassCastException
    };
    Exception::new(class, msg)
}

pub mod err {
    use super::{ExClass, Exception, Result};
    pub fn throw<T>(class: ExClass, msg: impl Into<String>) -> Result<T> {
        Err(Exception::new(class, msg))
    }
    pub fn illegal_arg<T>(msg: impl Into<String>) -> Result<T> {
        throw(ExClass::IllegalArgumentException, msg)
    }
    pub fn illegal_state<T>(msg: impl Into<String>) -> Result<T> {
        throw(ExClass::IllegalStateException, msg)
    }
    pub fn arithmetic<T>(msg: impl Into<String>) -> Result<T> {
        throw(ExClass::ArithmeticException, msg)
    }
    pub fn class_cast<T>(msg: impl Into<String>) -> Result<T> {
        Err(super::cast_exception(msg.into()))
    }
    pub fn index_out_of_bounds<T>(msg: impl Into<String>) -> Result<T> {
        throw(ExClass::IndexOutOfBoundsException, msg)
    }
    pub fn unsupported<T>(msg: impl Into<String>) -> Result<T> {
        throw(ExClass::UnsupportedOperationException, msg)
    }
    pub fn runtime<T>(msg: impl Into<String>) -> Result<T> {
        throw(ExClass::RuntimeException, msg)
    }
    pub fn npe<T>(msg: impl Into<String>) -> Result<T> {
        throw(ExClass::NullPointerException, msg)
    }
}

/// A CompilerException for `phase` at `file:line:column` wrapping `cause`
/// (CompilerException.makeMsg's message and its ex-data).
pub fn compiler_exception(
    cause: Exception,
    file: Option<&str>,
    phase: &str,
    line: i64,
    column: i64,
) -> Exception {
    let kw = |n: &str| Value::keyword(Some("clojure.error"), n);
    let verb = match phase {
        "read-source" => "reading source",
        "compile-syntax-check" | "compilation" => "compiling",
        _ => "macroexpanding",
    };
    let loc = match file {
        Some(f) => format!("{f}:{line}:{column}"),
        None => format!("{line}:{column}"),
    };
    let mut pairs = vec![
        (kw("phase"), Value::keyword(None, phase)),
        (kw("line"), Value::long(line)),
        (kw("column"), Value::long(column)),
    ];
    if let Some(f) = file {
        pairs.push((kw("source"), Value::string(f)));
    }
    Exception::full(
        ExClass::CompilerException,
        Some(format!("Syntax error {verb} at ({loc}).")),
        Some(Value::map_from_pairs(pairs)),
        Some(cause),
    )
}

/// What Compiler.load throws for a reader error in the source it loads
/// (a file, `load-string`, `load-reader`): a CompilerException of phase
/// :read-source at the reader's line and column, the reader's own
/// exception (a LispReader$ReaderException's cause) as its cause.
pub fn read_source_error(e: Exception, file: Option<&str>) -> Exception {
    let kw = |n: &str| Value::keyword(Some("clojure.error"), n);
    let num = |k: &str| {
        e.data()
            .map(|d| super::lookup::get(d, &kw(k)))
            .and_then(|v| v.as_long())
    };
    let (line, column) = (num("line").unwrap_or(1), num("column").unwrap_or(1));
    let cause = if e.class() == ExClass::ReaderException {
        e.cause().cloned().unwrap_or_else(|| e.clone())
    } else {
        e.clone()
    };
    compiler_exception(cause, file, "read-source", line, column)
}
