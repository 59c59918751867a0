; Adapted from Clojure 1.11.1's clojure/core/protocols.clj (Copyright (c)
; Rich Hickey; Eclipse Public License 1.0) for cljw: the defaults that the
; JVM spreads over seq, Iterable and chunk types are one Object default
; calling cljw's native reduction, which already walks each of them well.

(ns clojure.core.protocols)

(doseq [v [#'-reduce #'-kv-reduce #'install-reduce-dispatch!]]
  (alter-meta! v assoc :private true))

(defprotocol CollReduce
  "Protocol for collection types that can implement reduce faster than
  first/next recursion. Called by clojure.core/reduce. Baseline
  implementation defined in terms of Iterable."
  (coll-reduce [coll f] [coll f val]))

(defprotocol InternalReduce
  "Protocol for concrete seq types that can reduce themselves
   faster than first/next recursion. Called by clojure.core/reduce."
  (internal-reduce [seq f start]))

(extend-protocol CollReduce
  nil
  (coll-reduce
   ([coll f] (f))
   ([coll f val] val))

  Object
  (coll-reduce
   ([coll f] (-reduce f coll))
   ([coll f val] (-reduce f val coll))))

(extend-protocol InternalReduce
  nil
  (internal-reduce
   [s f val]
   val)

  Object
  (internal-reduce
   [s f val]
   (-reduce f val s)))

(defprotocol IKVReduce
  "Protocol for concrete associative types that can reduce themselves
   via a function of key and val faster than first/next recursion over map
   entries. Called by clojure.core/reduce-kv, and has same
   semantics (just different arg order)."
  (kv-reduce [amap f init]))

(extend-protocol IKVReduce
  nil
  (kv-reduce
   [_ f init]
   init)

  Object
  (kv-reduce
   [amap f init]
   (-kv-reduce f init amap)))

(defprotocol Datafiable
  :extend-via-metadata true

  (datafy [o] "return a representation of o as data (default identity)"))

(extend-protocol Datafiable
  nil
  (datafy [_] nil)

  Object
  (datafy [x] x))

(defprotocol Navigable
  :extend-via-metadata true

  (nav [coll k v] "return (possibly transformed) v in the context of coll and k (a key/index or nil),
defaults to returning v."))

(extend-protocol Navigable
  Object
  (nav [_ _ x] x))

(install-reduce-dispatch! CollReduce coll-reduce IKVReduce kv-reduce)
