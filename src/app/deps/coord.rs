//! Coordinates and where they come from: `:local/root` (a directory with
//! an optional deps.edn, or a jar), `:git/url` + `:git/sha`/`:git/tag`
//! (cloned with the system git into the `~/.gitlibs` layout) and
//! `:mvn/version` (a jar in the local Maven repository only).

use super::edn::{self, DepsResult, get, pr};
use crate::runtime::value::Value;
use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Local(PathBuf),
    Git {
        url: String,
        sha: String,
        tag: Option<String>,
    },
    Mvn(String),
}

#[derive(Clone, Debug)]
pub struct Coord {
    pub kind: Kind,
    /// Libs left out of this coordinate's transitive deps.
    pub exclusions: Vec<String>,
    /// `:deps/root`: the directory inside a git repo holding the lib.
    pub deps_root: Option<String>,
    /// The coordinate as written (for messages).
    pub text: String,
}

/// What a procured lib puts on the classpath and what it depends on.
pub struct Located {
    pub paths: Vec<String>,
    /// Its deps.edn's `:deps` and the directory they are relative to.
    pub deps: Value,
    pub dir: PathBuf,
    pub file: String,
}

/// Parse the coordinate of `lib` written in `file` (relative paths are
/// against `dir`).
pub fn parse(lib: &str, v: &Value, dir: &Path, file: &str) -> DepsResult<Coord> {
    if !crate::runtime::equality::is_map(v) {
        return Err(format!(
            "{file}: the coordinate of {lib} must be a map, found {}",
            pr(v)
        ));
    }
    let text = pr(v);
    let mut exclusions = Vec::new();
    for x in edn::items(&get(v, "exclusions"), ":exclusions", file)? {
        exclusions.push(edn::lib_name(&x, file)?);
    }
    let deps_root = edn::string(v, "deps/root", file)?;
    let kind = if let Some(root) = edn::string(v, "local/root", file)? {
        Kind::Local(canonical(&dir.join(root)))
    } else if let Some(version) = edn::string(v, "mvn/version", file)? {
        Kind::Mvn(version)
    } else if let Some(url) = edn::string(v, "git/url", file)?.or_else(|| {
        let git_keys = ["git/sha", "git/tag"].iter().any(|k| !get(v, k).is_nil());
        git_keys.then(|| inferred_git_url(lib)).flatten()
    }) {
        let sha = edn::string(v, "git/sha", file)?.or(edn::string(v, "sha", file)?);
        let tag = edn::string(v, "git/tag", file)?.or(edn::string(v, "tag", file)?);
        let Some(sha) = sha else {
            return Err(format!(
                "Library {lib} has coord with missing :git/sha in {file}: {text}"
            ));
        };
        // A local path is used as it is, relative to the deps.edn.
        let url = if url.contains("://") || url.contains('@') || Path::new(&url).is_absolute() {
            url
        } else {
            dir.join(&url).to_string_lossy().into_owned()
        };
        Kind::Git { url, sha, tag }
    } else {
        return Err(format!(
            "Coordinate type not loaded for library {lib} in coordinate {text} ({file}): \
             cljw knows :local/root, :git/url and :mvn/version"
        ));
    };
    Ok(Coord {
        kind,
        exclusions,
        deps_root,
        text,
    })
}

/// tools.deps' git URL for `io.github.USER/REPO`-style lib names.
fn inferred_git_url(lib: &str) -> Option<String> {
    let (group, repo) = lib.split_once('/')?;
    let (host, user) = [
        ("io.github.", "github.com"),
        ("com.github.", "github.com"),
        ("io.gitlab.", "gitlab.com"),
        ("com.gitlab.", "gitlab.com"),
        ("org.bitbucket.", "bitbucket.org"),
        ("io.bitbucket.", "bitbucket.org"),
        ("ht.sr.", "git.sr.ht"),
    ]
    .iter()
    .find_map(|(prefix, host)| Some((*host, group.strip_prefix(prefix)?)))?;
    let user = if host == "git.sr.ht" {
        format!("~{user}")
    } else {
        user.to_string()
    };
    Some(format!("https://{host}/{user}/{repo}.git"))
}

