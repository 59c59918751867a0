//! Projects: deps.edn with local (directory and jar), git and Maven deps,
//! aliases, and the Clojure CLI's -M/-X/-m/-Spath/-Sdeps, on multi-file
//! projects made in temp dirs at test time. Git deps come from a local
//! repository the test creates (system git; GITLIBS points at a temp cache).

#[path = "support/project.rs"]
mod project;

use project::{Run, TempDir, cljw_in};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap_or_else(|e| panic!("git: {e}"));
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A git repo `gitrepo` whose lib gl.core says :v1 at tag v1 and :v2 at
/// tag v2; returns the two shas.
fn git_repo(t: &TempDir) -> (String, String) {
    let dir = t.path().join("gitrepo");
    t.write("gitrepo/src/gl/core.clj", "(ns gl.core) (defn g [] :v1)\n");
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-qm", "one"]);
    git(&dir, &["tag", "v1"]);
    let v1 = git(&dir, &["rev-parse", "HEAD"]);
    t.write("gitrepo/src/gl/core.clj", "(ns gl.core) (defn g [] :v2)\n");
    git(&dir, &["commit", "-qam", "two"]);
    git(&dir, &["tag", "v2"]);
    let v2 = git(&dir, &["rev-parse", "HEAD"]);
    (v1, v2)
}

/// app/ (the project) with deps: libdir/ (a directory lib that depends on
/// gl at v1), lib.jar (a jar lib) and gl at v2 through libdir2/.
fn fixture() -> TempDir {
    let t = TempDir::new("project");
    let (v1, v2) = git_repo(&t);
    let url = t.join("gitrepo");
    t.write(
        "libdir/deps.edn",
        &format!(
            "{{:deps {{gl/gl {{:git/url \"{url}\" :git/tag \"v1\" :git/sha \"{}\"}}}}}}\n",
            &v1[..7]
        ),
    );
    t.write(
        "libdir/src/ld/core.clj",
        "(ns ld.core (:require [gl.core :as g])) (defn f [] [:ld (g/g)])\n",
    );
    t.write(
        "libdir2/deps.edn",
        &format!(
            "{{:paths [\"clj\"] :deps {{gl/gl {{:git/url \"file://{url}\" :git/sha \"{v2}\"}}}}}}\n"
        ),
    );
    t.write("libdir2/clj/ld2/core.clj", "(ns ld2.core) (def x :ld2)\n");
    t.jar(
        "app/lib.jar",
        &[(
            "jl/core.clj",
            "(ns jl.core) (defn greet [n] (str \"hi \" n))\n",
        )],
    );
    t.write(
        "app/deps.edn",
        "{:paths [\"src\" \"resources\"]\n\
         :deps {ld/ld {:local/root \"../libdir\"}\n\
                jl/jl {:local/root \"lib.jar\"}\n\
                org.clojure/clojure {:mvn/version \"1.11.1\"}}\n\
         :aliases {:v2 {:extra-deps {ld2/ld2 {:local/root \"../libdir2\"}}}\n\
                   :no-gl {:replace-deps {ld/ld {:local/root \"../libdir\" :exclusions [gl/gl]}}}\n\
                   :run {:main-opts [\"-m\" \"app.main\" \"from-alias\"]}\n\
                   :x {:exec-fn app.main/run :exec-args {:a 1}}\n\
                   :xd {:ns-default app.main}}}\n",
    );
    t.write(
        "app/src/app/main.clj",
        "(ns app.main (:require [ld.core] [jl.core]))\n\
         (defn -main [& args] (prn (ld.core/f) (jl.core/greet \"y\") args *command-line-args*))\n\
         (defn run [m] (prn :run m))\n",
    );
    t.write("app/resources/app/conf.edn", "{:conf 1}\n");
    t
}

fn run(t: &TempDir, args: &[&str]) -> Run {
    let cache = t.join("gitlibs");
    let home = t.join("home");
    cljw_in(
        &t.path().join("app"),
        args,
        &[("GITLIBS", &cache), ("HOME", &home)],
    )
}

fn ok(r: &Run) -> &str {
    assert_eq!(r.code, 0, "stderr: {}", r.err);
    &r.out
}

