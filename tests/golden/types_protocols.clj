;; Protocols: defprotocol, extend-type/extend-protocol/extend to built-in
;; classes, nil and Object, dispatch on the class hierarchy, satisfies?,
;; extends?, extenders, :extend-via-metadata. Expected output recorded from
;; JVM Clojure 1.11.1 (scripts/record-golden.sh).
(defprotocol P "doc P" (foo [this] "foo doc") (bar [this x] [this x y]))
(prn (:on P) (:on-interface P) (keys P) (:sigs P) (:method-map P))
(prn (:doc (meta #'P)) (:doc (meta #'foo)) (:arglists (meta #'foo)) (:protocol (meta #'foo)))
(try (foo 1) (catch Exception e (prn (class e) (ex-message e))))
(try (foo nil) (catch Exception e (prn (class e) (ex-message e))))
(extend-protocol P
  Number (foo [x] [:number x]) (bar ([x y] [:n x y]) ([x y z] [:n3 x y z]))
  Long (foo [x] [:long x])
  nil (foo [x] :nil)
  Object (foo [x] [:obj x])
  clojure.lang.IPersistentMap (foo [x] :map)
  clojure.lang.IPersistentVector (foo [x] :vec)
  clojure.lang.Sequential (foo [x] :sequential)
  String (foo [x] :string))
(prn (foo 1) (foo 1.5) (foo 1N) (foo 1/2) (foo nil) (foo :k) (foo {}) (foo (sorted-map)) (foo [])
     (foo (map-entry? 1)) (foo '(1)) (foo (range 3)) (foo "s") (bar 1.5 2) (bar 1.5 2 3))
;; Long's impl map has no :bar: the most specific impl wins even without it.
(try (bar 1 2) (catch IllegalArgumentException e (prn (ex-message e))))
(prn (satisfies? P 1) (satisfies? P nil) (satisfies? P #{}) (extends? P Long) (extends? P Integer)
     (extends? P String) (sort (map str (extenders P))))
(prn (fn? foo) (ifn? foo) (map foo [1 "a" nil]))

;; The dispatch cache follows later extensions.
(defprotocol Name (nm [x]))
(extend-protocol Name Object (nm [x] :obj))
(prn (nm 1) (nm "s"))
(extend-protocol Name Long (nm [x] :long) String (nm [x] :string))
(prn (nm 1) (nm "s") (nm 1.5) (nm :k))
(extend Long Name {:nm (fn [x] :long2)})
(prn (nm 1) (nm 2))
(try (nm nil) (catch IllegalArgumentException e (prn (ex-message e))))

;; extend with a plain map of fns, reused for several types (mixins).
(defprotocol Shape (area [s]) (describe [s] [s prefix]))
(def sq-impl {:area (fn [s] (* (:side s) (:side s)))
              :describe (fn ([s] (str "shape " (area s))) ([s p] (str p (area s))))})
(extend clojure.lang.PersistentArrayMap Shape sq-impl)
(prn (area {:side 3}) (describe {:side 2}) (describe {:side 2} ">"))

;; :extend-via-metadata
(defprotocol M :extend-via-metadata true (mm [x]))
(def o (with-meta {} {`mm (fn [x] :via-meta)}))
(prn (mm o) (satisfies? M o))
(try (mm {}) (catch Exception e (prn (ex-message e))))
(extend-protocol M clojure.lang.IPersistentMap (mm [x] :map-impl))
(prn (mm o) (mm {}))

;; Protocols in another namespace, used through an alias.
(ns other.protos)
(defprotocol Greet (greet [x]))
(extend-protocol Greet String (greet [s] (str "hi " s)))
(ns user (:require [other.protos :as op]))
(extend-protocol op/Greet Long (greet [n] (str "number " n)))
(prn (op/greet "bob") (op/greet 3) (satisfies? op/Greet 1) (:on op/Greet))
(prn (defprotocol PP (pp [x])))
