;; Character/digit and Character/forDigit (tools.reader reads \uXXXX and
;; \oNNN escapes with them).
(prn (Character/digit \a 16) (Character/digit \z 16) (Character/digit \7 8)
     (Character/digit \9 8) (Character/digit \Z 36) (Character/digit 65 16)
     (Character/digit \5 50) (Character/digit \5 1) (Character/digit \F 16))
(prn (Character/digit \٣ 10) (Character/digit \Ａ 16) (Character/digit \５ 10)
     (Character/digit \é 16) (Character/digit \- 10))
(prn (Character/forDigit 11 16) (Character/forDigit 3 10) (Character/forDigit 35 36)
     (int (Character/forDigit 20 10)) (int (Character/forDigit 1 40)))
(prn (reduce (fn [acc c] (+ (* acc 16) (Character/digit c 16))) 0 "7fFf"))
