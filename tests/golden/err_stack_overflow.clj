;; deep non-tail recursion overflows the stack; caught as StackOverflowError
(defn depth [n] (if (zero? n) 0 (inc (depth (dec n)))))
(println (depth 1000))
(println (try (depth 10000000) (catch StackOverflowError e "stack overflow caught")))
(println "still running")
