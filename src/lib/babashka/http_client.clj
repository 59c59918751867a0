(ns babashka.http-client
  "babashka.http-client for cljw: HTTP requests with the API of
  github.com/babashka/http-client (request, get, post, put, delete, head,
  patch, client), written over cljw.http.client (Rust, on ureq) following
  the library's documented behaviour and source (no JVM jar to record
  against here).

  Differences: plain HTTP only (https throws); no :async, :interceptors,
  cookies, proxies or SSL options; a response body is not decompressed, so
  no accept-encoding is sent; `:client` may be a map from `client` or a
  fn (called with the request map, as in babashka)."
  (:refer-clojure :exclude [get])
  (:require [cljw.http.client :as native]
            [clojure.string :as str]))

(def default-client-opts
  "Options used to create the (implicit) default client."
  {:follow-redirects :always
   :request {:headers {:accept "*/*"
                       :user-agent "babashka.http-client/cljw"}}})

(defn client
  "A client: `:follow-redirects` (`:never`, `:always`, `:normal`),
  `:connect-timeout` (ms), `:request` (default request options)."
  [opts]
  {:client (select-keys opts [:follow-redirects :connect-timeout])
   :request (:request opts)
   :type ::client})

(def ^:private default-client (delay (client default-client-opts)))

(def ^:private unexceptional-statuses
  #{200 201 202 203 204 205 206 207 300 301 302 303 304 307})

(defn- coerce-key [k]
  (if (keyword? k) (subs (str k) 1) (str k)))

(defn- encode-params [m]
  (str/join "&"
            (for [[k v] m
                  v (if (sequential? v) v [v])]
              (str (native/url-encode (coerce-key k)) "=" (native/url-encode (str v))))))

(defn- uri-string [uri]
  (if (map? uri)
    (let [{:keys [scheme host port path query]} uri]
      (str scheme "://" host (when port (str ":" port)) path (when query (str "?" query))))
    (str uri)))

(defn- merge-opts [x y]
  (if (and (map? x) (map? y)) (merge x y) y))

(defn- lower-case-headers
  "Header names as lower-case strings, a later entry winning: a caller's
  \"Accept\" replaces the default :accept instead of adding a second."
  [headers]
  (reduce (fn [m [k v]] (assoc m (str/lower-case (coerce-key k)) v)) {} headers))

(defn- prepare [req]
  (let [{:keys [basic-auth oauth-token accept query-params form-params]} req]
    (cond-> (update req :headers lower-case-headers)
      accept (assoc-in [:headers "accept"] (case accept :json "application/json"))
      basic-auth (assoc-in [:headers "authorization"]
                           (let [[user pass] (if (sequential? basic-auth)
                                               basic-auth
                                               [(:user basic-auth) (:pass basic-auth)])]
                             (str "Basic " (native/base64 (str user ":" pass)))))
      oauth-token (assoc-in [:headers "authorization"] (str "Bearer " oauth-token))
      true (update :uri uri-string)
      query-params (update :uri (fn [u]
                                  (str u (if (str/includes? u "?") "&" "?")
                                       (encode-params query-params))))
      form-params (-> (assoc :body (encode-params form-params))
                      (update :headers
                              (fn [h]
                                (if (contains? h "content-type")
                                  h
                                  (assoc h "content-type"
                                         "application/x-www-form-urlencoded"))))))))

(defn- header-pairs [headers]
  (for [[k v] headers
        :when (some? v)
        v (if (sequential? v) v [v])]
    [(coerce-key k) (str v)]))

(defn request
  "Performs a request and returns the response map: `:status`, `:body`,
  `:headers` (lower-case names), `:version`, `:uri` and `:request`.

  Options: `:uri` (a string or a map of :scheme :host :port :path :query),
  `:method` (:get :post :put :delete :head :patch ...), `:headers`,
  `:query-params`, `:form-params`, `:body` (string, bytes, file or input
  stream), `:basic-auth`, `:oauth-token`, `:accept` (:json), `:as`
  (:string, :bytes or :stream), `:timeout` (ms), `:client`, and `:throw`
  (default true: an ex-info with the response as data for statuses other
  than 200-207, 300-304 and 307)."
  [opts]
  (let [c (or (:client opts) @default-client)]
    (if (fn? c)
      (c opts)
      (let [req (merge-with merge-opts (:request c) (dissoc opts :client))
            req (prepare req)
            copts (:client c)
            resp (native/request
                  {:method (name (or (:method req) :get))
                   :uri (:uri req)
                   :headers (header-pairs (:headers req))
                   :body (:body req)
                   :as (or (:as req) :string)
                   :timeout (:timeout req)
                   :connect-timeout (or (:connect-timeout req) (:connect-timeout copts))
                   :follow-redirects (not= :never (:follow-redirects copts :always))})
            resp (assoc resp :uri (:uri req) :request req)]
        (if (or (false? (:throw req))
                (contains? unexceptional-statuses (:status resp)))
          resp
          (throw (ex-info (str "Exceptional status code: " (:status resp)) resp)))))))

(defn get
  "Convenience wrapper for `request` with method `:get`"
  ([uri] (get uri nil))
  ([uri opts] (request (assoc opts :uri uri :method :get))))

(defn head
  "Convenience wrapper for `request` with method `:head`"
  ([uri] (head uri nil))
  ([uri opts] (request (assoc opts :uri uri :method :head))))

(defn post
  "Convenience wrapper for `request` with method `:post`"
  ([uri] (post uri nil))
  ([uri opts] (request (assoc opts :uri uri :method :post))))

(defn put
  "Convenience wrapper for `request` with method `:put`"
  ([uri] (put uri nil))
  ([uri opts] (request (assoc opts :uri uri :method :put))))

(defn delete
  "Convenience wrapper for `request` with method `:delete`"
  ([uri] (delete uri nil))
  ([uri opts] (request (assoc opts :uri uri :method :delete))))

(defn patch
  "Convenience wrapper for `request` with method `:patch`"
  ([uri] (patch uri nil))
  ([uri opts] (request (assoc opts :uri uri :method :patch))))
