// URL builders of the library models applied to a value (part of StringResolver, string_resolver.h):
// cpprestsdk's uri_builder::append_query, in both of its forms.
#include "extract/clang/cursor_utils.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/string_values.h"

namespace scopelint::extract {

ResolvedString StringResolver::appended_query(ResolvedString base, CXCursor call, int position, int depth) const {
  const auto args = call_arguments(call);
  const auto is_bool = [&](size_t i) {
    return i < args.size() && clang_getCanonicalType(clang_getCursorType(args[i])).kind == CXType_Bool;
  };
  const auto flag = [&](size_t i, bool otherwise) {
    const auto value = i < args.size() ? evaluate_integer(args[i]) : std::nullopt;
    return value ? *value != "0" : otherwise;
  };
  if (args.size() >= 2 && !is_bool(1)) {
    return append_query(base, resolve_at(args[0], position, depth), resolve_at(args[1], position, depth),
                        flag(2, true));
  }
  ResolvedString query = args.empty() ? ResolvedString::wildcard() : resolve_at(args[0], position, depth);
  return append_query_text(std::move(base), flag(1, false) ? percent_encoded(std::move(query)) : query);
}

}  // namespace scopelint::extract
