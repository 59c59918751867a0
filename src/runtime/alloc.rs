//! Fallible allocation for sizes a program chooses (`(long-array n)`,
//! `(.repeat s n)`, ...): a request the JVM would refuse, or that the
//! allocator cannot meet, is a catchable OutOfMemoryError with the JVM's
//! message instead of an abort.

use super::error::{ExClass, Exception, Result};

/// HotSpot's largest array: `(long-array 2147483645)` is allowed,
/// 2147483646 "exceeds VM limit".
pub const MAX_ARRAY_LENGTH: usize = i32::MAX as usize - 2;

fn oom(msg: &str) -> Exception {
    Exception::new(ExClass::OutOfMemoryError, msg)
}

/// An empty Vec with room for `n` items: OutOfMemoryError when `n` passes
/// the JVM's array limit or the memory is not there.
pub fn vec_with_capacity<T>(n: usize) -> Result<Vec<T>> {
    if n > MAX_ARRAY_LENGTH {
        return Err(oom("Requested array size exceeds VM limit"));
    }
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| oom("Java heap space"))?;
    Ok(v)
}

/// `n` copies of `x` (a new array's elements).
pub fn vec_filled<T: Clone>(n: usize, x: T) -> Result<Vec<T>> {
    let mut v = vec_with_capacity(n)?;
    v.resize(n, x);
    Ok(v)
}

/// String.repeat: Java strings hold at most `i32::MAX` UTF-16 units.
pub fn repeat_str(s: &str, count: usize) -> Result<String> {
    let units = s.encode_utf16().count();
    if units
        .checked_mul(count)
        .is_none_or(|n| n > i32::MAX as usize)
    {
        return Err(oom("Required length exceeds implementation limit"));
    }
    let bytes = s
        .len()
        .checked_mul(count)
        .ok_or_else(|| oom("Java heap space"))?;
    let mut out = String::new();
    out.try_reserve_exact(bytes)
        .map_err(|_| oom("Java heap space"))?;
    for _ in 0..count {
        out.push_str(s);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(r: Result<impl Sized>) -> Option<String> {
        r.err().and_then(|e| e.message().map(|m| m.to_string()))
    }

    #[test]
    fn user_sized_requests_fail_with_the_jvm_messages() {
        assert_eq!(
            message(vec_filled(MAX_ARRAY_LENGTH + 1, 0u64)).as_deref(),
            Some("Requested array size exceeds VM limit")
        );
        // More than any address space holds: the allocator refuses it.
        assert_eq!(
            message(vec_with_capacity::<[u64; 1 << 20]>(MAX_ARRAY_LENGTH)).as_deref(),
            Some("Java heap space")
        );
        assert_eq!(
            message(repeat_str("ab", 2_000_000_000)).as_deref(),
            Some("Required length exceeds implementation limit")
        );
        assert_eq!(repeat_str("ab", 3).ok().as_deref(), Some("ababab"));
        assert_eq!(vec_filled(3, 7).ok(), Some(vec![7, 7, 7]));
    }
}
