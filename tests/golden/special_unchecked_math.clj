;; *unchecked-math* set while compiling makes + - * inc dec on longs wrap
;; instead of throwing, as their inline expansions do on the JVM.
(defn checked [^long a] (try (inc a) (catch ArithmeticException e (.getMessage e))))
(set! *unchecked-math* true)
(defn add [^long a ^long b] (+ a b))
(defn mul [^long a ^long b] (* a b))
(defn mix [^long n] (-> n (* -4658895280553007687) (bit-xor (unsigned-bit-shift-right n 30))))
(println (add Long/MAX_VALUE 1) (mul Long/MAX_VALUE 3) (mix 42))
(let [x Long/MIN_VALUE] (println (dec x) (- x) (- x 1) (+ x x x)))
(let [y Long/MAX_VALUE] (println (inc y) (* y y)))
(set! *unchecked-math* false)
(println (checked Long/MAX_VALUE))
(defn add2 [^long a ^long b] (+ a b))
(println (try (add2 Long/MAX_VALUE 1) (catch ArithmeticException e (.getMessage e))))
