;; compile errors from eval/load-string: file, position fallback, spec-check macro naming
(require '[clojure.string :as str])
;; The JVM names the script by its absolute path: keep the part under the repo.
(defn t [f] (try (f) (catch Throwable e (println (.getName (class e)) (pr-str (str/replace (.getMessage e) #"\([^(]*/tests/golden/" "(tests/golden/"))))))
(t #(eval '(let [x] x)))
(t #(eval (read-string "(let [x] x)")))
(t #(load-string "(let [y] y)"))
(t #(eval (with-meta '(let [z] z) {:line 7 :column 3})))
