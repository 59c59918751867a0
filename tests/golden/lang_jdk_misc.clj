;; JDK members libraries use: seeded java.util.Random (the JDK's LCG),
;; Long/Integer bit operations, Locale, java.util.Arrays, BigInteger and
;; String from bytes, Map.Entry and transient interop, .withMeta.
(let [r (java.util.Random. 42)]
  (println (.nextInt r) (.nextInt r 100) (.nextInt r 64) (.nextLong r))
  (println (.nextDouble r) (.nextBoolean r) (.nextGaussian r) (.nextGaussian r))
  (.setSeed r 7)
  (println (.nextInt r 1000) (instance? java.util.Random r)))
(try (.nextInt (java.util.Random. 1) 0) (catch IllegalArgumentException e (println (.getMessage e))))
(println (Long/numberOfLeadingZeros 255) (Long/numberOfTrailingZeros 8) (Long/bitCount -1)
         (Integer/numberOfLeadingZeros 1) (Integer/bitCount -1) (Long/highestOneBit 100)
         (Long/lowestOneBit 96) (Integer/reverse 1) (Long/rotateLeft 1 65) (Integer/rotateRight 1 1)
         (Long/signum -9) (Long/compare 1 2) (Integer/highestOneBit -1) (Long/reverseBytes 1))
(println (str java.util.Locale/US) (.getLanguage java.util.Locale/US) (.getCountry java.util.Locale/UK)
         (str (java.util.Locale. "fr" "ca")) (.toUpperCase "abc" java.util.Locale/ROOT))
(let [a (long-array [5 3 1 4])]
  (java.util.Arrays/sort a)
  (println (vec a) (vec (java.util.Arrays/copyOfRange a 1 3)) (vec (java.util.Arrays/copyOf a 6))
           (java.util.Arrays/toString a) (java.util.Arrays/equals a (long-array [1 3 4 5]))))
(let [a (object-array 3)] (java.util.Arrays/fill a :x) (println (vec a) (vec (java.util.Arrays/asList a))))
(println (BigInteger. (byte-array [1 0])) (BigInteger. (byte-array [-1])) (String. (byte-array [104 105]) "UTF-8")
         (String. (char-array "chars")))
(let [e (first {:a 1})] (println (.getKey e) (.getValue e) (.key e) (.val e)))
(println (meta (.withMeta [1 2] {:m 1})) (.meta (with-meta {} {:k 2})))
(let [t (transient {:a 1})]
  (.assoc t :b 2)
  (println (.valAt t :b) (.valAt t :z :nf) (.count t) (persistent! t)))
