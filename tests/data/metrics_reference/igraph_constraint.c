#include <igraph.h>
#include <stdio.h>
int main() {
  int n, m;
  while (scanf("%d %d", &n, &m) == 2) {
    igraph_vector_int_t e;
    igraph_vector_t w, res;
    igraph_t g;
    igraph_vector_int_init(&e, 2 * m);
    igraph_vector_init(&w, m);
    for (int i = 0; i < m; i++) {
      long a, b;
      double x;
      scanf("%ld %ld %lf", &a, &b, &x);
      VECTOR(e)[2 * i] = a;
      VECTOR(e)[2 * i + 1] = b;
      VECTOR(w)[i] = x;
    }
    igraph_create(&g, &e, n, 1);
    igraph_vector_init(&res, 0);
    igraph_constraint(&g, &res, igraph_vss_all(), &w);
    for (int i = 0; i < n; i++) printf("%.12f ", VECTOR(res)[i]);
    printf("\n");
    igraph_vector_destroy(&res);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&e);
    igraph_vector_destroy(&w);
  }
}
