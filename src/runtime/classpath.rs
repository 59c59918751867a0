//! The classpath: the ordered roots where `require`, `load`,
//! `clojure.java.io/resource` and `data_readers.clj` lookups search, as the
//! JVM's class loader does. A root is a directory or a `.jar` (read with
//! the zip crate). The roots are the user classpath (`-cp`, or deps.edn's
//! paths and deps; `src` when neither is given, like the Clojure CLI's
//! default `:paths`) followed by the entries of `CLJW_PATH` (`:`-separated,
//! like `CLASSPATH`). Missing or unreadable roots are skipped, as the JVM
//! skips them.

use super::error::{ExClass, Exception, Result};
use std::collections::HashSet;
use std::io::{Read, Seek};
use std::path::Path;
use std::sync::Mutex;

/// A found resource: where it lives, and its URL as the JVM prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resource {
    /// A file under a directory root.
    File(String),
    /// An entry of a jar: the jar's path and the entry's name.
    JarEntry { jar: String, entry: String },
}

impl Resource {
    /// `file:/abs/path` or `jar:file:/abs/x.jar!/entry`.
    pub fn url(&self) -> String {
        match self {
            Resource::File(p) => format!("file:{}", absolute(p)),
            Resource::JarEntry { jar, entry } => format!("jar:file:{}!/{entry}", absolute(jar)),
        }
    }

    /// The resource's bytes.
    pub fn read(&self) -> Result<Vec<u8>> {
        match self {
            Resource::File(p) => std::fs::read(p)
                .map_err(|e| Exception::new(ExClass::FileNotFoundException, format!("{p} ({e})"))),
            Resource::JarEntry { jar, entry } => with_state(|s| {
                let j = s.jar(jar).ok_or_else(|| not_in_jar(jar, entry))?;
                j.read(entry)
            }),
        }
    }

    /// The resource as UTF-8 text.
    pub fn read_text(&self) -> Result<String> {
        String::from_utf8(self.read()?).map_err(|_| {
            Exception::new(
                ExClass::IOException,
                format!("{} is not valid UTF-8", self.url()),
            )
        })
    }
}

fn not_in_jar(jar: &str, entry: &str) -> Exception {
    Exception::new(
        ExClass::FileNotFoundException,
        format!("JAR entry {entry} not found in {jar}"),
    )
}

fn absolute(p: &str) -> String {
    let path = Path::new(p);
    if path.is_absolute() {
        return p.to_string();
    }
    match std::env::current_dir() {
        Ok(d) => d.join(path).to_string_lossy().into_owned(),
        Err(_) => p.to_string(),
    }
}

/// What a jar is read from: a file, or bytes in memory (the payload of a
/// `cljw build` executable).
trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

/// The classpath entry naming the payload embedded by `cljw build`.
pub const EMBEDDED: &str = "<embedded>";

/// An opened jar: its entry names (for lookups without touching the file)
/// and the archive (for reads).
struct Jar {
    path: String,
    names: HashSet<String>,
    archive: zip::ZipArchive<Box<dyn ReadSeek>>,
}

impl Jar {
    fn open(path: &str) -> Option<Jar> {
        let f = std::fs::File::open(path).ok()?;
        Jar::from_reader(path, Box::new(f))
    }

    fn from_reader(path: &str, r: Box<dyn ReadSeek>) -> Option<Jar> {
        let archive = zip::ZipArchive::new(r).ok()?;
        let names = archive
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect();
        Some(Jar {
            path: path.to_string(),
            names,
            archive,
        })
    }

    fn read(&mut self, entry: &str) -> Result<Vec<u8>> {
        let zip_err = |e: zip::result::ZipError| {
            Exception::new(ExClass::IOException, format!("{}: {e}", self.path))
        };
        let mut f = match self.archive.by_name(entry) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Err(not_in_jar(&self.path, entry)),
            Err(e) => return Err(zip_err(e)),
        };
        let mut out = Vec::new();
        f.read_to_end(&mut out)
            .map_err(|e| Exception::new(ExClass::IOException, format!("{}: {e}", self.path)))?;
        Ok(out)
    }
}

enum Root {
    Dir(String),
    Jar(Jar),
    /// A jar that could not be opened (skipped, like the JVM does).
    Unreadable,
}

struct State {
    /// The user classpath; None = the default (`src`).
    user: Option<Vec<String>>,
    /// The zip that the `EMBEDDED` entry names.
    embedded: Option<std::sync::Arc<[u8]>>,
    /// The roots opened for the current entries (None until first use).
    roots: Option<Vec<(String, Root)>>,
}

impl State {
    fn roots(&mut self) -> &mut Vec<(String, Root)> {
        let user = self.user.clone();
        let embedded = self.embedded.clone();
        self.roots.get_or_insert_with(|| {
            effective_entries(user)
                .into_iter()
                .map(|e| {
                    let root = if e == EMBEDDED {
                        embedded
                            .clone()
                            .and_then(|b| Jar::from_reader(&e, Box::new(std::io::Cursor::new(b))))
                            .map_or(Root::Unreadable, Root::Jar)
                    } else if is_jar(&e) {
                        Jar::open(&e).map_or(Root::Unreadable, Root::Jar)
                    } else {
                        Root::Dir(e.clone())
                    };
                    (e, root)
                })
                .collect()
        })
    }

