;; Java regex semantics: ASCII \d\w\s\b, lookaround, backrefs, possessive/atomic, POSIX classes, \Q..\E, flags, String regex methods
(prn (re-seq #"\d+" "a1٣2b") (re-seq #"\w+" "héllo wörld_1") (re-find #"\s" "a\u00a0b") (re-seq #"\bfoo\b" "foo föo foo_ foo."))
(prn (re-seq #"(?=(\d\d))" "1234") (re-seq #"(?<=a)b" "ab cb ab") (re-find #"(\w)\1" "abccd") (re-find #"a++b" "aaab") (re-find #"(?>a+)b" "aab"))
(prn (re-find #"\p{Alpha}+" "abc123") (re-find #"\p{Punct}+" "a!?b") (re-find #"\p{Upper}\p{Lower}+" "xHello") (re-find #"\p{L}+" "héllo") (re-find #"\p{IsAlphabetic}+" "héllo1"))
(prn (re-find #"\Qa.b\E+" "a.bb") (re-find #"(?i)hello" "HeLLo") (re-find #"(?<year>\d{4})-(?<m>\d\d)" "on 2024-05") (re-matches #"(?s)a.b" "a\nb") (re-find #"(?x) a b # comment" "ab"))
(prn (re-find #"a\Z" "a\n") (re-find #"\Aa" "ab") (re-find #"[\d-]+" "a1-2b") (re-find #"[^\s]+" " xy ") (re-find #"\h" "a\tb") (re-find #"[a-z&&[^aeiou]]+" "abcde"))
(prn (.replaceAll "a1b22" "\\d" "#") (.replaceFirst "a1b22" "\\d+" "<$0>") (.matches "abc" "a.c") (vec (.split "a1b2c" "\\d")))
(prn (re-find #"\x41\u0042\t" "AB\t") (re-find #"[\x{1F600}]" "😀") (re-find #"\cA" "\u0001") (re-seq #"." "a😀b"))
