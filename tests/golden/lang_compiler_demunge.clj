;; Compiler/demunge turns a fn class name into ns/name (each $ a /), and
;; clojure.repl/demunge is the same.
(require 'clojure.repl)
(prn (clojure.lang.Compiler/demunge "clojure.core$map$fn__123"))
(prn (clojure.repl/demunge "clojure.core$map$fn__123"))
(prn (clojure.lang.Compiler/demunge "my_ns.core$foo_BANG_$bar_QMARK_"))
(prn (clojure.repl/demunge "my_ns.core$foo_BANG_"))
