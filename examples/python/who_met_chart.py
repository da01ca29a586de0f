#!/usr/bin/env python3
"""Load a newsgraph graph into networkx and pandas, print who met whom, draw the chart.

    newsgraph build page.txt -o graph.json
    python3 examples/python/who_met_chart.py graph.json who_met.png

The JSON is networkx's node-link form (docs: ../shared/docs/graph-contract.md), so
`networkx.node_link_graph(data, edges="links")` reads it as a MultiDiGraph, and pandas reads
`nodes` and `links` as tables. Two persons met when both are linked to one event as participant,
host/guest or inviter/invitee; negated events ("did not meet") do not count.

With --check-top TOP.json (the output of `newsgraph query top -n 0 --json`), it also checks
newsgraph's centrality against networkx's: degree and betweenness equal, PageRank close.
"""
import argparse
import itertools
import json
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402

MEETING = {"participant", "host", "guest", "inviter", "invitee"}


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    graph = nx.node_link_graph(data, edges="links")
    nodes = pd.DataFrame(data["nodes"]).set_index("id")
    links = pd.DataFrame(data["links"])
    return graph, nodes, links


def who_met(graph):
    """One row per pair of persons and event where they met."""
    rows = []
    for event, d in graph.nodes(data=True):
        if d.get("kind") != "event" or d.get("modality") == "negated":
            continue
        out = list(graph.out_edges(event, data="relation"))
        persons = sorted(
            {t for _, t, r in out if r in MEETING and graph.nodes[t].get("kind") == "person"}
        )
        place = ", ".join(sorted(graph.nodes[t]["label"] for _, t, r in out if r == "location"))
        date = (d.get("date") or {}).get("start", "")
        for a, b in itertools.combinations(persons, 2):
            rows.append(
                {
                    "person": graph.nodes[a]["label"],
                    "met": graph.nodes[b]["label"],
                    "type": d.get("event_type", ""),
                    "date": date,
                    "place": place,
                    "modality": d.get("modality", ""),
                    "a": a,
                    "b": b,
                    "event": event,
                }
            )
    cols = ["person", "met", "type", "date", "place", "modality", "a", "b", "event"]
    return pd.DataFrame(rows, columns=cols).sort_values(["date", "person", "met"], ignore_index=True)


def actors(graph, meetings):
    """Every person; a link, weighted by the number of events, between two who met."""
    g = nx.Graph()
    for n, d in graph.nodes(data=True):
        if d.get("kind") == "person":
            g.add_node(n, label=d["label"])
    for (a, b), group in meetings.groupby(["a", "b"]):
        g.add_edge(a, b, weight=group["event"].nunique())
    return g


def draw(g, path, title):
    met = g.subgraph([n for n in g if g.degree(n) > 0])
    fig, ax = plt.subplots(figsize=(14, 10), dpi=100)
    if met.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no meetings in this graph", ha="center", va="center")
    else:
        pos = nx.spring_layout(met, seed=7, k=2.5 / max(1, met.number_of_nodes()) ** 0.5)
        sizes = [300 + 250 * met.degree(n) for n in met]
        widths = [1 + 1.5 * (d["weight"] - 1) for _, _, d in met.edges(data=True)]
        nx.draw_networkx_edges(met, pos, ax=ax, width=widths, edge_color="#8a9bb0")
        nx.draw_networkx_nodes(met, pos, ax=ax, node_size=sizes, node_color="#f4c27a")
        # matplotlib 3.11 shapes Arabic and sets it right to left by itself
        labels = {n: met.nodes[n]["label"] for n in met}
        nx.draw_networkx_labels(met, pos, labels, ax=ax, font_size=9)
    ax.set_title(title)
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def check_top(g, path):
    """Compares `newsgraph query top -n 0 --json` with networkx on the same actors graph."""
    with open(path, encoding="utf-8") as f:
        top = pd.DataFrame(json.load(f)).set_index("id")
    assert set(top.index) == set(g.nodes), "top lists every person"
    nx_deg = nx.degree_centrality(g)
    nx_btw = nx.betweenness_centrality(g, normalized=True)
    met = g.subgraph([n for n in g if g.degree(n) > 0])
    nx_pr = nx.pagerank(met, alpha=0.85, weight=None) if met.number_of_nodes() else {}
    worst = 0.0
    for n, row in top.iterrows():
        assert abs(row["degree"] - nx_deg[n]) < 1e-9, (n, row["degree"], nx_deg[n])
        assert abs(row["betweenness"] - nx_btw[n]) < 1e-9, (n, row["betweenness"], nx_btw[n])
        if n in nx_pr:
            worst = max(worst, abs(row["pagerank"] - nx_pr[n]) / nx_pr[n])
        else:
            assert pd.isna(row["pagerank"]), (n, row["pagerank"])
    print(
        f"check-top: degree and betweenness equal networkx's for {len(top)} persons; "
        f"PageRank within {worst:.1%} of networkx's"
    )
    assert worst < 0.05, f"PageRank differs from networkx by {worst:.1%}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("graph", help="a graph JSON written by `newsgraph build`")
    ap.add_argument("png", nargs="?", default="who_met.png", help="the chart to write")
    ap.add_argument("--check-top", metavar="TOP.json", help="output of `newsgraph query top -n 0 --json`")
    args = ap.parse_args()

    graph, nodes, links = load(args.graph)
    print(
        f"{args.graph}: {len(graph.graph['documents'])} documents, "
        f"{len(nodes)} nodes ({', '.join(f'{k} {v}' for k, v in nodes['kind'].value_counts().items())}), "
        f"{len(links)} links"
    )
    meetings = who_met(graph)
    pd.set_option("display.width", 160)
    pd.set_option("display.max_colwidth", 40)
    print(f"\nwho met whom ({len(meetings)} pairs by event):")
    print(meetings[["person", "met", "type", "date", "place", "modality"]].to_string(index=False))

    g = actors(graph, meetings)
    counts = pd.Series(dict(g.degree()), name="persons met").sort_values(ascending=False)
    counts.index = [g.nodes[n]["label"] for n in counts.index]
    print("\nmost connected:")
    print(counts.head(10).to_string())

    draw(g, args.png, f"Who met whom — {args.graph}")
    print(f"\nwrote {args.png}")
    if args.check_top:
        check_top(g, args.check_top)
    if meetings.empty:
        sys.exit("no meetings in this graph")


if __name__ == "__main__":
    main()
