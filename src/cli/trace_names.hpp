#pragma once
// A fleet's trace ids as a report shows them. Ids are paths relative to the sweep file
// (../../shared/data/bitbrains-rnd-2013-7/62.csv): the short form drops the folder every trace
// shares and the extension when all traces have the same one (62); distinct ids stay distinct.
#include <string>
#include <vector>

namespace vmsweep::cli {

// The short form of each id, in the same order.
std::vector<std::string> short_trace_ids(const std::vector<std::string>& ids);

// The id `asked` names: an id itself or its short form. InputError listing the short forms otherwise.
std::string find_trace(const std::vector<std::string>& ids, const std::string& asked, const std::string& source);

}  // namespace vmsweep::cli
