//! babashka.fs (Rust side; src/lib/babashka/fs.clj adds the macros and
//! the fns built on these): paths come back as java.nio.file.Path values
//! (class sun.nio.fs.UnixPath: `runtime::file::File` with its nio flag),
//! which print, compare and `str` as on the JVM. Every fn takes a path as
//! a string, a java.io.File or a Path.
//!
//! Written from babashka/fs's API documentation (no JVM jar of it here).
//! Differences: directory listings and glob results are sorted (the JVM
//! gives the file system's order); posix permissions are sets of symbols
//! (`OWNER_READ` ...) rather than PosixFilePermission enums; file times are
//! epoch millis wrapped by fs.clj; `walk-file-tree` passes nil as the
//! attributes.

use crate::builtins::{Def, check_arity};
use crate::libs::babashka_fs_glob::Glob;
use crate::libs::json::opt;
use crate::runtime::error::{ExClass, Exception, Result};
use crate::runtime::file::File;
use crate::runtime::func;
use crate::runtime::gc::Ref;
use crate::runtime::printer::str_value;
use crate::runtime::seq;
use crate::runtime::value::{Value, View};
use std::path::Path;

pub(crate) const DEFS: &[Def] = &[
    Def::f("path", path),
    Def::f("file", file),
    Def::f("exists?", exists),
    Def::f("directory?", is_directory),
    Def::f("regular-file?", is_regular_file),
    Def::f("symbolic-link?", is_symlink),
    Def::f("hidden?", is_hidden),
    Def::f("readable?", is_readable),
    Def::f("writable?", is_writable),
    Def::f("executable?", is_executable),
    Def::f("absolute?", is_absolute),
    Def::f("relative?", is_relative),
    Def::f("same-file?", same_file),
    Def::f("list-dir", list_dir),
    Def::f("glob", glob),
    Def::f("match", match_fn),
    Def::f("create-dir", create_dir),
    Def::f("create-dirs", create_dirs),
    Def::f("create-file", create_file),
    Def::f("create-sym-link", create_sym_link),
    Def::f("read-link", read_link),
    Def::f("delete", delete),
    Def::f("delete-if-exists", delete_if_exists),
    Def::f("delete-tree", delete_tree),
    Def::f("copy", copy),
    Def::f("copy-tree", copy_tree),
    Def::f("move", move_fn),
    Def::f("create-temp-dir", create_temp_dir),
    Def::f("create-temp-file", create_temp_file),
    Def::f("temp-dir", temp_dir),
    Def::f("read-all-lines", read_all_lines),
    Def::f("read-all-bytes", read_all_bytes),
    Def::f("write-lines", write_lines),
    Def::f("write-bytes", write_bytes),
    Def::f("file-name", file_name),
    Def::f("split-ext", split_ext),
    Def::f("parent", parent),
    Def::f("components", components),
    Def::f("relativize", relativize),
    Def::f("normalize", normalize_fn),
    Def::f("absolutize", absolutize),
    Def::f("canonicalize", canonicalize),
    Def::f("starts-with?", starts_with),
    Def::f("ends-with?", ends_with),
    Def::f("size", size),
    Def::f("-last-modified-millis", last_modified_millis),
    Def::f("-set-last-modified-millis", set_last_modified_millis),
    Def::f("posix-file-permissions", posix_file_permissions),
    Def::f("set-posix-file-permissions", set_posix_file_permissions),
    Def::f("str->posix", str_to_posix),
    Def::f("posix->str", posix_to_str),
    Def::f("which", which),
    Def::f("which-all", which_all),
    Def::f("exec-paths", exec_paths),
    Def::f("home", home),
    Def::f("expand-home", expand_home),
    Def::f("cwd", cwd),
    Def::f("walk-file-tree", walk_file_tree),
];

// ----- paths -----

/// A java.nio.file.Path value.
pub(crate) fn path_value(p: &str) -> Value {
    Value::from(Ref::new(File::nio_path(p)))
}

/// The path a string, File or Path argument names.
fn as_path(x: &Value) -> Result<String> {
    match x.view() {
        View::Str(s) => Ok(File::new(s.as_str()).path().to_string()),
        View::File(f) => Ok(f.path().to_string()),
        _ => Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!(
                "babashka.fs: expected a path (string, java.io.File or java.nio.file.Path), got {}",
                x.class_name()
            ),
        )),
    }
}

/// Paths.get(a, b): `b` appended under `a`.
fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        return b.to_string();
    }
    if b.is_empty() {
        return a.to_string();
    }
    File::nio_path(&format!("{a}/{b}")).path().to_string()
}

/// Path.resolve: an absolute `b` wins.
fn resolve(a: &str, b: &str) -> String {
    if b.starts_with('/') {
        b.to_string()
    } else {
        join(a, b)
    }
}

