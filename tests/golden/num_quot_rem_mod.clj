;; quot/rem/mod with negatives across types
(doseq [[a b] [[7 2] [-7 2] [7 -2] [-7 -2] [6 3] [-6 3] [0 5] [5 7] [-5 7]]]
  (println a b "quot" (quot a b) "rem" (rem a b) "mod" (mod a b)))
(doseq [[a b] [[7.5 2] [-7.5 2] [7.5 -2] [7 2.0] [-7 2.5]]]
  (println a b "quot" (quot a b) "rem" (rem a b) "mod" (mod a b)))
(doseq [[a b] [[7N 2] [-7N 2] [7 -2N] [-7/2 2] [7/2 -1]]]
  (prn a b (quot a b) (rem a b) (mod a b)))
(prn (mod 10 3) (mod -10 3) (mod 10 -3) (mod -10 -3))
(prn (rem Long/MIN_VALUE -1) (quot 10 3) (quot -10 3))
(prn (try (quot Long/MIN_VALUE -1) (catch ArithmeticException e (ex-message e))))
(prn (even? 0) (even? -2) (odd? -3) (try (even? 1.5) (catch IllegalArgumentException e (ex-message e))))
(prn (mod 5.5 2) (rem -5.5 2) (quot -5.5 2))
