;; A script whose last form starts a server: as on the JVM (http-kit's
;; non-daemon thread), the process keeps serving after the script ends,
;; until a request to /stop stops the server and the process exits.
(require '[org.httpkit.server :as hk])

(declare stop)

(defn handler [req]
  (if (= "/stop" (:uri req))
    (do (future (Thread/sleep 100) (stop))
        {:body "stopping"})
    {:body "still serving"}))

(def stop (hk/run-server handler {:port 0}))
(println "port" (:local-port (meta stop)))
(flush)
