// Pieces of adjacent string literals and literal macros (see adjacent_literals.h).
#include "extract/adjacent_literals.h"

#include <cctype>
#include <optional>

#include "extract/clang_handles.h"
#include "extract/cursor_utils.h"
#include "extract/literal_pieces.h"

namespace scopelint::extract {
namespace {

constexpr size_t kMaxTokens = 64;

struct DefinedLiteral {
  SourceRange range;
  std::string value;
};

struct MacroSearch {
  CXTranslationUnit tu;
  std::string name;
  std::vector<DefinedLiteral> found;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

// `#define NAME "literal"` at `at` (the name) in `text`: the literal's byte range.
std::optional<std::pair<size_t, size_t>> definition_literal(const std::string& text, size_t at,
                                                            size_t name_size) {
  size_t before = at;
  while (before > 0 && is_space(text[before - 1])) --before;
  if (before < 6 || text.compare(before - 6, 6, "define") != 0) return std::nullopt;
  size_t hash = before - 6;
  while (hash > 0 && is_space(text[hash - 1])) --hash;
  if (hash == 0 || text[hash - 1] != '#') return std::nullopt;
  size_t begin = at + name_size;
  if (begin >= text.size() || !is_space(text[begin])) return std::nullopt;
  while (begin < text.size() && is_space(text[begin])) ++begin;
  if (begin >= text.size() || text[begin] != '"') return std::nullopt;
  size_t end = begin + 1;
  while (end < text.size() && text[end] != '"' && text[end] != '\n')
    end += text[end] == '\\' ? 2 : 1;
  if (end >= text.size() || text[end] != '"') return std::nullopt;
  return std::make_pair(begin, end + 1);
}

void search_file(CXFile file, MacroSearch& search) {
  size_t size = 0;
  const char* contents = clang_getFileContents(search.tu, file, &size);
  if (!contents) return;
  const std::string text(contents, size);
  for (size_t at = text.find(search.name); at != std::string::npos;
       at = text.find(search.name, at + 1)) {
    auto literal = definition_literal(text, at, search.name.size());
    if (!literal) continue;
    auto decoded =
        decode_string_literal(text.substr(literal->first, literal->second - literal->first));
    if (!decoded) continue;
    const auto place = [&](size_t offset) {
      return to_source_location(file_location(
          clang_getLocationForOffset(search.tu, file, static_cast<unsigned>(offset))));
    };
    SourceRange range{place(literal->first), place(literal->second),
                      static_cast<unsigned>(literal->first),
                      static_cast<unsigned>(literal->second - literal->first)};
    search.found.push_back({range, *decoded});
  }
}

void visit_inclusion(CXFile file, CXSourceLocation*, unsigned, CXClientData data) {
  search_file(file, *static_cast<MacroSearch*>(data));
}

// The definitions of NAME as one string literal, in the files of the unit.
std::vector<DefinedLiteral> literal_definitions(CXTranslationUnit tu, const std::string& name) {
  MacroSearch search{tu, name, {}};
  clang_getInclusions(tu, visit_inclusion, &search);
  return search.found;
}

}  // namespace

std::vector<LiteralPiece> adjacent_literal_pieces(CXTranslationUnit tu, CXCursor literal,
                                                  const std::string& value) {
  // The extent ends inside the expansion of a trailing macro: tokenize up to where it is used.
  const CXSourceRange extent = clang_getCursorExtent(literal);
  const FileLocation first = file_level_location(clang_getRangeStart(extent));
  const FileLocation last = file_level_location(clang_getRangeEnd(extent));
  if (!first.file || !last.file || !clang_File_isEqual(first.file, last.file) ||
      last.offset < first.offset)
    return {};
  CXToken* tokens = nullptr;
  unsigned count = 0;
  clang_tokenize(tu,
                 clang_getRange(clang_getLocationForOffset(tu, first.file, first.offset),
                                clang_getLocationForOffset(tu, last.file, last.offset)),
                 &tokens, &count);
  std::vector<LiteralPiece> pieces;
  size_t at = 0;
  bool spelled = count >= 2 && count <= kMaxTokens;
  for (unsigned i = 0; spelled && i < count; ++i) {
    const std::string text = to_string(clang_getTokenSpelling(tu, tokens[i]));
    const CXTokenKind kind = clang_getTokenKind(tokens[i]);
    std::optional<DefinedLiteral> piece;
    if (kind == CXToken_Literal && text.find('"') != std::string::npos) {
      auto decoded = decode_string_literal(text);
      const CXSourceRange extent = clang_getTokenExtent(tu, tokens[i]);
      const FileLocation begin = file_location(clang_getRangeStart(extent));
      const FileLocation end = file_location(clang_getRangeEnd(extent));
      if (decoded && begin.file) {
        piece = DefinedLiteral{{to_source_location(begin), to_source_location(end), begin.offset,
                                end.offset - begin.offset},
                               *decoded};
      }
    } else if (kind == CXToken_Identifier) {
      for (auto& definition : literal_definitions(tu, text)) {
        if (value.compare(at, definition.value.size(), definition.value) == 0) {
          piece = std::move(definition);
          break;
        }
      }
    }
    if (!piece || value.compare(at, piece->value.size(), piece->value) != 0) {
      spelled = false;
      break;
    }
    LiteralPiece run = whole_literal_piece(piece->range, piece->value);
    run.begin = static_cast<unsigned>(at);
    at += piece->value.size();
    if (run.length > 0) pieces.push_back(run);
  }
  if (tokens) clang_disposeTokens(tu, tokens, count);
  if (!spelled || at != value.size()) return {};
  return pieces;
}

}  // namespace scopelint::extract
