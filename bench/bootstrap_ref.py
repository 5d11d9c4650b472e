#!/usr/bin/env python3
# Independent re-implementation of rcmap::stats::bootstrap_diff_ci (SplitMix64 + Lemire + R type 7).
M=(1<<64)-1
class R:
    def __init__(s,seed): s.s=seed&M
    def next(s):
        s.s=(s.s+0x9E3779B97F4A7C15)&M; z=s.s
        z=((z^(z>>30))*0xBF58476D1CE4E5B9)&M; z=((z^(z>>27))*0x94D049BB133111EB)&M
        return z^(z>>31)
    def below(s,n):
        m=s.next()*n; low=m&M
        if low<n:
            t=((1<<64)-n)%n
            while low<t:
                m=s.next()*n; low=m&M
        return m>>64
def q7(x,q):
    h=(len(x)-1)*q; lo=int(h)
    if lo+1>=len(x): return x[-1]
    return x[lo]+(h-lo)*(x[lo+1]-x[lo])
def boot(a,b,B,seed):
    r=R(seed); d=[]
    for _ in range(B):
        sa=sum(a[r.below(len(a))] for _ in a); sb=sum(b[r.below(len(b))] for _ in b)
        d.append(sb/len(b)-sa/len(a))
    d.sort(); return q7(d,0.025),q7(d,0.975)
r=R(0); print([hex(r.next()) for _ in range(3)])
print("%.12f %.12f"%boot([3,4,5,4,4],[4,5,5,4,5,5],2000,42))
print("%.12f %.12f"%boot([3,4,5,4,4],[4,5,5,4,5,5],2000,43))
