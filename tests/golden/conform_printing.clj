;; *print-dup* prints strings and chars readably even under print;
;; *print-meta* shows a var's metadata; Symbol/Keyword name methods.
(println (binding [*print-dup* true] (print-str "hi" \a [1 "b"] #{"s"})))
(println (binding [*print-dup* true] (pr-str "x" 1 1N 1M 2/3 :k 'sym nil)))
(def ^{:tag-a 1 :type :anything} some-var 42)
(let [s (binding [*print-meta* true] (pr-str #'some-var))]
  (prn (.startsWith s "^{") (.endsWith s "#'user/some-var") (.contains s ":tag-a 1") (.contains s ":type :anything")))
(println (binding [*print-meta* true] (pr-str (with-meta [1 2] {:m true}) (with-meta 'sy {:x 1}))))
(prn (.getName 'a/b) (.getNamespace 'a/b) (.getNamespace 'b) (.getName :ns/kw) (.getNamespace :kw) (.sym :ns/kw))
