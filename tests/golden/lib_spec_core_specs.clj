;; Loading clojure.spec.alpha brings clojure.core.specs.alpha (the JVM's
;; Compiler.ensureMacroCheck): core macro calls are checked against their
;; specs, and the error explains the failure as the JVM prints it.
(require '[clojure.spec.alpha :as s])
(defn f [{:keys [a b] :or {a 1} :as m} & [c]] [a b c m])
(prn (f {:b 2} 3))
(prn (s/conform :clojure.core.specs.alpha/defn-args
                '(g "doc" ([{:keys [a b] :or {a 1}}] a) ([] (let [{:strs [z]} {}] z)))))
(defn explain [form]
  (try (eval form)
       (catch Exception e
         (let [cause (ex-cause e)]
           (println (ex-message cause))
           (print (with-out-str (s/explain-out (ex-data cause))))))))
(explain '(defn h [{:keys [1]}] 1))
(explain '(let [x] x))
(explain '(fn [a 1] a))
(explain '(defn "no-name" [] 1))
