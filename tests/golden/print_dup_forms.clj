;; read-string then pr-str round trips
(doseq [s ["1" "1.5" "1/2" "1N" "1.5M" "\"a\\nb\"" "\\a" "\\newline" ":k" ":a/b" "sym" "a/b" "nil" "true"
           "[1 [2]]" "(1 (2))" "{:a 1}" "#{1}" "'x" "`x" "@x" "#'x" "^:m x" "#\"re\"" "(fn [x] x)"
           "#inst \"2020-01-01T00:00:00.000-00:00\"" "#uuid \"00000000-0000-0000-0000-000000000000\""
           "0x10" "1e3" "##Inf" "#:a{:b 1}" "[]" "()" "{}" "#{}"]]
  (let [form (read-string s)]
    (println s "=>" (pr-str form))))
