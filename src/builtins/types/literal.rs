//! clojure.lang.TaggedLiteral and ReaderConditional: what `tagged-literal`
//! and `reader-conditional` make (and readers return for unknown tags or
//! `:read-cond :preserve`). Types with two fields, looked up by keyword
//! (`(:tag t)`), equal by value, printed as `#tag form` / `#?(...)`.

use super::super::{Def, check_arity};
use crate::runtime::error::Result;
use crate::runtime::gc::Ref;
use crate::runtime::types::{self, Methods, TypeDef, TypeKind};
use crate::runtime::value::{Value, View};

pub(crate) const DEFS: &[Def] = &[
    Def::f("tagged-literal", tagged_literal),
    Def::f("tagged-literal?", is_tagged_literal),
    Def::f("reader-conditional", reader_conditional),
    Def::f("reader-conditional?", is_reader_conditional),
];

const TAGGED: &str = "clojure.lang.TaggedLiteral";
const COND: &str = "clojure.lang.ReaderConditional";

/// The type `name` with fields `fields` (keywords of the same names).
fn literal_type(name: &str, fields: [&str; 2]) -> Ref<TypeDef> {
    if let Some(t) = types::lookup(name) {
        return t;
    }
    let t = types::define(
        name,
        TypeKind::Type,
        fields.iter().map(|f| Value::symbol(None, f)).collect(),
        vec![false, false],
        vec!["clojure.lang.ILookup".to_string()],
    );
    let mut m = Methods::new();
    m.insert("valAt".into(), Value::native_fn("valAt", val_at));
    m.insert("equals".into(), Value::native_fn("equals", equals));
    m.insert("hasheq".into(), Value::native_fn("hasheq", hash_code));
    m.insert("hashCode".into(), Value::native_fn("hashCode", hash_code));
    t.set_methods(m);
    t
}

fn fields_of(v: &Value) -> Option<(&'static str, Value, Value)> {
    let View::Instance(i) = v.view() else {
        return None;
    };
    let name = i.class_name();
    (name == TAGGED || name == COND).then(|| {
        (
            name,
            i.field(0).unwrap_or(Value::NIL),
            i.field(1).unwrap_or(Value::NIL),
        )
    })
}

/// `(:tag t)` / `(:form t)` / `(:splicing? rc)`, with a default.
fn val_at(args: &[Value]) -> Result<Value> {
    let nf = args.get(2).cloned().unwrap_or(Value::NIL);
    let (Some((name, a, b)), Some(k)) = (fields_of(&args[0]), args.get(1)) else {
        return Ok(nf);
    };
    let keys = if name == TAGGED {
        ["tag", "form"]
    } else {
        ["form", "splicing?"]
    };
    Ok(match k.as_keyword() {
        Some(kw) if kw.ns().is_none() && kw.name() == keys[0] => a,
        Some(kw) if kw.ns().is_none() && kw.name() == keys[1] => b,
        _ => nf,
    })
}

fn equals(args: &[Value]) -> Result<Value> {
    let (Some(x), Some(y)) = (fields_of(&args[0]), args.get(1).and_then(fields_of)) else {
        return Ok(Value::FALSE);
    };
    Ok(Value::bool(
        x.0 == y.0
            && crate::runtime::equality::try_equals(&x.1, &y.1)?
            && crate::runtime::equality::try_equals(&x.2, &y.2)?,
    ))
}

/// 31 * hash(a) + hash(b), as both classes' hashCode.
fn hash_code(args: &[Value]) -> Result<Value> {
    let Some((_, a, b)) = fields_of(&args[0]) else {
        return Ok(Value::long(0));
    };
    let h = 31i32
        .wrapping_mul(crate::runtime::hash::java_hash_code(&a)?)
        .wrapping_add(crate::runtime::hash::java_hash_code(&b)?);
    Ok(Value::long(i64::from(h)))
}

fn tagged_literal(args: &[Value]) -> Result<Value> {
    check_arity("tagged-literal", args, 2, Some(2))?;
    new_tagged_literal(&args[0], &args[1])
}

/// TaggedLiteral.create (also what the reader makes inside a preserved `#?`).
pub(crate) fn new_tagged_literal(tag: &Value, form: &Value) -> Result<Value> {
    types::construct(
        &literal_type(TAGGED, ["tag", "form"]),
        &[tag.clone(), form.clone()],
    )
}

fn reader_conditional(args: &[Value]) -> Result<Value> {
    check_arity("reader-conditional", args, 2, Some(2))?;
    new_reader_conditional(&args[0], args[1].truthy())
}

/// ReaderConditional.create (what `:read-cond :preserve` reads `#?` as).
pub(crate) fn new_reader_conditional(form: &Value, splicing: bool) -> Result<Value> {
    types::construct(
        &literal_type(COND, ["form", "splicing?"]),
        &[form.clone(), Value::bool(splicing)],
    )
}

fn is_tagged_literal(args: &[Value]) -> Result<Value> {
    check_arity("tagged-literal?", args, 1, Some(1))?;
    Ok(Value::bool(
        fields_of(&args[0]).is_some_and(|f| f.0 == TAGGED),
    ))
}

fn is_reader_conditional(args: &[Value]) -> Result<Value> {
    check_arity("reader-conditional?", args, 1, Some(1))?;
    Ok(Value::bool(
        fields_of(&args[0]).is_some_and(|f| f.0 == COND),
    ))
}