fn nio_error(e: &std::io::Error, p: &str) -> Exception {
    let class = match e.kind() {
        std::io::ErrorKind::NotFound => ExClass::NoSuchFileException,
        std::io::ErrorKind::AlreadyExists => ExClass::FileAlreadyExistsException,
        std::io::ErrorKind::DirectoryNotEmpty => ExClass::DirectoryNotEmptyException,
        std::io::ErrorKind::NotADirectory => ExClass::NotDirectoryException,
        _ => {
            let msg = e.to_string();
            let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
            return Exception::new(ExClass::FileSystemException, format!("{p}: {msg}"));
        }
    };
    Exception::new(class, p.to_string())
}

fn arg_path(args: &[Value], i: usize) -> Result<String> {
    as_path(args.get(i).unwrap_or(&Value::NIL))
}

fn opts_arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::NIL)
}

fn flag(opts: &Value, key: &str) -> Result<bool> {
    Ok(opt(opts, key)?.truthy())
}

fn fs_path(p: &str) -> &Path {
    Path::new(if p.is_empty() { "." } else { p })
}

/// `(path p & more)`.
fn path(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/path", args, 1, None)?;
    let mut acc = arg_path(args, 0)?;
    for a in &args[1..] {
        acc = join(&acc, &as_path(a)?);
    }
    Ok(path_value(&acc))
}

/// `(file p & more)`: a java.io.File.
fn file(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/file", args, 1, None)?;
    let mut acc = arg_path(args, 0)?;
    for a in &args[1..] {
        acc = join(&acc, &as_path(a)?);
    }
    Ok(crate::builtins::open::file_value(File::new(&acc)))
}

fn pred(args: &[Value], name: &str, f: impl Fn(&str) -> bool) -> Result<Value> {
    check_arity(name, args, 1, Some(2))?;
    Ok(Value::bool(f(&arg_path(args, 0)?)))
}

fn metadata(p: &str) -> Option<std::fs::Metadata> {
    std::fs::metadata(fs_path(p)).ok()
}

fn exists(args: &[Value]) -> Result<Value> {
    let nofollow = flag(&opts_arg(args, 1), "nofollow-links")?;
    pred(args, "babashka.fs/exists?", |p| {
        if nofollow {
            std::fs::symlink_metadata(fs_path(p)).is_ok()
        } else {
            metadata(p).is_some()
        }
    })
}
fn is_directory(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/directory?", |p| {
        metadata(p).is_some_and(|m| m.is_dir())
    })
}
fn is_regular_file(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/regular-file?", |p| {
        metadata(p).is_some_and(|m| m.is_file())
    })
}
fn is_symlink(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/symbolic-link?", |p| {
        std::fs::symlink_metadata(fs_path(p)).is_ok_and(|m| m.file_type().is_symlink())
    })
}
fn is_hidden(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/hidden?", |p| name_of(p).starts_with('.'))
}

#[cfg(unix)]
fn mode_of(p: &str) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    metadata(p).map_or(0, |m| m.permissions().mode())
}
#[cfg(not(unix))]
fn mode_of(p: &str) -> u32 {
    metadata(p).map_or(0, |m| {
        if m.permissions().readonly() {
            0o555
        } else {
            0o777
        }
    })
}

fn is_readable(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/readable?", |p| {
        metadata(p).is_some() && mode_of(p) & 0o444 != 0
    })
}
fn is_writable(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/writable?", |p| {
        metadata(p).is_some() && mode_of(p) & 0o222 != 0
    })
}
fn is_executable(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/executable?", |p| {
        metadata(p).is_some() && mode_of(p) & 0o111 != 0
    })
}
fn is_absolute(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/absolute?", |p| p.starts_with('/'))
}
fn is_relative(args: &[Value]) -> Result<Value> {
    pred(args, "babashka.fs/relative?", |p| !p.starts_with('/'))
}
fn same_file(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/same-file?", args, 2, Some(2))?;
    let a = std::fs::canonicalize(fs_path(&arg_path(args, 0)?));
    let b = std::fs::canonicalize(fs_path(&arg_path(args, 1)?));
    Ok(Value::bool(matches!((a, b), (Ok(a), Ok(b)) if a == b)))
}