/// The path without `..` and symlinks when it exists (as tools.deps
/// prints it), else as given.
fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Make `lib` available and say what it contributes.
pub fn procure(lib: &str, c: &Coord, env: &Env) -> DepsResult<Located> {
    match &c.kind {
        Kind::Local(p) => {
            if p.is_file() {
                return Ok(jar(p));
            }
            if !p.is_dir() {
                return Err(format!(
                    "Local lib {lib} not found: {}",
                    p.to_string_lossy()
                ));
            }
            project_dir(p)
        }
        Kind::Mvn(version) => {
            let (group, artifact) = lib.split_once('/').unwrap_or((lib, lib));
            let in_repo = |repo: &Path| {
                repo.join(group.replace('.', "/"))
                    .join(artifact)
                    .join(version)
                    .join(format!("{artifact}-{version}.jar"))
            };
            let p = in_repo(&env.m2);
            // Debian's lib*-java/-clojure packages keep a Maven layout here.
            let debian = in_repo(Path::new("/usr/share/maven-repo"));
            if !p.is_file() && debian.is_file() {
                return maven_jar(&debian);
            }
            if !p.is_file() {
                return Err(format!(
                    "Could not find artifact {group}:{artifact}:jar:{version} in the local Maven \
                     repository ({}). cljw does not download from Maven repositories: put the \
                     jar at {} (e.g. with `mvn dependency:get -Dartifact={group}:{artifact}:{version}`), \
                     or use {{:local/root \"path/to.jar\"}}",
                    env.m2.to_string_lossy(),
                    p.to_string_lossy()
                ));
            }
            maven_jar(&p)
        }
        Kind::Git { .. } => {
            let dir = git_checkout(lib, c, env)?;
            let dir = match &c.deps_root {
                Some(r) => dir.join(r),
                None => dir,
            };
            project_dir(&dir)
        }
    }
}

fn jar(p: &Path) -> Located {
    Located {
        paths: vec![p.to_string_lossy().into_owned()],
        deps: Value::NIL,
        dir: p.parent().map(Path::to_path_buf).unwrap_or_default(),
        file: p.to_string_lossy().into_owned(),
    }
}

/// A jar from a Maven repository, with the deps its `.pom` beside it lists.
fn maven_jar(p: &Path) -> DepsResult<Located> {
    let mut loc = jar(p);
    let pom = p.with_extension("pom");
    if let Ok(text) = std::fs::read_to_string(&pom) {
        let file = pom.to_string_lossy().into_owned();
        let mut pairs = Vec::new();
        for d in pom_deps(&text) {
            let mut coord = vec![(edn::kw("mvn/version"), Value::string(d.version.as_str()))];
            if !d.exclusions.is_empty() {
                let ex = d
                    .exclusions
                    .iter()
                    .map(|e| match e.split_once('/') {
                        Some((g, a)) => Value::symbol(Some(g), a),
                        None => Value::symbol(None, e),
                    })
                    .collect();
                coord.push((edn::kw("exclusions"), Value::vector(ex)));
            }
            pairs.push((
                Value::symbol(Some(&d.group), &d.artifact),
                Value::map_from_pairs(coord),
            ));
        }
        loc.deps = Value::map_from_pairs(pairs);
        loc.file = file;
    }
    Ok(loc)
}

/// A `<dependency>` of a pom that a program needs at run time.
#[derive(Debug, PartialEq, Eq)]
struct PomDep {
    group: String,
    artifact: String,
    version: String,
    exclusions: Vec<String>,
}

/// The text of the first `<tag>...</tag>` in `s`.
fn xml_tag<'a>(s: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = s.find(&open)? + open.len();
    let end = s[start..].find(&close)? + start;
    Some(s[start..end].trim())
}

