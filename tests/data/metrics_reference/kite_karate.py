import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
from networkx.algorithms.link_analysis.hits_alg import _hits_python
def load(f):
    G=nx.Graph(); G.add_edges_from(tuple(map(int,l.split())) for l in open(f)); return G
kite=load('kite.txt')
print("kite betweenness (undirected, raw):", [round(x,6) for x in [nx.betweenness_centrality(kite,normalized=False)[v] for v in range(10)]])
print("kite closeness (hops):", [round(nx.closeness_centrality(kite)[v],6) for v in range(10)])
print("kite harmonic (hops, sum):", [round(nx.harmonic_centrality(kite)[v],6) for v in range(10)])
K=load('karate.txt')
b=nx.betweenness_centrality(K,normalized=False)
print("karate betweenness raw:", [round(b[v],6) for v in range(34)])
pr=_pagerank_python(K,alpha=0.85,weight=None,tol=1e-12,max_iter=1000)
print("karate pagerank:", [round(pr[v],8) for v in range(34)])
c=nx.constraint(K); es=nx.effective_size(K)
print("karate constraint:", [round(c[v],8) for v in range(34)])
print("karate effective size:", [round(es[v],8) for v in range(34)])
