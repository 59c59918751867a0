//! Where the JDK throws: the innermost stack frame of an exception a JDK
//! method constructs, as JDK 17.0.15 (the oracle's JVM) reports it.
//!
//! A throw site that models a JDK method marks its exception with
//! `Exception::at_jdk(jdk_frame::X)`: `.getStackTrace` then starts with that
//! frame, and clojure.main's uncaught-error report names it as the error's
//! location ("Execution error (NumberFormatException) at
//! java.lang.NumberFormatException/forInputString
//! (NumberFormatException.java:67).") as on the JVM. Exceptions that
//! clojure.lang code throws get no JDK frame: the report skips clojure.lang
//! and core namespace frames and names the caller.
//!
//! Every JDK frame the runtime reports is one constant here, each recorded
//! from a JVM 1.11.1 / JDK 17.0.15 report (`clojure FILE`).

/// One JDK stack frame: `class.method(file:line)`; `line` is -2 for a
/// native method (printed as "Native Method", and as -2 in the report).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JdkFrame {
    pub class: &'static str,
    pub method: &'static str,
    pub file: &'static str,
    pub line: i32,
}

const fn f(class: &'static str, method: &'static str, file: &'static str, line: i32) -> JdkFrame {
    JdkFrame {
        class,
        method,
        file,
        line,
    }
}

/// NumberFormatException.forInputString: `For input string: "x"` from
/// Long/Integer/Short/Byte parsing and BigInteger's constructor.
pub const FOR_INPUT_STRING: JdkFrame = f(
    "java.lang.NumberFormatException",
    "forInputString",
    "NumberFormatException.java",
    67,
);
/// Long.parseLong(null) / a radix out of range: "Cannot parse null string".
pub const LONG_PARSE_NULL: JdkFrame = f("java.lang.Long", "parseLong", "Long.java", 674);
/// Long.parseLong with a radix above 36.
pub const LONG_PARSE_RADIX_HIGH: JdkFrame = f("java.lang.Long", "parseLong", "Long.java", 682);
/// Long.parseLong with a radix below 2.
pub const LONG_PARSE_RADIX_LOW: JdkFrame = f("java.lang.Long", "parseLong", "Long.java", 678);
/// Integer.parseInt(null).
pub const INT_PARSE_NULL: JdkFrame = f("java.lang.Integer", "parseInt", "Integer.java", 630);
/// Integer.parseInt with a radix above 36.
pub const INT_PARSE_RADIX_HIGH: JdkFrame = f("java.lang.Integer", "parseInt", "Integer.java", 639);
/// Integer.parseInt with a radix below 2.
pub const INT_PARSE_RADIX_LOW: JdkFrame = f("java.lang.Integer", "parseInt", "Integer.java", 634);
/// Short.parseShort of a number out of short's range.
pub const SHORT_PARSE_RANGE: JdkFrame = f("java.lang.Short", "parseShort", "Short.java", 139);
/// Byte.parseByte of a number out of byte's range.
pub const BYTE_PARSE_RANGE: JdkFrame = f("java.lang.Byte", "parseByte", "Byte.java", 195);
/// `new BigInteger("")`: "Zero length BigInteger".
pub const BIGINTEGER_INIT_ZERO_LENGTH: JdkFrame =
    f("java.math.BigInteger", "<init>", "BigInteger.java", 488);
/// `new BigInteger(s, radix)` with a radix outside 2..=36.
pub const BIGINTEGER_INIT_RADIX: JdkFrame =
    f("java.math.BigInteger", "<init>", "BigInteger.java", 486);
/// ArrayList.add(index, x) with an index past the end: "Index: 3, Size: 1".
pub const ARRAY_LIST_RANGE_CHECK_FOR_ADD: JdkFrame = f(
    "java.util.ArrayList",
    "rangeCheckForAdd",
    "ArrayList.java",
    756,
);
/// Double.parseDouble / Float.parseFloat of a malformed string.
pub const READ_JAVA_FORMAT_STRING: JdkFrame = f(
    "jdk.internal.math.FloatingDecimal",
    "readJavaFormatString",
    "FloatingDecimal.java",
    2054,
);
/// Double.parseDouble of a blank string: "empty String".
pub const READ_JAVA_FORMAT_STRING_EMPTY: JdkFrame = f(
    "jdk.internal.math.FloatingDecimal",
    "readJavaFormatString",
    "FloatingDecimal.java",
    1842,
);
/// Double.parseDouble(null): the NullPointerException of `in.trim()`.
pub const READ_JAVA_FORMAT_STRING_NULL: JdkFrame = f(
    "jdk.internal.math.FloatingDecimal",
    "readJavaFormatString",
    "FloatingDecimal.java",
    1838,
);
/// `new BigDecimal(String)` of a malformed string.
pub const BIGDECIMAL_INIT: JdkFrame = f("java.math.BigDecimal", "<init>", "BigDecimal.java", 586);
/// `new BigDecimal("")`: the ArrayIndexOutOfBoundsException of reading
/// its first char ...
pub const BIGDECIMAL_INIT_EMPTY: JdkFrame =
    f("java.math.BigDecimal", "<init>", "BigDecimal.java", 519);
