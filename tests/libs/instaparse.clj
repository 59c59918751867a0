(require '[instaparse.core :as insta])
(println "loaded")
(def arith
  (insta/parser
   "expr = term (('+' | '-') term)*
    term = factor (('*' | '/') factor)*
    factor = number | <'('> expr <')'>
    number = #'[0-9]+'"))
(prn (arith "1+2*(3-4)"))
(prn (insta/transform
      {:number read-string
       :factor identity
       :term (fn ([x] x) ([a op b & more] (reduce (fn [acc [o v]] ((if (= o "*") * /) acc v)) a (cons [op b] (partition 2 more)))))
       :expr (fn ([x] x) ([a op b & more] (reduce (fn [acc [o v]] ((if (= o "+") + -) acc v)) a (cons [op b] (partition 2 more)))))}
      (arith "2*3+4-1")))
(def ab (insta/parser "S = AB* ; AB = A B ; A = 'a'+ ; B = 'b'+"))
(prn (ab "aaabbab"))
(prn (insta/failure? (ab "aaac")))
(println (pr-str (ab "aaac")))
(def words (insta/parser "sentence = word (<' '> word)* ; word = #'[a-z]+'" :output-format :enlive))
(prn (words "hello big world"))
(prn (insta/parses (insta/parser "S = 'a' S | 'a' 'a' | 'a'") "aa"))
(prn (insta/span (arith "1+2") ))
