// A look at a unit's source text, before parsing, for project headers that define functions: such a
// unit is parsed with all bodies, since skipping the bodies in the preamble would skip theirs too.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "extract/driver/compile_commands.h"

namespace scopelint::extract {

// Whether `text` (C-family source) seems to define a function: a `)` followed, past qualifiers
// (`const`, `noexcept(...)`, `override`, `-> T`...), by `{`, a constructor's `:` or `try`. Comments,
// literals and preprocessor lines are ignored. A guess either way (a macro may define one).
bool text_may_define_function(const std::string& text);

// The text with comments, string and character literals and preprocessor lines blanked out
// (newlines kept, so offsets stay valid).
std::string code_only(const std::string& text);
// Whether, from `offset` in `code` (code_only text) just past a declarator's `)` or last token, a
// function body or a constructor's initialiser list follows.
bool body_follows(const std::string& code, size_t offset);

// Whether a header included by the unit (`#include` resolved with the command's -I, -iquote,
// -isystem, -idirafter and -include, followed through headers for which `in_scan(canonical path)`
// is true) is in the scan and may define a function. Unresolved includes are not followed: the
// answer is a prediction, checked after parsing (unit_parse.h).
bool includes_project_function_definitions(
    const ParseCommand& command, const std::function<bool(const std::string&)>& in_scan,
    const std::vector<std::pair<std::string, std::string>>& unsaved);

}  // namespace scopelint::extract
