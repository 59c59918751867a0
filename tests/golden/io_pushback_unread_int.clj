;; PushbackReader.unread(int) pushes back (char) c: -1 comes back as U+FFFF.
(let [r (java.io.PushbackReader. (java.io.StringReader. "ab") 4)]
  (println (.read r))
  (.unread r -1)
  (println (.read r) (.read r))
  (.unread r 65)
  (.unread r 66)
  (println (char (.read r)) (char (.read r)) (.read r) (.read r))
  (.unread r 65601)
  (println (.read r)))
