// A call argument as the AST gives it (call_argument.h): a cursor, read as of an AST position.
#pragma once

#include <clang-c/Index.h>

#include "extract/match/call_argument.h"

namespace scopelint::extract {

class AstArgument final : public CallArgument {
 public:
  AstArgument(const LibraryModel& library, const StringResolver& strings, CXCursor arg, int position)
      : library_(library), strings_(strings), arg_(arg), position_(position) {}

  std::optional<Role> role_by_type() const override;
  bool is_stringish() const override;
  ResolvedString value() const override { return strings_.resolve(arg_, position_); }
  ResolvedFields fields() const override { return strings_.resolve_fields(arg_, position_); }
  ResolvedList list_items() const override { return strings_.resolve_list(arg_, position_); }
  std::string enumerator() const override { return StringResolver::enumerator_name(arg_); }
  std::optional<HttpMethod> method() const override { return strings_.resolve_method(arg_, position_); }
  std::optional<std::string> method_slot() const override { return strings_.parameter_slot(arg_, position_); }
  bool is_null_pointer() const override;
  bool is_false() const override;

 private:
  const LibraryModel& library_;
  const StringResolver& strings_;
  CXCursor arg_;
  int position_;
};

// Where `call` attaches a URL: its location and macro chain.
AttachedAt attached_at(CXCursor call);

}  // namespace scopelint::extract
