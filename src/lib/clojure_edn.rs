//! clojure.edn: `read-string` over the reader with EdnReader's options —
//! `:eof` (value at end of input, default nil), `:readers` (tag symbol ->
//! fn, consulted before the default `#inst`/`#uuid` readers) and `:default`
//! (fn of tag and value for other tags). `*data-readers*` and `*read-eval*`
//! play no part, as in EdnReader.
//!
//! Known difference: the Clojure reader's extra syntax (syntax-quote, `#(`,
//! `::kw`) is accepted here where EdnReader rejects it.

use crate::builtins::Def;
use crate::reader::{ReadCond, Reader, Resolver};
use crate::runtime::compare::cast_message;
use crate::runtime::error::{ExClass, Exception, Result, err};
use crate::runtime::func;
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[Def::f("read-string", read_string)];

struct EdnResolver {
    readers: Value,
    default: Value,
}

impl Resolver for EdnResolver {
    fn current_ns(&self) -> String {
        "user".to_string()
    }
    fn resolve_alias(&self, _alias: &str) -> Option<String> {
        None
    }
    fn data_reader(&self, tag: &Value) -> Option<Value> {
        let f = func::get(&self.readers, tag, Value::NIL).ok()?;
        (!f.is_nil()).then_some(f)
    }
    fn default_data_reader_fn(&self) -> Option<Value> {
        (!self.default.is_nil()).then(|| self.default.clone())
    }
}

fn opt(opts: &Value, key: &str) -> Result<Option<Value>> {
    let missing = Value::keyword(Some("cljw.internal"), "missing");
    let v = func::get(opts, &Value::keyword(None, key), missing.clone())?;
    Ok((!v.identical(&missing)).then_some(v))
}

/// `(read-string s)` / `(read-string opts s)`: the first form, or the
/// `:eof` value (nil by default) when there is none; nil for a nil string.
fn read_string(args: &[Value]) -> Result<Value> {
    let (opts, s) = match args {
        [s] => (Value::NIL, s),
        [opts, s] => (opts.clone(), s),
        _ => {
            return Err(Exception::new(
                ExClass::ArityException,
                format!(
                    "Wrong number of args ({}) passed to: clojure.edn/read-string",
                    args.len()
                ),
            ));
        }
    };
    let src = match s.view() {
        View::Nil => return Ok(Value::NIL),
        View::Str(x) => x.as_str().to_string(),
        _ => return err::class_cast(cast_message(s.class_name(), "java.lang.String")),
    };
    let eof = opt(&opts, "eof")?.unwrap_or(Value::NIL);
    let resolver = EdnResolver {
        readers: opt(&opts, "readers")?.unwrap_or(Value::NIL),
        default: opt(&opts, "default")?.unwrap_or(Value::NIL),
    };
    let mut r = Reader::new(&src)
        .line_numbering(false)
        .read_eval(false)
        .read_cond(ReadCond::Disallow)
        .resolver(Box::new(resolver));
    Ok(r.next_form()?.unwrap_or(eof))
}
