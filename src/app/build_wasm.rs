//! `cljw build --target wasm32-wasip1`: cljw's own wasm32 module with the
//! program's payload inside. A module can't read its own bytes, so the
//! payload goes into linear memory: the builder raises the module's
//! initial memory, adds an active data segment holding the payload just
//! past the old initial memory end (wasi-libc's malloc only hands out
//! `__heap_base..__heap_end` and pages grown later, so that range stays
//! untouched), and writes the segment's address and length into
//! `PAYLOAD_SLOT`, a marked static that the module reads at start-up.

/// The slot: a 16-byte marker, then the payload's address and length
/// (u32 LE each), zero in an unbuilt module. The builder finds it by its
/// marker in the module's data.
#[cfg(target_family = "wasm")]
#[used]
static PAYLOAD_SLOT: [u8; 24] = *b"CLJW.PAYLOAD.SLT\0\0\0\0\0\0\0\0";

#[cfg(not(target_family = "wasm"))]
/// The marker, assembled at run time so that the builder's own copy of the
/// pattern isn't a second match in the module it patches.
fn marker() -> Vec<u8> {
    let mut m = b"CLJW.PAYL".to_vec();
    m.extend_from_slice(b"OAD.SLT");
    m
}

/// The payload this wasm32 program was built with, if any.
#[cfg(target_family = "wasm")]
pub fn embedded() -> Option<Vec<u8>> {
    // SAFETY: PAYLOAD_SLOT is a valid, aligned static; the volatile read
    // keeps the compiler from folding in its unpatched initial value.
    let slot = unsafe { std::ptr::read_volatile(&PAYLOAD_SLOT) };
    let (addr, len) = slot_location(&slot)?;
    // SAFETY: the builder placed `len` bytes at `addr` with an active data
    // segment inside the initial memory, above `__heap_end`, where the
    // allocator never writes; nothing else writes there either.
    let bytes = unsafe { std::slice::from_raw_parts(addr as *const u8, len) };
    Some(bytes.to_vec())
}

/// The (address, length) a slot holds; None when unpatched.
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
fn slot_location(slot: &[u8; 24]) -> Option<(usize, usize)> {
    let word = |i: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&slot[i..i + 4]);
        u32::from_le_bytes(w) as usize
    };
    let (addr, len) = (word(16), word(20));
    (addr != 0 && len != 0).then_some((addr, len))
}

#[cfg(not(target_family = "wasm"))]
fn read_leb(b: &[u8], pos: &mut usize) -> Result<u64, String> {
    let mut result = 0u64;
    let mut shift = 0;
    loop {
        let byte = *b.get(*pos).ok_or("truncated wasm module")?;
        *pos += 1;
        result |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(result);
        }
        shift += 7;
        if shift > 63 {
            return Err("bad LEB128 in wasm module".into());
        }
    }
}

#[cfg(not(target_family = "wasm"))]
fn write_leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(not(target_family = "wasm"))]
fn write_sleb(out: &mut Vec<u8>, mut v: i64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        let done = (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0);
        out.push(if done { byte } else { byte | 0x80 });
        if done {
            return;
        }
    }
}

#[cfg(not(target_family = "wasm"))]
const PAGE: u64 = 65536;

