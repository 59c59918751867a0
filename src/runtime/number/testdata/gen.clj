;; Regenerates arith.txt from cases.txt on JVM Clojure 1.11.1:
;;   cd src/runtime/number/testdata && clojure gen.clj
;; Argument tokens `f:X` and `bi:X` stand for (float X) and (biginteger X).
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
          typed (fn [a]
                  (let [n (when (symbol? a) (str a))]
                    (cond (and n (.startsWith n "f:")) (list 'float (read-string (subs n 2)))
                          (and n (.startsWith n "bi:")) (list 'biginteger (read-string (subs n 3)))
                          :else a)))
          args (map typed args)
          form (if boxed?
                 `(let [f# ~op] (f# ~@args))
                 `(~op ~@args))
          res (try (show (eval form))
                   (catch Throwable e
                     (str "THROW " (.getName (class e)) ": " (.getMessage e))))]
      (.write w (str line " => " res "\n")))))
