//! `cljw build`: one executable holding a program. The output is a copy of
//! this cljw binary followed by a payload: a zip of every file on the
//! project's classpath (the program's namespaces, its deps' sources and
//! resources) plus a manifest naming the entry point, then a trailer (the
//! payload's length and a magic tag). At start-up `embedded()` finds the
//! trailer in the running executable and the run uses the payload as its
//! only classpath root, with all arguments as `*command-line-args*`.

use crate::runtime::classpath;
#[cfg(not(target_family = "wasm"))]
use std::io::{Read, Seek, SeekFrom, Write};
#[cfg(not(target_family = "wasm"))]
use std::path::Path;

#[cfg(not(target_family = "wasm"))]
const MAGIC: &[u8; 8] = b"CLJWPAY1";
/// The manifest entry: `ns NAME` or `script ENTRY`.
const MANIFEST: &str = "META-INF/cljw/main";
/// Where a script given as a file is stored in the payload.
#[cfg(not(target_family = "wasm"))]
const SCRIPT_DIR: &str = "META-INF/cljw/script/";

pub const HELP: &str = "\
Usage: cljw [project-opts] build (FILE | -m NS) -o OUT [--target wasm32-wasip1 [--runtime CLJW.WASM]]
  Writes OUT: one executable that runs FILE (or NS/-main) with the files of
  the classpath (deps.edn's paths and deps, or -cp) embedded; its arguments
  become *command-line-args*. With --target wasm32-wasip1, OUT is a .wasm
  module made from cljw's own wasm32 build (--runtime, else $CLJW_WASM, else
  cljw.wasm beside this executable).
";

/// What a built executable runs.
#[derive(Debug, PartialEq, Eq)]
pub enum Entry {
    Ns(String),
    /// A classpath resource loaded like a script.
    Script(String),
}

#[derive(Debug, PartialEq, Eq)]
pub struct BuildOpts {
    pub entry: Entry,
    pub out: String,
    /// `--target wasm32-wasip1`: a .wasm module instead.
    pub wasm: bool,
    /// `--runtime PATH`: cljw's wasm32 module to build from.
    pub runtime: Option<String>,
}

pub fn parse(args: &[String]) -> Result<BuildOpts, String> {
    let mut entry = None;
    let mut out = None;
    let mut wasm = false;
    let mut runtime = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} requires an argument"))
        };
        match a.as_str() {
            "-o" | "--output" => out = Some(value()?),
            "-m" | "--main" => entry = Some(Entry::Ns(value()?)),
            "--target" => match value()?.as_str() {
                "wasm32-wasip1" => wasm = true,
                "native" => wasm = false,
                t => {
                    return Err(format!(
                        "unknown target {t} (expected wasm32-wasip1 or native)"
                    ));
                }
            },
            "--runtime" => runtime = Some(value()?),
            _ if a.starts_with('-') => return Err(format!("unknown build option: {a}")),
            file => entry = Some(Entry::Script(file.to_string())),
        }
    }
    Ok(BuildOpts {
        entry: entry.ok_or("cljw build needs a FILE or -m NS")?,
        out: out.ok_or("cljw build needs -o OUT")?,
        wasm,
        runtime,
    })
}

/// Write the executable or module; the classpath is already set up.
#[cfg(not(target_family = "wasm"))]
pub fn build(o: &BuildOpts) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find cljw itself: {e}"))?;
    let payload = payload(o)?;
    let out = if o.wasm {
        let runtime = o
            .runtime
            .clone()
            .or_else(|| std::env::var("CLJW_WASM").ok())
            .unwrap_or_else(|| {
                exe.with_file_name("cljw.wasm")
                    .to_string_lossy()
                    .into_owned()
            });
        let module = std::fs::read(&runtime).map_err(|e| {
            format!(
                "cannot read cljw's wasm32 runtime {runtime} ({e}): build it with `cargo build \
                 --release --target wasm32-wasip1 --no-default-features` and pass --runtime PATH"
            )
        })?;
        super::build_wasm::embed(&module, &payload).map_err(|e| format!("{runtime}: {e}"))?
    } else {
        let mut out = runtime_bytes(&exe)?;
        out.extend_from_slice(&payload);
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(MAGIC);
        out
    };
    std::fs::write(&o.out, &out).map_err(|e| format!("{}: {e}", o.out))?;
    #[cfg(unix)]
    if !o.wasm {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&o.out, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| format!("{}: {e}", o.out))?;
    }
    Ok(())
}

/// The zip of the manifest, the script and every classpath file.
#[cfg(not(target_family = "wasm"))]
fn payload(o: &BuildOpts) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut names = std::collections::HashSet::new();
    let mut add = |zip: &mut zip::ZipWriter<_>, name: &str, bytes: &[u8]| -> Result<(), String> {
        if !names.insert(name.to_string()) {
            return Ok(());
        }
        zip.start_file(name, opts)
            .and_then(|_| zip.write_all(bytes).map_err(Into::into))
            .map_err(|e| format!("cannot write the payload: {e}"))
    };
    let manifest = match &o.entry {
        Entry::Ns(ns) => format!("ns {ns}"),
        Entry::Script(file) => {
            let text = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
            let name = Path::new(file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "main.clj".into());
            let entry = format!("{SCRIPT_DIR}{name}");
            add(&mut zip, &entry, &text)?;
            format!("script {entry}")
        }
    };
    add(&mut zip, MANIFEST, manifest.as_bytes())?;
    for root in classpath::entries() {
        for (name, bytes) in root_files(&root)? {
            add(&mut zip, &name, &bytes)?;
        }
    }
    Ok(zip
        .finish()
        .map_err(|e| format!("cannot write the payload: {e}"))?
        .into_inner())
}

