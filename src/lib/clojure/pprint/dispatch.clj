;; Part of clojure.pprint: src/lib/mod.rs loads base.clj, cl_format.clj,
;; cl_format_compile.clj, dispatch.clj and print_table.clj as one source.

;;; ---------------------------------------------------------------------
;;; Dispatch tables (dispatch.clj)

(def ^:private reader-macros
  {'quote "'", 'clojure.core/deref "@",
   'var "#'", 'clojure.core/unquote "~"})

(defn- pprint-reader-macro [alis]
  (let [macro-char (reader-macros (first alis))]
    (when (and macro-char (= 2 (count alis)))
      (.write ^java.io.Writer *out* macro-char)
      (write-out (second alis))
      true)))

;; With *print-meta*, lists, vectors, maps and sets print their metadata
;; first (even when empty), as the JVM's pprint does: "^", the map through
;; the dispatch (not counted against *print-length*), then a linear newline
;; in the enclosing block.
(defn- pprint-meta [obj]
  (when *print-meta*
    (when-let [m (meta obj)]
      (.write ^java.io.Writer *out* "^")
      (*print-pprint-dispatch* m)
      (.write ^java.io.Writer *out* " ")
      (pprint-newline :linear))))

(defn- pprint-simple-list [alis]
  (pprint-meta alis)
  (pprint-logical-block :prefix "(" :suffix ")"
                        (print-length-loop [alis (seq alis)]
                                           (when alis
                                             (write-out (first alis))
                                             (when (next alis)
                                               (.write ^java.io.Writer *out* " ")
                                               (pprint-newline :linear)
                                               (recur (next alis)))))))

(defn- pprint-list [alis]
  (if-not (pprint-reader-macro alis)
    (pprint-simple-list alis)))

(defn- pprint-vector [avec]
  (pprint-meta avec)
  (pprint-logical-block :prefix "[" :suffix "]"
                        (print-length-loop [aseq (seq avec)]
                                           (when aseq
                                             (write-out (first aseq))
                                             (when (next aseq)
                                               (.write ^java.io.Writer *out* " ")
                                               (pprint-newline :linear)
                                               (recur (next aseq)))))))

(def ^:private pprint-array (formatter-out "~<[~;~@{~w~^, ~:_~}~;]~:>"))

(defn- strip-ns [named]
  (if (symbol? named)
    (symbol nil (name named))
    (keyword nil (name named))))

;; clojure.core's private lift-ns: [ns kvs] (the entries with their keys'
;; namespace removed, in the map's order) when every key has the same
;; namespace and *print-namespace-maps* is on, else nil.
(defn- lift-ns [m]
  (when *print-namespace-maps*
    (loop [ns nil
           [[k v :as entry] & entries] (seq m)
           kvs []]
      (if entry
        (when (qualified-ident? k)
          (if ns
            (when (= ns (namespace k))
              (recur ns entries (conj kvs [(strip-ns k) v])))
            (when-let [new-ns (namespace k)]
              (recur new-ns entries (conj kvs [(strip-ns k) v])))))
        [ns kvs]))))

(defn- pprint-map [amap]
  (pprint-meta amap)
  (let [[ns lift-map] (when (not (record? amap))
                        (lift-ns amap))
        amap (or lift-map amap)
        prefix (if ns (str "#:" ns "{") "{")]
    (pprint-logical-block :prefix prefix :suffix "}"
                          (print-length-loop [aseq (seq amap)]
                                             (when aseq
                                               (pprint-logical-block
                                                (write-out (ffirst aseq))
                                                (.write ^java.io.Writer *out* " ")
                                                (pprint-newline :linear)
                                                (set! *current-length* 0)
                                                (write-out (fnext (first aseq))))
                                               (when (next aseq)
                                                 (.write ^java.io.Writer *out* ", ")
                                                 (pprint-newline :linear)
                                                 (recur (next aseq))))))))

;; What (formatter-out "~<#{~;~@{~w~^ ~:_~}~;}~:>") does, without
;; interpreting the format for every set.
(defn- pprint-set [aset]
  (pprint-meta aset)
  (pprint-logical-block :prefix "#{" :suffix "}"
                        (loop [s (seq aset)]
                          (when s
                            (when-not (write-out (first s))
                              (when (next s)
                                (.write ^java.io.Writer *out* " ")
                                (pprint-newline :fill)
                                (recur (next s))))))))

(def ^:private type-map {"core$future_call" "Future",
                         "core$promise" "Promise"})

(defn- map-ref-type [name]
  (or (when-let [match (re-find #"^[^$]+\$[^$]+" name)]
        (type-map match))
      name))

;; Class.getSimpleName: for nested classes like clojure.core$promise$reify__1
;; the JVM gives core$promise$reify__1.
(defn- simple-class-name [o]
  (let [n (.getName (class o))]
    (subs n (inc (or (str/last-index-of n \.) -1)))))

(defn- pprint-ideref [o]
  (let [prefix (format "#<%s@%x%s: "
                       (map-ref-type (simple-class-name o))
                       (System/identityHashCode o)
                       (if (and (instance? clojure.lang.Agent o)
                                (agent-error o))
                         " FAILED"
                         ""))]
    (pprint-logical-block :prefix prefix :suffix ">"
                          (pprint-indent :block (-> (count prefix) (- 2) -))
                          (pprint-newline :linear)
                          (write-out (cond
                                       (and (future? o) (not (future-done? o))) :pending
                                       (and (instance? clojure.lang.IPending o) (not (realized? o))) :not-delivered
                                       :else @o)))))

(def ^:private pprint-pqueue (formatter-out "~<<-(~;~@{~w~^ ~_~}~;)-<~:>"))

(defn- array? [obj]
  (let [n (.getName (class obj))]
    (and (string? n) (str/starts-with? n "["))))

(defn- pprint-simple-default [obj]
  (cond
    (array? obj) (pprint-array obj)
    (and *print-suppress-namespaces* (symbol? obj)) (print (name obj))
    :else (pr* obj)))

(defmulti
  ^{:added "1.2"} simple-dispatch
  "The pretty print dispatch function for simple data structure format."
  {:arglists '[[object]]}
  class)

(defmethod simple-dispatch clojure.lang.ISeq [x] (pprint-list x))
(defmethod simple-dispatch clojure.lang.IPersistentVector [x] (pprint-vector x))
(defmethod simple-dispatch clojure.lang.IPersistentMap [x] (pprint-map x))
(defmethod simple-dispatch clojure.lang.IPersistentSet [x] (pprint-set x))
(defmethod simple-dispatch clojure.lang.PersistentQueue [x] (pprint-pqueue x))
(defmethod simple-dispatch clojure.lang.Var [x] (pprint-simple-default x))
(defmethod simple-dispatch clojure.lang.IDeref [x] (pprint-ideref x))
(defmethod simple-dispatch nil [x] (pr* x))
(defmethod simple-dispatch :default [x] (pprint-simple-default x))

;; Code dispatch

(declare pprint-simple-code-list)

(defn- brackets [form]
  (if (vector? form)
    ["[" "]"]
    ["(" ")"]))

(defn- pprint-ns-reference [reference]
  (if (sequential? reference)
    (let [[start end] (brackets reference)
          [keyw & args] reference]
      (pprint-logical-block :prefix start :suffix end
                            ((formatter-out "~w~:i") keyw)
                            (loop [args args]
                              (when (seq args)
                                ((formatter-out " "))
                                (let [arg (first args)]
                                  (if (sequential? arg)
                                    (let [[start end] (brackets arg)]
                                      (pprint-logical-block :prefix start :suffix end
                                                            (if (and (= (count arg) 3) (keyword? (second arg)))
                                                              (let [[ns kw lis] arg]
                                                                ((formatter-out "~w ~w ") ns kw)
                                                                (if (sequential? lis)
                                                                  ((formatter-out (if (vector? lis)
                                                                                    "~<[~;~@{~w~^ ~:_~}~;]~:>"
                                                                                    "~<(~;~@{~w~^ ~:_~}~;)~:>"))
                                                                   lis)
                                                                  (write-out lis)))
                                                              (apply (formatter-out "~w ~:i~@{~w~^ ~:_~}") arg)))
                                      (when (next args)
                                        ((formatter-out "~_"))))
                                    (do
                                      (write-out arg)
                                      (when (next args)
                                        ((formatter-out "~:_"))))))
                                (recur (next args))))))
    (when reference (write-out reference))))

(defn- pprint-ns [alis]
  (if (next alis)
    (let [[ns-sym ns-name & stuff] alis
          [doc-str stuff] (if (string? (first stuff))
                            [(first stuff) (next stuff)]
                            [nil stuff])
          [attr-map references] (if (map? (first stuff))
                                  [(first stuff) (next stuff)]
                                  [nil stuff])]
      (pprint-logical-block :prefix "(" :suffix ")"
                            ((formatter-out "~w ~1I~@_~w") ns-sym ns-name)
                            (when (or doc-str attr-map (seq references))
                              ((formatter-out "~@:_")))
                            (when doc-str
                              (cl-format true "\"~a\"~:[~;~:@_~]" doc-str (or attr-map (seq references))))
                            (when attr-map
                              ((formatter-out "~w~:[~;~:@_~]") attr-map (seq references)))
                            (loop [references references]
                              (pprint-ns-reference (first references))
                              (when-let [references (next references)]
                                (pprint-newline :linear)
                                (recur references)))))
    (write-out alis)))

(def ^:private pprint-hold-first (formatter-out "~:<~w~^ ~@_~w~^ ~_~@{~w~^ ~_~}~:>"))

(defn- single-defn [alis has-doc-str?]
  (if (seq alis)
    (do
      (if has-doc-str?
        ((formatter-out " ~_"))
        ((formatter-out " ~@_")))
      ((formatter-out "~{~w~^ ~_~}") alis))))

(defn- multi-defn [alis has-doc-str?]
  (if (seq alis)
    ((formatter-out " ~_~{~w~^ ~_~}") alis)))

(defn- pprint-defn [alis]
  (if (next alis)
    (let [[defn-sym defn-name & stuff] alis
          [doc-str stuff] (if (string? (first stuff))
                            [(first stuff) (next stuff)]
                            [nil stuff])
          [attr-map stuff] (if (map? (first stuff))
                             [(first stuff) (next stuff)]
                             [nil stuff])]
      (pprint-logical-block :prefix "(" :suffix ")"
                            ((formatter-out "~w ~1I~@_~w") defn-sym defn-name)
                            (if doc-str
                              ((formatter-out " ~_~w") doc-str))
                            (if attr-map
                              ((formatter-out " ~_~w") attr-map))
                            (cond
                              (vector? (first stuff)) (single-defn stuff (or doc-str attr-map))
                              :else (multi-defn stuff (or doc-str attr-map)))))
    (pprint-simple-code-list alis)))

(defn- pprint-binding-form [binding-vec]
  (pprint-logical-block :prefix "[" :suffix "]"
                        (print-length-loop [binding binding-vec]
                                           (when (seq binding)
                                             (pprint-logical-block binding
                                                                   (write-out (first binding))
                                                                   (when (next binding)
                                                                     (.write ^java.io.Writer *out* " ")
                                                                     (pprint-newline :miser)
                                                                     (write-out (second binding))))
                                             (when (next (rest binding))
                                               (.write ^java.io.Writer *out* " ")
                                               (pprint-newline :linear)
                                               (recur (next (rest binding))))))))

(defn- pprint-let [alis]
  (let [base-sym (first alis)]
    (pprint-logical-block :prefix "(" :suffix ")"
                          (if (and (next alis) (vector? (second alis)))
                            (do
                              ((formatter-out "~w ~1I~@_") base-sym)
                              (pprint-binding-form (second alis))
                              ((formatter-out " ~_~{~w~^ ~_~}") (next (rest alis))))
                            (pprint-simple-code-list alis)))))

(def ^:private pprint-if (formatter-out "~:<~1I~w~^ ~@_~w~@{ ~_~w~}~:>"))

(defn- pprint-cond [alis]
  (pprint-logical-block :prefix "(" :suffix ")"
                        (pprint-indent :block 1)
                        (write-out (first alis))
                        (when (next alis)
                          (.write ^java.io.Writer *out* " ")
                          (pprint-newline :linear)
                          (print-length-loop [alis (next alis)]
                                             (when alis
                                               (pprint-logical-block alis
                                                                     (write-out (first alis))
                                                                     (when (next alis)
                                                                       (.write ^java.io.Writer *out* " ")
                                                                       (pprint-newline :miser)
                                                                       (write-out (second alis))))
                                               (when (next (rest alis))
                                                 (.write ^java.io.Writer *out* " ")
                                                 (pprint-newline :linear)
                                                 (recur (next (rest alis)))))))))

(defn- pprint-condp [alis]
  (if (> (count alis) 3)
    (pprint-logical-block :prefix "(" :suffix ")"
                          (pprint-indent :block 1)
                          (apply (formatter-out "~w ~@_~w ~@_~w ~_") alis)
                          (print-length-loop [alis (seq (drop 3 alis))]
                                             (when alis
                                               (pprint-logical-block alis
                                                                     (write-out (first alis))
                                                                     (when (next alis)
                                                                       (.write ^java.io.Writer *out* " ")
                                                                       (pprint-newline :miser)
                                                                       (write-out (second alis))))
                                               (when (next (rest alis))
                                                 (.write ^java.io.Writer *out* " ")
                                                 (pprint-newline :linear)
                                                 (recur (next (rest alis)))))))
    (pprint-simple-code-list alis)))

(def ^:dynamic ^:private *symbol-map* {})

(defn- pprint-anon-func [alis]
  (let [args (second alis)
        nlis (first (rest (rest alis)))]
    (if (vector? args)
      (binding [*symbol-map* (if (= 1 (count args))
                               {(first args) "%"}
                               (into {}
                                     (map
                                      #(vector %1 (str \% %2))
                                      args
                                      (range 1 (inc (count args))))))]
        ((formatter-out "~<#(~;~@{~w~^ ~_~}~;)~:>") nlis))
      (pprint-simple-code-list alis))))

(defn- pprint-simple-code-list [alis]
  (pprint-logical-block :prefix "(" :suffix ")"
                        (pprint-indent :block 1)
                        (print-length-loop [alis (seq alis)]
                                           (when alis
                                             (write-out (first alis))
                                             (when (next alis)
                                               (.write ^java.io.Writer *out* " ")
                                               (pprint-newline :linear)
                                               (recur (next alis)))))))

(defn- two-forms [amap]
  (into {}
        (mapcat
         identity
         (for [x amap]
           [x [(symbol (name (first x))) (second x)]]))))

(defn- add-core-ns [amap]
  (let [core "clojure.core"]
    (into {}
          (map #(let [[s f] %]
                  (if (not (or (namespace s) (special-symbol? s)))
                    [(symbol core (name s)) f]
                    %))
               amap))))

(def ^:dynamic ^:private *code-table*
  (two-forms
   (add-core-ns
    {'def pprint-hold-first, 'defonce pprint-hold-first,
     'defn pprint-defn, 'defn- pprint-defn, 'defmacro pprint-defn, 'fn pprint-defn,
     'let pprint-let, 'loop pprint-let, 'binding pprint-let,
     'with-local-vars pprint-let, 'with-open pprint-let, 'when-let pprint-let,
     'if-let pprint-let, 'doseq pprint-let, 'dotimes pprint-let,
     'when-first pprint-let,
     'if pprint-if, 'if-not pprint-if, 'when pprint-if, 'when-not pprint-if,
     'cond pprint-cond, 'condp pprint-condp,
     'fn* pprint-anon-func,
     '. pprint-hold-first, '.. pprint-hold-first, '-> pprint-hold-first,
     'locking pprint-hold-first, 'struct pprint-hold-first,
     'struct-map pprint-hold-first, 'ns pprint-ns})))

(defn- pprint-code-list [alis]
  (if-not (pprint-reader-macro alis)
    (if-let [special-form (*code-table* (first alis))]
      (special-form alis)
      (pprint-simple-code-list alis))))

(defn- pprint-code-symbol [sym]
  (if-let [arg-num (sym *symbol-map*)]
    (print arg-num)
    (if *print-suppress-namespaces*
      (print (name sym))
      (pr* sym))))

(defmulti
  ^{:added "1.2"} code-dispatch
  "The pretty print dispatch function for pretty printing Clojure code."
  {:arglists '[[object]]}
  class)

(defmethod code-dispatch clojure.lang.ISeq [x] (pprint-code-list x))
(defmethod code-dispatch clojure.lang.Symbol [x] (pprint-code-symbol x))
(defmethod code-dispatch clojure.lang.IPersistentVector [x] (pprint-vector x))
(defmethod code-dispatch clojure.lang.IPersistentMap [x] (pprint-map x))
(defmethod code-dispatch clojure.lang.IPersistentSet [x] (pprint-set x))
(defmethod code-dispatch clojure.lang.PersistentQueue [x] (pprint-pqueue x))
(defmethod code-dispatch clojure.lang.IDeref [x] (pprint-ideref x))
(defmethod code-dispatch nil [x] (pr* x))
(defmethod code-dispatch :default [x] (pprint-simple-default x))

(set-pprint-dispatch simple-dispatch)

