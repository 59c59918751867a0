(ns cljw.json
  "JSON under cljw's own name: a thin layer over cheshire.core and
  clojure.data.json, which share one Rust reader and writer. `encode` and
  `decode` are cheshire's generate-string and parse-string (decode keeps
  keys as keywords unless told otherwise); `read-str` and `write-str` are
  clojure.data.json's."
  (:require [cheshire.core :as cheshire]
            [clojure.data.json :as data.json]))

(defn encode
  "x as a JSON string; opts as cheshire.core/generate-string's
  (:pretty, :key-fn, :date-format, :escape-non-ascii)."
  ([x] (cheshire/generate-string x))
  ([x opts] (cheshire/generate-string x opts)))

(defn decode
  "The value of the JSON string s, object keys as keywords. key-fn as
  cheshire.core/parse-string's: true keywordizes, false/nil keeps strings,
  a fn is applied to each key."
  ([s] (cheshire/parse-string s true))
  ([s key-fn] (cheshire/parse-string s key-fn)))

(defn decode-strict
  "decode, reading the whole top-level value eagerly (cheshire's
  parse-string-strict)."
  ([s] (cheshire/parse-string-strict s true))
  ([s key-fn] (cheshire/parse-string-strict s key-fn)))

(defn encode-stream
  "Writes x as JSON to the java.io.Writer w; returns w."
  ([x w] (cheshire/generate-stream x w))
  ([x w opts] (cheshire/generate-stream x w opts)))

(defn decode-stream
  "Reads one JSON value from the java.io.Reader r, keys as keywords unless
  key-fn says otherwise."
  ([r] (cheshire/parse-stream r true))
  ([r key-fn] (cheshire/parse-stream r key-fn)))

(defn read-str
  "clojure.data.json/read-str: string keys unless :key-fn says otherwise."
  [s & options]
  (apply data.json/read-str s options))

(defn write-str
  "clojure.data.json/write-str."
  [x & options]
  (apply data.json/write-str x options))
