;; print-method / print-dup as multimethods: methods on :type metadata,
;; on classes, nested printing through the writer, pr/prn/print/str.
(def x (with-meta {:a 1} {:type ::thing}))
(defmethod print-method ::thing [v w] (.write w (str "#thing" (pr-str (into {} v)))))
(prn x)
(println x)
(prn [x x] {:k x} (list x))
(prn (pr-str x) (str x) (print-str x) (prn-str x))
(prn (str [x]))
(prn (with-out-str (pr x)))
(prn (type x) (isa? (type x) ::thing))
(prn (fn? (get-method print-method ::thing)))

;; a method that prints its parts through print-method follows pr/print
(defmethod print-method ::wrapped [v w]
  (.write w "<")
  (print-method (vec v) w)
  (.write w ">"))
(def wrapped (with-meta '(1 "a" \b :c) {:type ::wrapped}))
(prn wrapped)
(print wrapped) (newline)
(println [wrapped])

;; overriding a built-in class's printing, then removing it
(defmethod print-method java.lang.Long [v w] (.write w (str "L" v)))
(prn 1 [2 3] {:n 4})
(prn (str 5) (str [5]))
(print 6 [7]) (newline)
(remove-method print-method java.lang.Long)
(prn 1 [2 3])

;; a derived :type keyword uses its parent's method
(derive ::special-thing ::thing)
(prn (with-meta {:b 2} {:type ::special-thing}))

;; :type without a method prints normally, even with *print-meta*
(def y (with-meta [1 2] {:type :nomethod :extra true}))
(prn y)
(binding [*print-meta* true] (prn y))

;; print-method is a multimethod with a default
(prn (class print-method) (class print-dup))
(prn (contains? (methods print-method) :default)
     (contains? (methods print-method) Object)
     (contains? (methods print-method) nil))

;; calling print-method directly on built-in values
(let [w (java.io.StringWriter.)]
  (print-method [1 "two" :three] w)
  (.write w " ")
  (print-method nil w)
  (prn (str w)))

;; a writer's .write and .append
(let [w (java.io.StringWriter.)]
  (.write w "abc")
  (.append w "d")
  (.write w "efgh" 1 2)
  (prn (str w)))
