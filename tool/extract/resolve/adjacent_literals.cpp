// Pieces of adjacent string literals and literal macros (see adjacent_literals.h).
#include "extract/resolve/adjacent_literals.h"

#include <cctype>
#include <optional>
#include <string_view>

#include "extract/clang/clang_handles.h"
#include "extract/clang/cursor_utils.h"
#include "extract/resolve/literal_pieces.h"

namespace scopelint::extract {
namespace {

constexpr size_t kMaxTokens = 64;

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `#define NAME "literal"` with NAME starting at `at` in `text`: the literal's byte range.
std::optional<std::pair<size_t, size_t>> definition_literal(std::string_view text, size_t at,
                                                            size_t name_size) {
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

// Every `# define NAME "literal"` of one file, added to `by_name`.
void add_definitions(CXTranslationUnit tu, CXFile file,
                     std::unordered_map<std::string, std::vector<DefinedLiteral>>& by_name) {
  size_t size = 0;
  const char* contents = clang_getFileContents(tu, file, &size);
  if (!contents) return;
  const std::string_view text(contents, size);
  for (size_t at = text.find("define"); at != std::string_view::npos; at = text.find("define", at + 1)) {
    size_t hash = at;
    while (hash > 0 && is_space(text[hash - 1])) --hash;
    if (hash == 0 || text[hash - 1] != '#') continue;
    size_t name = at + 6;
    if (name >= text.size() || !is_space(text[name])) continue;
    while (name < text.size() && is_space(text[name])) ++name;
    size_t name_end = name;
    while (name_end < text.size() && is_identifier_char(text[name_end])) ++name_end;
    if (name_end == name) continue;
    auto literal = definition_literal(text, name, name_end - name);
    if (!literal) continue;
    auto decoded = decode_string_literal(std::string(text.substr(literal->first, literal->second - literal->first)));
    if (!decoded) continue;
    const auto place = [&](size_t offset) {
      return to_source_location(
          file_location(clang_getLocationForOffset(tu, file, static_cast<unsigned>(offset))));
    };
    SourceRange range{place(literal->first), place(literal->second),
                      static_cast<unsigned>(literal->first),
                      static_cast<unsigned>(literal->second - literal->first)};
    by_name[std::string(text.substr(name, name_end - name))].push_back({range, *decoded});
  }
}

struct InclusionVisit {
  CXTranslationUnit tu;
  const std::function<bool(CXFile)>& in_scan;
  std::unordered_map<std::string, std::vector<DefinedLiteral>>& by_name;
};

void visit_inclusion(CXFile file, CXSourceLocation*, unsigned, CXClientData data) {
  auto& visit = *static_cast<InclusionVisit*>(data);
  if (visit.in_scan(file)) add_definitions(visit.tu, file, visit.by_name);
}

const std::vector<DefinedLiteral> kNoDefinitions;

}  // namespace

const std::vector<DefinedLiteral>& LiteralMacros::definitions(const std::string& name) {
  if (!by_name_) {
    by_name_.emplace();
    InclusionVisit visit{tu_, in_scan_, *by_name_};
    clang_getInclusions(tu_, visit_inclusion, &visit);
  }
  auto it = by_name_->find(name);
  return it == by_name_->end() ? kNoDefinitions : it->second;
}

std::vector<LiteralPiece> adjacent_literal_pieces(CXTranslationUnit tu, LiteralMacros& macros,
                                                  CXCursor literal, const std::string& value) {
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
      for (const auto& definition : macros.definitions(text)) {
        if (value.compare(at, definition.value.size(), definition.value) == 0) {
          piece = definition;
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
