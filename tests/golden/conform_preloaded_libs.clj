;; clojure.main has clojure.string, clojure.edn and clojure.java.io loaded
;; before a script runs: their fns work fully qualified without require.
(prn (clojure.string/join "," [1 2 3]) (clojure.string/upper-case "abc"))
(prn (clojure.edn/read-string "{:a [1 2]}"))
(prn (some? (find-ns 'clojure.string)) (some? (find-ns 'clojure.edn)) (some? (find-ns 'clojure.java.io)))
(require '[clojure.string :as s])
(prn (s/reverse "abc"))
