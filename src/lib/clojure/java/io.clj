; cljw's clojure.java.io: the fns are Rust (src/lib/clojure_java_io.rs);
; this file adds the namespace's non-fn vars.

(ns
  ^{:author "Stuart Sierra, Chas Emerick, Stuart Halloway",
    :doc "This file defines polymorphic I/O utility functions for Clojure."}
  clojure.java.io)

(def ^{:doc "Type object for a Java primitive byte array."
       :private true}
  byte-array-type (class (make-array Byte/TYPE 0)))

(def ^{:doc "Type object for a Java primitive char array."
       :private true}
  char-array-type (class (make-array Character/TYPE 0)))