/// The names in directory `p`, sorted.
fn names_in(p: &str) -> Result<Vec<String>> {
    let rd = std::fs::read_dir(fs_path(p)).map_err(|e| nio_error(&e, p))?;
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// `(list-dir dir)`, `(list-dir dir glob-or-accept-fn)`.
fn list_dir(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/list-dir", args, 1, Some(2))?;
    let dir = arg_path(args, 0)?;
    let filter = opts_arg(args, 1);
    let glob = filter.as_str().map(Glob::new);
    let mut out = Vec::new();
    for n in names_in(&dir)? {
        let p = path_value(&join(&dir, &n));
        let keep = match (&glob, filter.is_nil()) {
            (Some(g), _) => g.is_match(&n),
            (None, true) => true,
            (None, false) => func::invoke(&filter, std::slice::from_ref(&p))?.truthy(),
        };
        if keep {
            out.push(p);
        }
    }
    Ok(Value::vector(out))
}

/// Walk `root` (depth first, sorted), calling `visit(relative, is_dir)`;
/// `descend(relative)` decides whether to enter a directory.
fn walk(
    root: &str,
    max_depth: usize,
    follow: bool,
    visit: &mut dyn FnMut(&str, bool) -> Result<()>,
) -> Result<()> {
    let mut stack: Vec<(String, usize)> = vec![(String::new(), 0)];
    while let Some((rel, depth)) = stack.pop() {
        let dir = if rel.is_empty() {
            root.to_string()
        } else {
            join(root, &rel)
        };
        let Ok(names) = names_in(&dir) else { continue };
        let mut subdirs = Vec::new();
        for n in names {
            let child_rel = if rel.is_empty() {
                n.clone()
            } else {
                format!("{rel}/{n}")
            };
            let full = join(root, &child_rel);
            let meta = if follow {
                std::fs::metadata(fs_path(&full))
            } else {
                std::fs::symlink_metadata(fs_path(&full))
            };
            let is_dir = meta.is_ok_and(|m| m.is_dir());
            visit(&child_rel, is_dir)?;
            if is_dir && depth + 1 < max_depth {
                subdirs.push((child_rel, depth + 1));
            }
        }
        // Visit subdirectories in name order.
        stack.extend(subdirs.into_iter().rev());
    }
    Ok(())
}

fn max_depth(opts: &Value) -> Result<usize> {
    Ok(opt(opts, "max-depth")?
        .as_long()
        .map_or(usize::MAX, |n| n.max(0) as usize))
}

/// `(glob root pattern opts?)`: paths under root whose path relative to
/// root matches; recursive when the pattern has `**` or `/` (or
/// `:recursive`); hidden files only with `:hidden` or a pattern starting
/// with `.`.
fn glob(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/glob", args, 2, Some(3))?;
    let root = arg_path(args, 0)?;
    let pattern = str_value(&args[1])?;
    let opts = opts_arg(args, 2);
    let recursive = flag(&opts, "recursive")? || pattern.contains("**") || pattern.contains('/');
    let hidden = flag(&opts, "hidden")? || pattern.starts_with('.');
    let depth = if recursive { max_depth(&opts)? } else { 1 };
    let g = Glob::new(&pattern);
    let mut out = Vec::new();
    walk(&root, depth, flag(&opts, "follow-links")?, &mut |rel, _| {
        let hidden_part = rel.split('/').any(|c| c.starts_with('.'));
        if (hidden || !hidden_part) && g.is_match(rel) {
            out.push(path_value(&join(&root, rel)));
        }
        Ok(())
    })?;
    Ok(Value::vector(out))
}

/// `(match root "glob:..."|"regex:..." opts?)`: like glob with the matcher
/// syntax of FileSystem.getPathMatcher, matched on the path root/rel;
/// recursive only with `:recursive`.
fn match_fn(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/match", args, 2, Some(3))?;
    let root = arg_path(args, 0)?;
    let spec = str_value(&args[1])?;
    let opts = opts_arg(args, 2);
    let depth = if flag(&opts, "recursive")? {
        max_depth(&opts)?
    } else {
        1
    };
    enum M {
        G(Glob),
        R(fancy_regex::Regex),
    }
    let m = if let Some(p) = spec.strip_prefix("glob:") {
        M::G(Glob::new(p))
    } else if let Some(p) = spec.strip_prefix("regex:") {
        M::R(
            fancy_regex::Regex::new(&format!("^(?:{p})$"))
                .map_err(|e| Exception::new(ExClass::IllegalArgumentException, e.to_string()))?,
        )
    } else {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("Syntax and pattern must be separated by ':': {spec}"),
        ));
    };
    let hidden = flag(&opts, "hidden")?;
    let mut out = Vec::new();
    walk(&root, depth, flag(&opts, "follow-links")?, &mut |rel, _| {
        let full = join(&root, rel);
        let hidden_part = rel.split('/').any(|c| c.starts_with('.'));
        let hit = match &m {
            M::G(g) => g.is_match(&full),
            M::R(r) => r.is_match(&full).unwrap_or(false),
        };
        if hit && (hidden || !hidden_part) {
            out.push(path_value(&full));
        }
        Ok(())
    })?;
    Ok(Value::vector(out))
}

fn create_dir(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/create-dir", args, 1, Some(2))?;
    let p = arg_path(args, 0)?;
    std::fs::create_dir(fs_path(&p)).map_err(|e| nio_error(&e, &p))?;
    Ok(path_value(&p))
}

fn create_dirs(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/create-dirs", args, 1, Some(2))?;
    let p = arg_path(args, 0)?;
    std::fs::create_dir_all(fs_path(&p)).map_err(|e| nio_error(&e, &p))?;
    Ok(path_value(&p))
}

fn create_file(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/create-file", args, 1, Some(2))?;
    let p = arg_path(args, 0)?;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(fs_path(&p))
        .map_err(|e| nio_error(&e, &p))?;
    Ok(path_value(&p))
}

#[cfg(unix)]
fn create_sym_link(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/create-sym-link", args, 2, Some(2))?;
    let link = arg_path(args, 0)?;
    let target = arg_path(args, 1)?;
    std::os::unix::fs::symlink(&target, fs_path(&link)).map_err(|e| nio_error(&e, &link))?;
    Ok(path_value(&link))
}
#[cfg(not(unix))]
fn create_sym_link(_: &[Value]) -> Result<Value> {
    Err(Exception::new(
        ExClass::UnsupportedOperationException,
        "babashka.fs/create-sym-link is not supported on this platform",
    ))
}

