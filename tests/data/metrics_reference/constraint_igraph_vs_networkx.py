import networkx as nx, random, subprocess, math
random.seed(3)
inp=[]; gs=[]
for t in range(200):
    n=random.randint(3,8)
    edges=[(u,v,round(random.uniform(1,5),2)) for u in range(n) for v in range(n) if u!=v and random.random()<0.4]
    G=nx.DiGraph(); G.add_nodes_from(range(n)); G.add_weighted_edges_from(edges)
    gs.append(G)
    inp.append(f"{n} {len(edges)}\n"+"".join(f"{u} {v} {w}\n" for u,v,w in edges))
out=subprocess.run(["./c2"],input="".join(inp),capture_output=True,text=True).stdout.split("\n")
bad=0
for G,line in zip(gs,out):
    ig=[float(x) for x in line.split()]
    for v in G:
        nbr=set(nx.all_neighbors(G,v))
        ref=sum(nx.local_constraint(G,v,u,weight='weight') for u in nbr) if nbr else float('nan')
        if not (math.isclose(ref,ig[v],rel_tol=1e-9) or (math.isnan(ref) and math.isnan(ig[v]))):
            bad+=1
            if bad<6: print(list(G.edges(data='weight')), v, ref, ig[v], len(G[v]))
print("bad",bad)
