;; clojure.lang.RT/print: pr-on once print-initialized, the built-in printer
;; when it is bound false; Var.bindRoot drops :macro.
(defn bare-rt-print [x]
  (with-out-str
    (try
      (push-thread-bindings {#'clojure.core/print-initialized false})
      (clojure.lang.RT/print x *out*)
      (finally (pop-thread-bindings)))))
(defrecord P [a])
(defmethod print-method P [p w] (.write w "<P>"))
(prn (bare-rt-print #"foo") (bare-rt-print "s") (bare-rt-print [1 :k \c nil]))
(prn (with-out-str (clojure.lang.RT/print (->P 1) *out*))
     (with-out-str (clojure.lang.RT/print "s" *out*))
     (with-out-str (binding [*print-dup* true] (clojure.lang.RT/print [1 2] *out*))))
(prn (:private (meta #'clojure.core/print-initialized)) @#'clojure.core/print-initialized)
(def example-var)
(alter-meta! #'example-var assoc :macro true)
(prn (contains? (meta #'example-var) :macro))
(prn (.bindRoot #'example-var 0) @#'example-var (contains? (meta #'example-var) :macro))
(defmacro mm [] 1)
(.bindRoot #'mm (fn [& _] 2))
(prn (.isMacro #'mm) (mm))
(def w (atom []))
(def watched 1)
(add-watch #'watched :k (fn [k r o n] (swap! w conj [o n])))
(.bindRoot #'watched 5)
(prn @w watched)
