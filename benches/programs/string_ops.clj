;; str, subs, clojure.string ops and StringBuilder.
;; expect: 3651849 200000
(require '[clojure.string :as s])
(let [parts (map #(str "item-" % "-" (* % 3)) (range 200000))
      joined (s/join "," parts)
      splitted (s/split joined #",")]
  (println (count (s/upper-case joined)) (count (filter #(s/starts-with? (subs % 0 5) "item") splitted))))