fn read_link(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/read-link", args, 1, Some(1))?;
    let p = arg_path(args, 0)?;
    let t = std::fs::read_link(fs_path(&p)).map_err(|e| nio_error(&e, &p))?;
    Ok(path_value(&t.to_string_lossy()))
}

fn remove(p: &str) -> std::io::Result<()> {
    let m = std::fs::symlink_metadata(fs_path(p))?;
    if m.is_dir() {
        std::fs::remove_dir(fs_path(p))
    } else {
        std::fs::remove_file(fs_path(p))
    }
}

fn delete(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/delete", args, 1, Some(1))?;
    let p = arg_path(args, 0)?;
    remove(&p).map_err(|e| nio_error(&e, &p))?;
    Ok(Value::NIL)
}

fn delete_if_exists(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/delete-if-exists", args, 1, Some(1))?;
    let p = arg_path(args, 0)?;
    match remove(&p) {
        Ok(()) => Ok(Value::TRUE),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Value::FALSE),
        Err(e) => Err(nio_error(&e, &p)),
    }
}

fn delete_tree(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/delete-tree", args, 1, Some(2))?;
    let p = arg_path(args, 0)?;
    match std::fs::symlink_metadata(fs_path(&p)) {
        Err(_) => {}
        Ok(m) if m.is_dir() => {
            std::fs::remove_dir_all(fs_path(&p)).map_err(|e| nio_error(&e, &p))?
        }
        Ok(_) => std::fs::remove_file(fs_path(&p)).map_err(|e| nio_error(&e, &p))?,
    }
    Ok(Value::NIL)
}

fn copy_file(src: &str, dest: &str, replace: bool) -> Result<()> {
    if !replace && std::fs::symlink_metadata(fs_path(dest)).is_ok() {
        return Err(Exception::new(
            ExClass::FileAlreadyExistsException,
            dest.to_string(),
        ));
    }
    std::fs::copy(fs_path(src), fs_path(dest)).map_err(|e| nio_error(&e, src))?;
    Ok(())
}

/// Where copy/move put `src` given `dest`: into dest when it is a
/// directory.
fn target(src: &str, dest: &str) -> String {
    if metadata(dest).is_some_and(|m| m.is_dir()) {
        join(dest, name_of(src))
    } else {
        dest.to_string()
    }
}

/// `(copy src dest opts?)`: into `dest` when it is a directory;
/// `:replace-existing`.
fn copy(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/copy", args, 2, Some(3))?;
    let src = arg_path(args, 0)?;
    let dest = target(&src, &arg_path(args, 1)?);
    copy_file(&src, &dest, flag(&opts_arg(args, 2), "replace-existing")?)?;
    Ok(path_value(&dest))
}

/// `(copy-tree src dest opts?)`: src's contents into dest (made if
/// missing).
fn copy_tree(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/copy-tree", args, 2, Some(3))?;
    let src = arg_path(args, 0)?;
    let dest = arg_path(args, 1)?;
    let replace = flag(&opts_arg(args, 2), "replace-existing")?;
    if !metadata(&src).is_some_and(|m| m.is_dir()) {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            format!("Not a directory: {src}"),
        ));
    }
    std::fs::create_dir_all(fs_path(&dest)).map_err(|e| nio_error(&e, &dest))?;
    walk(&src, usize::MAX, false, &mut |rel, is_dir| {
        let to = join(&dest, rel);
        if is_dir {
            std::fs::create_dir_all(fs_path(&to)).map_err(|e| nio_error(&e, &to))
        } else {
            copy_file(&join(&src, rel), &to, replace)
        }
    })?;
    Ok(path_value(&dest))
}

/// `(move src dest opts?)`: into `dest` when it is a directory.
fn move_fn(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/move", args, 2, Some(3))?;
    let src = arg_path(args, 0)?;
    let dest = target(&src, &arg_path(args, 1)?);
    if !flag(&opts_arg(args, 2), "replace-existing")?
        && std::fs::symlink_metadata(fs_path(&dest)).is_ok()
    {
        return Err(Exception::new(ExClass::FileAlreadyExistsException, dest));
    }
    std::fs::rename(fs_path(&src), fs_path(&dest)).map_err(|e| nio_error(&e, &src))?;
    Ok(path_value(&dest))
}

fn tmp_root() -> String {
    crate::runtime::file::temp_dir()
}

/// A fresh name in `dir`: prefix + random digits + suffix, made by `make`
/// (which fails when the name exists).
fn fresh(
    dir: &str,
    prefix: &str,
    suffix: &str,
    make: impl Fn(&str) -> std::io::Result<()>,
) -> Result<String> {
    let seed = crate::runtime::io::nano_time() as u64 ^ u64::from(std::process::id()) << 32;
    let mut x = seed | 1;
    for _ in 0..1000 {
        // xorshift
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let p = join(
            dir,
            &format!("{prefix}{}{suffix}", x % 10_000_000_000_000_000_000),
        );
        match make(&p) {
            Ok(()) => return Ok(p),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(nio_error(&e, &p)),
        }
    }
    Err(Exception::new(
        ExClass::IOException,
        "could not make a temporary name",
    ))
}