#[cfg(not(target_family = "wasm"))]
/// `module` with `payload` embedded (see the module docs).
pub fn embed(module: &[u8], payload: &[u8]) -> Result<Vec<u8>, String> {
    if module.len() < 8 || &module[..4] != b"\0asm" {
        return Err("the runtime is not a wasm module".into());
    }
    // Sections as (id, body).
    let mut sections: Vec<(u8, Vec<u8>)> = Vec::new();
    let mut pos = 8;
    while pos < module.len() {
        let id = module[pos];
        pos += 1;
        let size = read_leb(module, &mut pos)? as usize;
        let body = module
            .get(pos..pos + size)
            .ok_or("truncated wasm module")?
            .to_vec();
        pos += size;
        sections.push((id, body));
    }
    let len = u32::try_from(payload.len()).map_err(|_| "payload over 4 GiB")?;
    // Memory: raise the minimum by the payload's pages.
    let mem = sections
        .iter_mut()
        .find(|(id, _)| *id == 5)
        .ok_or("the runtime module has no memory section")?;
    let b = &mem.1;
    let mut p = 0;
    if read_leb(b, &mut p)? != 1 {
        return Err("the runtime module must have one memory".into());
    }
    let flags = *b.get(p).ok_or("truncated memory section")?;
    p += 1;
    let min = read_leb(b, &mut p)?;
    let max = if flags & 1 == 1 {
        Some(read_leb(b, &mut p)?)
    } else {
        None
    };
    let old_end = min * PAGE;
    let new_min = min + u64::from(len).div_ceil(PAGE);
    if old_end + u64::from(len) > u64::from(u32::MAX) {
        return Err("the payload does not fit in wasm32 memory".into());
    }
    let mut body = vec![1, flags];
    write_leb(&mut body, new_min);
    if let Some(m) = max {
        write_leb(&mut body, m.max(new_min));
    }
    mem.1 = body;
    // Data: one more active segment at the old memory end.
    let data_count = match sections.iter_mut().find(|(id, _)| *id == 11) {
        Some(data) => {
            let mut p = 0;
            let n = read_leb(&data.1, &mut p)?;
            let mut body = Vec::new();
            write_leb(&mut body, n + 1);
            body.extend_from_slice(&data.1[p..]);
            push_segment(&mut body, old_end, payload);
            data.1 = body;
            n + 1
        }
        None => {
            let mut body = Vec::new();
            write_leb(&mut body, 1);
            push_segment(&mut body, old_end, payload);
            // The data section follows the last standard section (code).
            let at = sections
                .iter()
                .rposition(|(id, _)| (1..=10).contains(id))
                .map_or(sections.len(), |i| i + 1);
            sections.insert(at, (11, body));
            1
        }
    };
    if let Some(dc) = sections.iter_mut().find(|(id, _)| *id == 12) {
        let mut body = Vec::new();
        write_leb(&mut body, data_count);
        dc.1 = body;
    }
    // The slot: exactly one unpatched marker in the data.
    let data = sections
        .iter_mut()
        .find(|(id, _)| *id == 11)
        .ok_or("no data section")?;
    let mut unpatched = marker();
    unpatched.extend_from_slice(&[0; 8]);
    let hits: Vec<usize> = data
        .1
        .windows(unpatched.len())
        .enumerate()
        .filter(|(_, w)| *w == unpatched.as_slice())
        .map(|(i, _)| i)
        .collect();
    let [at] = hits[..] else {
        return Err(if hits.is_empty() {
            "the runtime module has no payload slot (is it cljw's wasm32 build, and not already a built program?)".into()
        } else {
            "the runtime module has several payload slots".into()
        });
    };
    let slot = at + 16;
    data.1[slot..slot + 4].copy_from_slice(&(old_end as u32).to_le_bytes());
    data.1[slot + 4..slot + 8].copy_from_slice(&len.to_le_bytes());
    let mut out = module[..8].to_vec();
    for (id, body) in sections {
        out.push(id);
        write_leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    Ok(out)
}

#[cfg(not(target_family = "wasm"))]
/// An active segment for memory 0 at `offset` holding `bytes`.
fn push_segment(out: &mut Vec<u8>, offset: u64, bytes: &[u8]) {
    out.push(0);
    out.push(0x41); // i32.const
    write_sleb(out, offset as i32 as i64);
    out.push(0x0b); // end
    write_leb(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal module: one memory of 1 page, a data section holding an
    /// unpatched slot.
    fn module(max: Option<u64>) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let mut mem = vec![1, u8::from(max.is_some())];
        write_leb(&mut mem, 1);
        if let Some(x) = max {
            write_leb(&mut mem, x);
        }
        m.push(5);
        write_leb(&mut m, mem.len() as u64);
        m.extend_from_slice(&mem);
        let mut slot = marker();
        slot.extend_from_slice(&[0; 8]);
        let mut data = Vec::new();
        write_leb(&mut data, 1);
        push_segment(&mut data, 1024, &slot);
        m.push(11);
        write_leb(&mut m, data.len() as u64);
        m.extend_from_slice(&data);
        m
    }

    #[test]
    fn embeds_a_segment_and_patches_the_slot() {
        let payload = vec![7u8; 70_000];
        let out = embed(&module(Some(1)), &payload).unwrap_or_else(|e| panic!("{e}"));
        // Memory: min 1 + 2 pages, max raised to match.
        let mem_at = out.iter().position(|b| *b == 5).unwrap_or(0);
        assert_eq!(&out[mem_at..mem_at + 6], &[5, 4, 1, 1, 3, 3]);
        let at = out
            .windows(16)
            .position(|w| w == marker().as_slice())
            .unwrap_or_else(|| panic!("no slot"));
        let mut slot = [0u8; 24];
        slot.copy_from_slice(&out[at..at + 24]);
        assert_eq!(slot_location(&slot), Some((65536, 70_000)));
        assert!(out.ends_with(&payload));
        // A patched module has no free slot left.
        assert!(embed(&out, b"x").is_err());
        assert!(embed(b"nope", b"x").is_err());
    }

    #[test]
    fn leb_round_trips() {
        for v in [0u64, 1, 127, 128, 65536, u64::from(u32::MAX)] {
            let mut b = Vec::new();
            write_leb(&mut b, v);
            let mut p = 0;
            assert_eq!(read_leb(&b, &mut p).ok(), Some(v));
        }
        let mut b = Vec::new();
        write_sleb(&mut b, 65536);
        assert_eq!(b, vec![0x80, 0x80, 0x04]);
    }
}
