;; java.math.BigInteger's bit operations: shiftLeft/shiftRight (either sign),
;; and/or/xor/andNot/not (two's complement), testBit.
(def b (biginteger 12345678901234567890))
(def m (.negate b))
(println (.shiftLeft b 3) (.shiftLeft b -3) (.shiftRight b 70) (.shiftRight m 3) (.shiftRight m 200) (.shiftLeft m 65))
(println (.and b (biginteger 255)) (.and m (biginteger 255)) (.or m (biginteger 7)) (.xor b m) (.not b) (.not (biginteger 0)) (.andNot b (biginteger 15)))
(println (.testBit b 0) (.testBit b 1) (.testBit m 0) (.testBit m 300) (.testBit b 300))
(println (try (.testBit b -1) (catch ArithmeticException e (.getMessage e))))
(println (class (.shiftLeft b 1)) (.shiftRight (biginteger -1) 5) (.shiftRight (biginteger -7) 1))
