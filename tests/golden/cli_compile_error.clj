;; Forms run one by one: the first prints before the second fails to compile.
(println "first form runs")
(undefined-symbol-here 1 2)
(println "never printed")
