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

// Foundation's encoding of a query item: what a query allows stays as it is (`system/x.read`
// keeps its '/'; a space is "%20").
ResolvedString query_encoded(ResolvedString value) {
  ResolvedString encoded = percent_encoded(std::move(value));
  static const char* const kAllowed[][2] = {{"%21", "!"}, {"%24", "$"}, {"%26", "&"}, {"%27", "'"}, {"%28", "("},
                                            {"%29", ")"}, {"%2A", "*"}, {"%2B", "+"}, {"%2C", ","}, {"%3B", ";"},
                                            {"%3D", "="}, {"%3A", ":"}, {"%40", "@"}, {"%2F", "/"}, {"%3F", "?"}};
  std::string text = encoded.text;
  for (const auto& [code, character] : kAllowed) {
    for (size_t at = text.find(code); at != std::string::npos; at = text.find(code, at + 1)) text.replace(at, 3, character);
  }
  if (text == encoded.text) return encoded;
  ResolvedString out = encoded.known ? ResolvedString::constant(text) : ResolvedString::wildcard();
  out.text = text;  // a run-time part stays one
  return out;
}

}  // namespace

ResolvedString StringResolver::appended_value(CXCursor call, int position, int depth) const {
  const std::string name = callee_name(call);
  const auto args = call_arguments(call);
  auto arg = [&](size_t i) {
    return i < args.size() ? resolve_at(args[i], position, depth) : ResolvedString::wildcard();
  };
  const EncoderModel* format = context_.models().strings.printf_format(name);
  if (!format) return arg(0);
  std::vector<ResolvedString> values;
  for (size_t i = format->arg + 1; i < args.size(); ++i) values.push_back(arg(i));
  return format_printf(arg(format->arg), values);
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
  for (const auto& items : apis.query_items) {
    if (items.reader != name) continue;
    return items_query(items, object, position, depth).value_or(ResolvedString::wildcard());
  }
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

std::optional<ResolvedString> StringResolver::items_query(const QueryItemsModel& model, CXCursor object, int position,
                                                         int depth) const {
  const CXCursor var = referenced_variable(object);
  if (is_null(var) || depth > 96) return std::nullopt;
  // The last items set before the read; any other message to the object may change them.
  const auto& nodes = context_.tree().nodes;
  CXCursor items = clang_getNullCursor();
  int set_at = -1;
  for (int index : context_.subject_events(var)) {
    if (position >= 0 && index >= position) break;
    const CXCursor event = nodes[static_cast<size_t>(index)].cursor;
    if (auto assigned = property_assignment(context_.tu(), event)) {
      if (assigned->selector() == model.setter) {
        items = assigned->value;
        set_at = index;
      }
    } else if (clang_getCursorKind(event) == CXCursor_ObjCMessageExpr && spelling(event) == model.setter) {
      const auto args = call_arguments(event);
      if (args.size() == 1) {
        items = args[0];
        set_at = index;
      }
    }
  }
  const CXCursor list = objc_array_literal(items);
  if (is_null(list)) return std::nullopt;
  ResolvedString query = ResolvedString::constant("");
  for (CXCursor element : children(list)) {
    const CXCursor item = strip_wrappers(element);
    const auto args = call_arguments(item);
    if (clang_getCursorKind(item) != CXCursor_ObjCMessageExpr || spelling(item) != model.item || args.size() != 2) {
      return std::nullopt;
    }
    const ResolvedString key = resolve_at(args[0], set_at, depth + 1);
    ResolvedString value = resolve_at(args[1], set_at, depth + 1);
    if (!query.text.empty()) query.append(ResolvedString::constant("&"));
    query.append(model.encoded ? query_encoded(key) : key);
    query.append(ResolvedString::constant("="));
    query.append(model.encoded ? query_encoded(std::move(value)) : std::move(value));
  }
  return query;
}

}  // namespace scopelint::extract