#[test]
fn local_jar_and_git_deps_with_m_and_spath() {
    let t = fixture();
    // -P clones the git dep and runs nothing.
    let r = run(&t, &["-P", "-e", "(println :ran)"]);
    assert_eq!(ok(&r), "");
    assert!(t.path().join("gitlibs/libs/gl/gl").is_dir());
    let r = run(&t, &["-m", "app.main", "a", "b"]);
    assert_eq!(ok(&r), "[:ld :v1] \"hi y\" (\"a\" \"b\") (\"a\" \"b\")\n");
    let r = run(&t, &["-Spath"]);
    let v1 = git(&t.path().join("gitrepo"), &["rev-parse", "v1"]);
    let root = std::fs::canonicalize(t.path()).unwrap_or_else(|e| panic!("{e}"));
    let root = root.to_string_lossy();
    assert_eq!(
        ok(&r),
        format!(
            "src:resources:{root}/libdir/src:{root}/app/lib.jar:{}/libs/gl/gl/{v1}/src\n",
            t.join("gitlibs")
        )
    );
    // Resources from :paths.
    let r = run(
        &t,
        &["-e", "(slurp (clojure.java.io/resource \"app/conf.edn\"))"],
    );
    assert_eq!(ok(&r), "\"{:conf 1}\\n\"\n");
}

#[test]
fn newest_git_version_wins_and_exclusions_drop_deps() {
    let t = fixture();
    let r = run(
        &t,
        &[
            "-A:v2",
            "-e",
            "(require 'ld.core 'ld2.core) (prn (ld.core/f) ld2.core/x)",
        ],
    );
    assert_eq!(ok(&r), "[:ld :v2] :ld2\n");
    let r = run(&t, &["-A:no-gl", "-Spath"]);
    assert!(!ok(&r).contains("gitlibs"), "{}", r.out);
    // The cache is reused offline: remove the repository and run again.
    std::fs::remove_dir_all(t.path().join("gitrepo")).unwrap_or_else(|e| panic!("{e}"));
    let r = run(&t, &["-m", "app.main"]);
    assert_eq!(ok(&r), "[:ld :v1] \"hi y\" nil nil\n");
}

#[test]
fn main_opts_exec_fn_and_sdeps() {
    let t = fixture();
    let r = run(&t, &["-M:run", "c"]);
    assert_eq!(
        ok(&r),
        "[:ld :v1] \"hi y\" (\"from-alias\" \"c\") (\"from-alias\" \"c\")\n"
    );
    let r = run(&t, &["-X:x", ":b", "[1 2]", "[:c :d]", "\"s\""]);
    assert_eq!(ok(&r), ":run {:a 1, :b [1 2], :c {:d \"s\"}}\n");
    let r = run(&t, &["-X:xd", "run", ":k", "v"]);
    assert_eq!(ok(&r), ":run {:k v}\n");
    let r = run(&t, &["-Sdeps", "{:paths [\"other\"]}", "-Spath"]);
    assert!(ok(&r).starts_with("other:"), "{}", r.out);
    let r = run(&t, &["-M:nope", "-e", "1"]);
    assert_eq!(ok(&r), "1\n");
    assert!(
        r.err
            .contains("Specified aliases are undeclared and are not being used: [:nope]")
    );
    // -cp replaces deps.edn's classpath.
    let r = run(&t, &["-cp", "src", "-m", "app.main"]);
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("Could not locate ld/core__init.class"),
        "{}",
        r.err
    );
}

#[test]
fn missing_and_bad_deps_are_named() {
    let t = fixture();
    let r = run(
        &t,
        &[
            "-Sdeps",
            "{:deps {foo/bar {:mvn/version \"1.0\"}}}",
            "-e",
            "1",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.err
            .starts_with("Error building classpath. Could not find artifact foo:bar:jar:1.0"),
        "{}",
        r.err
    );
    // A jar in the local Maven repository is found.
    t.jar(
        "home/.m2/repository/foo/bar/1.0/bar-1.0.jar",
        &[("foo/bar.clj", "(ns foo.bar) (def v 42)\n")],
    );
    let r = run(
        &t,
        &[
            "-Sdeps",
            "{:deps {foo/bar {:mvn/version \"1.0\"}}}",
            "-e",
            "(require 'foo.bar) foo.bar/v",
        ],
    );
    assert_eq!(ok(&r), "42\n");
    let r = run(
        &t,
        &["-Sdeps", "{:deps {x/y {:local/root \"nope\"}}}", "-e", "1"],
    );
    assert!(r.err.contains("Local lib x/y not found"), "{}", r.err);
    t.write("app/deps.edn", "{:paths [\"src\"");
    let r = run(&t, &["-e", "1"]);
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("Error reading deps.edn: EOF while reading"),
        "{}",
        r.err
    );
    t.write("app/deps.edn", "{:deps {a/b {:sha 1}}}");
    let r = run(&t, &["-e", "1"]);
    assert!(
        r.err.contains("Coordinate type not loaded for library a/b"),
        "{}",
        r.err
    );
}