/// `(create-temp-dir opts?)`: `:dir` (or `:path`), `:prefix`.
fn create_temp_dir(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/create-temp-dir", args, 0, Some(1))?;
    let opts = opts_arg(args, 0);
    let dir = opt(&opts, "dir")?;
    let dir = if dir.is_nil() {
        opt(&opts, "path")?
    } else {
        dir
    };
    let dir = if dir.is_nil() {
        tmp_root()
    } else {
        as_path(&dir)?
    };
    let prefix = opt(&opts, "prefix")?;
    let prefix = if prefix.is_nil() {
        String::new()
    } else {
        str_value(&prefix)?
    };
    let p = fresh(&dir, &prefix, "", |p| std::fs::create_dir(fs_path(p)))?;
    Ok(path_value(&p))
}

/// `(create-temp-file opts?)`: `:dir` (or `:path`), `:prefix`, `:suffix`
/// (default ".tmp").
fn create_temp_file(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/create-temp-file", args, 0, Some(1))?;
    let opts = opts_arg(args, 0);
    let dir = opt(&opts, "dir")?;
    let dir = if dir.is_nil() {
        opt(&opts, "path")?
    } else {
        dir
    };
    let dir = if dir.is_nil() {
        tmp_root()
    } else {
        as_path(&dir)?
    };
    let prefix = opt(&opts, "prefix")?;
    let prefix = if prefix.is_nil() {
        String::new()
    } else {
        str_value(&prefix)?
    };
    let suffix = opt(&opts, "suffix")?;
    let suffix = if suffix.is_nil() {
        ".tmp".to_string()
    } else {
        str_value(&suffix)?
    };
    let p = fresh(&dir, &prefix, &suffix, |p| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(fs_path(p))
            .map(|_| ())
    })?;
    Ok(path_value(&p))
}

fn temp_dir(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/temp-dir", args, 0, Some(0))?;
    Ok(path_value(&tmp_root()))
}

fn read_text(p: &str) -> Result<String> {
    let bytes = std::fs::read(fs_path(p)).map_err(|e| nio_error(&e, p))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `(read-all-lines f)`: the lines without their terminators.
fn read_all_lines(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/read-all-lines", args, 1, Some(2))?;
    let text = read_text(&arg_path(args, 0)?)?;
    let mut lines: Vec<Value> = Vec::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        lines.push(Value::string(&rest[..end]));
        rest = &rest[end..];
        if rest.starts_with("\r\n") {
            rest = &rest[2..];
        } else if !rest.is_empty() {
            rest = &rest[1..];
        }
    }
    Ok(Value::vector(lines))
}

fn read_all_bytes(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/read-all-bytes", args, 1, Some(1))?;
    let p = arg_path(args, 0)?;
    let bytes = std::fs::read(fs_path(&p)).map_err(|e| nio_error(&e, &p))?;
    Ok(Value::byte_array(&bytes))
}

fn write_all(p: &str, bytes: &[u8], append: bool) -> Result<()> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .append(append)
        .truncate(!append)
        .open(fs_path(p))
        .map_err(|e| nio_error(&e, p))?;
    f.write_all(bytes).map_err(|e| nio_error(&e, p))
}

/// `(write-lines f lines opts?)`: each line and a newline; `:append`.
fn write_lines(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/write-lines", args, 2, Some(3))?;
    let p = arg_path(args, 0)?;
    let mut text = String::new();
    for l in seq::iter(&args[1]) {
        text.push_str(&str_value(&l?)?);
        text.push('\n');
    }
    write_all(&p, text.as_bytes(), flag(&opts_arg(args, 2), "append")?)?;
    Ok(path_value(&p))
}

/// `(write-bytes f bytes opts?)`; `:append`.
fn write_bytes(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/write-bytes", args, 2, Some(3))?;
    let p = arg_path(args, 0)?;
    let bytes = args[1].byte_array_bytes().ok_or_else(|| {
        Exception::new(
            ExClass::ClassCastException,
            format!(
                "babashka.fs/write-bytes: expected a byte array, got {}",
                args[1].class_name()
            ),
        )
    })?;
    write_all(&p, &bytes, flag(&opts_arg(args, 2), "append")?)?;
    Ok(path_value(&p))
}

/// Path.getFileName as a string ("" for the root).
fn name_of(p: &str) -> &str {
    match p.rfind('/') {
        Some(i) => &p[i + 1..],
        None => p,
    }
}

fn file_name(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/file-name", args, 1, Some(1))?;
    Ok(Value::string(name_of(&arg_path(args, 0)?)))
}

