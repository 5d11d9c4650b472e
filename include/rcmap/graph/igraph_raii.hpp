#pragma once
// Thin RAII wrappers around igraph objects (move-only) and the translation of
// igraph errors into C++ exceptions. Every igraph call in rcmap goes through
// ig::check() inside an ig::ErrorScope, which replaces igraph's default
// (aborting) error handler by one that frees igraph's temporaries and records
// the reason, so that check() can throw ig::Error. igraph warnings raised in a
// scope are collected and can be moved into a warnings vector.
// igraph is not thread-safe in this build: use these from one thread only.
#include <igraph.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace rcmap::ig {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Installs the non-aborting error handler and a warning collector for its
// lifetime; restores the previous handlers on destruction. Nestable.
class ErrorScope {
 public:
  ErrorScope();
  ~ErrorScope();
  ErrorScope(const ErrorScope&) = delete;
  ErrorScope& operator=(const ErrorScope&) = delete;
  // igraph warnings raised since this scope was opened (moved out), each
  // "igraph: REASON".
  std::vector<std::string> take_warnings();
  // The last igraph error on this thread as "REASON (igraph's text for the
  // code)", for messages about a user's file; empty when there was none.
  static std::string last_reason();

 private:
  igraph_error_handler_t* prev_error_;
  igraph_warning_handler_t* prev_warning_;
  std::vector<std::string>* prev_sink_;
  std::vector<std::string> warnings_;
};

// Throws ig::Error naming `what` and igraph's reason if rc != IGRAPH_SUCCESS.
void check(igraph_error_t rc, const char* what);

// Makes igraph's OpenMP regions started from this thread run on one thread.
// Debian's igraph is built with OpenMP, which PRPACK PageRank uses on large
// graphs (about 2,000 units): with two threads its sums are added in an order
// that varies from run to run, and so do the last bits of PageRank. Calls
// omp_set_num_threads(1) if the process has it (libgomp comes with libigraph),
// else does nothing. Call before igraph_pagerank.
void openmp_one_thread();

// Ownership of one igraph object of type T, freed with Destroy: move-only;
// a moved-from or never-initialised owner frees nothing. The classes below
// add their constructors (each initialises obj_ inside an ErrorScope and
// then sets owned_) and typed accessors.
template <class T, void (*Destroy)(T*)>
class Owned {
 public:
  ~Owned() {
    if (owned_) Destroy(&obj_);
  }
  Owned(Owned&& o) noexcept : obj_(o.obj_), owned_(o.owned_) { o.owned_ = false; }
  Owned& operator=(Owned&& o) noexcept {
    if (this != &o) {
      if (owned_) Destroy(&obj_);
      obj_ = o.obj_;
      owned_ = o.owned_;
      o.owned_ = false;
    }
    return *this;
  }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  T* get() { return &obj_; }
  const T* get() const { return &obj_; }

 protected:
  Owned() = default;
  T obj_;
  bool owned_ = false;
};

class Vector : public Owned<igraph_vector_t, igraph_vector_destroy> {
 public:
  explicit Vector(std::size_t n = 0);
  explicit Vector(const std::vector<double>& values);
  std::size_t size() const { return static_cast<std::size_t>(igraph_vector_size(&obj_)); }
  double operator[](std::size_t i) const { return VECTOR(obj_)[i]; }
  std::vector<double> to_std() const;
};

class IntVector : public Owned<igraph_vector_int_t, igraph_vector_int_destroy> {
 public:
  explicit IntVector(std::size_t n = 0);
  explicit IntVector(const std::vector<long>& values);
  std::size_t size() const { return static_cast<std::size_t>(igraph_vector_int_size(&obj_)); }
  long operator[](std::size_t i) const { return static_cast<long>(VECTOR(obj_)[i]); }
  std::vector<long> to_std() const;
};

class Matrix : public Owned<igraph_matrix_t, igraph_matrix_destroy> {
 public:
  Matrix(std::size_t rows = 0, std::size_t cols = 0);
  std::size_t rows() const { return static_cast<std::size_t>(igraph_matrix_nrow(&obj_)); }
  std::size_t cols() const { return static_cast<std::size_t>(igraph_matrix_ncol(&obj_)); }
  double operator()(std::size_t r, std::size_t c) const { return MATRIX(obj_, r, c); }
};

class Graph : public Owned<igraph_t, igraph_destroy> {
 public:
  Graph();  // empty directed graph with no vertices
  // Graph on vertices 0..n-1 with the given edges (in this order: edge id i
  // is edges[i]).
  Graph(std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges, bool directed);
  // Takes ownership of an initialised igraph_t (e.g. from igraph_famous).
  static Graph adopt(igraph_t& g);
  std::size_t vcount() const { return static_cast<std::size_t>(igraph_vcount(&obj_)); }
  std::size_t ecount() const { return static_cast<std::size_t>(igraph_ecount(&obj_)); }
  bool directed() const { return igraph_is_directed(&obj_); }
  // Endpoints of every edge, in edge-id order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges() const;
};

}  // namespace rcmap::ig
