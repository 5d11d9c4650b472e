# Builds the Lazega person-network test files from ../../../../shared/data/lazega_lawyers
# (copied to lazega-source-*.csv; see SOURCE.md) and prints NetworkX 2.8.8 reference
# values. Run: cd tests/data/people && /usr/bin/python3 make_lazega.py
import csv, networkx as nx
nodes = list(csv.DictReader(open('lazega-source-nodes.csv')))
edges = list(csv.DictReader(open('lazega-source-edges.csv')))
units = {}
for n in nodes:
    units.setdefault(n['group'] + '-' + n['practice'], n['practice'])
with open('lazega-units.csv', 'w') as f:
    f.write('unit,label,side,headcount\n')
    for u, side in sorted(units.items()):
        f.write(f'{u},{u},{side},\n')
with open('lazega-people.csv', 'w') as f:
    f.write('person,unit,status\n')
    for n in nodes:
        f.write(f"{n['label']},{n['group']}-{n['practice']},{n['status']}\n")
label = {n['id']: n['label'] for n in nodes}
with open('lazega-ties.csv', 'w') as f:
    f.write('source,target,weight\n')
    for e in edges:
        f.write(f"{label[e['source']]},{label[e['target']]},{e['weight']}\n")

# ---- NetworkX reference (lazega-networkx.csv, lazega-networkx-network.csv) ----
unit_of = {n['label']: n['group'] + '-' + n['practice'] for n in nodes}
side_of = {n['label']: n['practice'] for n in nodes}
order = [n['label'] for n in nodes]
G = nx.DiGraph()
G.add_nodes_from(order)
for e in edges:
    w = float(e['weight'])
    G.add_edge(label[e['source']], label[e['target']], weight=w, len=6 - w)  # --distance complement
nx.set_node_attributes(G, side_of, 'side')
n = G.number_of_nodes()
btw = nx.betweenness_centrality(G, weight='len', normalized=False)
harm = nx.harmonic_centrality(G.reverse(), distance='len')  # NetworkX sums distances *to* u; igraph OUT = from u
pr = nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-14, max_iter=100000)
cons = nx.constraint(G, weight='weight')
esize = nx.effective_size(G, weight='weight')
roles = {v: dict(coordinator=0, itinerant=0, gatekeeper=0, representative=0, liaison=0) for v in order}
for b in order:  # Gould & Fernandez (1989) by definition
    for a in G.predecessors(b):
        for c in G.successors(b):
            if a == c or G.has_edge(a, c):
                continue
            ga, gb, gc = side_of[a], side_of[b], side_of[c]
            r = ('coordinator' if ga == gb == gc else 'itinerant' if ga == gc else
                 'representative' if ga == gb else 'gatekeeper' if gb == gc else 'liaison')
            roles[b][r] += 1
with open('lazega-networkx.csv', 'w') as f:
    f.write('person,degree_in,degree_out,strength_in,strength_out,betweenness,harmonic,pagerank,'
            'constraint,effective_size,coordinator,itinerant,gatekeeper,representative,liaison\n')
    for v in order:
        r = roles[v]
        f.write(f"{v},{G.in_degree(v)},{G.out_degree(v)},{G.in_degree(v, weight='weight'):.1f},"
                f"{G.out_degree(v, weight='weight'):.1f},{btw[v]:.10g},{harm[v] / (n - 1):.12g},{pr[v]:.12g},"
                f"{cons[v]:.12g},{esize[v]:.12g},{r['coordinator']},{r['itinerant']},{r['gatekeeper']},"
                f"{r['representative']},{r['liaison']}\n")
with open('lazega-networkx-network.csv', 'w') as f:
    f.write('figure,value\n')
    f.write(f"assortativity_side,{nx.attribute_assortativity_coefficient(G, 'side'):.12g}\n")
    f.write(f"reciprocity,{nx.reciprocity(G):.12g}\n")
    f.write(f"density,{nx.density(G):.12g}\n")
