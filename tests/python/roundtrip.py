#!/usr/bin/env python3
"""Round-trips newsgraph's exports through networkx.

    python3 tests/python/roundtrip.py DIR

For every DIR/NAME.json (node-link JSON, the contract) it reads DIR/NAME.graphml with
networkx.read_graphml and DIR/NAME.gexf with networkx.read_gexf, and checks that all three
hold the same nodes and links with the same typed attributes: ints as int, booleans as bool,
labels and Arabic names as written, aliases and evidence as JSON text that decodes to the
JSON export's values, and GEXF intervals on dated events. Prints "N passed, N failed" and
exits non-zero on any failure.
"""
import collections
import glob
import json
import os
import sys

import networkx as nx

passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def edge_multiset(g, attr="relation"):
    return collections.Counter((u, v, d.get(attr)) for u, v, d in g.edges(data=True))


def check_one(base):
    name = os.path.basename(base)
    with open(base + ".json", encoding="utf-8") as f:
        data = json.load(f)
    gj = nx.node_link_graph(data, edges="links")
    nodes = {n["id"]: n for n in data["nodes"]}
    check(f"{name}: JSON is a directed multigraph", gj.is_directed() and gj.is_multigraph())
    check(f"{name}: JSON node count", gj.number_of_nodes() == len(data["nodes"]), gj.number_of_nodes())
    check(f"{name}: JSON link count", gj.number_of_edges() == len(data["links"]), gj.number_of_edges())
    want_edges = edge_multiset(gj)

    gm = nx.read_graphml(base + ".graphml")
    check(f"{name}: GraphML node count", gm.number_of_nodes() == len(nodes), gm.number_of_nodes())
    check(f"{name}: GraphML edge count", gm.number_of_edges() == len(data["links"]), gm.number_of_edges())
    check(f"{name}: GraphML links", edge_multiset(gm) == want_edges)
    check(f"{name}: GraphML documents", len(json.loads(gm.graph["documents"])) == len(data["graph"]["documents"]))
    for nid, attrs in gm.nodes(data=True):
        n = nodes.get(nid)
        if n is None:
            check(f"{name}: GraphML node {nid} is in the JSON", False)
            continue
        check(f"{name}: GraphML {nid} mentions is an int", type(attrs["mentions"]) is int and attrs["mentions"] == n["mentions"], attrs.get("mentions"))
        check(f"{name}: GraphML {nid} label", attrs["label"] == n["label"], attrs["label"])
        check(f"{name}: GraphML {nid} kind", attrs["kind"] == n["kind"])
        check(f"{name}: GraphML {nid} Arabic name", attrs.get("name_ar") == n["names"].get("ar"), attrs.get("name_ar"))
        check(f"{name}: GraphML {nid} aliases", json.loads(attrs["aliases"]) == n["aliases"])
        if "date" in n:
            check(f"{name}: GraphML {nid} date_inferred is a bool", type(attrs["date_inferred"]) is bool and attrs["date_inferred"] == n["date"]["inferred"])
            check(f"{name}: GraphML {nid} date_start", attrs["date_start"] == n["date"]["start"])
        if n.get("evidence"):
            check(f"{name}: GraphML {nid} evidence", json.loads(attrs["evidence"]) == n["evidence"])

    gx = nx.read_gexf(base + ".gexf")
    check(f"{name}: GEXF is dynamic", gx.graph.get("mode") == "dynamic")
    check(f"{name}: GEXF node count", gx.number_of_nodes() == len(nodes), gx.number_of_nodes())
    check(f"{name}: GEXF edge count", gx.number_of_edges() == len(data["links"]), gx.number_of_edges())
    check(f"{name}: GEXF links", edge_multiset(gx) == want_edges)
    dated = 0
    for nid, attrs in gx.nodes(data=True):
        n = nodes.get(nid)
        if n is None:
            check(f"{name}: GEXF node {nid} is in the JSON", False)
            continue
        check(f"{name}: GEXF {nid} mentions is an int", type(attrs["mentions"]) is int and attrs["mentions"] == n["mentions"])
        check(f"{name}: GEXF {nid} label", attrs["label"] == n["label"])
        check(f"{name}: GEXF {nid} Arabic name", attrs.get("name_ar") == n["names"].get("ar"))
        if "date" in n:
            check(f"{name}: GEXF {nid} date_inferred is a bool", type(attrs["date_inferred"]) is bool and attrs["date_inferred"] == n["date"]["inferred"])
            has_year = not n["date"]["start"].startswith("--")
            check(f"{name}: GEXF {nid} interval only with a year", ("start" in attrs) == has_year, attrs.get("start"))
            if has_year:
                dated += 1
                check(f"{name}: GEXF {nid} interval covers the date",
                      attrs["start"] <= attrs["end"] and attrs["start"][: len(n["date"]["start"])] == n["date"]["start"][:10],
                      (attrs["start"], attrs["end"], n["date"]))
        else:
            check(f"{name}: GEXF {nid} undated has no interval", "start" not in attrs)
    timed = 0
    for u, v, attrs in gx.edges(data=True):
        src = gx.nodes[u]
        if "start" in src:
            want = (src["start"], src["end"])
        elif attrs.get("date_start") and not attrs["date_start"].startswith("--"):
            want = "an interval"
        else:
            want = None
        got = (attrs["start"], attrs["end"]) if "start" in attrs else None
        ok = got is not None if want == "an interval" else got == want
        check(f"{name}: GEXF edge {u} -> {v} interval", ok, (got, want))
        timed += got is not None
    print(f"{name}: {len(nodes)} nodes, {len(data['links'])} links, "
          f"{dated} dated nodes and {timed} timed links in GEXF")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    bases = sorted(p[:-5] for p in glob.glob(os.path.join(sys.argv[1], "*.json")))
    if not bases:
        sys.exit(f"{sys.argv[1]}: no *.json exports to check")
    for base in bases:
        check_one(base)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