/// `(split-ext path opts?)`: `[path-without-ext ext]`, ext nil when the
/// name has none (a leading dot does not start one); `:ext` names the
/// extension to split off.
fn split_ext(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/split-ext", args, 1, Some(2))?;
    let p = arg_path(args, 0)?;
    let want = opt(&opts_arg(args, 1), "ext")?;
    let name = name_of(&p);
    let dir_len = p.len() - name.len();
    let split = if want.is_nil() {
        name.rfind('.').filter(|i| *i > 0)
    } else {
        let ext = str_value(&want)?;
        let ext = ext.strip_prefix('.').unwrap_or(&ext).to_string();
        name.strip_suffix(&format!(".{ext}"))
            .filter(|s| !s.is_empty())
            .map(|s| s.len())
    };
    Ok(match split {
        Some(i) => Value::vector(vec![
            Value::string(&p[..dir_len + i]),
            Value::string(&name[i + 1..]),
        ]),
        None => Value::vector(vec![Value::string(&p), Value::NIL]),
    })
}

fn parent_of(p: &str) -> Option<String> {
    let i = p.rfind('/')?;
    if i == 0 {
        return (p.len() > 1).then(|| "/".to_string());
    }
    Some(p[..i].to_string())
}

fn parent(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/parent", args, 1, Some(1))?;
    Ok(parent_of(&arg_path(args, 0)?).map_or(Value::NIL, |p| path_value(&p)))
}

fn components(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/components", args, 1, Some(1))?;
    let p = arg_path(args, 0)?;
    Ok(Value::list(
        p.split('/')
            .filter(|c| !c.is_empty())
            .map(path_value)
            .collect(),
    ))
}

/// Path.normalize: drop `.` and fold `name/..`.
fn normalize_str(p: &str) -> String {
    let abs = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            ".." if abs => {}
            c => parts.push(c),
        }
    }
    let body = parts.join("/");
    if abs { format!("/{body}") } else { body }
}

fn normalize_fn(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/normalize", args, 1, Some(1))?;
    Ok(path_value(&normalize_str(&arg_path(args, 0)?)))
}

fn absolute(p: &str) -> String {
    if p.starts_with('/') {
        return p.to_string();
    }
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "/".to_string());
    join(&cwd, p)
}

fn absolutize(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/absolutize", args, 1, Some(1))?;
    Ok(path_value(&absolute(&arg_path(args, 0)?)))
}

/// `(canonicalize p)`: the real path when it exists, else the normalized
/// absolute path (Path.toRealPath / File.getCanonicalPath).
fn canonicalize(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/canonicalize", args, 1, Some(2))?;
    let p = arg_path(args, 0)?;
    Ok(path_value(&match std::fs::canonicalize(fs_path(&p)) {
        Ok(r) => r.to_string_lossy().into_owned(),
        Err(_) => normalize_str(&absolute(&p)),
    }))
}

/// Path.relativize.
fn relativize(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/relativize", args, 2, Some(2))?;
    let a = arg_path(args, 0)?;
    let b = arg_path(args, 1)?;
    if a.starts_with('/') != b.starts_with('/') {
        return Err(Exception::new(
            ExClass::IllegalArgumentException,
            "'other' is different type of Path",
        ));
    }
    let pa: Vec<&str> = a.split('/').filter(|c| !c.is_empty()).collect();
    let pb: Vec<&str> = b.split('/').filter(|c| !c.is_empty()).collect();
    let common = pa.iter().zip(&pb).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = vec![".."; pa.len() - common];
    parts.extend(&pb[common..]);
    Ok(path_value(&parts.join("/")))
}

fn starts_with(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/starts-with?", args, 2, Some(2))?;
    let a = arg_path(args, 0)?;
    let b = arg_path(args, 1)?;
    Ok(Value::bool(
        a == b || (a.starts_with(&b) && (b.ends_with('/') || a[b.len()..].starts_with('/'))),
    ))
}

fn ends_with(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/ends-with?", args, 2, Some(2))?;
    let a = arg_path(args, 0)?;
    let b = arg_path(args, 1)?;
    Ok(Value::bool(
        !b.starts_with('/')
            && (a == b || (a.ends_with(&b) && a[..a.len() - b.len()].ends_with('/'))),
    ))
}

fn size(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/size", args, 1, Some(1))?;
    let p = arg_path(args, 0)?;
    let m = std::fs::metadata(fs_path(&p)).map_err(|e| nio_error(&e, &p))?;
    Ok(Value::long(i64::try_from(m.len()).unwrap_or(i64::MAX)))
}

fn last_modified_millis(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/-last-modified-millis", args, 1, Some(1))?;
    let p = arg_path(args, 0)?;
    let m = std::fs::metadata(fs_path(&p)).map_err(|e| nio_error(&e, &p))?;
    let t = m.modified().map_err(|e| nio_error(&e, &p))?;
    let ms = match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_millis()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_millis()).unwrap_or(i64::MAX),
    };
    Ok(Value::long(ms))
}

fn set_last_modified_millis(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/-set-last-modified-millis", args, 2, Some(2))?;
    let p = arg_path(args, 0)?;
    let ms = args[1].as_long().unwrap_or(0);
    let t = if ms >= 0 {
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(ms as u64)
    } else {
        std::time::UNIX_EPOCH - std::time::Duration::from_millis(ms.unsigned_abs())
    };
    let f = std::fs::File::options()
        .write(true)
        .open(fs_path(&p))
        .or_else(|_| std::fs::File::open(fs_path(&p)))
        .map_err(|e| nio_error(&e, &p))?;
    f.set_modified(t).map_err(|e| nio_error(&e, &p))?;
    Ok(path_value(&p))
}

