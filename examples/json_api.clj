;; A small JSON API: an http-kit server with a Ring handler over an atom,
;; and babashka.http-client calls against it. Runs unchanged on babashka
;; (the namespaces are babashka's); on cljw: `cljw examples/json_api.clj`.
;; Listens on 127.0.0.1 at a free port and stops when done.
(require '[org.httpkit.server :as server]
         '[babashka.http-client :as http]
         '[cheshire.core :as json]
         '[clojure.string :as str])

(def todos (atom (sorted-map)))
(def next-id (atom 0))

(defn json-response [status data]
  {:status status
   :headers {"Content-Type" "application/json"}
   :body (json/generate-string data)})

(defn handler [{:keys [request-method uri body]}]
  (let [[_ id] (re-matches #"/todos/(\d+)" uri)]
    (cond
      (and (= :get request-method) (= "/todos" uri))
      (json-response 200 (vals @todos))

      (and (= :post request-method) (= "/todos" uri))
      (let [{:keys [title]} (json/parse-string (slurp body) true)]
        (if (str/blank? title)
          (json-response 422 {:error "title is required"})
          (let [id (swap! next-id inc)
                todo {:id id :title title :done false}]
            (swap! todos assoc id todo)
            (json-response 201 todo))))

      (and id (= :put request-method))
      (if-let [todo (get @todos (parse-long id))]
        (let [updated (merge todo (select-keys (json/parse-string (slurp body) true) [:title :done]))]
          (swap! todos assoc (:id todo) updated)
          (json-response 200 updated))
        (json-response 404 {:error "no such todo"}))

      (and id (= :delete request-method))
      (do (swap! todos dissoc (parse-long id))
          {:status 204})

      :else (json-response 404 {:error "not found"}))))

(def stop (server/run-server handler {:ip "127.0.0.1" :port 0}))
(def base (str "http://127.0.0.1:" (:local-port (meta stop)) "/todos"))

(defn call [method url & [data]]
  (let [resp (http/request (cond-> {:method method :uri url :throw false
                                    :headers {"Accept" "application/json"}}
                             data (assoc :body (json/generate-string data)
                                         :headers {"Content-Type" "application/json"})))]
    [(:status resp) (when-not (str/blank? (:body resp))
                      (json/parse-string (:body resp) true))]))

(try
  (prn (call :post base {:title "write the server"}))
  (prn (call :post base {:title "call it"}))
  (prn (call :post base {:title ""}))
  (prn (call :put (str base "/1") {:done true}))
  (prn (call :get base))
  (prn (call :delete (str base "/2")))
  (prn (call :get base))
  (prn (call :get (str base "/9")))
  (finally
    (stop)))
