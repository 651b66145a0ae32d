// Where code that comes from a macro expansion is written: the macro definition, a macro argument,
// and the expansion site, so that NOLINT comments can be looked up along the chain as clang-tidy
// does.
#pragma once

#include <clang-c/Index.h>

#include <optional>
#include <string>
#include <vector>

#include "extract/clang/cursor_utils.h"
#include "model/source_location.h"

namespace scopelint::extract {

// The place where the token at `location` is spelled: inside a macro definition or a macro argument
// for macro-produced code, the location itself otherwise. clang_getSpellingLocation cannot be used:
// in LLVM 14-16 it returns the file location (the expansion site for a macro body), so the token is
// found by tokenizing the one-token range at `location`, which libclang lexes at its spelling.
// nullopt when the spelling has no file (token pasting, the scratch buffer).
std::optional<FileLocation> spelling_location(CXTranslationUnit tu, CXSourceLocation location);

// Whether `location` is in a macro expansion (spelled somewhere else than where it is expanded).
bool in_macro_expansion(CXTranslationUnit tu, CXSourceLocation location);

// For a string literal expanded from a macro (`#define kScopes "a b"`): the literal token in the
// macro definition, when that one token spells `value`. nullopt otherwise.
std::optional<SourceRange> macro_literal_range(CXTranslationUnit tu, CXCursor literal, const std::string& value);

// For a call (or request object) cursor that comes from a macro expansion: where it is spelled,
// where its callee's name is spelled (the macro body when the object is a macro argument), the file
// location, and the expansion site last; one entry per line. Empty when the cursor is not in a
// macro. libclang does not expose the intermediate expansions of nested macros; a nested macro
// level is in the chain only when the call's first token or its callee's name is written there.
std::vector<SourceLocation> macro_chain(CXCursor cursor);

}  // namespace scopelint::extract
