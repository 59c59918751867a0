(require '[clojure.core.match :refer [match]])
(println "loaded")
(defn fizz [n]
  (match [(mod n 3) (mod n 5)]
    [0 0] "FizzBuzz"
    [0 _] "Fizz"
    [_ 0] "Buzz"
    :else n))
(prn (map fizz (range 1 16)))
(prn (match [1 2 3] [_ _ 3] :a3 :else :none))
(prn (match {:a 1 :b 2} {:a 1 :b b} [:got b] :else :no))
(prn (match [[1 2 3]] [[1 & r]] r :else nil))
(prn (match [:x] [(:or :x :y)] :xy :else :other))
(prn (match [5] [(n :guard odd?)] [:odd n] :else :even))
(prn (match [{:type :circle :r 2}]
       [{:type :square :s s}] (* s s)
       [{:type :circle :r r}] (* 3 r r)))
(prn (match ['(1 2)] [([a b] :seq)] (+ a b) :else 0))
(prn (match [[1 [2 3]]] [[a [b c]]] (+ a b c)))
(prn (let [x 4] (match [x] [1] :one [4] :four :else :many)))
(prn (match [nil] [nil] :nil :else :some))
(prn (match ["s"] [(s :guard string?)] (str s "!") :else nil))