    fn jar(&mut self, path: &str) -> Option<&mut Jar> {
        self.roots().iter_mut().find_map(|(_, r)| match r {
            Root::Jar(j) if j.path == path => Some(j),
            _ => None,
        })
    }
}

static STATE: Mutex<State> = Mutex::new(State {
    user: None,
    embedded: None,
    roots: None,
});

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    let mut g = STATE.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut g)
}

/// Whether a classpath entry names a jar (or zip) file.
pub fn is_jar(entry: &str) -> bool {
    let lower = entry.to_ascii_lowercase();
    lower.ends_with(".jar") || lower.ends_with(".zip")
}

/// Split a classpath string at `:` (java.io.File.pathSeparator on Unix),
/// dropping empty entries.
pub fn split(path: &str) -> Vec<String> {
    path.split(':')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn effective_entries(user: Option<Vec<String>>) -> Vec<String> {
    let mut out = user.unwrap_or_else(|| vec!["src".to_string()]);
    if let Ok(p) = std::env::var("CLJW_PATH") {
        out.extend(split(&p));
    }
    out
}

/// Replace the user classpath (`-cp`, deps.edn); `CLJW_PATH` still follows.
pub fn set_user_entries(entries: Vec<String>) {
    with_state(|s| {
        s.user = Some(entries);
        s.roots = None;
    });
}

/// The zip archive (bytes) that the classpath entry `EMBEDDED` reads.
pub fn set_embedded(zip: Vec<u8>) {
    with_state(|s| {
        s.embedded = Some(zip.into());
        s.roots = None;
    });
}

/// The user classpath (without `CLJW_PATH`): `src` unless set.
pub fn user_entries() -> Vec<String> {
    with_state(|s| s.user.clone().unwrap_or_else(|| vec!["src".to_string()]))
}

/// The classpath entries in search order (what `-Spath` prints).
pub fn entries() -> Vec<String> {
    with_state(|s| effective_entries(s.user.clone()))
}

/// Every root holding `name`, in classpath order (ClassLoader.getResources).
pub fn find_all(name: &str) -> Vec<Resource> {
    lookup(name, usize::MAX)
}

/// The first root holding `name` (ClassLoader.getResource). Directory
/// roots match files and directories, jars match entries.
pub fn find(name: &str) -> Option<Resource> {
    lookup(name, 1).into_iter().next()
}

/// The first root holding the file `name` (not a directory).
pub fn find_file(name: &str) -> Option<Resource> {
    find(name).filter(|r| match r {
        Resource::File(p) => Path::new(p).is_file(),
        Resource::JarEntry { .. } => !name.ends_with('/'),
    })
}

fn lookup(name: &str, limit: usize) -> Vec<Resource> {
    let name = name.trim_start_matches('/');
    if name.is_empty() || name.split('/').any(|seg| seg == "..") {
        return Vec::new();
    }
    with_state(|s| {
        let mut out = Vec::new();
        for (_, root) in s.roots().iter() {
            if out.len() >= limit {
                break;
            }
            match root {
                Root::Dir(d) => {
                    let p = Path::new(d).join(name);
                    if p.exists() {
                        out.push(Resource::File(p.to_string_lossy().into_owned()));
                    }
                }
                Root::Jar(j) => {
                    let dir = format!("{}/", name.trim_end_matches('/'));
                    if j.names.contains(name) || j.names.contains(&dir) {
                        out.push(Resource::JarEntry {
                            jar: j.path.clone(),
                            entry: name.to_string(),
                        });
                    }
                }
                Root::Unreadable => {}
            }
        }
        out
    })
}

/// The bytes a `jar:file:JAR!/ENTRY` URL names; None for other strings.
pub fn read_jar_url(url: &str) -> Option<Result<Vec<u8>>> {
    let rest = url.strip_prefix("jar:file:")?;
    let (jar, entry) = rest.split_once("!/")?;
    let found = with_state(|s| {
        s.roots().iter().find_map(|(_, r)| match r {
            Root::Jar(j) if absolute(&j.path) == jar => Some(j.path.clone()),
            _ => None,
        })
    });
    Some(match found {
        Some(jar) => Resource::JarEntry {
            jar,
            entry: entry.to_string(),
        }
        .read(),
        // A jar outside the classpath: open it for this read.
        None => Jar::open(jar)
            .ok_or_else(|| {
                Exception::new(
                    ExClass::FileNotFoundException,
                    format!("{jar} (cannot open)"),
                )
            })
            .and_then(|mut j| j.read(entry)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_recognises_jars() {
        assert_eq!(split("a::b.jar:"), vec!["a".to_string(), "b.jar".into()]);
        assert!(is_jar("lib/X.JAR"));
        assert!(!is_jar("src"));
    }

    #[test]
    fn urls() {
        let r = Resource::JarEntry {
            jar: "/x/y.jar".into(),
            entry: "a/b.clj".into(),
        };
        assert_eq!(r.url(), "jar:file:/x/y.jar!/a/b.clj");
        assert_eq!(Resource::File("/a/b".into()).url(), "file:/a/b");
    }
}
