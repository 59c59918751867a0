;; extend a protocol to one fn's own class (clojure.core$double, user$f):
;; only that fn dispatches there, others fall back to AFunction/IFn impls.
(defprotocol Named (nm [x]) (kind [x]))
(defmacro extend-fn [sym]
  `(extend-protocol Named
     (class @(resolve '~sym))
     (nm [_#] '~sym)
     (kind [_#] :own-class)))
(extend-fn double)
(extend-fn long)
(defn my-f [x] x)
(extend-type (class my-f) Named (nm [_] 'my-f) (kind [_] :mine))
(println (nm double) (kind double) (nm long) (nm my-f) (kind my-f))
(println (satisfies? Named double) (satisfies? Named inc) (satisfies? Named my-f))
(println (try (nm inc) (catch IllegalArgumentException e (.getMessage e))))
(extend-protocol Named clojure.lang.IFn (nm [_] 'some-fn) (kind [_] :ifn))
(println (nm inc) (kind inc) (nm double) (nm my-f) (nm :k) (nm (fn [])))
(println (map nm [double long my-f inc]))
