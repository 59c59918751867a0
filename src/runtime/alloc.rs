//! Fallible allocation for sizes a program chooses (`(long-array n)`,
//! `(.repeat s n)`, ...): a request the JVM would refuse, or that the
//! allocator cannot meet, is a catchable OutOfMemoryError with the JVM's
//! message instead of an abort.

use super::error::{ExClass, Exception, Result};
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering};

/// HotSpot's largest array: `(long-array 2147483645)` is allowed,
/// 2147483646 "exceeds VM limit".
pub const MAX_ARRAY_LENGTH: usize = i32::MAX as usize - 2;

fn oom(msg: &str) -> Exception {
    Exception::new(ExClass::OutOfMemoryError, msg)
}

/// An empty Vec with room for `n` items: OutOfMemoryError when `n` passes
/// the JVM's array limit, the heap limit, or the memory is not there.
pub fn vec_with_capacity<T>(n: usize) -> Result<Vec<T>> {
    if n > MAX_ARRAY_LENGTH {
        return Err(oom("Requested array size exceeds VM limit"));
    }
    check_request(n.saturating_mul(std::mem::size_of::<T>()))?;
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
    check_request(bytes)?;
    let mut out = String::new();
    out.try_reserve_exact(bytes)
        .map_err(|_| oom("Java heap space"))?;
    for _ in 0..count {
        out.push_str(s);
    }
    Ok(out)
}

// ----- the optional heap limit (`-J-Xmx64m`, CLJW_MAX_HEAP) -----
//
// The binary's global allocator counts live bytes once a limit is set.
// An allocator cannot throw, so crossing the limit only raises a flag that
// the next safe point (`interrupt::check`, already on every back-jump,
// call and seq step) turns into OutOfMemoryError "Java heap space"; as the
// exception unwinds, the frames that held the memory free it, and a program
// may catch it as on the JVM. Requests a program sizes itself
// (`(long-array n)`) are checked against the limit before allocating.

/// No limit (the default): the allocator does not count.
const UNLIMITED: usize = usize::MAX;

/// Live-byte accounting against a limit.
struct HeapMeter {
    limit: AtomicUsize,
    /// Bytes allocated minus bytes freed since the limit was set (blocks
    /// allocated before and freed after make it low, never high).
    live: AtomicIsize,
    /// Set when `live` passes `limit`; cleared by the safe point that
    /// finds usage back under it.
    over: AtomicBool,
}

impl HeapMeter {
    const fn new() -> HeapMeter {
        HeapMeter {
            limit: AtomicUsize::new(UNLIMITED),
            live: AtomicIsize::new(0),
            over: AtomicBool::new(false),
        }
    }
    #[inline]
    fn limited(&self) -> bool {
        self.limit.load(Ordering::Relaxed) != UNLIMITED
    }
    fn set_limit(&self, bytes: Option<usize>) {
        self.live.store(0, Ordering::Relaxed);
        self.limit
            .store(bytes.unwrap_or(UNLIMITED), Ordering::Relaxed);
    }
    /// Count `delta` bytes; true when this crossed the limit (the flag
    /// went up).
    #[inline]
    fn count(&self, delta: isize) -> bool {
        let live = self.live.fetch_add(delta, Ordering::Relaxed) + delta;
        delta > 0
            && live > self.limit.load(Ordering::Relaxed) as isize
            && !self.over.swap(true, Ordering::Relaxed)
    }
    /// Would `bytes` more pass the limit?
    fn refuses(&self, bytes: usize) -> bool {
        let limit = self.limit.load(Ordering::Relaxed);
        limit != UNLIMITED
            && (self.live.load(Ordering::Relaxed).max(0) as usize).saturating_add(bytes) > limit
    }
    /// Some(true) while over the limit; Some(false) when the flag was up
    /// and usage is back under (the flag is now down); None when it was not
    /// up.
    fn exhausted(&self) -> Option<bool> {
        if !self.over.load(Ordering::Relaxed) {
            return None;
        }
        if self.live.load(Ordering::Relaxed) > self.limit.load(Ordering::Relaxed) as isize {
            return Some(true);
        }
        self.over.swap(false, Ordering::Relaxed).then_some(false)
    }
}

static HEAP: HeapMeter = HeapMeter::new();

/// The process allocator: `A` (mimalloc in the native binary, the system's
/// on wasm32), counting bytes while a heap limit is set. Installed by the
/// `cljw` binary (`#[global_allocator]` in main.rs); an embedding program
/// keeps its own allocator.
pub struct CountingAlloc<A>(pub A);

