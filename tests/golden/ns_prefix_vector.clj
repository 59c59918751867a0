;; A vector whose second item is a symbol is a prefix list (core.clj's
;; libspec?), in require and use; new exception classes work in catch.
(ns user.prefix
  (:require [clojure set walk]
            [clojure [string :as s] [zip :as z]]))
(println (clojure.set/union #{1} #{2}) (clojure.walk/keywordize-keys {"a" 1}) (s/upper-case "x"))
(println (z/node (z/down (z/vector-zip [1 2]))))
(use '[clojure data])
(println (diff [1 2] [1 3]))
(doseq [c [ExceptionInInitializerError ThreadDeath LinkageError java.util.EmptyStackException
           java.util.regex.PatternSyntaxException java.net.URISyntaxException SecurityException]]
  (println (.getName c) (.getName (.getSuperclass c))))
(println (try (throw (java.util.EmptyStackException.)) (catch RuntimeException e (class e))))
(println (try (throw (Exception. "x")) (catch ThreadDeath _ :td) (catch Exception _ :ex)))
