;; recur with a value of another type than a primitive local's: the JVM
;; compiler boxes a loop's long/double local (recur of an Object, a double
;; to a long ...), and otherwise throws " recur arg for primitive local"
;; (boolean and char locals, short/char args to a long, ^long/^double fn
;; params), or a NullPointerException for nil where no box is possible.
(defn try-form [label form]
  (let [r (try (pr-str (eval form))
               (catch Throwable e
                 (let [c (or (ex-cause e) e)]
                   (str "THROWS " (.getName (class e)) " / " (.getName (class c)) ": " (ex-message c)))))]
    (println label "=>" r)))

(try-form 1 '(loop [i 0] (if (< i 3) (recur (+ i 0.5)) i)))
(try-form 2 '(loop [i 0] (if (< i 3) (recur (str i)) i)))
(try-form 3 '(loop [i 0 s "a"] (if (< (count s) 3) (recur (char 65) (str s "a")) i)))
(try-form 4 '(loop [b (pos? 1) n 0] (if (< n 3) (recur false (inc n)) b)))
(try-form 5 '(loop [b (pos? 1) n 0] (if (< n 3) (recur (neg? n) (inc n)) b)))
(try-form 6 '(loop [b (pos? 1) n 0] (if (< n 3) (recur nil (inc n)) b)))
(try-form 7 '(loop [b (< 1 2) n 0] (if (< n 3) (recur n (inc n)) b)))
(try-form 8 '(loop [b (= 1 2) n 0] (if (< n 3) (recur (not b) (inc n)) b)))
(try-form 9 '(loop [c (char 65) n 0] (if (< n 3) (recur (char 66) (inc n)) c)))
(try-form 10 '(loop [c (char 65) n 0] (if (< n 3) (recur 66 (inc n)) c)))
(try-form 11 '(loop [d 1.5 n 0] (if (< n 3) (recur 2 (inc n)) d)))
(try-form 12 '(loop [d 1.5 n 0] (if (< n 3) (recur (float 2) (inc n)) d)))
(try-form 13 '(loop [i (int 0)] (if (< i 3) (recur (inc i)) i)))
(try-form 14 '(loop [i (count [1 2])] (if (< i 5) (recur (+ i 1)) i)))
(try-form 15 '(loop [s (short 1) n 0] (if (< n 3) (recur (short 2) (inc n)) s)))
(try-form 16 '(loop [s (short 1) n 0] (if (< n 3) (recur 2 (inc n)) s)))
(try-form 17 '(loop [i 0] (if (< i 3) (recur (short 2)) i)))
(try-form 18 '((fn [^long x] (if (< x 3) (recur (str x)) x)) 0))
(try-form 19 '((fn [^long x] (if (< x 3) (recur (+ x 0.5)) x)) 0))
(try-form 20 '((fn [^double x] (if (< x 3) (recur 5) x)) 0))
(try-form 21 '(loop [b true n 0] (if (< n 3) (recur 1 (inc n)) b)))
(try-form 22 '(loop [i 0] (if (< i 3) (recur nil) i)))
(try-form 23 '(loop [b (zero? 0) n 0] (if (< n 2) (recur (if (odd? n) true false) (inc n)) b)))
(try-form 24 '(loop [i 0 acc []] (if (< i 3) (recur (inc i) (conj acc i)) acc)))
(try-form 25 '(loop [b (nil? 1) n 0] (if (< n 2) (recur (nil? n) (inc n)) b)))
(try-form 26 '(loop [i 0] (if (< i 3) (recur (Integer. 5)) i)))
(try-form 27 '(loop [i 0] (if (< i 3) (recur (long (+ i 1))) i)))
(try-form 28 '(loop [c (char 65) n 0] (if (< n 3) (recur \b (inc n)) c)))
(try-form 29 '(let [x 1] (loop [b (instance? String x) n 0] (if (< n 2) (recur (string? x) (inc n)) b))))
(try-form 30 '(loop [i 0] (if (< i 3) (recur (int 7)) i)))
(try-form 31 '(loop [i 0] (cond (= i 1) (recur (char 65)) (< i 3) (recur "x") :else i)))
(try-form 32 '(loop [i 0 b (pos? 1)] (if (< i 2) (recur "x" 5) [i b])))
(try-form 33 '((fn [^double d] (if (< d 3) (recur (inc d)) d)) 0.0))
(try-form 34 '(loop [x (long 1)] (if (< x 4) (recur (* x 2)) x)))
(try-form 35 '(let [n (int 5)] (loop [i n] (if (< i 7) (recur (inc i)) i))))
(try-form 36 '(loop [i 0] (if (< i 3) (recur (loop [j 0] (if (< j 2) (recur (inc j)) (+ i j)))) i)))
(try-form 37 '(loop [b (= 1 1) n 0] (if (< n 2) (recur (let [x n] (> x 5)) (inc n)) b)))
(try-form 38 '((fn [^long x ^double y] (if (< x 2) (recur (inc x) (* y 2)) [x y])) 0 1.0))
(try-form 39 '(loop [c (char 97) n 0] (if (< n 2) (recur (if (odd? n) \a \b) (inc n)) c)))
(try-form 40 '(loop [d (+ 1.5 1) n 0] (if (< n 2) (recur (+ d 1) (inc n)) d)))
