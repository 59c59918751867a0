;; Character's code-point statics (instaparse's ABNF %x terminals use
;; codePointAt and toChars).
(println (Character/codePointAt "abc" 1) (Character/codePointAt (StringBuilder. "xyz") (int 2))
         (Character/codePointAt "a\u00e9" 1))
(println (Character/charCount 65) (Character/charCount 0x1F4A9)
         (Character/isSupplementaryCodePoint 0x1F4A9) (Character/isSupplementaryCodePoint 65)
         (Character/isValidCodePoint 0x110000) (Character/isValidCodePoint 0))
(println (String. (Character/toChars 65)) (String. (Character/toChars 0x1F4A9))
         (= "\uD83D\uDCA9" (String. (Character/toChars 0x1F4A9))))
(println (try (Character/toChars -1) (catch IllegalArgumentException e (.getMessage e))))
(println (Character/codePointAt "\uD83D\uDCA9!" 0))
