;; clojure.test names the line of a failing `is` that another macro built
;; (so the `is` form has no :line): the line of the innermost enclosing form
;; read from source, which a macro sees as clojure.lang.Compiler/LINE.
(require '[clojure.test :refer [deftest is are testing run-tests]])

(defmacro line-here [] @clojure.lang.Compiler/LINE)
(defmacro nested [] `(line-here))
(prn :lines (line-here)
     (nested)
     (let [x 1]
       (nested)))

(defmacro chk [x]
  `(is (= 1 ~x)))

(defmacro chk2 [x] (list 'is (list '= 1 x)))

(deftest built-by-syntax-quote
  (chk 2)
  (let [a 1]
    (chk 3)))

(deftest built-by-list
  (chk2 2)
  (when true
    (chk2 (+ 1
             2))))

(deftest written-directly
  (testing "an is form read from source names its own line"
    (is (= 1
           2)))
  (are [x y] (= x y)
    1 2
    3 3))

(binding [clojure.test/*test-out* *out*]
  (let [r (run-tests)]
    (prn (select-keys r [:test :pass :fail :error]))))
