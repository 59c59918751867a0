;; some-fn / every-pred: evaluation order and return values of the unrolled arities
(prn ((some-fn even? neg?) 3) ((some-fn even?) 3) ((some-fn :a :b) {:b 1} {:a 2}) ((some-fn nil? false?) 1 2 3 4) ((some-fn even? odd? neg? pos?) 1) ((some-fn even? odd? neg? zero?) -1 -3))
(prn ((some-fn :x) {} {} {} {} {:x 5}) ((some-fn #{1} #{2}) 3 3) ((some-fn (constantly false)) 1) ((some-fn (constantly false)) 1 2 3 4))
(prn ((every-pred odd?) 1) ((every-pred odd? pos?) 1 3 -5) ((every-pred odd?)) ((some-fn odd?)))
