(require '[bidi.bidi :as bidi])
(println "loaded")
(def routes ["/" {"index.html" :index
                  "articles/" {"index.html" :article-index
                               [:id "/article.html"] :article
                               [:id "/edit"] :edit}
                  ["users/" [#"\d+" :uid]] :user
                  "static/" {true :static}}])
(prn (bidi/match-route routes "/index.html"))
(prn (bidi/match-route routes "/articles/index.html"))
(prn (bidi/match-route routes "/articles/123/article.html"))
(prn (bidi/match-route routes "/articles/abc/edit"))
(prn (bidi/match-route routes "/users/42"))
(prn (bidi/match-route routes "/users/xx"))
(prn (bidi/match-route routes "/nope"))
(prn (bidi/path-for routes :index))
(prn (bidi/path-for routes :article :id 123))
(prn (bidi/path-for routes :user :uid 7))
(prn (bidi/match-route ["/" {:get {"a" :get-a} :post {"a" :post-a}}] "/a" :request-method :post))
(prn (bidi/match-route ["/blog" [["/foo" :foo] [["/bar/" :id] :bar]]] "/blog/bar/99"))
(prn (bidi/path-for ["/blog" [["/foo" :foo] [["/bar/" :id] :bar]]] :bar :id "x y"))
(prn (bidi/match-route ["/" [[["item/" [keyword :k]] :item] [["n/" [long :n]] :num]]] "/item/abc"))
(prn (bidi/match-route ["/" [[["item/" [keyword :k]] :item] [["n/" [long :n]] :num]]] "/n/12"))
(prn (bidi/route-seq ["/" {"a" :a "b" {"c" :c}}]))
(prn (bidi/match-route ["/" (bidi/tag :foo :bar-tag)] "/"))
(prn (bidi/url-encode "a b/c") (bidi/url-decode "a%20b"))
(prn (bidi/path-for ["/" {(bidi/alts "x" "y") :xy}] :xy))