/// ... and the NumberFormatException (no message) that wraps it.
pub const BIGDECIMAL_INIT_EMPTY_WRAP: JdkFrame =
    f("java.math.BigDecimal", "<init>", "BigDecimal.java", 692);
/// String.charAt of a Latin-1 string: "String index out of range: N".
pub const STRING_LATIN1_CHAR_AT: JdkFrame =
    f("java.lang.StringLatin1", "charAt", "StringLatin1.java", 48);
/// String.checkIndex ("index N, length L"): charAt of a UTF-16 string,
/// codePointAt.
pub const STRING_CHECK_INDEX: JdkFrame = f("java.lang.String", "checkIndex", "String.java", 4565);
/// String.checkBoundsBeginEnd ("begin B, end E, length L"): substring, subs.
pub const STRING_CHECK_BOUNDS_BEGIN_END: JdkFrame = f(
    "java.lang.String",
    "checkBoundsBeginEnd",
    "String.java",
    4606,
);
/// String.checkBoundsOffCount ("offset O, count C, length L"): new String(char[], o, c).
pub const STRING_CHECK_BOUNDS_OFF_COUNT: JdkFrame = f(
    "java.lang.String",
    "checkBoundsOffCount",
    "String.java",
    4591,
);
/// String.repeat with a negative count.
pub const STRING_REPEAT: JdkFrame = f("java.lang.String", "repeat", "String.java", 4417);
/// String.getBytes / new String with an unknown charset name.
pub const STRING_LOOKUP_CHARSET: JdkFrame =
    f("java.lang.String", "lookupCharset", "String.java", 829);
/// FileInputStream.open0 (native): a file that cannot be opened for reading.
pub const FILE_INPUT_STREAM_OPEN0: JdkFrame = f(
    "java.io.FileInputStream",
    "open0",
    "FileInputStream.java",
    -2,
);
/// FileOutputStream.open0 (native): a file that cannot be opened for writing.
pub const FILE_OUTPUT_STREAM_OPEN0: JdkFrame = f(
    "java.io.FileOutputStream",
    "open0",
    "FileOutputStream.java",
    -2,
);
/// Preconditions.outOfBounds: ArrayList.get/set/remove with a bad index.
pub const PRECONDITIONS_OUT_OF_BOUNDS: JdkFrame = f(
    "jdk.internal.util.Preconditions",
    "outOfBounds",
    "Preconditions.java",
    64,
);
/// java.lang.reflect.Array.get (native): `nth` of a Java array out of range.
pub const REFLECT_ARRAY_GET: JdkFrame = f("java.lang.reflect.Array", "get", "Array.java", -2);
/// UUID.fromString of a malformed string.
pub const UUID_FROM_STRING: JdkFrame = f("java.util.UUID", "fromString1", "UUID.java", 280);
/// ArrayDeque.removeFirst (pop) of an empty deque.
pub const ARRAY_DEQUE_REMOVE_FIRST: JdkFrame = f(
    "java.util.ArrayDeque",
    "removeFirst",
    "ArrayDeque.java",
    362,
);
/// URI's parser failing ("Illegal character in path at index 1: a b").
pub const URI_PARSER_FAIL: JdkFrame = f("java.net.URI$Parser", "fail", "URI.java", 2976);
/// DateTimeFormatter.parse of text that does not match.
pub const DATE_TIME_PARSE_RESOLVED0: JdkFrame = f(
    "java.time.format.DateTimeFormatter",
    "parseResolved0",
    "DateTimeFormatter.java",
    2052,
);
/// Class.forName of an unknown class (the application class loader's).
pub const URL_CLASS_LOADER_FIND_CLASS: JdkFrame = f(
    "java.net.URLClassLoader",
    "findClass",
    "URLClassLoader.java",
    445,
);
/// Thread.sleep (native) with a negative time.
pub const THREAD_SLEEP: JdkFrame = f("java.lang.Thread", "sleep", "Thread.java", -2);
/// java.util.regex.Pattern.error: a PatternSyntaxException.
pub const PATTERN_ERROR: JdkFrame = f("java.util.regex.Pattern", "error", "Pattern.java", 2028);
