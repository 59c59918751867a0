;; doto returns the target after running every form on it
(def a (atom 0))
(prn (= a (doto a (swap! inc) (swap! + 10))))
(prn @a)
(prn @(doto (atom []) (swap! conj 1) (swap! conj 2) (-> deref prn)))
(prn (doto 5 println (println "again")))
(let [sb (doto (StringBuilder.) (.append "ab") (.append 12) (.append \c))]
  (prn (str sb)))
