;; Calls that go through Rust rather than bytecode (native closures from
;; comp/partial, a var or multimethod invoking itself) and printing a cycle
;; through a mutable cell all throw a catchable StackOverflowError.
(defmacro so [& body] `(try ~@body (catch StackOverflowError e# :stack-overflow)))

(println (so ((reduce (fn [f _] (comp f inc)) identity (range 100000)) 1)))
(println ((reduce (fn [f _] (comp f inc)) identity (range 100)) 1))

(def x (var x))
(println (so (x)))

(defmulti m identity)
(.addMethod m :default m)
(println (so (m 1)))

(let [a (atom nil)]
  (reset! a a)
  (println (so (pr-str a))))
(let [v (volatile! nil)]
  (vreset! v [1 v])
  (println (so (str [v]))))
(println (count (pr-str (reduce (fn [a _] [a]) [] (range 1000)))))
(println "still running")
