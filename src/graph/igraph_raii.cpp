// RAII wrappers for igraph objects and igraph error -> C++ exception
// translation. See include/rcmap/graph/igraph_raii.hpp.
#include "rcmap/graph/igraph_raii.hpp"

#include <dlfcn.h>

#include <cstdint>
#include <string>

namespace rcmap::ig {
namespace {

thread_local std::string g_last_error;
thread_local std::string g_last_reason;
thread_local std::vector<std::string>* g_warning_sink = nullptr;

// igraph's contract for a non-aborting handler: free the objects registered
// on igraph's FINALLY stack, then return so the failing call returns `errno`.
void error_handler(const char* reason, const char* file, int line, igraph_error_t igraph_errno) {
  g_last_error = std::string(igraph_strerror(igraph_errno)) + ": " + (reason ? reason : "") + " (" +
                 (file ? file : "?") + ":" + std::to_string(line) + ")";
  g_last_reason = std::string(reason ? reason : "") + " (" + igraph_strerror(igraph_errno) + ")";
  IGRAPH_FINALLY_FREE();
}

void warning_handler(const char* reason, const char*, int) {
  if (g_warning_sink) g_warning_sink->push_back(std::string("igraph: ") + (reason ? reason : ""));
}

}  // namespace

void openmp_one_thread() {
  // Looked up rather than linked: rcmap itself uses no OpenMP.
  using SetThreads = void (*)(int);
  static const auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
  if (set) set(1);
}

ErrorScope::ErrorScope()
    : prev_error_(igraph_set_error_handler(&error_handler)),
      prev_warning_(igraph_set_warning_handler(&warning_handler)),
      prev_sink_(g_warning_sink) {
  g_warning_sink = &warnings_;
  g_last_reason.clear();
}

ErrorScope::~ErrorScope() {
  g_warning_sink = prev_sink_;
  if (prev_sink_) prev_sink_->insert(prev_sink_->end(), warnings_.begin(), warnings_.end());
  igraph_set_warning_handler(prev_warning_);
  igraph_set_error_handler(prev_error_);
}

std::string ErrorScope::last_reason() { return g_last_reason; }

std::vector<std::string> ErrorScope::take_warnings() {
  std::vector<std::string> w;
  w.swap(warnings_);
  return w;
}

void check(igraph_error_t rc, const char* what) {
  if (rc == IGRAPH_SUCCESS) return;
  std::string msg =
      std::string("igraph error in ") + what + ": " + (g_last_error.empty() ? igraph_strerror(rc) : g_last_error);
  g_last_error.clear();
  throw Error(msg);
}

// ---- Vector ----------------------------------------------------------------
Vector::Vector(std::size_t n) {
  ErrorScope s;
  check(igraph_vector_init(&obj_, static_cast<igraph_integer_t>(n)), "igraph_vector_init");
  owned_ = true;
}
Vector::Vector(const std::vector<double>& values) : Vector(values.size()) {
  for (std::size_t i = 0; i < values.size(); ++i) VECTOR(obj_)[i] = values[i];
}
std::vector<double> Vector::to_std() const {
  std::vector<double> r(size());
  for (std::size_t i = 0; i < r.size(); ++i) r[i] = VECTOR(obj_)[i];
  return r;
}

// ---- IntVector -------------------------------------------------------------
IntVector::IntVector(std::size_t n) {
  ErrorScope s;
  check(igraph_vector_int_init(&obj_, static_cast<igraph_integer_t>(n)), "igraph_vector_int_init");
  owned_ = true;
}
IntVector::IntVector(const std::vector<long>& values) : IntVector(values.size()) {
  for (std::size_t i = 0; i < values.size(); ++i) VECTOR(obj_)[i] = values[i];
}
std::vector<long> IntVector::to_std() const {
  std::vector<long> r(size());
  for (std::size_t i = 0; i < r.size(); ++i) r[i] = static_cast<long>(VECTOR(obj_)[i]);
  return r;
}

// ---- Matrix ----------------------------------------------------------------
Matrix::Matrix(std::size_t rows, std::size_t cols) {
  ErrorScope s;
  check(igraph_matrix_init(&obj_, static_cast<igraph_integer_t>(rows), static_cast<igraph_integer_t>(cols)),
        "igraph_matrix_init");
  owned_ = true;
}

// ---- Graph -----------------------------------------------------------------
Graph::Graph() {
  ErrorScope s;
  check(igraph_empty(&obj_, 0, IGRAPH_DIRECTED), "igraph_empty");
  owned_ = true;
}

Graph::Graph(std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges, bool directed) {
  IntVector ev(2 * edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (edges[i].first >= n || edges[i].second >= n)
      throw Error("graph edge refers to a vertex outside 0.." + std::to_string(n) + "-1");
    VECTOR(*ev.get())[2 * i] = edges[i].first;
    VECTOR(*ev.get())[2 * i + 1] = edges[i].second;
  }
  ErrorScope s;
  check(igraph_create(&obj_, ev.get(), static_cast<igraph_integer_t>(n), directed), "igraph_create");
  owned_ = true;
}

Graph Graph::adopt(igraph_t& g) {
  Graph r;
  igraph_destroy(&r.obj_);
  r.obj_ = g;
  return r;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> Graph::edges() const {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> r(ecount());
  for (std::size_t e = 0; e < r.size(); ++e)
    r[e] = {static_cast<std::uint32_t>(IGRAPH_FROM(&obj_, e)), static_cast<std::uint32_t>(IGRAPH_TO(&obj_, e))};
  return r;
}

}  // namespace rcmap::ig
