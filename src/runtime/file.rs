//! java.io.File: a path (normalised as java.io.UnixFileSystem does:
//! repeated and trailing slashes dropped). Equal by path; hashCode is the
//! path's String hash xor 1234321, as on Unix JVMs. Prints as
//! `#object[java.io.File 0x.. "path"]`; `str` is the path.

use super::error::{ExClass, Exception, Result};
use super::string::java_string_hash;

/// Paths registered with deleteOnExit, deleted (last registered first, as
/// the JDK's DeleteOnExitHook does) by [`delete_files_on_exit`].
static DELETE_ON_EXIT: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Delete the files registered with deleteOnExit (at exit, after the
/// shutdown hooks).
pub fn delete_files_on_exit() {
    let paths = std::mem::take(&mut *DELETE_ON_EXIT.lock().unwrap_or_else(|p| p.into_inner()));
    for p in paths.iter().rev() {
        let _ = std::fs::remove_file(p).or_else(|_| std::fs::remove_dir(p));
    }
}

pub struct File {
    path: String,
    /// A java.nio.file.Path (class sun.nio.fs.UnixPath, made by
    /// babashka.fs) rather than a java.io.File: same path rules, its own
    /// class, never equal to a File.
    nio: bool,
}

impl File {
    /// `(File. path)`.
    pub fn new(path: &str) -> File {
        File {
            path: normalize(path),
            nio: false,
        }
    }

    /// A java.nio.file.Path for `path` (`Path.of`).
    pub fn nio_path(path: &str) -> File {
        File {
            path: normalize(path),
            nio: true,
        }
    }

    pub fn is_nio_path(&self) -> bool {
        self.nio
    }

    pub fn class_name(&self) -> &'static str {
        if self.nio {
            "sun.nio.fs.UnixPath"
        } else {
            "java.io.File"
        }
    }

    /// `(File. parent child)`: child resolved against parent (an empty
    /// parent means the root, as in Java).
    pub fn with_parent(parent: &str, child: &str) -> File {
        let child = normalize(child);
        let parent = normalize(parent);
        if parent.is_empty() {
            return File::new(&format!("/{child}"));
        }
        if child.is_empty() {
            return File {
                path: parent,
                nio: false,
            };
        }
        if parent.ends_with('/') {
            File::new(&format!("{parent}{child}"))
        } else {
            File::new(&format!("{parent}/{child}"))
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn java_hash(&self) -> i32 {
        java_string_hash(&self.path) ^ 1_234_321
    }

    /// getName: the last name in the path.
    pub fn name(&self) -> &str {
        match self.path.rfind('/') {
            Some(i) => &self.path[i + 1..],
            None => &self.path,
        }
    }

    /// getParent: the path without its last name; None at the top.
    pub fn parent(&self) -> Option<String> {
        let i = self.path.rfind('/')?;
        if i == 0 {
            return (self.path.len() > 1).then(|| "/".to_string());
        }
        Some(self.path[..i].to_string())
    }

    pub fn is_absolute(&self) -> bool {
        self.path.starts_with('/')
    }

    /// getAbsolutePath.
    pub fn absolute(&self) -> String {
        if self.is_absolute() {
            return self.path.clone();
        }
        let cwd = std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default();
        if self.path.is_empty() {
            cwd
        } else if cwd.ends_with('/') {
            format!("{cwd}{}", self.path)
        } else {
            format!("{cwd}/{}", self.path)
        }
    }

    fn fs_path(&self) -> &std::path::Path {
        std::path::Path::new(&self.path)
    }
    pub fn exists(&self) -> bool {
        !self.path.is_empty() && self.fs_path().exists()
    }
    pub fn is_dir(&self) -> bool {
        !self.path.is_empty() && self.fs_path().is_dir()
    }
    pub fn is_file(&self) -> bool {
        !self.path.is_empty() && self.fs_path().is_file()
    }
    /// length: bytes in the file, 0 when it is missing.
    pub fn length(&self) -> i64 {
        std::fs::metadata(self.fs_path())
            .map(|m| i64::try_from(m.len()).unwrap_or(i64::MAX))
            .unwrap_or(0)
    }
    /// lastModified: milliseconds since the epoch, 0 when missing.
    pub fn last_modified(&self) -> i64 {
        std::fs::metadata(self.fs_path())
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
    }
    /// delete: a file or an empty directory.
    pub fn delete(&self) -> bool {
        if self.is_dir() {
            std::fs::remove_dir(self.fs_path()).is_ok()
        } else {
            std::fs::remove_file(self.fs_path()).is_ok()
        }
    }
    pub fn mkdir(&self) -> bool {
        std::fs::create_dir(self.fs_path()).is_ok()
    }
    /// mkdirs: false when the directory exists already.
    pub fn mkdirs(&self) -> bool {
        if self.exists() {
            return false;
        }
        std::fs::create_dir_all(self.fs_path()).is_ok()
    }
    /// File.createTempFile(prefix, suffix, dir): a new empty file named
    /// prefix + a random number + suffix (".tmp" when nil) in `dir` (the
    /// java.io.tmpdir when None).
    pub fn create_temp(prefix: &str, suffix: Option<&str>, dir: Option<&str>) -> Result<File> {
        if prefix.chars().count() < 3 {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!("Prefix string \"{prefix}\" too short: length must be at least 3"),
            ));
        }
        let dir = match dir {
            Some(d) => d.to_string(),
            None => temp_dir(),
        };
        let suffix = suffix.unwrap_or(".tmp");
        loop {
            let n = crate::runtime::uuid::random_u64() & (i64::MAX as u64);
            let f = File::with_parent(&dir, &format!("{prefix}{n}{suffix}"));
            if f.create_new()? {
                return Ok(f);
            }
        }
    }
    /// deleteOnExit: remove the file when the program exits normally.
    pub fn delete_on_exit(&self) {
        let mut paths = DELETE_ON_EXIT.lock().unwrap_or_else(|p| p.into_inner());
        if !paths.contains(&self.path) {
            paths.push(self.path.clone());
        }
    }
    /// createNewFile: true when it made the file.
    pub fn create_new(&self) -> Result<bool> {
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.fs_path())
        {
            Ok(_) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(Exception::new(
                ExClass::IOException,
                io_reason(&e, &self.path),
            )),
        }
    }
    pub fn rename_to(&self, to: &File) -> bool {
        std::fs::rename(self.fs_path(), to.fs_path()).is_ok()
    }
    /// list: the names in a directory (sorted: Java leaves the order to the
    /// file system, sorting keeps programs deterministic); None if not one.
    pub fn list(&self) -> Option<Vec<String>> {
        let rd = std::fs::read_dir(self.fs_path()).ok()?;
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        Some(names)
    }
}