#[inline]
fn counted(delta: isize) {
    if HEAP.count(delta) {
        super::interrupt::request_check();
    }
}

// SAFETY: every method forwards to the wrapped allocator with the caller's
// arguments unchanged, so the caller's obligations (layout, pointer
// provenance) carry over as they are; the counting only touches atomics and
// never allocates.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAlloc<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        let p = unsafe { self.0.alloc(layout) };
        if !p.is_null() && HEAP.limited() {
            counted(layout.size() as isize);
        }
        p
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        let p = unsafe { self.0.alloc_zeroed(layout) };
        if !p.is_null() && HEAP.limited() {
            counted(layout.size() as isize);
        }
        p
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: see the impl.
        unsafe { self.0.dealloc(ptr, layout) };
        if HEAP.limited() {
            counted(-(layout.size() as isize));
        }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl.
        let p = unsafe { self.0.realloc(ptr, layout, new_size) };
        if !p.is_null() && HEAP.limited() {
            counted(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Limit the bytes the program may hold (None: no limit). Takes effect
/// under [`CountingAlloc`] only.
pub fn set_heap_limit(bytes: Option<usize>) {
    HEAP.set_limit(bytes);
}

/// `-Xmx` sizes: a byte count with an optional k, m or g suffix (either
/// case), as the JVM reads them: `64m`, `2g`, `1048576`.
pub fn parse_size(s: &str) -> Option<usize> {
    let (digits, unit) = match s.char_indices().last()? {
        (i, c) if c.is_ascii_alphabetic() => (&s[..i], c.to_ascii_lowercase()),
        _ => (s, 'b'),
    };
    let shift = match unit {
        'b' => 0,
        'k' => 10,
        'm' => 20,
        'g' => 30,
        _ => return None,
    };
    let n: usize = digits.parse().ok()?;
    n.checked_mul(1 << shift).filter(|&b| b > 0)
}

/// OutOfMemoryError "Java heap space" when `bytes` more would pass the
/// heap limit.
fn check_request(bytes: usize) -> Result<()> {
    if HEAP.refuses(bytes) {
        return Err(oom("Java heap space"));
    }
    Ok(())
}

/// Called by a safe point after [`interrupt::request_check`]: the error
/// while the heap is over its limit; once it is back under, lowers the flag.
pub(super) fn heap_exhausted() -> Option<Exception> {
    match HEAP.exhausted()? {
        true => Some(oom("Java heap space")),
        false => {
            super::interrupt::check_done();
            None
        }
    }
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

    #[test]
    fn heap_sizes_read_like_xmx() {
        assert_eq!(parse_size("64m"), Some(64 << 20));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size("512k"), Some(512 << 10));
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("0"), None);
        assert_eq!(parse_size("12x"), None);
        assert_eq!(parse_size("m"), None);
        assert_eq!(parse_size(""), None);
    }

    #[test]
    fn the_meter_flags_once_past_its_limit_and_clears_under_it() {
        let m = HeapMeter::new();
        assert!(!m.limited() && !m.refuses(usize::MAX / 2));
        m.set_limit(Some(100));
        assert!(m.refuses(101) && !m.refuses(100));
        assert!(!m.count(60));
        assert!(m.count(60), "crossing raises the flag");
        assert!(!m.count(10), "only once");
        assert_eq!(m.exhausted(), Some(true));
        m.count(-80);
        assert_eq!(m.exhausted(), Some(false));
        assert_eq!(m.exhausted(), None);
    }

    /// The allocator forwards to the system's (no limit set here: the
    /// global meter stays untouched for the other tests).
    #[test]
    fn counting_allocator_forwards_to_the_system() {
        let layout = Layout::from_size_align(64, 8).unwrap_or(Layout::new::<u64>());
        // SAFETY: a non-zero-size layout; each block is freed below with
        // the layout it was allocated with.
        unsafe {
            let p = CountingAlloc(std::alloc::System).alloc_zeroed(layout);
            assert!(!p.is_null() && *p == 0);
            let q = CountingAlloc(std::alloc::System).realloc(p, layout, 128);
            assert!(!q.is_null() && *q == 0);
            let big = Layout::from_size_align(128, 8).unwrap_or(layout);
            CountingAlloc(std::alloc::System).dealloc(q, big);
            let r = CountingAlloc(std::alloc::System).alloc(layout);
            assert!(!r.is_null());
            CountingAlloc(std::alloc::System).dealloc(r, layout);
        }
    }
}
