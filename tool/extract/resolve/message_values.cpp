// Values of Objective-C's messages and properties, and of appending calls (part of StringResolver,
// string_resolver.h).
#include <algorithm>

#include "extract/clang/cursor_utils.h"
#include "extract/clang/objc_cursors.h"
#include "extract/resolve/string_resolver.h"
#include "extract/resolve/string_values.h"

namespace scopelint::extract {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

}  // namespace

ResolvedString StringResolver::appended_value(CXCursor call, int position, int depth) const {
  const std::string name = callee_name(call);
  const auto args = call_arguments(call);
  auto arg = [&](size_t i) {
    return i < args.size() ? resolve_at(args[i], position, depth) : ResolvedString::wildcard();
  };
  for (const auto& format : context_.models().strings.printf_formats) {
    if (format.function != name) continue;
    std::vector<ResolvedString> values;
    for (size_t i = format.arg + 1; i < args.size(); ++i) values.push_back(arg(i));
    return format_printf(arg(format.arg), values);
  }
  return arg(0);
}

ResolvedString StringResolver::property_read(CXCursor expr, CXCursor property, int position, int depth) const {
  const auto& apis = context_.models().strings;
  const std::string name = qualified_name(property);
  CXCursor object = clang_getNullCursor();
  for (CXCursor child : children(expr)) {
    if (clang_isExpression(clang_getCursorKind(child))) object = child;
  }
  if (is_null(object)) return ResolvedString::wildcard();
  if (contains(apis.passthrough, name)) return resolve_at(object, position, depth);
  if (contains(apis.path_only_of_url, name)) return url_part(resolve_at(object, position, depth), UrlPart::Path);
  if (contains(apis.host_of_url, name)) return url_part(resolve_at(object, position, depth), UrlPart::Host);
  // A property of the project's own classes: each value it is set to, with dot syntax or through
  // its synthesized instance variable (`_baseURL = url` in init).
  std::vector<Alternative> alternatives;
  const auto& nodes = context_.tree().nodes;
  for (int index : context_.property_writes(property)) {
    if (auto assigned = property_assignment(context_.tu(), nodes[static_cast<size_t>(index)].cursor)) {
      alternatives.push_back({without_slots(resolve_at(assigned->value, index, depth + 1)), {}});
    }
  }
  const CXCursor ivar = context_.synthesized_ivar(property);
  if (!is_null(ivar)) alternatives.push_back({resolve_field(ivar, depth + 1), {}});
  return alternatives.empty() ? ResolvedString::wildcard() : choose(std::move(alternatives));
}

}  // namespace scopelint::extract
