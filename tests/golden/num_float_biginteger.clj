;; java.lang.Float and java.math.BigInteger: classes, printing, hashing,
;; equality, ordering, arithmetic contagion, casts and interop.
(defn t [f] (try (prn (f)) (catch Throwable e (println (.getName (class e)) (pr-str (.getMessage e))))))
(def f15 (float 1.5))
(def f11 (float 1.1))
(def b10 (biginteger 10))
(def huge (biginteger 1e20))

;; classes and predicates
(prn (class f15) (class b10) (class huge) (class (numerator 3/4)) (class (.toBigInteger 5N)))
(prn (float? f15) (double? f15) (rational? f15) (integer? f15) (number? f15) (instance? Number f15) (instance? Float f15))
(prn (integer? b10) (int? b10) (rational? b10) (float? b10) (nat-int? b10) (instance? Number b10) (instance? java.math.BigInteger b10))

;; printing: pr, print, str
(prn f15 f11 (float 0.1) (float 100) (float 1e7) (float 0.001) (float 1e-4) (float 1e-46) (float 1e15) (float 1/3))
(prn Float/MAX_VALUE Float/MIN_VALUE Float/MIN_NORMAL Float/POSITIVE_INFINITY Float/NEGATIVE_INFINITY Float/NaN)
(println f15 (float 0.1) Float/NaN Float/POSITIVE_INFINITY b10 huge)
(prn (str f11) (str (float 0.1)) (str Float/NaN) (str Float/NEGATIVE_INFINITY) (str b10) (str huge) (pr-str [f15 b10]) (print-str {:f f11 :b huge}))
(prn (double f11) (double (float 0.1)) (double f15) (float -0.0) (- (float 0.0)))

;; hash
(prn (hash f15) (hash f11) (hash (float -0.0)) (hash (float 0.0)) (hash Float/NaN) (hash (float 1)))
(prn (hash b10) (hash 10) (hash 10N) (hash huge) (hash (bigint 1e20)) (hash (biginteger -1)))
(prn (.hashCode f15) (.hashCode b10) (.hashCode huge) (hash [f15 b10]) (hash #{b10}))

;; = and ==
(prn (= f15 1.5) (= f11 1.1) (== f11 1.1) (= (float 1) 1) (== (float 1) 1) (= f15 (float 1.5)) (= Float/NaN Float/NaN))
(prn (= b10 10) (= 10 b10) (= b10 10N) (= b10 10.0) (== b10 10.0) (= huge (bigint 1e20)) (= b10 (biginteger 10)))
(prn (.equals f15 1.5) (.equals f15 (float 1.5)) (.equals b10 10) (.equals b10 (biginteger 10)) (.equals b10 10N))
(prn (get {10 :a} b10) (get {10N :a} b10) (get (hash-map 10 :a) b10) (contains? #{10} b10) (get {1.5 :x} f15) (contains? #{1.5} f15))

;; compare and sorting
(prn (compare f11 1.1) (compare f15 1.5) (compare b10 11) (compare b10 9.5) (< f11 1.1) (> f11 1.1) (< b10 huge) (<= b10 10N))
(prn (sort [1 (float 0.5) 0.25 1N 3/4 0.9M b10 (float 2.5)]))
(prn (sort [3 b10 2N 1.5 huge (float 2.75)]) (sort > [b10 (float 1.5) 2 huge]))
(prn (into (sorted-set) [b10 (float 1.5) 3 huge]) (max b10 3) (min b10 3) (reduce max [f15 1]) (reduce min [f15 1]))

;; arithmetic contagion: Float computes as Double, BigInteger as BigInt
(prn (+ f15 1) (+ f15 f15) (- f15) (* f15 2) (/ f15 2) (/ (float 1) 3) (inc f15) (dec f15) (abs (float -2.5)))
(prn (+ f15 1N) (+ f15 1/2) (+ f15 1.5M) (* f11 1.1) (quot (float 7.5) 2) (rem (float 7.5) 2) (mod (float -7.5) 2))
(prn (map class [(+ f15 1) (* f15 f15) (- f15) (inc f15) (abs f15)]))
(prn (+ b10 1) (+ b10 b10) (- b10) (* b10 2) (/ b10 4) (/ b10 5) (quot b10 3) (rem b10 3) (mod b10 -3) (inc b10) (dec b10))
(prn (+' b10 1) (*' huge huge) (+ b10 1.5) (+ b10 1/2) (+ b10 1.5M) (abs (biginteger -5)) (- huge 1))
(prn (map class [(+ b10 1) (- b10) (quot b10 3) (abs b10) (/ b10 5)]))
(prn (zero? (float 0)) (pos? f15) (neg? (float -1)) (zero? (biginteger 0)) (pos? b10) (neg? b10) (even? b10) (odd? huge) (NaN? Float/NaN))

;; casts
(prn (float 1) (float 1N) (float 1.5M) (float b10) (float 16777217) (unchecked-float 1e39) (unchecked-float 1/3))
(prn (long f15) (int (float 2.9)) (long (float -2.9)) (bigint f11) (bigdec f11) (rationalize f11) (rationalize f15) (num f15))
(prn (biginteger 1e20) (biginteger 1.9) (biginteger 7/2) (biginteger 1.9M) (biginteger 5N) (biginteger "-123") (biginteger b10))
(prn (long b10) (int b10) (double huge) (bigint b10) (bigint huge) (bigdec huge) (num b10) (rationalize b10) (char (biginteger 65)))
(prn (numerator 3/4) (denominator -3/4) (unchecked-long huge) (unchecked-int huge))
(t #(float 1e39))
(t #(float -1e39))
(t #(float ##Inf))
(t #(float nil))
(t #(int (float 1e10)))
(t #(long (float 1e20)))
(t #(long huge))
(t #(biginteger "abc"))
(t #(biginteger nil))
(t #(biginteger ##NaN))
(t #(bit-and b10 1))
(t #(bit-or (float 1) 1))
(t #(even? (float 2)))
(t #(/ b10 0))

;; interop
(prn (Float. "1.5") (Float. 2.5) (Float/parseFloat "1.1") (Float/valueOf "0.1") (Float/isNaN Float/NaN) (Float/compare (float 1) (float 2)))
(prn (BigInteger. "12345678901234567890") (BigInteger. "ff" 16) (BigInteger/valueOf 5) BigInteger/ONE BigInteger/TEN (.toBigInteger 1.9M))
(prn (.doubleValue f11) (.floatValue 1.5) (.intValue b10) (.longValue huge) (.isNaN f15) (.compareTo f15 (float 2)))
(prn (.add b10 b10) (.multiply b10 huge) (.negate b10) (.pow b10 3) (.signum (biginteger -4)) (.bitLength b10) (.toString b10 16) (.mod (biginteger -7) (biginteger 3)))
(prn (format "%.3f %s %e" f11 f11 f15) (format "%d %s %x %05d" b10 huge b10 (biginteger -42)))
(t #(Float. "abc"))
(t #(BigInteger. "12x"))
(t #(.add b10 1))

;; arrays
(let [a (float-array [1 2.5 1.1])]
  (prn (vec a) (class (aget a 0)) (alength a) (map class (seq a)) (reduce + a)))
(prn (vec (float-array 3)) (vec (float-array 2 1.5)) (vec (double-array [1 2])) (vec (float-array 3 [1.5])))
