#include <igraph.h>
#include <stdio.h>
int main(int argc, char** argv) {
  igraph_t g;
  igraph_famous(&g, argv[1]);
  for (long e = 0; e < igraph_ecount(&g); e++) printf("%ld %ld\n", (long)IGRAPH_FROM(&g, e), (long)IGRAPH_TO(&g, e));
  igraph_destroy(&g);
}
