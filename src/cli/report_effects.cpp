// Parameter effects: for each parameter the sweep varied, how the sweep's metric went per value.
#include <algorithm>
#include <cstdio>
#include <limits>

#include "report_params.hpp"
#include "report_sections.hpp"

namespace vmsweep::cli {

namespace {

constexpr std::size_t kMaxDistinctNumbers = 6;  // more distinct numeric values than this are binned
constexpr std::size_t kBins = 4;

struct Point {
  Value value;
  double metric = 0;
};

struct Group {
  Value label;
  std::vector<double> metrics;
};

std::string range_label(double low, double high) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "[%.4g, %.4g]", low, high);
  return buffer;
}

// Equal-count bins over the sorted values (a value never straddles two bins).
std::vector<Group> binned(std::vector<Point> points) {
  std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.value.as_double() < b.value.as_double(); });
  std::vector<Group> groups;
  const std::size_t per_bin = (points.size() + kBins - 1) / kBins;
  for (std::size_t first = 0; first < points.size();) {
    std::size_t last = std::min(first + per_bin, points.size());
    while (last < points.size() && points[last].value == points[last - 1].value) ++last;
    Group group{range_label(points[first].value.as_double(), points[last - 1].value.as_double()), {}};
    for (std::size_t i = first; i < last; ++i) group.metrics.push_back(points[i].metric);
    groups.push_back(std::move(group));
    first = last;
  }
  return groups;
}

std::vector<Group> by_value(const std::vector<Point>& points) {
  std::vector<Group> groups;
  for (const Point& point : points) {
    auto found = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.label == point.value; });
    if (found == groups.end()) found = groups.insert(groups.end(), Group{point.value, {}});
    found->metrics.push_back(point.metric);
  }
  const bool numeric = std::all_of(groups.begin(), groups.end(), [](const Group& g) { return g.label.is_number(); });
  if (numeric)
    std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.label.as_double() < b.label.as_double(); });
  return groups;
}

std::vector<Group> group_points(const std::vector<Point>& points) {
  const bool numeric = std::all_of(points.begin(), points.end(), [](const Point& p) { return p.value.is_number(); });
  std::vector<Group> groups = by_value(points);
  return numeric && groups.size() > kMaxDistinctNumbers ? binned(points) : groups;
}

std::vector<Point> points_of(const SweepResults& results, const std::string& name) {
  std::vector<Point> points;
  for (const io::StoredTrial* trial : ranked_trials(results)) {
    const FlatParams flat = flatten_params(trial->result.params);
    const Value* value = find_param(flat, name);
    points.push_back({value ? *value : Value(nullptr), *sweep_metric(*trial, results.meta())});
  }
  return points;
}

}  // namespace

Section effects_section(const SweepResults& results) {
  const bool maximize = results.meta().metric_goal == "maximize";
  const std::string& metric = results.meta().metric;
  Section section{"effects", "parameter effects on " + metric + " (finished trials)",
                  {"parameter", "value", "trials", "best_" + metric, "mean_" + metric}, {}};
  for (const std::string& name : varying_params(results.trials())) {
    for (const Group& group : group_points(points_of(results, name))) {
      double sum = 0;
      for (double m : group.metrics) sum += m;
      const auto [low, high] = std::minmax_element(group.metrics.begin(), group.metrics.end());
      section.add_row({name, group.label, static_cast<std::int64_t>(group.metrics.size()), maximize ? *high : *low,
                       sum / static_cast<double>(group.metrics.size())});
    }
  }
  return section;
}

}  // namespace vmsweep::cli
