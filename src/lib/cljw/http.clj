(ns cljw.http
  "HTTP under cljw's own name: the server of cljw.http.server (http-kit's
  API: Ring handlers in, a stop fn out) and the client of
  babashka.http-client, in one namespace."
  (:refer-clojure :exclude [get])
  (:require [cljw.http.server :as server]
            [babashka.http-client :as client]))

(def ^{:arglists '([handler] [handler opts])
       :doc "cljw.http.server/run-server: serves the Ring handler; returns a stop fn."}
  run-server server/run-server)
(def ^{:arglists '([server])} server-port server/server-port)
(def ^{:arglists '([server])} server-status server/server-status)
(def ^{:arglists '([server] [server opts])} server-stop! server/server-stop!)

(def ^{:arglists '([opts])
       :doc "babashka.http-client/request: a Ring-style request map in, a response map out."}
  request client/request)
(def ^{:arglists '([uri] [uri opts])} get client/get)
(def ^{:arglists '([uri] [uri opts])} head client/head)
(def ^{:arglists '([uri] [uri opts])} post client/post)
(def ^{:arglists '([uri] [uri opts])} put client/put)
(def ^{:arglists '([uri] [uri opts])} delete client/delete)
(def ^{:arglists '([uri] [uri opts])} patch client/patch)
