// Strength -> distance transforms for path metrics (docs/metrics.md "--distance").
// RC is a strength (higher = closer); shortest-path algorithms need
// distances. rcmap never lets a library read RC as a distance: every path
// metric receives rc_to_distance(RC) explicitly.
//   inverse     1 / RC        (default; Opsahl et al. 2010 convention)
//   complement  6 - RC        (RC scale 1..5, so distances 1..5)
//   neglog      -ln(RC / 6)   (RC / 6 in (0, 1) read as a probability)
#include <cmath>
#include <stdexcept>
#include <string>

#include "rcmap/io/diagnostics.hpp"
#include "rcmap/metrics/metrics.hpp"

namespace rcmap {

const char* distance_name(DistanceTransform d) {
  switch (d) {
    case DistanceTransform::inverse:
      return "inverse";
    case DistanceTransform::complement:
      return "complement";
    case DistanceTransform::neglog:
      return "neglog";
  }
  return "?";
}

DistanceTransform parse_distance(std::string_view name) {
  if (name == "inverse") return DistanceTransform::inverse;
  if (name == "complement") return DistanceTransform::complement;
  if (name == "neglog") return DistanceTransform::neglog;
  throw UsageError("--distance: expected inverse, complement or neglog, got '" + std::string(name) + "'");
}

double rc_to_distance(double rc, DistanceTransform d) {
  if (!(rc > 0 && rc < 6)) throw std::invalid_argument("RC " + std::to_string(rc) + " outside (0, 6): no distance");
  switch (d) {
    case DistanceTransform::inverse:
      return 1.0 / rc;
    case DistanceTransform::complement:
      return 6.0 - rc;
    case DistanceTransform::neglog:
      return -std::log(rc / 6.0);
  }
  return 1.0 / rc;
}

void check_options(const MetricsOptions& opt) {
  if (!(opt.asymmetry >= 0) || !std::isfinite(opt.asymmetry)) throw UsageError("--asymmetry must be a number >= 0");
  if (opt.gap_side_a.empty() || opt.gap_side_b.empty())
    throw UsageError("--gap-sides needs two non-empty side names, e.g. authority,provider");
}

}  // namespace rcmap
