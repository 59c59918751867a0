;; An array map compares a new key with its keys by Util.equiv, which
;; realises a LazySeq key: one whose realisation throws throws from assoc,
;; get, contains? and zipmap of a non-empty array map (not of an empty one).
(defmacro t [& body] `(println '~@body (try (do ~@body) (catch Exception e# [:caught (.getSimpleName (class e#)) (ex-message e#)]))))
(def bad (lazy-seq (throw (ex-info "realise" {}))))
(t (count (zipmap [1 bad] "ab")))
(t (count (zipmap (reductions concat "ab") "ab")))
(t (count (assoc {} bad 1)))
(t (count (assoc {:a 1} (lazy-seq (throw (ex-info "realise" {}))) 1)))
(t (contains? {:a 1} (lazy-seq (throw (ex-info "realise" {})))))
(t (get {} (lazy-seq (throw (ex-info "realise" {})))))
(t (get {[1 2] :v} (map inc [0 1])))
(t (count (persistent! (assoc! (transient {:a 1}) (lazy-seq (throw (ex-info "realise" {}))) 2))))
(t (count (into {} [[:a 1] [(lazy-seq (throw (ex-info "realise" {}))) 2]])))
(t (count (persistent! (assoc! (transient {"a" 1}) (lazy-seq (throw (ex-info "realise" {}))) 2))))
(t (count (into {"a" 1} [[(lazy-seq (throw (ex-info "realise" {}))) 2]])))
