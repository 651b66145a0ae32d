// Small read-only helpers over libclang cursors: names, children, call parts, locations, tokens.
#pragma once

#include <clang-c/Index.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/source_location.h"

namespace scopelint::extract {

// Direct children (one level; never called from inside a visitor, so no nested visitation).
std::vector<CXCursor> children(CXCursor cursor);

// Skips implicit conversions, parentheses, casts and temporaries down to the expression that
// carries the value (single-child wrappers only).
CXCursor strip_wrappers(CXCursor cursor);

bool is_null(CXCursor cursor);
// The same expression, also when reached by different paths (cursor identity can differ).
bool same_expression(CXCursor a, CXCursor b);
std::string spelling(CXCursor cursor);
// "ns::Class::method", skipping inline and anonymous namespaces.
std::string qualified_name(CXCursor decl);

// A call: a C or C++ call expression, or an Objective-C message send (`[req setHTTPMethod:m]`),
// whose callee is the method declaration and whose receiver is the object of a member call.
bool is_call(CXCursorKind kind);

// The declaration a call refers to (function, method, constructor); null cursor when unknown.
CXCursor callee_of(CXCursor call);
// Qualified name of the callee; for an unresolved overload set, the name written in the code.
std::string callee_name(CXCursor call);
std::vector<CXCursor> call_arguments(CXCursor call);
// The arguments written in the source (default arguments dropped).
std::vector<CXCursor> written_arguments(CXTranslationUnit tu, CXCursor call);
// The object of a member call (`obj.f()`, `ptr->f()`), stripped; null cursor for free calls.
CXCursor member_call_object(CXCursor call);
bool is_member_call(CXCursor call);

// Names a type is known by: its typedef/alias names, then the qualified name of its declaration
// (template arguments dropped), after removing references, pointers and qualifiers.
std::vector<std::string> type_names(CXType type);
bool type_is_one_of(CXType type, const std::vector<std::string>& names);
bool is_stringish_type(CXType type);

// A variable-like declaration a name refers to (VarDecl, ParmVarDecl, FieldDecl), or null.
CXCursor referenced_variable(CXCursor expr);
// A stable key for a declaration (its USR, or file:offset).
std::string declaration_key(CXCursor decl);
// Whether `expr` names the variable `var` (through casts and parentheses).
bool refers_to_variable(CXCursor expr, CXCursor var);
// Whether `expr` is written as a null pointer: nullptr, NULL or 0.
bool is_null_pointer_constant(CXCursor expr);
// A null pointer constant given as a pointer (`request(..., NULL)`): no string at all, which a test
// for an empty or null value holds for (an int 0 is a number, not this).
bool is_null_pointer_argument(CXCursor expr);
// Whether a parameter of this type cannot change the caller's argument: by value (not a pointer),
// or a reference to const.
bool is_read_only_parameter(CXType type);
// Whether every argument of `call` that names `var` is passed to a read-only parameter.
bool passes_read_only(CXCursor call, CXCursor var);
// The identity of a function for parameter slots and wrapper summaries: its USR, and for a
// lambda's call operator also where it is declared (two lambdas of one signature in one function
// share a USR).
std::string function_key(CXCursor function);

// The file location (expansion location for macro-produced code) of a cursor.
struct FileLocation {
  CXFile file = nullptr;
  std::string path;
  unsigned line = 0;
  unsigned column = 0;
  unsigned offset = 0;
};
FileLocation file_location(CXSourceLocation location);
// clang_getFileLocation: for a macro argument, where the argument is written; else the expansion.
FileLocation file_level_location(CXSourceLocation location);
FileLocation cursor_location(CXCursor cursor);
SourceLocation to_source_location(const FileLocation& location);

// Token spellings of a cursor's extent.
std::vector<std::string> token_spellings(CXTranslationUnit tu, CXCursor cursor);
// The operator of a binary expression ("==", "+="): the token after its left operand's tokens.
// GNU's `a ?: b` (libclang leaves it unexposed): its first operand, which is also its value when
// true, and its second; nullopt for any other expression.
std::optional<std::pair<CXCursor, CXCursor>> binary_conditional(CXTranslationUnit tu, CXCursor expr);
std::string binary_operator_token(CXTranslationUnit tu, CXCursor op);
// The source range of a cursor when its extent is exactly one string-literal token in a file.
std::optional<SourceRange> single_literal_range(CXTranslationUnit tu, CXCursor cursor);

// Decodes a C string literal as written or pretty-printed ("a\tb", u8"x", L"y"): escapes and
// adjacent pieces; nullopt when it is not a string literal.
std::optional<std::string> decode_string_literal(const std::string& text);

// A variable declared inside a function or lambda (not at namespace or class scope).
bool is_local_variable(CXCursor var);

}  // namespace scopelint::extract
