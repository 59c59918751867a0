//! Guest memory from Clojure: size, grow, read and write bytes and UTF-8
//! strings. Works from inside a host import on the calling instance (see
//! `with_store`); an access out of bounds is an IndexOutOfBoundsException.

use super::check_arity;
use super::instance::{HostState, WasmInstance, instance_arg, with_store};
use super::values::{byte_array, bytes_of};
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::value::Value;
use wasmi::{Memory, StoreContextMut};

fn memory_of(inst: &WasmInstance) -> Result<Memory> {
    inst.memory.ok_or_else(|| {
        Exception::new(
            ExClass::IllegalStateException,
            "cljw.wasm: the module exports no memory",
        )
    })
}

/// A non-negative long argument.
fn index_arg(v: &Value, what: &str) -> Result<usize> {
    match v.as_long() {
        Some(n) => usize::try_from(n).map_err(|_| {
            Exception::new(
                ExClass::IndexOutOfBoundsException,
                format!("wasm memory {what} is negative: {n}"),
            )
        }),
        None => Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "cljw.wasm: memory {what} must be an integer, not {}",
                v.class_name()
            ),
        )),
    }
}

/// The range `offset..offset+len` of the memory, or IndexOutOfBounds.
fn range(size: usize, offset: usize, len: usize) -> Result<std::ops::Range<usize>> {
    match offset.checked_add(len) {
        Some(end) if end <= size => Ok(offset..end),
        _ => Err(Exception::new(
            ExClass::IndexOutOfBoundsException,
            format!(
                "wasm memory access out of bounds: offset {offset}, length {len}, memory size {size}"
            ),
        )),
    }
}

/// Run `f` on the memory's bytes.
fn with_bytes<R>(args: &[Value], f: impl FnOnce(&mut [u8]) -> Result<R>) -> Result<R> {
    let inst = instance_arg(&args[0])?;
    let memory = memory_of(inst)?;
    with_store(inst, |ctx: StoreContextMut<'_, HostState>| {
        f(memory.data_mut(ctx))
    })
}

/// `(memory-size inst)`: the memory's size in 64 KiB pages.
pub(crate) fn memory_size(args: &[Value]) -> Result<Value> {
    check_arity("memory-size", args, 1, 1)?;
    let inst = instance_arg(&args[0])?;
    let memory = memory_of(inst)?;
    let pages = with_store(inst, |ctx| memory.size(ctx));
    Ok(Value::long(i64::try_from(pages).unwrap_or(i64::MAX)))
}

/// `(grow-memory! inst pages)`: the previous size in pages, or -1 when the
/// memory cannot grow that much (its maximum or `:max-memory-bytes`), as
/// wasm's `memory.grow`.
pub(crate) fn grow_memory(args: &[Value]) -> Result<Value> {
    check_arity("grow-memory!", args, 2, 2)?;
    let inst = instance_arg(&args[0])?;
    let memory = memory_of(inst)?;
    let pages = index_arg(&args[1], "page count")? as u64;
    let before = with_store(inst, |ctx| memory.grow(ctx, pages));
    Ok(Value::long(
        before.map_or(-1, |p| i64::try_from(p).unwrap_or(-1)),
    ))
}

/// `(read-bytes inst offset len)`: a byte array.
pub(crate) fn read_bytes(args: &[Value]) -> Result<Value> {
    check_arity("read-bytes", args, 3, 3)?;
    let (offset, len) = (
        index_arg(&args[1], "offset")?,
        index_arg(&args[2], "length")?,
    );
    with_bytes(args, |mem| {
        Ok(byte_array(&mem[range(mem.len(), offset, len)?]))
    })
}

/// `(read-string inst offset len)`: UTF-8 bytes as a string (malformed
/// sequences become U+FFFD, as Java's String constructor does).
pub(crate) fn read_string(args: &[Value]) -> Result<Value> {
    check_arity("read-string", args, 3, 3)?;
    let (offset, len) = (
        index_arg(&args[1], "offset")?,
        index_arg(&args[2], "length")?,
    );
    with_bytes(args, |mem| {
        let r = range(mem.len(), offset, len)?;
        Ok(Value::string(String::from_utf8_lossy(&mem[r]).into_owned()))
    })
}

fn write(args: &[Value], bytes: &[u8]) -> Result<Value> {
    let offset = index_arg(&args[1], "offset")?;
    with_bytes(args, |mem| {
        let r = range(mem.len(), offset, bytes.len())?;
        mem[r].copy_from_slice(bytes);
        Ok(Value::long(bytes.len() as i64))
    })
}

/// `(write-bytes! inst offset bytes)`: the number of bytes written.
pub(crate) fn write_bytes(args: &[Value]) -> Result<Value> {
    check_arity("write-bytes!", args, 3, 3)?;
    let Some(bytes) = bytes_of(&args[2])? else {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "cljw.wasm/write-bytes!: expected a byte array, not {}",
                args[2].class_name()
            ),
        ));
    };
    write(args, &bytes)
}

/// `(write-string! inst offset s)`: writes `s` as UTF-8; the bytes written.
pub(crate) fn write_string(args: &[Value]) -> Result<Value> {
    check_arity("write-string!", args, 3, 3)?;
    let Some(s) = args[2].as_str() else {
        return Err(Exception::new(
            ExClass::ClassCastException,
            crate::runtime::compare::cast_message(args[2].class_name(), "java.lang.String"),
        ));
    };
    let s = s.to_string();
    write(args, s.as_bytes())
}
