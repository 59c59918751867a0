;; recur with the wrong number of args is a compile error (exit 1)
(println "before")
(loop [a 1 b 2] (if (> a 5) a (recur (inc a))))
(println "never")
