//! Helpers for tests that build small projects at test time: a temp
//! directory removed on drop, files and jars in it, and runs of `cljw`.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory under the system temp dir, deleted on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let p = std::env::temp_dir().join(format!("cljw-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap_or_else(|e| panic!("mkdir {}: {e}", p.display()));
        TempDir(p)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// `self/rel` as a string.
    pub fn join(&self, rel: &str) -> String {
        self.0.join(rel).to_string_lossy().into_owned()
    }

    /// Write `text` to `self/rel`, creating parent directories.
    pub fn write(&self, rel: &str, text: &str) -> String {
        let p = self.0.join(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("mkdir {}: {e}", d.display()));
        }
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        p.to_string_lossy().into_owned()
    }

    /// Write a jar (deflated zip) at `self/rel` holding `files` (name, text).
    pub fn jar(&self, rel: &str, files: &[(&str, &str)]) -> String {
        let p = self.0.join(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap_or_else(|e| panic!("mkdir {}: {e}", d.display()));
        }
        let f = std::fs::File::create(&p).unwrap_or_else(|e| panic!("create jar: {e}"));
        let mut z = zip::ZipWriter::new(f);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in files {
            z.start_file(*name, opts)
                .unwrap_or_else(|e| panic!("jar entry {name}: {e}"));
            z.write_all(text.as_bytes())
                .unwrap_or_else(|e| panic!("jar write {name}: {e}"));
        }
        z.finish().unwrap_or_else(|e| panic!("jar finish: {e}"));
        p.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What a run printed and its exit status.
pub struct Run {
    pub out: String,
    pub err: String,
    pub code: i32,
}

/// Run `cljw args` in `dir` with extra environment variables.
pub fn cljw_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cljw"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("CLJW_PATH")
        .env_remove("CLJ_CONFIG")
        .env_remove("XDG_CONFIG_HOME")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run cljw: {e}"));
    Run {
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}