/// A project with passing, failing, tagged and non-matching tests, and a
/// :test alias adding the `it` dir.
fn test_project() -> TempDir {
    let t = TempDir::new("cljw-test");
    t.write(
        "app/src/a/core.clj",
        "(ns a.core) (defn add [x y] (+ x y))\n",
    );
    t.write(
        "app/test/a/core_test.clj",
        "(ns a.core-test (:require [clojure.test :refer [deftest is]] [a.core :as c]))\n\
         (deftest add-test (is (= 3 (c/add 1 2))))\n\
         (deftest ^:slow slow-test (is (= 4 (c/add 2 2))))\n\
         (deftest ^:wip failing-test (is (= 5 (c/add 2 2))))\n",
    );
    t.write(
        "app/test/a/util.clj",
        "(ns a.util (:require [clojure.test :refer [deftest is]]))\n(deftest not-run (is false))\n",
    );
    t.write(
        "app/it/a/it_test.clj",
        "(ns a.it-test (:require [clojure.test :refer [deftest is]]))\n(deftest it-works (is (= 1 1)))\n",
    );
    t.write(
        "app/deps.edn",
        "{:aliases {:test {:extra-paths [\"it\"]}}}\n",
    );
    t
}

#[test]
fn cljw_test_runs_like_cognitect_test_runner() {
    let t = test_project();
    let r = run(&t, &["test"]);
    assert_eq!(r.code, 1, "{}{}", r.out, r.err);
    assert!(r.out.starts_with("\nRunning tests in #{\"it\" \"test\"}\n\nTesting a.core-test\n\nFAIL in (failing-test) (core_test.clj:4)\n"), "{}", r.out);
    assert!(
        r.out.ends_with(
            "Testing a.it-test\n\nRan 4 tests containing 4 assertions.\n1 failures, 0 errors.\n"
        ),
        "{}",
        r.out
    );
    let r = run(&t, &["test", "-e", "wip"]);
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    assert!(
        r.out
            .ends_with("Ran 3 tests containing 3 assertions.\n0 failures, 0 errors.\n"),
        "{}",
        r.out
    );
    let r = run(&t, &["test", "-i", ":slow", "-d", "test"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.starts_with("\nRunning tests in #{\"test\"}\n"),
        "{}",
        r.out
    );
    assert!(
        r.out
            .ends_with("Ran 1 tests containing 1 assertions.\n0 failures, 0 errors.\n"),
        "{}",
        r.out
    );
    let r = run(&t, &["test", "-v", "a.core-test/add-test"]);
    assert_eq!(r.code, 0);
    assert!(
        r.out.contains("Ran 1 tests containing 1 assertions."),
        "{}",
        r.out
    );
    let r = run(&t, &["test", "-n", "a.util"]);
    assert_eq!(r.code, 1);
    assert!(
        r.out
            .contains("Testing a.util\n\nFAIL in (not-run) (util.clj:2)"),
        "{}",
        r.out
    );
    let r = run(&t, &["test", "-v", "a.core-test/nope"]);
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("Could not resolve var: a.core-test/nope"),
        "{}",
        r.err
    );
    let r = run(&t, &["test", "--bogus"]);
    assert_eq!(r.code, 2);
}

#[test]
fn build_makes_one_executable_that_runs_alone() {
    let t = fixture();
    let out = t.join("bin/app");
    std::fs::create_dir_all(t.path().join("bin")).unwrap_or_else(|e| panic!("{e}"));
    let r = run(&t, &["build", "-m", "app.main", "-o", &out]);
    assert_eq!(r.code, 0, "{}", r.err);
    t.write(
        "app/s.clj",
        "(require 'ld.core)\n(prn :script (ld.core/f) *command-line-args*)\n",
    );
    let script_out = t.join("bin/s");
    let r = run(&t, &["build", "s.clj", "-o", &script_out]);
    assert_eq!(r.code, 0, "{}", r.err);
    // No project, no sources, no git cache: only the executables.
    let empty = TempDir::new("built");
    for name in ["app", "s"] {
        std::fs::rename(t.path().join("bin").join(name), empty.path().join(name))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    drop(t);
    let exe = |name: &str, args: &[&str]| {
        let o = Command::new(empty.path().join(name))
            .args(args)
            .current_dir(empty.path())
            .env_remove("CLJW_PATH")
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        (
            String::from_utf8_lossy(&o.stdout).into_owned(),
            o.status.code(),
        )
    };
    assert_eq!(
        exe("app", &["-e", "x"]),
        (
            "[:ld :v1] \"hi y\" (\"-e\" \"x\") (\"-e\" \"x\")\n".to_string(),
            Some(0)
        )
    );
    assert_eq!(
        exe("s", &["1"]),
        (":script [:ld :v1] (\"1\")\n".to_string(), Some(0))
    );
    let r = run(&empty_fixture(), &["build", "-o", "x"]);
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("cljw build needs a FILE or -m NS"),
        "{}",
        r.err
    );
}

