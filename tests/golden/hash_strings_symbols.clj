;; hash of strings, symbols, keywords, chars (Murmur3-based hasheq)
(doseq [s ["" "a" "b" "ab" "abc" "hello world" "Hello" "HELLO" "é" "日本" "😀" "\n" "a b c d e f g h" "0123456789"]]
  (println (pr-str s) (hash s) (hash (symbol s)) (hash (keyword s))))
(doseq [s ['a/b 'clojure.core/map :ns/kw ::local :a/b]]
  (println s (hash s)))
(doseq [c [\a \b \space \newline \u00e9 \u4e2d]]
  (println (pr-str c) (hash c)))
(println (hash (str "a" "b")) (hash "ab") (= (hash 'x) (hash (symbol "x"))))
(println (map hash [true false nil]))
