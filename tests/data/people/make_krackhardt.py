# Krackhardt's high-tech managers as a person network in GraphML, and NetworkX 2.8.8
# reference values. Source: ../krackhardt_hightech/ (see its SOURCE.md).
# Run: cd tests/data/people && /usr/bin/python3 make_krackhardt.py
import csv, networkx as nx
nodes = list(csv.DictReader(open('../krackhardt_hightech/nodes.csv')))
edges = list(csv.DictReader(open('../krackhardt_hightech/edges.csv')))
label = {n['id']: n['label'] for n in nodes}
with open('krackhardt-units.csv', 'w') as f:  # unit = department; CEO's dept0 on the authority side
    f.write('unit,label,side,headcount\n')
    for d in sorted({n['group'] for n in nodes}):
        f.write(f"{d},{d},{'authority' if d in ('dept0', 'dept1', 'dept2') else 'provider'},\n")
with open('krackhardt-people.csv', 'w') as f:
    f.write('person,unit\n' + ''.join(f"{n['label']},{n['group']}\n" for n in nodes))
G = nx.DiGraph()
G.add_nodes_from(label[n['id']] for n in nodes)
for e in edges:
    G.add_edge(label[e['source']], label[e['target']], weight=float(e['weight']))
nx.write_graphml(G, 'krackhardt-ties.graphml')
for u, v, d in G.edges(data=True):
    d['len'] = 6 - d['weight']  # rcmap --distance complement
btw = nx.betweenness_centrality(G, weight='len', normalized=False)
pr = nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-14, max_iter=100000)
cons = nx.constraint(G, weight='weight')
esize = nx.effective_size(G, weight='weight')
with open('krackhardt-networkx.csv', 'w') as f:
    f.write('person,degree_in,degree_out,betweenness,pagerank,constraint,effective_size\n')
    for v in G.nodes:
        f.write(f"{v},{G.in_degree(v)},{G.out_degree(v)},{btw[v]:.10g},{pr[v]:.12g},{cons[v]:.12g},{esize[v]:.12g}\n")
