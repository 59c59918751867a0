(require '[net.cgrand.parsley :as p])
(println "loaded")
(def sexpr (p/parser {:main :expr*
                      :space :ws?
                      :root-tag :root}
                     :ws #"\s+"
                     :expr- #{:list :symbol :number}
                     :symbol #"[a-zA-Z+*/-][a-zA-Z0-9+*/-]*"
                     :number #"[0-9]+"
                     :list ["(" :expr* ")"]))
(prn (sexpr "(+ 1 2)"))
(prn (sexpr "(a (b c) 42)"))
(prn (sexpr "(unbalanced"))
(def arith (p/parser {:main :sum}
                     :sum [:prod #{"+" "-"} :prod]
                     :prod #"[0-9]+"))
(prn (arith "1+2"))
(def inc-parser (p/incremental-buffer sexpr))
(def b2 (p/edit inc-parser 0 0 "(x y)"))
(prn (p/parse-tree b2))
(prn (p/parse-tree (p/edit b2 1 1 "z ")))
