;; read-string options: :read-cond :preserve keeps #? forms as
;; ReaderConditionals (tagged literals inside them as TaggedLiterals),
;; :features adds platform features, an unknown :read-cond is :disallow.
(defn show [opts s]
  (println s "=>"
           (try (let [x (read-string opts s)]
                  (pr-str x (type x)))
                (catch Exception e (str (.getSimpleName (class e)) ": " (.getMessage e))))))

(show {:read-cond :preserve} "#?(:clj foo :cljs bar)")
(show {:read-cond :preserve} "#?@(:clj [foo])")
(show {:read-cond :preserve} "[1 #?(:cljs #js {:x 1 :y 2}) 2]")
(show {:read-cond :preserve} "#?(:clj #my.ns.Rec [42 85])")
(show {:read-cond :preserve} "#?(:clj #?(:x 1) :y #=(+ 1 2))")
(show {:read-cond :preserve} "#js {:x 1}")
(show {:read-cond :preserve} "#?@(:clj [1 2])")
(show {:read-cond :allow :features #{:foo}} "[#?(:foo foo-form :bar bar-form)]")
(show {:read-cond :allow :features #{:bar}} "[#?(:foo foo-form :bar bar-form)]")
(show {:read-cond :allow :features #{:baz}} "[#?(:foo foo-form :bar bar-form)]")
(show {:read-cond :BOGUS} "#?(:clj 1)")
(show {:read-cond :BOGUS} "5")
(show {:read-cond 12} "#?(:clj 1)")
(show {:eof :done} "")
(let [rc (read-string {:read-cond :preserve} "#?(:cljs #js [1 2] :clj 3)")
      [_ tl] (:form rc)]
  (prn (reader-conditional? rc) (:splicing? rc) (get rc :nope :dflt))
  (prn (tagged-literal? tl) (:tag tl) (:form tl) (= tl (tagged-literal 'js [1 2])))
  (prn (= rc (reader-conditional (:form rc) false))))
(prn (read {:read-cond :preserve} (java.io.PushbackReader. (java.io.StringReader. "#?(:clj 1 :cljs 2)"))))
