// Call arguments read from the AST (ast_argument.h).
#include "extract/match/ast_argument.h"

#include "extract/clang/cursor_utils.h"
#include "extract/clang/macro_locations.h"

namespace scopelint::extract {

std::optional<Role> AstArgument::role_by_type() const {
  // The argument, then the value under value-preserving calls (std::move(params)).
  for (CXCursor candidate : {arg_, strings_.strip_passthrough(arg_)}) {
    for (const auto& name : type_names(clang_getCursorType(candidate))) {
      auto it = library_.arg_types.find(name);
      if (it != library_.arg_types.end()) return it->second;
    }
  }
  return std::nullopt;
}

bool AstArgument::is_stringish() const { return is_stringish_type(clang_getCursorType(arg_)); }

bool AstArgument::is_null_pointer() const { return is_null_pointer_constant(arg_); }

bool AstArgument::is_false() const {
  const ResolvedString v = value();
  return v.known && v.text == "0";
}

AttachedAt attached_at(CXCursor call) {
  return [call] { return Attachment{to_source_location(cursor_location(call)), macro_chain(call)}; };
}

}  // namespace scopelint::extract
