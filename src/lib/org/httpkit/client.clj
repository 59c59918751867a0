(ns org.httpkit.client
  "http-kit's client API (request, get, post, put, delete, head, patch,
  options) on cljw's HTTP client: each call runs on a future and returns a
  promise of the response map `{:opts :status :headers :body}`, `:headers`
  with lower-case keyword keys; a failure is `{:opts :error}` rather than
  a throw; a callback, if given, gets the response and its result is the
  promise's value, as in http-kit.

  Options: `:url`, `:method`, `:headers`, `:query-params`, `:form-params`,
  `:body`, `:basic-auth`, `:oauth-token`, `:user-agent`, `:timeout` (ms),
  `:follow-redirects` (true), `:as` (:text (default), :byte-array,
  :stream). Plain HTTP only; no :keepalive, :sslengine, :proxy-url,
  :multipart or :filter."
  (:refer-clojure :exclude [get])
  (:require [babashka.http-client :as http]))

(def ^:private no-redirects (http/client {:follow-redirects :never}))

(defn- call [{:keys [url method as follow-redirects user-agent] :as opts}]
  (try
    (let [resp (http/request
                (cond-> (-> (select-keys opts [:headers :query-params :form-params :body
                                               :basic-auth :oauth-token :timeout])
                            (assoc :uri url
                                   :method (or method :get)
                                   :throw false
                                   :as (case (or as :text)
                                         (:text :auto) :string
                                         :byte-array :bytes
                                         :stream :stream)))
                  user-agent (assoc-in [:headers "user-agent"] user-agent)
                  (false? follow-redirects) (assoc :client no-redirects)))]
      {:opts (assoc opts :method (or method :get))
       :status (:status resp)
       :headers (into {} (map (fn [[k v]] [(keyword k) v])) (:headers resp))
       :body (:body resp)})
    (catch Exception e
      {:opts opts :error e})))

(defn request
  "Sends the request on a future; returns a promise of the response (see
  the namespace doc). With `callback`, the promise holds its result."
  ([opts] (request opts nil))
  ([opts callback]
   (let [p (promise)]
     (future
       (let [resp (call opts)]
         (deliver p (if callback
                      (try (callback resp) (catch Exception e {:opts opts :error e}))
                      resp))))
     p)))

(defmacro ^:private defreq [method]
  `(defn ~method
     ~(str "Issues an async HTTP " (.toUpperCase (name method)) " request. See `request`.")
     ([~'url] (~method ~'url nil nil))
     ([~'url ~'opts] (~method ~'url ~'opts nil))
     ([~'url ~'opts ~'callback]
      (request (assoc ~'opts :method ~(keyword (name method)) :url ~'url) ~'callback))))

(defreq get)
(defreq post)
(defreq put)
(defreq delete)
(defreq head)
(defreq patch)
(defreq options)
