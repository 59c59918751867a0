;; anagram groups and palindromes over a literal word list
(def words ["listen" "silent" "enlist" "google" "gooegl" "cat" "act" "tac" "dog" "god" "level" "radar" "hello" "noon"])
(def groups (group-by sort words))
(doseq [g (sort (map (comp vec sort) (filter #(> (count %) 1) (vals groups))))]
  (println g))
(println (filter #(= (seq %) (reverse %)) words))
(println (sort-by (juxt count identity) (distinct (map #(apply str (sort %)) words))))
(println (frequencies (map count words)))
(println (count (filter #(= 1 (count %)) (vals groups))))
(println (apply str (interpose "," (sort words))))
