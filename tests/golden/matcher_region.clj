;; java.util.regex.Matcher: region, lookingAt, reset; start/end stay
;; offsets into the whole text; anchors match at the region's ends.
(defn info [m] [(.group m) (.start m) (.end m)])
(let [m (re-matcher #"[a-z]+" "12abc34def")]
  (prn (.lookingAt m))
  (.region m 2 10)
  (prn (.lookingAt m) (info m))
  (.region m 4 10)
  (prn (.find m) (info m) (.find m) (info m) (.find m)))
(let [m (re-matcher #"^\d+$" "ab123cd")]
  (prn (.find m))
  (.region m 2 5)
  (prn (.find m) (info m) (.matches (.region m 2 5)) (.matches (.region m 1 5))))
(let [m (re-matcher #"(\w)(\d)?" "é x1")]
  (.region m 2 4)
  (prn (.lookingAt m) (.group m 1) (.group m 2) (.start m) (.end m))
  (.reset m)
  (prn (.lookingAt m) (.find m) (.group m 0)))
(prn (try (.region (re-matcher #"a" "abc") 2 1) (catch IndexOutOfBoundsException e (.getMessage e)))
     (try (.region (re-matcher #"a" "abc") 0 9) (catch IndexOutOfBoundsException e (.getMessage e)))
     (try (.region (re-matcher #"a" "abc") -1 2) (catch IndexOutOfBoundsException e (.getMessage e))))