const PERMS: [(u32, &str); 9] = [
    (0o400, "OWNER_READ"),
    (0o200, "OWNER_WRITE"),
    (0o100, "OWNER_EXECUTE"),
    (0o040, "GROUP_READ"),
    (0o020, "GROUP_WRITE"),
    (0o010, "GROUP_EXECUTE"),
    (0o004, "OTHERS_READ"),
    (0o002, "OTHERS_WRITE"),
    (0o001, "OTHERS_EXECUTE"),
];

fn perms_value(mode: u32) -> Value {
    Value::set_from(
        PERMS
            .iter()
            .filter(|(bit, _)| mode & bit != 0)
            .map(|(_, n)| Value::symbol(None, n))
            .collect(),
    )
}

/// The mode bits a permission set or "rwxr-x---" string stands for.
fn mode_from(x: &Value) -> Result<u32> {
    if let Some(s) = x.as_str() {
        let chars: Vec<char> = s.chars().collect();
        if chars.len() != 9 {
            return Err(Exception::new(
                ExClass::IllegalArgumentException,
                format!("Invalid mode: {s}"),
            ));
        }
        let mut mode = 0;
        for (i, (bit, _)) in PERMS.iter().enumerate() {
            if chars[i] != '-' {
                mode |= bit;
            }
        }
        return Ok(mode);
    }
    let mut mode = 0;
    for p in seq::iter(x) {
        let p = str_value(&p?)?;
        if let Some((bit, _)) = PERMS.iter().find(|(_, n)| *n == p) {
            mode |= bit;
        }
    }
    Ok(mode)
}

fn posix_file_permissions(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/posix-file-permissions", args, 1, Some(2))?;
    let p = arg_path(args, 0)?;
    std::fs::metadata(fs_path(&p)).map_err(|e| nio_error(&e, &p))?;
    Ok(perms_value(mode_of(&p) & 0o777))
}

#[cfg(unix)]
fn set_posix_file_permissions(args: &[Value]) -> Result<Value> {
    use std::os::unix::fs::PermissionsExt;
    check_arity("babashka.fs/set-posix-file-permissions", args, 2, Some(2))?;
    let p = arg_path(args, 0)?;
    let mode = mode_from(&args[1])?;
    std::fs::set_permissions(fs_path(&p), std::fs::Permissions::from_mode(mode))
        .map_err(|e| nio_error(&e, &p))?;
    Ok(path_value(&p))
}
#[cfg(not(unix))]
fn set_posix_file_permissions(_: &[Value]) -> Result<Value> {
    Err(Exception::new(
        ExClass::UnsupportedOperationException,
        "babashka.fs/set-posix-file-permissions is not supported on this platform",
    ))
}

fn str_to_posix(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/str->posix", args, 1, Some(1))?;
    Ok(perms_value(mode_from(&args[0])?))
}

fn posix_to_str(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/posix->str", args, 1, Some(1))?;
    let mode = mode_from(&args[0])?;
    let s: String = PERMS
        .iter()
        .enumerate()
        .map(|(i, (bit, _))| {
            if mode & bit == 0 {
                '-'
            } else {
                ['r', 'w', 'x'][i % 3]
            }
        })
        .collect();
    Ok(Value::string(s))
}

