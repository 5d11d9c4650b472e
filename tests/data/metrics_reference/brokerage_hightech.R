suppressMessages(library(sna))
nodes <- read.csv("tests/data/krackhardt_hightech/nodes.csv")
edges <- read.csv("tests/data/krackhardt_hightech/edges.csv")
n <- nrow(nodes)
adv <- matrix(0, n, n)
a <- edges[edges$advice == 1, ]
adv[cbind(a$source, a$target)] <- 1
b <- brokerage(adv, nodes$group)
print(b$raw.nli)
