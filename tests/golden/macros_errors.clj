;; syntax errors thrown while expanding macros (caught from eval)
(defn err [form]
  (try (eval form) :no-error
       (catch Throwable e
         (let [c (or (ex-cause e) e)]
           [(.getName (class c)) (ex-message c)]))))
(prn (err '(cond 1)))
(prn (err '(loop [a] a)))
(prn (err '(loop a)))
(prn (err '(binding [a] 1)))
(prn (err '(case 1 1 :a 1 :b)))
(prn (err '(case 1 (1 2) :a (2 3) :b)))
(prn (err '(cond-> 1 true)))
(prn (err '(dotimes [i] i)))
(prn (err '(when-first [a] a)))
(prn (err '(let [a] 1)))
(prn (err '(fn 1)))
(prn (err '(defn 1 [] 1)))
(prn (err '(if-let [a 1 b 2] a)))
(prn (err '(when)))
(prn (err '(for [x [1] :bad 1] x)))
(defmacro two-args [a b] [a b])
(prn (err '(two-args 1)))
