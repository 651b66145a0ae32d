// Converts findings to LSP diagnostics the way clangd shows clang-tidy's: code, source, no suffix.
#include "lsp/diagnostics.h"

#include "checks/rule_registry.h"
#include "report/report_common.h"

namespace scopelint::lsp {
namespace {

bool is_word_byte(unsigned char c) {
  return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The byte column just past the word at `column`, or past one code point if it is not a word.
unsigned word_end(std::string_view line, unsigned column) {
  size_t i = column - 1;
  if (i >= line.size()) return column;
  if (is_word_byte(static_cast<unsigned char>(line[i]))) {
    while (i < line.size() && is_word_byte(static_cast<unsigned char>(line[i]))) ++i;
  } else {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return static_cast<unsigned>(i) + 1;
}

// The message without a trailing " [rule]", which the text reporter adds and LSP carries as `code`.
std::string plain_message(const Finding& finding) {
  const std::string suffix = " [" + finding.rule + "]";
  std::string message = finding.message;
  if (message.size() > suffix.size() &&
      message.compare(message.size() - suffix.size(), suffix.size(), suffix) == 0) {
    message.resize(message.size() - suffix.size());
  }
  return message;
}

nlohmann::json note_location(const Note& note, const Finding& finding, ConversionContext& context) {
  const SourceLocation& where = note.location.known() ? note.location : finding.location;
  nlohmann::json start = lsp_position(where, context);
  return {{"uri", context.documents->uri_for(where.file)},
          {"range", {{"start", start}, {"end", start}}}};
}

}  // namespace

std::string_view encoding_name(PositionEncoding encoding) {
  return encoding == PositionEncoding::Utf8 ? "utf-8" : "utf-16";
}

unsigned lsp_character(std::string_view line_text, unsigned column, PositionEncoding encoding) {
  if (column == 0) return 0;
  if (encoding == PositionEncoding::Utf8) return column - 1;
  return utf16_column(line_text, column) - 1;
}

nlohmann::json lsp_position(const SourceLocation& location, ConversionContext& context) {
  const unsigned line = location.line == 0 ? 0 : location.line - 1;
  unsigned character = location.column == 0 ? 0 : location.column - 1;
  if (context.encoding != PositionEncoding::Utf8 && location.line > 0) {
    if (const std::string* text = context.lines->line(location.file, location.line)) {
      character = lsp_character(*text, location.column, context.encoding);
    }
  }
  return {{"line", line}, {"character", character}};
}

nlohmann::json finding_range(const Finding& finding, ConversionContext& context) {
  const SourceLocation& start = finding.location;
  SourceLocation end = start;
  if (finding.end && finding.end->line > 0 &&
      (finding.end->file.empty() || finding.end->file == start.file) && !(*finding.end < start)) {
    end = *finding.end;
    end.file = start.file;
  } else if (start.line > 0 && start.column > 0) {
    if (const std::string* text = context.lines->line(start.file, start.line)) {
      end.column = word_end(*text, start.column);
    }
  }
  return {{"start", lsp_position(start, context)}, {"end", lsp_position(end, context)}};
}

int lsp_severity(Level level) {
  switch (level) {
    case Level::Error:
      return 1;
    case Level::Warning:
      return 2;
    case Level::Note:
      return 3;
  }
  return 2;
}

nlohmann::json to_diagnostic(const Finding& finding, ConversionContext& context) {
  nlohmann::json diagnostic = {
      {"range", finding_range(finding, context)},
      {"severity", lsp_severity(finding.level)},
      {"code", finding.rule},
      {"codeDescription", {{"href", rule_help_uri(finding.rule)}}},
      {"source", "scopelint"},
  };
  std::string message = plain_message(finding);
  if (context.related_information) {
    nlohmann::json related = nlohmann::json::array();
    for (const auto& note : finding.notes) {
      related.push_back(
          {{"location", note_location(note, finding, context)}, {"message", note.message}});
    }
    if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
  } else {
    for (const auto& note : finding.notes) message += "\n\nnote: " + note.message;
  }
  if (finding.fix) message += " (fix available)";
  diagnostic["message"] = message;
  return diagnostic;
}

nlohmann::json to_text_edit(const Replacement& replacement, ConversionContext& context) {
  SourceLocation end = replacement.range.end;
  if (end.file.empty()) end.file = replacement.range.begin.file;
  return {{"range",
           {{"start", lsp_position(replacement.range.begin, context)},
            {"end", lsp_position(end, context)}}},
          {"newText", replacement.text}};
}

}  // namespace scopelint::lsp
