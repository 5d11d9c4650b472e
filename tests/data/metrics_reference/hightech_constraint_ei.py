# Reference for tests/test_metrics_brokerage.cpp "real network" cases (run from the repository root).
import csv, networkx as nx
from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw, local_constraint
d = "tests/data/krackhardt_hightech/"
nodes = list(csv.DictReader(open(d + "nodes.csv")))
edges = list(csv.DictReader(open(d + "edges.csv")))
G = nx.DiGraph(); G.add_nodes_from(range(21))
for e in edges: G.add_edge(int(e["source"]) - 1, int(e["target"]) - 1, weight=float(e["weight"]))
print("nodes without out-ties:", [v for v in G if len(G[v]) == 0])
c = {v: sum(local_constraint(G, v, u, weight="weight") for u in set(nx.all_neighbors(G, v))) for v in G}
def es(v):
    N = set(nx.all_neighbors(G, v)) - {v}
    return sum(1 - sum(nmw(G, v, w, weight="weight") * nmw(G, u, w, norm=max, weight="weight")
                       for w in set(nx.all_neighbors(G, v))) for u in N)
print("constraint", [round(c[v], 10) for v in range(21)])
print("nx.constraint agrees where defined:", all(abs(nx.constraint(G, weight="weight")[v] - c[v]) < 1e-12 for v in G if len(G[v])))
print("effective_size", [round(es(v), 10) for v in range(21)])
# E-I (Krackhardt & Stern) of the advice relation by department, each arc once
grp = [n["group"] for n in nodes]
adv = [(int(e["source"]) - 1, int(e["target"]) - 1) for e in edges if e["advice"] == "1"]
I = sum(grp[a] == grp[b] for a, b in adv); E = len(adv) - I
print("advice arcs", len(adv), "internal", I, "external", E, "EI", (E - I) / (E + I))
for g in sorted(set(grp)):
    i = sum(grp[a] == g and grp[b] == g for a, b in adv)
    e = sum((grp[a] == g) != (grp[b] == g) for a, b in adv)
    print(g, "internal", i, "external", e, "EI", (e - i) / (e + i))