/// java.io.UnixFileSystem.normalize: no repeated or trailing slashes.
fn normalize(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut prev_slash = false;
    for c in p.chars() {
        if c == '/' {
            if prev_slash {
                continue;
            }
            prev_slash = true;
        } else {
            prev_slash = false;
        }
        out.push(c);
    }
    if out.len() > 1 && out.ends_with('/') {
        out.pop();
    }
    out
}

/// The reason FileInputStream/FileOutputStream give in parentheses.
pub fn io_reason(e: &std::io::Error, path: &str) -> String {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ if std::path::Path::new(path).is_dir() => "Is a directory".to_string(),
        _ => {
            // Drop Rust's " (os error N)" suffix.
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    };
    format!("{path} ({why})")
}

/// FileInputStream's FileNotFoundException for a file that could not be
/// opened for reading (thrown by its native open0).
pub fn not_found(e: &std::io::Error, path: &str) -> Exception {
    Exception::new(ExClass::FileNotFoundException, io_reason(e, path))
        .at_jdk(super::jdk_frame::FILE_INPUT_STREAM_OPEN0)
}

/// FileOutputStream's FileNotFoundException for a file that could not be
/// opened for writing (thrown by its native open0).
pub fn output_not_found(e: &std::io::Error, path: &str) -> Exception {
    Exception::new(ExClass::FileNotFoundException, io_reason(e, path))
        .at_jdk(super::jdk_frame::FILE_OUTPUT_STREAM_OPEN0)
}

/// `new FileInputStream(path)`'s file: a missing or unreadable file, or a
/// directory (which Unix lets one open), is its FileNotFoundException.
pub fn open_input(path: &str) -> Result<std::fs::File> {
    let f = std::fs::File::open(path).map_err(|e| not_found(&e, path))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Exception::new(
            ExClass::FileNotFoundException,
            format!("{path} (Is a directory)"),
        )
        .at_jdk(super::jdk_frame::FILE_INPUT_STREAM_OPEN0));
    }
    Ok(f)
}

/// java.io.tmpdir. std's `temp_dir` panics on wasm32-wasi ("no filesystem
/// on wasm"): there it is $TMPDIR or /tmp, which works where the host
/// preopens it and otherwise fails as a clean IOException when used.
pub fn temp_dir() -> String {
    #[cfg(target_family = "wasm")]
    {
        std::env::var("TMPDIR").unwrap_or_else(|_| "/tmp".into())
    }
    #[cfg(not(target_family = "wasm"))]
    {
        std::env::temp_dir().to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalise_like_java() {
        // JVM: (io/file "a//b/") -> "a/b"; (io/file "a" "b" "c") -> "a/b/c"
        assert_eq!(File::new("a//b/").path(), "a/b");
        assert_eq!(File::new("/").path(), "/");
        assert_eq!(File::with_parent("a/b", "c").path(), "a/b/c");
        // JVM: (hash (io/file "a")) -> 1234416
        assert_eq!(File::new("a").java_hash(), 1_234_416);
    }

    #[test]
    fn names_and_parents() {
        // JVM: (.getName (io/file "a/b/c.txt")) "c.txt", .getParent "a/b";
        // (.getParent (io/file "c.txt")) nil; (.getName (io/file "/")) "";
        // (.getParent (io/file "/")) nil
        let f = File::new("a/b/c.txt");
        assert_eq!(f.name(), "c.txt");
        assert_eq!(f.parent().as_deref(), Some("a/b"));
        assert_eq!(File::new("c.txt").parent(), None);
        assert_eq!(File::new("/").name(), "");
        assert_eq!(File::new("/").parent(), None);
        assert_eq!(File::new("/a").parent().as_deref(), Some("/"));
    }
}
