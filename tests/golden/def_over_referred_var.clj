;; def/intern of a name that refers to another namespace's var fails
;; (Namespace.warnOrFailOnReplace); over a clojure.core var it replaces it.
(ns lib.a)
(defn foo [] :a-foo)
(defn bar [] :a-bar)

(ns user2 (:require [lib.a :refer [foo bar]]))
(defn cause [f]
  (try (f) (catch Exception e
             (let [c (or (.getCause e) e)] [(.getSimpleName (class c)) (.getMessage c)]))))
(println (cause #(eval '(def foo 2))))
(println (cause #(eval '(defn foo [] 3))))
(println (cause #(eval '(defmacro bar [] 3))))
(println (cause #(intern 'user2 'foo 9)))
(println (foo) (bar))
(ns-unmap 'user2 'foo)
(def foo :mine)
(println foo (bar))
(ns user3 (:refer-clojure :exclude [inc]))
(def inc dec)
(println (inc 5))
(ns user4)
(intern 'user4 'dec inc)
(println (dec 5))