fn empty_fixture() -> TempDir {
    let t = TempDir::new("empty");
    t.write("app/deps.edn", "{}");
    t
}

/// A jar and its pom in the test's local Maven repository.
fn mvn(
    t: &TempDir,
    group: &str,
    artifact: &str,
    version: &str,
    deps: &[(&str, &str, &str)],
    ns: &str,
    body: &str,
) {
    let dir = format!(
        "home/.m2/repository/{}/{artifact}/{version}",
        group.replace('.', "/")
    );
    let path = format!("{}.clj", ns.replace('.', "/").replace('-', "_"));
    t.jar(
        &format!("{dir}/{artifact}-{version}.jar"),
        &[(&path, &format!("(ns {ns}) {body}\n"))],
    );
    let deps: String = deps
        .iter()
        .map(|(g, a, v)| format!("<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId><version>{v}</version></dependency>"))
        .collect();
    t.write(
        &format!("{dir}/{artifact}-{version}.pom"),
        &format!("<project><groupId>{group}</groupId><artifactId>{artifact}</artifactId><version>{version}</version><dependencies>{deps}<dependency><groupId>x</groupId><artifactId>test-only</artifactId><version>1</version><scope>test</scope></dependency></dependencies></project>"),
    );
}

#[test]
fn maven_deps_follow_poms_and_newest_version_wins() {
    let t = empty_fixture();
    mvn(
        &t,
        "foo",
        "a",
        "1.0",
        &[("foo", "base", "1.0")],
        "foo.a",
        "(require 'foo.base) (def v [:a foo.base/v])",
    );
    mvn(
        &t,
        "foo",
        "b",
        "1.0",
        &[("foo", "base", "1.2")],
        "foo.b",
        "(def v :b)",
    );
    mvn(
        &t,
        "foo",
        "base",
        "1.0",
        &[],
        "foo.base",
        "(def v :base-1.0)",
    );
    mvn(
        &t,
        "foo",
        "base",
        "1.2",
        &[],
        "foo.base",
        "(def v :base-1.2)",
    );
    let r = run(
        &t,
        &[
            "-Sdeps",
            "{:deps {foo/a {:mvn/version \"1.0\"} foo/b {:mvn/version \"1.0\"}}}",
            "-e",
            "(require 'foo.a) foo.a/v",
        ],
    );
    assert_eq!(ok(&r), "[:a :base-1.2]\n");
    let r = run(
        &t,
        &[
            "-Sdeps",
            "{:deps {foo/a {:mvn/version \"1.0\"}}}",
            "-e",
            "(require 'foo.a) foo.a/v",
        ],
    );
    assert_eq!(ok(&r), "[:a :base-1.0]\n");
    let r = run(
        &t,
        &[
            "-Sdeps",
            "{:deps {foo/a {:mvn/version \"1.0\" :exclusions [foo/base]}}}",
            "-e",
            "(require 'foo.a)",
        ],
    );
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains("Could not locate foo/base__init.class"),
        "{}",
        r.err
    );
}

#[test]
fn user_deps_edn_supplies_aliases() {
    let t = empty_fixture();
    t.write(
        "config/deps.edn",
        "{:aliases {:mine {:extra-paths [\"extra\"]}}}",
    );
    t.write("app/deps.edn", "{:paths [\"src\"]}");
    let r = cljw_in(
        &t.path().join("app"),
        &["-A:mine", "-Spath"],
        &[("CLJ_CONFIG", &t.join("config"))],
    );
    assert_eq!(ok(&r), "src:extra\n");
    let r = cljw_in(
        &t.path().join("app"),
        &["-Srepro", "-A:mine", "-Spath"],
        &[("CLJ_CONFIG", &t.join("config"))],
    );
    assert_eq!(ok(&r), "src\n");
    assert!(r.err.contains("undeclared"), "{}", r.err);
}
