;; Regenerates arith.txt from cases.txt on JVM Clojure 1.11.1:
;;   cd src/runtime/number/testdata && clojure gen.clj
(require '[clojure.string :as s])
(defn show [v]
  (cond (nil? v) "nil"
        :else (str (pr-str v) " " (.getName (class v)))))
(with-open [w (clojure.java.io/writer "arith.txt")]
  (doseq [line (s/split-lines (slurp "cases.txt"))
          :when (not (s/blank? line))]
    (let [boxed? (s/ends-with? line " !boxed")
          body (s/replace line " !boxed" "")
          [op & args] (read-string (str "[" body "]"))
          form (if boxed?
                 `(let [f# ~op] (f# ~@args))
                 `(~op ~@args))
          res (try (show (eval form))
                   (catch Throwable e
                     (str "THROW " (.getName (class e)) ": " (.getMessage e))))]
      (.write w (str line " => " res "\n")))))
