;; Reader.read into a char array, PushbackReader.unread of a range,
;; String from a char-array range.
(let [r (java.io.PushbackReader. (java.io.StringReader. "hello, world") 8)
      buf (char-array 5)]
  (println (.read r buf 0 5) (String. buf) (.read r buf 1 2) (vec buf))
  (.unread r buf 0 3)
  (println (char (.read r)) (.read r buf) (String. buf 0 3)))
(let [r (java.io.StringReader. "ab") buf (char-array 4)]
  (println (.read r buf) (.read r buf) (String. buf 0 2)))
(println (try (String. (char-array "abc") 2 5) (catch StringIndexOutOfBoundsException e (class e))))
(println (class java.time.format.DateTimeFormatter/ISO_INSTANT))
