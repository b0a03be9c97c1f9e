#pragma once
// Which column holds the load when the data block names none (`value: auto`): the only numeric
// column that varies, or a refusal listing the columns so the user names one.
#include <string>
#include <string_view>
#include <vector>

#include "table_header.hpp"

namespace vmsweep::data {

// What the first rows of a file show about one of its columns.
struct ColumnSurvey {
  std::string name;
  int index = 0;             // 0-based
  bool numeric = false;      // every sampled field is a number
  bool constant = false;     // every sampled field is the same number
  bool likely_load = false;  // numeric, varying, and named like a load (cpu usage, load, requests, util)

  bool plausible() const { return numeric && !constant; }
};

// Every column but the timestamp's (timestamp_field -1: none), from the first data rows of `body`.
std::vector<ColumnSurvey> survey_columns(const TableHeader& header, std::string_view body, int timestamp_field);

// "2 'CPU cores' (constant), 5 'CPU usage [%]' (likely load), 12 'host' (not numeric)": 1-based.
std::string survey_listing(const std::vector<ColumnSurvey>& columns);

// The 0-based index of the only column besides the timestamp, or else of the only plausible one;
// InputError listing the columns otherwise.
int automatic_value_column(const std::vector<ColumnSurvey>& columns, const std::string& file);

}  // namespace vmsweep::data
