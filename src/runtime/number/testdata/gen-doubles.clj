(let [r (java.util.Random. 42)]
  (doseq [i (range 3000)]
    (let [bits (case (mod i 3)
                 0 (.nextLong r)
                 1 (Double/doubleToLongBits (* (.nextDouble r) (Math/pow 10 (- (.nextInt r 40) 20))))
                 2 (Double/doubleToLongBits (/ (double (.nextInt r 100000)) (Math/pow 10 (.nextInt r 8)))))
          d (Double/longBitsToDouble bits)]
      (when-not (Double/isNaN d)
        (println bits (Double/toString d))))))
