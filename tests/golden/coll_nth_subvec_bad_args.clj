;; nth with not-found answers it for a negative index before looking at the
;; type (RT.nthFrom); subvec of nil checks the bounds before v.count() fails.
(defmacro ex [form]
  `(try ~form (catch Throwable e# (.getName (class e#)))))
(prn (ex (nth :a/b -1 3)) (ex (nth 42 -5 :nf)) (ex (nth #{1} -1 :nf)) (ex (nth {:a 1} -1 :nf)))
(prn (ex (nth :a/b 0 3)) (ex (nth 42 1 :nf)) (ex (nth #{1} 0 :nf)))
(prn (ex (nth [1 2] -1 :nf)) (ex (nth "ab" -1 :nf)) (ex (nth '(1) -1 :nf)) (ex (nth nil -1 :nf)))
(prn (ex (nth :a/b -1)) (ex (nth [1] -1)) (ex (nth nil -1)))
(prn (ex (subvec nil -1)) (ex (subvec nil 5 3)) (ex (subvec nil 0)) (ex (subvec nil 0 0))
     (ex (subvec nil 1 2)) (ex (subvec nil -1 2)))
(prn (ex (subvec [1 2] -1)) (ex (subvec [1 2] 3)) (ex (subvec :k 0)) (ex (subvec :k -1 0)))
