//! The classpath (runtime/classpath.rs): directories and jars built at
//! test time, found by `require`, `load`, `clojure.java.io/resource`, and
//! `data_readers.cljc` at a root. Expected outputs were checked against
//! `java -cp clojure.jar:DIR:JAR clojure.main` with the same files.

#[path = "support/project.rs"]
mod project;

use project::{TempDir, cljw_in};

/// A directory root `d` and a jar `lib.jar` with a namespace, a resource,
/// data readers and a `.cljc` that a `.clj` in the directory shadows.
fn fixture() -> TempDir {
    let t = TempDir::new("classpath");
    t.jar(
        "lib.jar",
        &[
            (
                "lib/core.clj",
                "(ns lib.core)\n(defn greet [n] (str \"hello \" n))\n(load \"more\")\n",
            ),
            (
                "lib/more.clj",
                "(in-ns 'lib.core)\n(def more :loaded-relative)\n",
            ),
            (
                "lib/readers.clj",
                "(ns lib.readers)\n(defn read-tag [x] [:tagged x])\n",
            ),
            ("data_readers.cljc", "{my/tag lib.readers/read-tag}\n"),
            ("lib/data.txt", "jar data\n"),
            ("lib/both.cljc", "(ns lib.both) (def where :jar-cljc)\n"),
        ],
    );
    t.write("d/lib/both.clj", "(ns lib.both) (def where :dir-clj)\n");
    t.write(
        "d/app/main.clj",
        "(ns app.main (:require [lib.core :as c] [lib.readers] [clojure.java.io :as io]))\n\
         (defn -main [& args]\n\
           (println (c/greet \"x\") c/more)\n\
           (print (slurp (io/resource \"lib/data.txt\")))\n\
           (prn (io/resource \"nope.txt\"))\n\
           (prn (read-string \"#my/tag 5\")))\n",
    );
    t
}

#[test]
fn jar_and_directory_roots_from_cljw_path() {
    let t = fixture();
    let r = cljw_in(
        t.path(),
        &[
            "-e",
            "(require 'app.main)",
            "-e",
            "(app.main/-main)",
            "-e",
            "(require 'lib.both) lib.both/where",
            "-e",
            "(str (clojure.java.io/resource \"lib/data.txt\"))",
            "-e",
            "*data-readers*",
        ],
        &[("CLJW_PATH", "lib.jar:d")],
    );
    assert_eq!(r.err, "");
    let jar = t.join("lib.jar");
    assert_eq!(
        r.out,
        format!(
            "hello x :loaded-relative\njar data\nnil\n[:tagged 5]\n:dir-clj\n\
             \"jar:file:{jar}!/lib/data.txt\"\n#:my{{tag #'lib.readers/read-tag}}\n"
        )
    );
    assert_eq!(r.code, 0);
}

#[test]
fn missing_roots_are_skipped_and_missing_namespaces_fail() {
    let t = fixture();
    let r = cljw_in(
        t.path(),
        &["-e", "(require 'lib.core) (lib.core/greet 1)"],
        &[("CLJW_PATH", "nope.jar:nodir:lib.jar")],
    );
    assert_eq!((r.out.as_str(), r.code), ("\"hello 1\"\n", 0), "{}", r.err);
    let r = cljw_in(t.path(), &["-e", "(require 'lib.core)"], &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.err.contains(
            "Could not locate lib/core__init.class, lib/core.clj or lib/core.cljc on classpath"
        ),
        "{}",
        r.err
    );
}

#[test]
fn bad_data_readers_file_is_reported() {
    let t = TempDir::new("classpath-bad");
    t.jar("bad.jar", &[("data_readers.clj", "[not a map]")]);
    let r = cljw_in(t.path(), &["-e", "1"], &[("CLJW_PATH", "bad.jar")]);
    assert_eq!(r.code, 1);
    assert!(r.err.contains("Not a valid data-reader map"), "{}", r.err);
}