fn path_dirs() -> Vec<String> {
    std::env::var("PATH")
        .unwrap_or_default()
        .split(':')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn exec_paths(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/exec-paths", args, 0, Some(0))?;
    Ok(Value::vector(
        path_dirs().iter().map(|d| path_value(d)).collect(),
    ))
}

fn which_paths(program: &str, all: bool) -> Vec<Value> {
    let is_exec = |p: &str| metadata(p).is_some_and(|m| m.is_file()) && mode_of(p) & 0o111 != 0;
    if program.contains('/') {
        return if is_exec(program) {
            vec![path_value(program)]
        } else {
            Vec::new()
        };
    }
    let mut out = Vec::new();
    for d in path_dirs() {
        let p = join(&d, program);
        if is_exec(&p) {
            out.push(path_value(&p));
            if !all {
                break;
            }
        }
    }
    out
}

fn which(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/which", args, 1, Some(2))?;
    Ok(which_paths(&arg_path(args, 0)?, false)
        .into_iter()
        .next()
        .unwrap_or(Value::NIL))
}

fn which_all(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/which-all", args, 1, Some(2))?;
    Ok(Value::vector(which_paths(&arg_path(args, 0)?, true)))
}

fn home_dir() -> String {
    std::env::var("HOME").unwrap_or_else(|_| "/".to_string())
}

/// `(home)`, `(home user)`: user.home, or `user`'s home beside it.
fn home(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/home", args, 0, Some(1))?;
    let h = home_dir();
    match args.first() {
        None => Ok(path_value(&h)),
        Some(u) => {
            let base = parent_of(&h).unwrap_or_else(|| "/".to_string());
            Ok(path_value(&join(&base, &str_value(u)?)))
        }
    }
}

fn expand_home(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/expand-home", args, 1, Some(1))?;
    let p = arg_path(args, 0)?;
    let Some(rest) = p.strip_prefix('~') else {
        return Ok(path_value(&p));
    };
    if rest.is_empty() || rest.starts_with('/') {
        return Ok(path_value(&format!("{}{rest}", home_dir())));
    }
    let (user, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let base = parent_of(&home_dir()).unwrap_or_else(|| "/".to_string());
    Ok(path_value(&join(&join(&base, user), tail)))
}

fn cwd(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/cwd", args, 0, Some(0))?;
    Ok(path_value(&absolute("")))
}

/// `(walk-file-tree root {:pre-visit-dir :post-visit-dir :visit-file
/// :max-depth :follow-links})`: the visitor fns get the path and nil
/// attributes and return :continue, :skip-subtree, :skip-siblings or
/// :terminate.
fn walk_file_tree(args: &[Value]) -> Result<Value> {
    check_arity("babashka.fs/walk-file-tree", args, 2, Some(2))?;
    let root = arg_path(args, 0)?;
    let opts = &args[1];
    let pre = opt(opts, "pre-visit-dir")?;
    let post = opt(opts, "post-visit-dir")?;
    let visit = opt(opts, "visit-file")?;
    let depth_limit = max_depth(opts)?;
    let follow = flag(opts, "follow-links")?;
    let call = |f: &Value, p: &str, extra: Value| -> Result<String> {
        if f.is_nil() {
            return Ok("continue".to_string());
        }
        let r = func::invoke(f, &[path_value(p), extra])?;
        Ok(r.as_keyword()
            .map_or("continue".to_string(), |k| k.name().to_string()))
    };
    // Explicit stack: (path, depth, entered?).
    enum Step {
        Enter(String, usize),
        Leave(String),
    }
    let mut stack = vec![Step::Enter(root.clone(), 0)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(p) => {
                if call(&post, &p, Value::NIL)? == "terminate" {
                    break;
                }
            }
            Step::Enter(p, depth) => {
                let m = if follow {
                    std::fs::metadata(fs_path(&p))
                } else {
                    std::fs::symlink_metadata(fs_path(&p))
                };
                let is_dir = m.as_ref().is_ok_and(|m| m.is_dir());
                if !is_dir || depth >= depth_limit {
                    match call(&visit, &p, Value::NIL)?.as_str() {
                        "terminate" => break,
                        "skip-siblings" => {
                            while matches!(stack.last(), Some(Step::Enter(_, d)) if *d == depth) {
                                stack.pop();
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                match call(&pre, &p, Value::NIL)?.as_str() {
                    "terminate" => break,
                    "skip-subtree" => continue,
                    "skip-siblings" => {
                        while matches!(stack.last(), Some(Step::Enter(_, d)) if *d == depth) {
                            stack.pop();
                        }
                        continue;
                    }
                    _ => {}
                }
                stack.push(Step::Leave(p.clone()));
                let names = names_in(&p).unwrap_or_default();
                for n in names.into_iter().rev() {
                    stack.push(Step::Enter(join(&p, &n), depth + 1));
                }
            }
        }
    }
    Ok(path_value(&root))
}

/// Methods of java.nio.file.Path (`(.toFile p)` ...); None when unknown.
pub(crate) fn call_path(f: &File, method: &str, args: &[Value]) -> Option<Result<Value>> {
    let p = f.path();
    Some(match (method, args) {
        ("toString", []) => Ok(Value::string(p)),
        ("toFile", []) => Ok(crate::builtins::open::file_value(File::new(p))),
        ("getFileName", []) => Ok(if p == "/" {
            Value::NIL
        } else {
            path_value(name_of(p))
        }),
        ("getParent", []) => Ok(parent_of(p).map_or(Value::NIL, |x| path_value(&x))),
        ("isAbsolute", []) => Ok(Value::bool(p.starts_with('/'))),
        ("toAbsolutePath", []) => Ok(path_value(&absolute(p))),
        ("normalize", []) => Ok(path_value(&normalize_str(p))),
        ("getNameCount", []) => Ok(Value::long(
            p.split('/').filter(|c| !c.is_empty()).count() as i64
        )),
        ("resolve", [o]) => as_path(o).map(|o| path_value(&resolve(p, &o))),
        ("relativize", [o]) => relativize(&[path_value(p), o.clone()]),
        ("startsWith", [o]) => starts_with(&[path_value(p), o.clone()]),
        ("endsWith", [o]) => ends_with(&[path_value(p), o.clone()]),
        ("toUri", []) => Ok(Value::string(format!("file://{}", absolute(p)))),
        ("equals", [o]) => Ok(Value::bool(
            matches!(o.view(), View::File(x) if x.is_nio_path() && x.path() == p),
        )),
        ("hashCode", []) => Ok(Value::long(i64::from(f.java_hash()))),
        _ => return None,
    })
}