#[cfg(target_family = "wasm")]
pub fn build(_o: &BuildOpts) -> Result<(), String> {
    Err("cljw build writes a native executable; run it with the native cljw".into())
}

/// This executable without a payload of its own (building from a built
/// program copies only the runtime).
#[cfg(not(target_family = "wasm"))]
fn runtime_bytes(exe: &Path) -> Result<Vec<u8>, String> {
    let mut bytes = std::fs::read(exe).map_err(|e| format!("{}: {e}", exe.display()))?;
    if let Some(len) = payload_len(&bytes) {
        bytes.truncate(bytes.len() - 16 - len);
    }
    Ok(bytes)
}

/// Every file under a classpath root: (name inside the root, bytes).
/// Hidden directories (`.git`) are skipped.
#[cfg(not(target_family = "wasm"))]
fn root_files(root: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let p = Path::new(root);
    if p.is_dir() {
        walk(p, "", &mut out)?;
    } else if p.is_file() {
        let f = std::fs::File::open(p).map_err(|e| format!("{root}: {e}"))?;
        let mut z = zip::ZipArchive::new(f).map_err(|e| format!("{root}: {e}"))?;
        for i in 0..z.len() {
            let mut e = z.by_index(i).map_err(|e| format!("{root}: {e}"))?;
            if e.is_dir() {
                continue;
            }
            let name = e.name().map_err(|e| format!("{root}: {e}"))?.into_owned();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes)
                .map_err(|e| format!("{root}: {e}"))?;
            out.push((name, bytes));
        }
    }
    Ok(out)
}

#[cfg(not(target_family = "wasm"))]
fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = e.path();
        let rel = format!("{prefix}{name}");
        if path.is_dir() {
            walk(&path, &format!("{rel}/"), out)?;
        } else {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            out.push((rel, bytes));
        }
    }
    Ok(())
}

/// The payload length a trailer at the end of `bytes` announces.
#[cfg(not(target_family = "wasm"))]
fn payload_len(bytes: &[u8]) -> Option<usize> {
    let n = bytes.len();
    if n < 16 || &bytes[n - 8..] != MAGIC {
        return None;
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[n - 16..n - 8]);
    let len = usize::try_from(u64::from_le_bytes(len)).ok()?;
    (len <= n - 16).then_some(len)
}

/// The payload of the running executable, if it is a built program.
#[cfg(not(target_family = "wasm"))]
pub fn embedded() -> Option<Vec<u8>> {
    let exe = std::env::current_exe().ok()?;
    let mut f = std::fs::File::open(exe).ok()?;
    let end = f.seek(SeekFrom::End(0)).ok()?;
    if end < 16 {
        return None;
    }
    let mut trailer = [0u8; 16];
    f.seek(SeekFrom::End(-16)).ok()?;
    f.read_exact(&mut trailer).ok()?;
    if trailer[8..] != MAGIC[..] {
        return None;
    }
    let mut l = [0u8; 8];
    l.copy_from_slice(&trailer[..8]);
    let len = u64::from_le_bytes(l);
    if len > end - 16 {
        return None;
    }
    f.seek(SeekFrom::Start(end - 16 - len)).ok()?;
    let mut payload = vec![0u8; usize::try_from(len).ok()?];
    f.read_exact(&mut payload).ok()?;
    Some(payload)
}

#[cfg(target_family = "wasm")]
pub fn embedded() -> Option<Vec<u8>> {
    super::build_wasm::embedded()
}

/// The entry point recorded in the payload (already on the classpath).
pub fn entry() -> Result<Entry, String> {
    let m = classpath::find_file(MANIFEST)
        .ok_or("the embedded program has no manifest")?
        .read_text()
        .map_err(|e| e.message().unwrap_or_default().to_string())?;
    match m.split_once(' ') {
        Some(("ns", ns)) => Ok(Entry::Ns(ns.trim().to_string())),
        Some(("script", s)) => Ok(Entry::Script(s.trim().to_string())),
        _ => Err(format!("bad manifest in the embedded program: {m}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_build_options_and_trailers() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse(&v(&["-m", "a.core", "-o", "app"])),
            Ok(BuildOpts {
                entry: Entry::Ns("a.core".into()),
                out: "app".into(),
                wasm: false,
                runtime: None,
            })
        );
        assert!(parse(&v(&["x.clj"])).is_err());
        assert!(parse(&v(&["-o", "y"])).is_err());
        let mut b = b"exe".to_vec();
        b.extend_from_slice(b"PAY");
        b.extend_from_slice(&3u64.to_le_bytes());
        b.extend_from_slice(MAGIC);
        assert_eq!(payload_len(&b), Some(3));
        assert_eq!(payload_len(b"short"), None);
    }
}
