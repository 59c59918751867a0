;; Boxed-number statics and constructors, unchecked casts of doubles,
;; Class/forName and array fills.
(defn try* [f] (try (f) (catch Exception e [(.getName (class e)) (.getMessage e)])))
(prn Byte/MAX_VALUE Byte/MIN_VALUE Short/MAX_VALUE Short/MIN_VALUE (int Character/MAX_VALUE))
(prn (Byte. (byte 5)) (Short. (short -7)) (Short. "12") (try* #(Byte. "300")))
(prn (map unchecked-int [Float/MAX_VALUE Double/MAX_VALUE -1e20 Double/NaN 3.99 -3.99 Long/MAX_VALUE]))
(prn (map unchecked-short [1e10 -1e10 70000 3.7]) (map unchecked-byte [1e10 200 -129 2.5]))
(prn (map unchecked-long [1e30 -1e30 2.9]))
(prn (Class/forName "java.lang.String") (= String (Class/forName "java.lang.String"))
     (= (class (long-array 0)) (Class/forName "[J")) (try* #(Class/forName "no.such.Klass")))
(prn (vec (boolean-array 3 true)) (vec (char-array 2 \z)) (vec (long-array 2 7)) (vec (double-array 3 [1 2])))
