(ns org.httpkit.server
  "http-kit's server API on cljw's server (see cljw.http.server for the
  options and the differences). Async channels and WebSockets are not
  supported: those fns throw."
  (:require [cljw.http.server :as server]))

(def ^{:arglists '([handler] [handler opts])} run-server server/run-server)
(def ^{:arglists '([server])} server-port server/server-port)
(def ^{:arglists '([server])} server-status server/server-status)
(def ^{:arglists '([server] [server opts])} server-stop! server/server-stop!)

(defn- unsupported [what]
  (throw (UnsupportedOperationException.
          (str "org.httpkit.server/" what
               " is not supported by cljw (no async channels or WebSockets)"))))

(defn as-channel [& _] (unsupported "as-channel"))
(defn send! [& _] (unsupported "send!"))
(defn on-close [& _] (unsupported "on-close"))
(defn on-receive [& _] (unsupported "on-receive"))
(defn close [& _] (unsupported "close"))
(defmacro with-channel [& _] (unsupported "with-channel"))
