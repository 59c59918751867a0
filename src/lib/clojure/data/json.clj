(ns clojure.data.json
  ;; read is native (defined before this file loads), as data.json's own
  ;; ns form excludes clojure.core's.
  (:refer-clojure :exclude [read]))

;; clojure.data.json's pprint, on clojure.pprint's formatter (loaded on
;; the first call, so requiring clojure.data.json stays cheap); scalars are
;; written by write-str with the same options.

(defn- pprint-key [k]
  (cond (instance? clojure.lang.Named k) (name k)
        (nil? k) (throw (Exception. "JSON object properties may not be nil"))
        :else (str k)))

(defn pprint
  "Pretty-prints the JSON of x to *out*. Options are write's, except
  :value-fn."
  [x & options]
  (require 'clojure.pprint)
  (let [opts (if (and (= 1 (count options)) (map? (first options)))
               (first options)
               (apply hash-map options))
        key-fn (or (:key-fn opts) pprint-key)
        ;; formatter-out is a macro: expanded here, after the require.
        object-fmt (eval '(clojure.pprint/formatter-out "~<{~;~@{~<~w:~_~w~:>~^, ~_~}~;}~:>"))
        array-fmt (eval '(clojure.pprint/formatter-out "~<[~;~@{~w~^, ~:_~}~;]~:>"))
        dispatch (fn [x]
                   (cond (nil? x) (print "null")
                         (map? x) (object-fmt (for [[k v] x] [(key-fn k) v]))
                         (coll? x) (array-fmt x)
                         :else (print (write-str x opts))))]
    (with-bindings {(resolve 'clojure.pprint/*print-pprint-dispatch*) dispatch}
      ((resolve 'clojure.pprint/pprint) x))))

(defn pprint-json
  "DEPRECATED; replaced by pprint."
  [x & options]
  (apply pprint x options))