/// `s` without its `<tag>...</tag>` blocks.
fn without_blocks(s: &str, tag: &str) -> String {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(&open) {
        out.push_str(&rest[..i]);
        match rest[i..].find(&close) {
            Some(j) => rest = &rest[i + j + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The compile/runtime deps of a pom (not test/provided/system scope, not
/// optional), with `${property}` versions filled from `<properties>` and
/// `${project.version}`. Parent poms are not read.
fn pom_deps(pom: &str) -> Vec<PomDep> {
    let pom = without_blocks(pom, "dependencyManagement");
    let props = xml_tag(&pom, "properties").unwrap_or("");
    let project_version = xml_tag(&without_blocks(&pom, "parent"), "version")
        .unwrap_or("")
        .to_string();
    let expand = |v: &str| -> String {
        match v.strip_prefix("${").and_then(|r| r.strip_suffix('}')) {
            Some("project.version") => project_version.clone(),
            Some(name) => xml_tag(props, name).unwrap_or(v).to_string(),
            None => v.to_string(),
        }
    };
    let Some(block) = xml_tag(&pom, "dependencies") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for part in block.split("<dependency>").skip(1) {
        let dep = part.split("</dependency>").next().unwrap_or("");
        let exclusions = xml_tag(dep, "exclusions")
            .map(|ex| {
                ex.split("<exclusion>")
                    .skip(1)
                    .filter_map(|e| {
                        Some(format!(
                            "{}/{}",
                            xml_tag(e, "groupId")?,
                            xml_tag(e, "artifactId")?
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let dep = without_blocks(dep, "exclusions");
        let scope = xml_tag(&dep, "scope").unwrap_or("compile");
        let optional = xml_tag(&dep, "optional") == Some("true");
        let (Some(group), Some(artifact), Some(version)) = (
            xml_tag(&dep, "groupId"),
            xml_tag(&dep, "artifactId"),
            xml_tag(&dep, "version"),
        ) else {
            continue;
        };
        if optional || !matches!(scope, "compile" | "runtime") {
            continue;
        }
        out.push(PomDep {
            group: expand(group),
            artifact: expand(artifact),
            version: expand(version),
            exclusions,
        });
    }
    out
}

/// A lib that is a directory: its deps.edn's `:paths` (default `src`) and `:deps`.
fn project_dir(dir: &Path) -> DepsResult<Located> {
    let file = dir.join("deps.edn").to_string_lossy().into_owned();
    let m = edn::read_file(&file)?;
    let paths_v = get(&m, "paths");
    let paths = if paths_v.is_nil() {
        vec!["src".to_string()]
    } else {
        edn::strings(&paths_v, ":paths", &file, &|_| Ok(Vec::new()))?
    };
    Ok(Located {
        paths: paths
            .iter()
            .map(|p| dir.join(p).to_string_lossy().into_owned())
            .collect(),
        deps: get(&m, "deps"),
        dir: dir.to_path_buf(),
        file,
    })
}

/// Where procured things live: the git libs cache and the Maven repository.
pub struct Env {
    pub gitlibs: PathBuf,
    pub m2: PathBuf,
}

fn git(args: &[&str]) -> DepsResult<String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("Cannot run git ({e}): git deps need the git command"))?;
    if !out.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// tools.gitlibs' cache directory for a repo URL: `_repos/HOST/PATH`.
fn repo_dir(env: &Env, url: &str) -> PathBuf {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.replace(['@', ':'], "/");
    let clean: Vec<&str> = rest
        .split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
        .collect();
    env.gitlibs.join("_repos").join(clean.join("/"))
}

/// The bare mirror of `url`, cloned or fetched so that `rev` is in it.
fn mirror(env: &Env, url: &str, rev: &str) -> DepsResult<PathBuf> {
    let dir = repo_dir(env, url);
    let d = dir.to_string_lossy().into_owned();
    if !dir.join("config").is_file() {
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        git(&["clone", "--quiet", "--mirror", url, &d])?;
    } else if git(&[
        "--git-dir",
        &d,
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])
    .is_err()
    {
        git(&[
            "--git-dir",
            &d,
            "fetch",
            "--quiet",
            "--all",
            "--tags",
            "--prune",
        ])?;
    }
    Ok(dir)
}

/// The full sha a coordinate names (checking a tag against its sha).
fn full_sha(lib: &str, c: &Coord, env: &Env) -> DepsResult<(PathBuf, String)> {
    let Kind::Git { url, sha, tag } = &c.kind else {
        return Err(format!("{lib} is not a git dep"));
    };
    let rev = tag.as_deref().unwrap_or(sha);
    let repo = mirror(env, url, rev)?;
    let d = repo.to_string_lossy().into_owned();
    let resolved = git(&[
        "--git-dir",
        &d,
        "rev-parse",
        "--verify",
        &format!("{sha}^{{commit}}"),
    ])
    .map_err(|_| format!("Library {lib}: sha {sha} not found in {url}"))?;
    if tag.is_none() && sha.len() < 40 {
        return Err(format!(
            "Library {lib} has prefix sha, use full sha or add tag: {}",
            c.text
        ));
    }
    if let Some(t) = tag {
        let tagged = git(&[
            "--git-dir",
            &d,
            "rev-parse",
            "--verify",
            &format!("{t}^{{commit}}"),
        ])
        .map_err(|_| format!("Library {lib}: tag {t} not found in {url}"))?;
        if tagged != resolved {
            return Err(format!(
                "Library {lib} has sha and tag that point to different commits: {}",
                c.text
            ));
        }
    }
    Ok((repo, resolved))
}

/// A worktree at `gitlibs/libs/LIB/SHA`, made once.
fn git_checkout(lib: &str, c: &Coord, env: &Env) -> DepsResult<PathBuf> {
    // A full sha already checked out needs no git at all (offline, fast).
    if let Kind::Git { sha, tag: None, .. } = &c.kind
        && sha.len() == 40
    {
        let dir = env.gitlibs.join("libs").join(lib).join(sha);
        if dir.is_dir() {
            return Ok(dir);
        }
    }
    let (repo, sha) = full_sha(lib, c, env)?;
    let dir = env.gitlibs.join("libs").join(lib).join(&sha);
    if dir.is_dir() {
        return Ok(dir);
    }
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    git(&[
        "--git-dir",
        &repo.to_string_lossy(),
        "worktree",
        "add",
        "--force",
        "--detach",
        &dir.to_string_lossy(),
        &sha,
    ])?;
    Ok(dir)
}

/// Which of two coordinates of one lib is newer (Greater: `a`). Maven
/// versions compare by their parts; git shas by ancestry; otherwise the
/// first one stays.
pub fn newer(lib: &str, a: &Coord, b: &Coord, env: &Env) -> DepsResult<Ordering> {
    match (&a.kind, &b.kind) {
        (Kind::Mvn(x), Kind::Mvn(y)) => Ok(compare_versions(x, y)),
        (Kind::Git { url, .. }, Kind::Git { .. }) => {
            let (repo, sa) = full_sha(lib, a, env)?;
            let (_, sb) = full_sha(lib, b, env)?;
            if sa == sb {
                return Ok(Ordering::Equal);
            }
            let d = repo.to_string_lossy().into_owned();
            let is_ancestor = |x: &str, y: &str| {
                Command::new("git")
                    .args(["--git-dir", &d, "merge-base", "--is-ancestor", x, y])
                    .status()
                    .is_ok_and(|s| s.success())
            };
            if is_ancestor(&sb, &sa) {
                Ok(Ordering::Greater)
            } else if is_ancestor(&sa, &sb) {
                Ok(Ordering::Less)
            } else {
                Err(format!(
                    "Library {lib} has git coordinates in {url} that are not ancestors of each other: {sa} and {sb}"
                ))
            }
        }
        _ => Ok(Ordering::Equal),
    }
}

/// Maven-style version order: numeric parts numerically, a qualifier
/// (`-alpha1`, `-SNAPSHOT`) before the release it qualifies.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    fn parts(v: &str) -> (Vec<u64>, Option<String>) {
        let (nums, qual) = match v.split_once('-') {
            Some((n, q)) => (n, Some(q.to_ascii_lowercase())),
            None => (v, None),
        };
        (
            nums.split('.').map(|p| p.parse().unwrap_or(0)).collect(),
            qual,
        )
    }
    let (na, qa) = parts(a);
    let (nb, qb) = parts(b);
    let len = na.len().max(nb.len());
    for i in 0..len {
        let (x, y) = (
            na.get(i).copied().unwrap_or(0),
            nb.get(i).copied().unwrap_or(0),
        );
        if x != y {
            return x.cmp(&y);
        }
    }
    match (qa, qb) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => x.cmp(&y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infers_git_urls_from_lib_names() {
        assert_eq!(
            inferred_git_url("io.github.clojure/tools.build").as_deref(),
            Some("https://github.com/clojure/tools.build.git")
        );
        assert_eq!(inferred_git_url("org.clojure/clojure"), None);
    }

    #[test]
    fn reads_pom_dependencies() {
        let pom = "<project><version>2.0</version><properties><x.v>1.5</x.v></properties>\
            <dependencyManagement><dependencies><dependency><groupId>m</groupId>\
            <artifactId>m</artifactId><version>9</version></dependency></dependencies></dependencyManagement>\
            <dependencies>\
            <dependency><groupId>a</groupId><artifactId>b</artifactId><version>${x.v}</version>\
              <exclusions><exclusion><groupId>c</groupId><artifactId>d</artifactId></exclusion></exclusions></dependency>\
            <dependency><groupId>t</groupId><artifactId>t</artifactId><version>1</version><scope>test</scope></dependency>\
            <dependency><groupId>s</groupId><artifactId>s</artifactId><version>${project.version}</version></dependency>\
            </dependencies></project>";
        assert_eq!(
            pom_deps(pom),
            vec![
                PomDep {
                    group: "a".into(),
                    artifact: "b".into(),
                    version: "1.5".into(),
                    exclusions: vec!["c/d".into()],
                },
                PomDep {
                    group: "s".into(),
                    artifact: "s".into(),
                    version: "2.0".into(),
                    exclusions: vec![],
                },
            ]
        );
    }

    #[test]
    fn versions_compare_like_maven() {
        assert_eq!(compare_versions("1.10.0", "1.9.2"), Ordering::Greater);
        assert_eq!(compare_versions("1.0", "1.0.0"), Ordering::Equal);
        assert_eq!(compare_versions("1.0-alpha1", "1.0"), Ordering::Less);
        assert_eq!(compare_versions("0.2.1", "0.2.10"), Ordering::Less);
    }
}
