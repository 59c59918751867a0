;; nested collections, strings and chars inside, prn vs println
(def data {:name "Ann \"A\" Smith"
           :tags #{"a"}
           :scores [1 2.5 3/4 4N 5M]
           :nested {:v [[1 [2 [3 [4]]]]] :l '((a) (b c))}
           :chars [\a \space \newline \tab \\ \" \u00e9]
           :nil nil :bools [true false]
           :syms '[x ns/y] :kws [:k :ns/k]})
(prn (:name data))
(println (:name data))
(prn (:chars data))
(println (:chars data))
(prn (:scores data))
(prn (:nested data))
(println (:nested data))
(prn (:syms data) (:kws data) (:bools data) (:nil data))
(println [nil "s" \c 'sym :kw])
(prn [nil "s" \c 'sym :kw])
(prn "line1\nline2\ttab\\back\"q\"")
(println "line1\nline2\ttab\\back\"q\"")
(prn "\u0000\u0001\u007f" "\r" "é€😀")
(prn \a \A \0 \space \newline \tab \return \formfeed \backspace \u0000 \u00ff \u20ac)
(print "no newline" 1 :k "\"q\"" \c) (println)
(pr "pr" 1 :k "\"q\"" \c) (println)
(println (str "str:" nil :k 'sym \c 1.5 [1 "a"] '("x")))
(println (pr-str "a" \b :c) (print-str "a" \b :c) (prn-str [1]) (println-str [1]))
(prn (pr-str "a" \b :c) (print-str "a" \b :c) (prn-str [1]) (println-str [1]))
(prn (str) (str nil) (str "") (pr-str) (pr-str nil) (pr-str ""))
