;; The server scripts/bench-http.sh loads with wrk: org.httpkit.server on
;; cljw, 127.0.0.1, a free port (printed), serving until killed.
(require '[org.httpkit.server :as server])

(defn handler [_]
  {:status 200 :headers {"Content-Type" "text/plain"} :body "hello world"})

(def stop (server/run-server handler {:ip "127.0.0.1" :port 0
                                      :thread (or (some-> (System/getenv "HTTP_THREADS") parse-long) 4)}))
(println "port" (:local-port (meta stop)))
(flush)
@(promise)
