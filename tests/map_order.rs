//! Hash maps and sets iterate in exactly the JVM's order. Expected key
//! orders in tests/data/map_order.txt were printed by JVM Clojure 1.11.1
//! (the script is in the header comment of that data's generator below).
//!
//! Generator (run with `clojure`): for each case, `(println (str id "|"
//! (pr-str (keys m))))`, e.g. long-N = `(zipmap (range N) (range N))`,
//! str-N = `(into {} (map (fn [i] [(str "k" i) i]) (range N)))`,
//! kw-N = `(zipmap (map keyword (map str (repeat "k") (range N))) (range))`.

use cljw::runtime::Value;
use cljw::runtime::coll::{ArrayMap, HashMap, HashSet, TransientMap};
use cljw::runtime::gc::Ref;
use cljw::runtime::printer::pr_str;
use cljw::runtime::seq;

fn longs(it: impl Iterator<Item = i64>) -> Vec<Value> {
    it.map(Value::long).collect()
}

/// The 16 strings of "Aa"/"BB" blocks: all share one String.hashCode.
fn coll_strs() -> Vec<Value> {
    let mut out = Vec::new();
    for a in ["Aa", "BB"] {
        for b in ["Aa", "BB"] {
            for c in ["Aa", "BB"] {
                for d in ["Aa", "BB"] {
                    out.push(Value::string(format!("{a}{b}{c}{d}")));
                }
            }
        }
    }
    out.extend((0..10).map(|i| Value::string(format!("x{i}"))));
    out
}

/// Keys of a case, in insertion order.
fn case_keys(id: &str) -> Option<Vec<Value>> {
    let (kind, n) = id.rsplit_once('-')?;
    let n: i64 = n.parse().ok()?;
    Some(match kind {
        "long" => longs(0..n),
        "neglong" => longs((0..n).map(|i| i * -7919 * 1000003)),
        "bigl" => longs((0..n).map(|i| i * 123456789012)),
        "str" => (0..n).map(|i| Value::string(format!("k{i}"))).collect(),
        "kw" => (0..n)
            .map(|i| Value::keyword(None, &format!("k{i}")))
            .collect(),
        "nskw" => (0..n)
            .map(|i| Value::keyword(Some("ns"), &format!("k{i}")))
            .collect(),
        "sym" => (0..n)
            .map(|i| Value::symbol(None, &format!("s{i}")))
            .collect(),
        "vec" => (0..n)
            .map(|i| Value::vector(vec![Value::long(i), Value::long(2 * i)]))
            .collect(),
        _ => return None,
    })
}

fn print_keys<'a>(keys: impl Iterator<Item = &'a Value>) -> String {
    let ks: Vec<String> = keys.map(pr_str).collect();
    format!("({})", ks.join(" "))
}

fn build_persistent(keys: &[Value]) -> HashMap {
    let mut m = HashMap::empty();
    for (i, k) in keys.iter().enumerate() {
        m = m.assoc(k.clone(), Value::long(i as i64));
    }
    m
}

/// `(into {} ...)`: a transient array map that grows into a hash map.
fn build_transient(keys: &[Value]) -> Value {
    let mut t = Value::from(Ref::new(TransientMap::from_array_map(&ArrayMap::empty())));
    for (i, k) in keys.iter().enumerate() {
        let cur = t.clone();
        let cljw::runtime::View::TransientMap(tm) = cur.view() else {
            panic!("not a transient map");
        };
        if let Some(next) = tm.assoc(k.clone(), Value::long(i as i64)).expect("assoc!") {
            t = next;
        }
    }
    let cljw::runtime::View::TransientMap(tm) = t.view() else {
        panic!("not a transient map");
    };
    tm.persistent().expect("persistent!")
}

fn seq_keys(m: &Value) -> String {
    let ks: Vec<String> = seq::iter(m)
        .map(|e| match e.expect("seq").view() {
            cljw::runtime::View::MapEntry(me) => pr_str(me.key()),
            _ => panic!("not an entry"),
        })
        .collect();
    format!("({})", ks.join(" "))
}

#[test]
fn iteration_order_matches_jvm() {
    let data = include_str!("data/map_order.txt");
    let mut checked = 0;
    for line in data.lines() {
        let Some((id, expected)) = line.split_once('|') else {
            continue;
        };
        let got = match id {
            "coll-strs" => print_keys(build_persistent(&coll_strs()).keys()),
            "coll-rev" => {
                let mut ks = coll_strs();
                ks.reverse();
                print_keys(build_persistent(&ks).keys())
            }
            "coll-dissoc" => {
                let m = build_persistent(&coll_strs())
                    .without(&Value::string("AaAaAaBB"))
                    .without(&Value::string("AaAaBBAa"))
                    .assoc(Value::string("AaAaAaBB"), Value::long(2));
                print_keys(m.keys())
            }
            "dissoc-long-1000" => {
                let mut m = build_persistent(&longs(0..1000));
                for k in (0..1000).step_by(3) {
                    m = m.without(&Value::long(k));
                }
                print_keys(m.keys())
            }
            "dissoc-long-100-to-5" => {
                let mut m = build_persistent(&longs(0..100));
                for k in 5..100 {
                    m = m.without(&Value::long(k));
                }
                print_keys(m.keys())
            }
            "nil-key-20" => {
                let m = build_persistent(&longs(0..20)).assoc(Value::NIL, Value::long(1));
                print_keys(m.keys())
            }
            "set-long-100" => print_keys(HashSet::from_items(longs(0..100)).iter()),
            "set-str-50" => print_keys(
                HashSet::from_items((0..50).map(|i| Value::string(format!("k{i}")))).iter(),
            ),
            _ => {
                let keys = case_keys(id).unwrap_or_else(|| panic!("unknown case {id}"));
                let persistent = print_keys(build_persistent(&keys).keys());
                let pairs: Vec<(Value, Value)> =
                    keys.iter().map(|k| (k.clone(), Value::NIL)).collect();
                // the lazy seq, the transient path and the literal path agree
                assert_eq!(
                    seq_keys(&build_transient(&keys)),
                    persistent,
                    "{id} transient"
                );
                assert_eq!(
                    seq_keys(&Value::map_from_pairs(pairs)),
                    persistent,
                    "{id} literal"
                );
                persistent
            }
        };
        assert_eq!(got, expected, "case {id}");
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} cases");
}
