// Finding repeated object keys in JSON text, which nlohmann/json would resolve silently.
#include "util/duplicate_keys.h"

#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "util/json_lines.h"

namespace scopelint {
namespace {

// Remembers the JSON pointer of the first repeated object key; nlohmann would keep the last
// silently. A SAX handler run over text already parsed: it builds no values, and the pointer is
// put together only for the duplicate (building one for every value cost time quadratic in the
// depth and the key lengths).
class DuplicateKeyFinder : public nlohmann::json_sax<nlohmann::json> {
 public:
  const std::string& duplicate() const { return duplicate_; }

  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    Frame& top = frames_.back();
    top.key = name;
    if (!top.keys.insert(name).second && duplicate_.empty()) duplicate_ = pointer_of_next_value();
    return duplicate_.empty();  // the first duplicate is enough: stop there
  }
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  struct Frame {
    bool is_array;
    size_t next_index = 0;
    std::set<std::string> keys;
    std::string key;
  };
  bool open(bool is_array) {
    frames_.push_back({is_array, 0, {}, ""});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return value();
  }
  bool value() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().next_index;
    return true;
  }
  std::string pointer_of_next_value() const {
    std::string pointer;
    for (const Frame& frame : frames_) {
      pointer += "/" + (frame.is_array ? std::to_string(frame.next_index)
                                       : json_pointer_escape(frame.key));
    }
    return pointer;
  }
  std::vector<Frame> frames_;
  std::string duplicate_;
};

}  // namespace

std::string first_duplicate_key(std::string_view json_text) {
  DuplicateKeyFinder finder;
  nlohmann::json::sax_parse(json_text.begin(), json_text.end(), &finder);
  return finder.duplicate();
}

}  // namespace scopelint
