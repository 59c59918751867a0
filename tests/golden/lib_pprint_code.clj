;; clojure.pprint code-dispatch layout (expected output from JVM 1.11.1).
(require '[clojure.pprint :as pp :refer [pprint with-pprint-dispatch code-dispatch]])

(def forms
  '[(defn square [x] (* x x))
    (defn greet "Says hello to someone by name, politely." [name] (str "Hello, " name "!"))
    (defn multi ([] (multi 1)) ([x] (multi x 2)) ([x y] (+ x y (reduce + (range 100)) (apply max [x y]))))
    (defn- private-fn {:added "1.0"} [a b] (let [sum (+ a b) product (* a b)] {:sum sum :product product}))
    (defmacro unless [test & body] (list 'if test nil (cons 'do body)))
    (fn [x y] (+ x y))
    (fn named [x] (if (zero? x) 1 (* x (named (dec x)))))
    (let [a 1 b 2] (+ a b))
    (let [[a b] [1 2] {:keys [c d] :or {c 3}} {:d 4} really-long-binding-name (some-function-call with arguments)] (println a b c d really-long-binding-name))
    (loop [i 0 acc []] (if (< i 10) (recur (inc i) (conj acc (* i i))) acc))
    (if (some-predicate? value) (do-something-when-true value other-argument) (do-something-else value))
    (if-not done? (continue-processing the-rest-of-the-input-stream with-options) :finished)
    (when (seq coll) (println "not empty") (process coll) (println "done processing the collection"))
    (when-not x y)
    (cond (< x 0) :negative (= x 0) :zero (< x 10) :small (< x 100) :medium :else :large)
    (cond (a-very-long-predicate-function-name? some-argument) (a-result-expression-that-is-long) :else nil)
    (condp = value 1 "one" 2 "two" 3 "three" "many")
    (condp some-long-predicate-fn the-value-being-tested :first-option "first result" :second-option "second result" "default")
    (def x 1)
    (def some-var-with-a-long-name (compute-the-initial-value-for-this-var from some inputs))
    (defonce cache (atom {}))
    (ns my.namespace (:require [clojure.string :as str] [clojure.set :refer [union intersection]]) (:import (java.util Date UUID)))
    (ns short.ns)
    (ns my.other "A docstring for the namespace." (:use clojure.test) (:require clojure.walk))
    (doseq [x (range 10) y (range x)] (println x y))
    (dotimes [i 10] (println i))
    (binding [*out* writer *err* writer] (println "hi"))
    (with-open [r (reader "file.txt")] (slurp r))
    (when-let [x (first xs)] (println x))
    (if-let [x (first xs)] (println x) (println "none"))
    (when-first [x xs] x)
    (. obj method arg1 arg2)
    (.. System (getProperties) (get "os.name"))
    (-> x (assoc :a 1) (update :b inc) (dissoc :c) (merge {:d 4 :e 5 :f 6}) (select-keys [:a :b :d]))
    (locking obj (swap! state inc))
    (fn* [p1__1#] (inc p1__1#))
    (fn* [a b] (+ a b))
    (fn* ([x] x))
    (quote (1 2 3))
    (var foo)
    (clojure.core/deref state)
    (some-fn 'quoted @derefed #'a-var)
    (clojure.core/let [x 1] (clojure.core/when x (clojure.core/inc x)))
    (try (risky-operation) (catch Exception e (log-error e) nil) (finally (cleanup-resources)))
    (case x 1 :one 2 :two :other)
    (a-function-with-a-long-name argument-number-one argument-number-two argument-number-three)
    [vector literal with symbols]
    {:map 'literal :in code}
    #{set in code}])

(doseq [f forms]
  (with-pprint-dispatch code-dispatch (pprint f)))

(println "--- narrow")
(binding [pp/*print-right-margin* 30]
  (doseq [f (take 12 forms)]
    (with-pprint-dispatch code-dispatch (pprint f))))

(println "--- wide")
(binding [pp/*print-right-margin* 200]
  (doseq [f (take 6 forms)]
    (with-pprint-dispatch code-dispatch (pprint f))))

(println "--- code from macroexpand")
(with-pprint-dispatch code-dispatch
  (pprint (macroexpand '(-> a (b c) (d e)))))

(println "--- write :dispatch")
(println (pp/write '(defn f [x] (let [y x] y)) :dispatch code-dispatch :stream nil))
(pp/write '(if a b c) :dispatch code-dispatch) (newline)

(println "--- set-pprint-dispatch")
(pp/set-pprint-dispatch code-dispatch)
(pprint '(defn g [y] (when y (inc y))))
(pp/set-pprint-dispatch pp/simple-dispatch)
(pprint '(defn g [y] (when y (inc y))))
