;; clojure.java.shell: parse-args and as-env-strings (private, as the JVM has them), *sh-env*, *sh-dir* (no process runs: wasm has none).
(require '[clojure.java.shell :as sh])
(prn (#'sh/parse-args ["ls" :outenc "ISO-8859-1"]) (#'sh/parse-args ["ls" :in "x" :dir "/tmp" :env {:A 1}]))
(prn (seq (#'sh/as-env-strings {:A 1})) (class (#'sh/as-env-strings {:A 1})) (#'sh/as-env-strings ["X=1"]) (#'sh/as-env-strings nil))
(prn sh/*sh-dir* sh/*sh-env* (sh/with-sh-dir "/" sh/*sh-dir*) (sh/with-sh-env {:K "V"} sh/*sh-env*))
(prn (sh/with-sh-dir "/d" (sh/with-sh-env {:K "V"} (#'sh/parse-args ["a" "b" :in "i"]))))
