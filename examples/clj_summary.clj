#!/usr/bin/env bb
;; A babashka-style script that runs unchanged on bb and on cljw: counts the
;; lines of the Clojure files under a directory (babashka.fs), asks git for
;; the current revision (babashka.process) and prints a JSON report
;; (cheshire.core).
;;   cljw examples/clj_summary.clj [DIR]      bb examples/clj_summary.clj [DIR]
(require '[babashka.fs :as fs]
         '[babashka.process :refer [sh]]
         '[cheshire.core :as json]
         '[clojure.string :as str])

(def dir (or (first *command-line-args*) "."))

(def files
  (sort-by str (fs/glob dir "**.{clj,cljc}")))

(def summary
  (vec (for [f files]
         {:file (str (fs/relativize dir f))
          :lines (count (fs/read-all-lines f))})))

(def rev
  (let [{:keys [exit out]} (sh {:dir dir} "git rev-parse --short HEAD")]
    (when (zero? exit) (str/trim out))))

(println (json/generate-string {:dir dir
                                :revision rev
                                :files (count summary)
                                :lines (reduce + (map :lines summary))
                                :largest (take 3 (sort-by (comp - :lines) summary))}
                               {:pretty true}))
