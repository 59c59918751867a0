;; Metadata written on a list keeps its own :line/:column over the reader's
;; position of the `^`; clojure.main/renumbering-read uses that. Reading
;; with *read-eval* bound to :unknown is refused (read, read-string,
;; read+string), loading is not.
(defn lnpr [s] (clojure.lang.LineNumberingPushbackReader. (java.io.StringReader. s)))
(prn (meta (read (lnpr "^{:line 20} (let [x 1] x)"))))
(prn (meta (read (lnpr "\n\n^{:line 20 :column 7} (let [x 1] x)"))))
(prn (meta (read (lnpr "^{:foo 1} (a)"))))
(prn (meta (read (lnpr "  ^:foo [a]"))))
(prn (meta (read-string "^{:line 20} (let [x 1] x)")))
(let [r (lnpr "\n\n^{:line 20 :a 1} (let [x 1] x)")] (.setLineNumber r 50) (prn (meta (read r))))
(prn (read+string (lnpr "  ^{:line 20} (let [x 1] x) 1")))
(require '[clojure.main :as main])
(doseq [[s n] [["(let [x 1] x)" 100]
               ["^{:line 20 :clojure.core/eval-file \"a/b.clj\"} (let [x 1] x)" 100]
               ["^{:line 20} (let [x 1] x)" 100]
               ["\n\n(f)" 7]]]
  (prn (meta (main/renumbering-read nil (lnpr s) n))))
(defn attempt [f] (try (f) (catch Exception e [(.getName (class e)) (.getMessage e)])))
(binding [*read-eval* :unknown]
  (prn (attempt #(read-string "1")))
  (prn (attempt #(read (java.io.PushbackReader. (java.io.StringReader. "1")))))
  (prn (attempt #(read+string (lnpr "1"))))
  (prn (attempt #(clojure.edn/read-string "1")))
  (prn (attempt #(load-string "(+ 1 2)"))))
;; metadata on a syntax-quoted list: the written keys first, then the position
(prn (meta (read (lnpr "\n\n  ^:k `(a (b))"))))
(prn (meta (read (lnpr "^{:column 4 :k 1} (a)"))))
