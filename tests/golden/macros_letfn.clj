;; letfn: mutually recursive local fns
(prn (letfn [(my-even? [n] (if (zero? n) true (my-odd? (dec n))))
             (my-odd? [n] (if (zero? n) false (my-even? (dec n))))]
       [(my-even? 10) (my-odd? 10) (my-even? 7)]))
(prn (letfn [(f ([] (f 10)) ([x] (* x 2)))] [(f) (f 3)]))
(prn (letfn [(fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))] (map fib (range 12))))
(prn (letfn [(g [& xs] (count xs))] (g 1 2 3)))
(prn (letfn [(h [{:keys [a]}] a)] (h {:a :destructured})))
(prn (macroexpand-1 '(letfn [(f [x] x)] (f 1))))
