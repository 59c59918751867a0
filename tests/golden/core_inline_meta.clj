;; clojure.core fns carry the JVM's :inline / :inline-arities metadata:
;; the expansion forms (what riddley.walk's macroexpand-all inlines) and
;; their values when evaluated.
(defn ex [s & args]
  (let [m (meta (resolve s))
        a (:inline-arities m)]
    [(apply (:inline m) args) (if (set? a) (sort a) (when a (mapv a [0 1 2 3])))]))
(doseq [[s args] '[[nil? [x]] [identical? [a b]] [= [a b]] [compare [a b]] [zero? [x]] [count [x]]
                   [int [x]] [nth [c i]] [nth [c i nf]] [< [a b]] [inc' [x]] [inc [x]]
                   [+' [a b c]] [+ [a]] [+ [a b c d]] [*' [a b]] [* [a b]] [/ [a b]] [-' [a]]
                   [- [a b c]] [<= [a b]] [> [a b]] [>= [a b]] [== [a b]] [max [a b c]] [min [a b]]
                   [abs [a]] [dec' [x]] [dec [x]] [unchecked-inc-int [x]] [unchecked-negate [x]]
                   [unchecked-subtract [x y]] [pos? [x]] [quot [a b]] [rem [a b]] [bit-not [x]]
                   [bit-and [a b c]] [bit-and-not [a b]] [bit-shift-left [x n]] [get [m k]]
                   [get [m k d]] [boolean [x]] [reduced? [x]] [num [x]] [long [x]] [float [x]]
                   [char [x]] [unchecked-char [x]] [alength [a]] [aclone [a]] [aget [a i]]
                   [aset [a i v]] [float-array [a]] [long-array [a b]] [object-array [a]]
                   [NaN? [x]] [infinite? [x]]]]
  (prn s (apply ex s args)))
(println (:inline (meta #'map)) (fn? (:inline-arities (meta #'+))) (fn? (:inline (meta #'+))))
(binding [*unchecked-math* true]
  (prn (ex '+ 'a 'b) (ex 'int 'x) (ex 'char 'x) (ex 'inc 'x) (ex '- 'x)))
;; the expansions evaluate
(defn run [s & args] (eval (first (apply ex s args))))
(prn (run '+ 1 2 3) (run '- 5) (run '- 10 2 3) (run '* 2 3) (run '/ 1 2) (run 'max 1 5 3)
     (run 'nil? nil) (run '= 1 1) (run 'identical? :a :a) (run 'compare 1 2) (run 'zero? 0)
     (run 'count [1 2]) (run 'int 3.5) (run 'nth [1 2] 1) (run 'nth [1 2] 5 :nf) (run '< 1 2)
     (run 'inc 1) (run 'dec 1) (run 'unchecked-inc-int 1) (run 'unchecked-negate 5)
     (run 'unchecked-subtract 5 2) (run 'unchecked-add-int 1 2) (run 'unchecked-multiply-int 2 3)
     (run 'unchecked-divide-int 7 2) (run 'unchecked-remainder-int 7 2) (run 'unchecked-dec-int 1)
     (run 'unchecked-negate-int 1) (run 'unchecked-subtract-int 1 3))
(prn (run 'bit-and 7 3 1) (run 'bit-and-not 7 2) (run 'bit-not 0) (run 'bit-shift-left 1 3)
     (run 'get {:a 1} :a) (run 'get {} :a :d) (run 'boolean nil) (run 'reduced? 1)
     (run 'num 1) (run 'long 1.5) (run 'float 1) (run 'double 1) (run 'char 65)
     (run 'unchecked-char 66) (run 'unchecked-byte 300) (run 'unchecked-short 70000)
     (run 'unchecked-float 1) (run 'unchecked-double 1) (run 'abs -3) (run 'NaN? ##NaN)
     (run 'infinite? 1.0) (run 'quot 7 2) (run 'rem 7 2) (run 'pos? 1) (run 'neg? 1))
(prn (class (run 'unchecked-add-int 1 2)) (class (run 'unchecked-byte 1)))
(prn (run 'alength '(long-array 3)) (vec (run 'aclone '(long-array [1 2])))
     (run 'aget '(long-array [4 5]) 1) (run 'aset '(long-array 2) 0 9)
     (vec (run 'long-array 3)) (vec (run 'long-array 2 [7 8])) (vec (run 'int-array [1 2]))
     (vec (run 'double-array 2)) (vec (run 'float-array [1])) (vec (run 'short-array 1))
     (vec (run 'byte-array 1)) (vec (run 'char-array 1)) (vec (run 'boolean-array 1))
     (vec (run 'object-array 2)))
