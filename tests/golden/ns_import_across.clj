;; A class imported into one namespace resolves there: a fn defined in ns
;; `lib.a` that names an imported class works when called from another ns,
;; and syntax-quote expands imported class names to their full names.
(ns lib.a
  (:import (java.util UUID ArrayList)
           (java.io StringWriter)))

(defn uuid-ok? [] (instance? UUID (UUID/fromString "00000000-0000-0000-0000-000000000001")))
(defn make-list [] (let [l (ArrayList.)] (.add l 1) (.add l 2) (vec l)))
(defn writer-str [] (let [w (new StringWriter)] (.write w "hi") (str w)))
(defn static-dot [] (. UUID fromString "00000000-0000-0000-0000-000000000002"))
(defmacro with-writer [& body]
  `(let [w# (StringWriter.)] (binding [*out* w#] ~@body) (str w#)))
(defmacro quoted-names []
  (list 'quote [`UUID `UUID/randomUUID `(StringWriter.) `StringWriter
                `ArrayList. `String `Math/abs `Long/MAX_VALUE `not-a-class]))

(ns lib.b (:require [lib.a :as a]))

(println (a/uuid-ok?) (a/make-list) (a/writer-str))
(println (a/static-dot))
(println (pr-str (a/with-writer (print "inside"))))
(doseq [s (a/quoted-names)] (prn s))
(prn `Integer/parseInt `(Thread/sleep 1))
(println (str (ns-name *ns*)))
