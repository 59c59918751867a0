;; and / or short-circuit and return values
(prn (and) (or))
(prn (and 1) (or 1))
(prn (and 1 2 3) (and 1 nil 3) (and false nil))
(prn (or nil false 3) (or false nil) (or nil 0 1))
(prn (and (do (println "a") true) (do (println "b") false) (do (println "c") true)))
(prn (or (do (println "x") nil) (do (println "y") 42) (do (println "z") 0)))
(let [x 5]
  (prn (and (> x 1) (< x 10) :in-range))
  (prn (or (> x 10) (< x 0) :neither)))
(prn (macroexpand-1 '(and a)))
(prn (macroexpand-1 '(or a)))
(prn (macroexpand-1 '(and)))
(prn (macroexpand-1 '(or)))
