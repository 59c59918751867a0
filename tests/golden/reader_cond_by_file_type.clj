;; Reader conditionals are read only where Compiler.load allows them: in a
;; .cljc file. A .clj file, load-string and read-string without
;; {:read-cond :allow} throw "Conditional read not allowed".
(def dir (System/getProperty "java.io.tmpdir"))
(defn tmp [name text]
  (let [f (java.io.File. dir (str "cljw-rc-golden-" name))]
    (spit f text)
    (.getPath f)))

(defn show [label f]
  (try
    (prn label (f))
    (catch Throwable e
      (println label "threw" (.getName (class e)))
      (when-let [c (ex-cause e)]
        (println "  cause" (.getName (class c)) (pr-str (ex-message c))))
      (println "  data" (pr-str (select-keys (ex-data e) [:clojure.error/phase :clojure.error/line :clojure.error/column]))))))

(show "cljc" #(load-file (tmp "a.cljc" "(def x #?(:clj :clj-branch :cljs :cljs-branch))\n[x #?@(:clj [1 2])]")))
(show "cljc-default" #(load-file (tmp "b.cljc" "#?(:cljs 1 :default :dflt)")))
(show "clj" #(load-file (tmp "c.clj" "(def y 1)\n  #?(:clj 1 :cljs 2)")))
(show "clj-splice" #(load-file (tmp "d.clj" "[#?@(:clj [1 2])]")))
(show "load-string" #(load-string "#?(:clj 1)"))
(show "read-string" #(read-string "#?(:clj 1)"))
(show "read-string-allow" #(read-string {:read-cond :allow} "#?(:clj 1)"))
(show "eval-of-read" #(eval (read-string {:read-cond :allow} "#?(:cljs 1 :clj (+ 1 2))")))
