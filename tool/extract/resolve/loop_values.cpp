// The values a range-for's loop variable takes over a constant container (part of StringResolver,
// see string_resolver.h): `for (const char* path : kPaths) cli.Get(path)` is one request per path.
#include "extract/clang/cursor_utils.h"
#include "extract/resolve/parameter_slots.h"
#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {
namespace {

constexpr size_t kMaxLoopValues = 64;

}  // namespace

std::optional<std::vector<ResolvedString>> StringResolver::loop_values(const std::string& slot_function,
                                                                       int part) const {
  if (is_record_slot({slot_function, part})) return record_values(slot_function, part);
  const std::string prefix = loop_slot_function("");
  if (slot_function.rfind(prefix, 0) != 0) return std::nullopt;
  CXCursor range = context_.loop_range(slot_function.substr(prefix.size()));
  if (is_null(range)) return std::nullopt;
  // The container as of the loop (string_containers.cpp: changes before it are followed; a
  // container that may change elsewhere is not known).
  std::optional<std::vector<ResolvedString>> values;
  if (part == kLoopElement) {
    values = resolve_elements(range, context_.node_index(range), 0);
  } else if (auto entries = entry_values(range, 0)) {
    values = part == kLoopEntryFirst ? std::move(entries->keys) : std::move(entries->values);
  }
  if (!values || values->empty() || values->size() > kMaxLoopValues) return std::nullopt;
  for (const ResolvedString& value : *values) {
    if (!value.known) return std::nullopt;
  }
  return values;
}

}  // namespace scopelint::extract
