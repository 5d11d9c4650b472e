import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
from networkx.algorithms.link_analysis.hits_alg import _hits_python
from networkx.algorithms.structuralholes import normalized_mutual_weight as nmw, local_constraint
# non-suppressed between-unit ties of the test network "W"
ties = [(0,1,4.2),(1,0,3.8),(0,2,2.9),(2,0,4.6),(1,2,4.0),(2,1,3.1),(3,0,4.4),(3,1,3.6),
        (0,3,2.4),(1,3,4.8),(4,2,3.9),(2,4,4.1),(4,1,2.2),(0,5,4.5),(2,5,3.3),(4,5,4.9)]
G = nx.DiGraph(); G.add_nodes_from(range(6)); G.add_weighted_edges_from(ties)
F = nx.DiGraph(); F.add_nodes_from(range(6))
F.add_edges_from((u,v,{'dist':1/w}) for u,v,w in ties if w >= 3.5)
R = lambda v: [repr(round(v[i],10)) for i in range(6)]
print("pagerank", R(_pagerank_python(G, alpha=0.85, weight='weight', tol=1e-14, max_iter=10000)))
h,a = _hits_python(G, max_iter=10000, tol=1e-14)
print("hub", R({k:v/max(h.values()) for k,v in h.items()}))
print("authority", R({k:v/max(a.values()) for k,v in a.items()}))
print("nx.constraint", nx.constraint(G, weight='weight'))
print("constraint (all contacts)", R({v: sum(local_constraint(G,v,u,weight='weight') for u in set(nx.all_neighbors(G,v))) for v in G}))
print("nx.effective_size", nx.effective_size(G, weight='weight'))
def es(v):
    N=set(nx.all_neighbors(G,v))-{v}
    return sum(1-sum(nmw(G,v,w,weight='weight')*nmw(G,u,w,norm=max,weight='weight') for w in set(nx.all_neighbors(G,v))) for u in N)
print("effective size (all contacts)", R({v:es(v) for v in G}))
print("betweenness", R(nx.betweenness_centrality(F, weight='dist', normalized=False)))
print("closeness_in", R(nx.closeness_centrality(F, distance='dist', wf_improved=False)))
print("closeness_out", R(nx.closeness_centrality(F.reverse(), distance='dist', wf_improved=False)))
print("harmonic_out", R({k:v/5 for k,v in nx.harmonic_centrality(F.reverse(), distance='dist').items()}))
print("edge_betweenness", {k: round(v,10) for k,v in nx.edge_betweenness_centrality(F, normalized=False, weight='dist').items()})
