#include "yaml_stream_check.hpp"

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <utility>
#include <vector>

#include "vmsweep/common/error.hpp"

namespace vmsweep::sweep {

namespace {

SourceMark source_mark(const YAML::Mark& mark, const std::string& file) { return {file, mark.line + 1, mark.column + 1}; }

// Counts the documents, and the nodes the document would have with every alias replaced by a copy
// of its anchor's content, without making the copies: an anchor's expanded size is recorded when
// its node ends.
class StreamCheck final : public YAML::EventHandler {
public:
  explicit StreamCheck(const std::string& file) : file_(file) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1)
      throw InputError(source_mark(mark, file_),
                       "a second YAML document; a sweep file is one document (W&B's PyYAML refuses a second "
                       "one too): remove the '---' and what follows it, or merge it into the first");
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string&) override {
    leaf(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    add(anchor < sizes_.size() ? sizes_[anchor] : 1, mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapEnd() override { close(); }

private:
  void add(std::uint64_t nodes, const YAML::Mark& mark) {
    total_ += nodes;
    if (total_ > kMaxYamlNodes)
      throw InputError(source_mark(mark, file_),
                       "the document expands to more than " + std::to_string(kMaxYamlNodes) +
                           " YAML nodes (each alias repeats its anchor's whole content, and nested aliases multiply); "
                           "a sweep file this large is refused");
  }
  void record(YAML::anchor_t anchor, std::uint64_t size) {
    if (anchor == YAML::NullAnchor) return;
    if (sizes_.size() <= anchor) sizes_.resize(anchor + 1, 1);
    sizes_[anchor] = size;
  }
  void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
    add(1, mark);
    record(anchor, 1);
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    open_.emplace_back(anchor, total_);
    add(1, mark);
  }
  void close() {
    const auto [anchor, start] = open_.back();
    open_.pop_back();
    record(anchor, total_ - start);
  }

  const std::string& file_;
  int documents_ = 0;
  std::uint64_t total_ = 0;
  std::vector<std::uint64_t> sizes_;                           // by anchor id
  std::vector<std::pair<YAML::anchor_t, std::uint64_t>> open_;  // collections being read
};

}  // namespace

void check_yaml_stream(std::string_view text, const std::string& file_name) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  StreamCheck handler(file_name);
  try {
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const YAML::Exception&) {
    // A syntax error: the parser that builds the nodes reports it, with its position.
  }
}

}  // namespace vmsweep::sweep
