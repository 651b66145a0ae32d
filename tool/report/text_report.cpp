// The clang-style text report: location lines, source lines with carets and fix-its, notes.
#include <algorithm>
#include <string>
#include <vector>

#include "report/report.h"
#include "report/report_common.h"

namespace scopelint {
namespace {

// The escape sequences clang's TextDiagnostic emits (llvm::raw_ostream::changeColor).
constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr const char* kErrorColor = "\033[0;1;31m";
constexpr const char* kWarningColor = "\033[0;1;35m";
constexpr const char* kNoteColor = "\033[0;1;30m";
constexpr const char* kCaretColor = "\033[0;1;32m";
constexpr const char* kFixitColor = "\033[0;32m";

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Blanks that put the next character under byte `index` of `line`: tabs are copied so that the
// terminal expands them the same way, multi-byte characters take one column.
std::string blank_prefix(const std::string& line, size_t index) {
  std::string out;
  for (size_t i = 0; i < index && i < line.size(); ++i) {
    if (line[i] == '\t') {
      out += '\t';
    } else if (!is_utf8_continuation(line[i])) {
      out += ' ';
    }
  }
  return out;
}

size_t count_characters(const std::string& line, size_t begin, size_t end) {
  end = std::min(end, line.size());
  size_t count = 0;
  for (size_t i = begin; i < end; ++i) count += is_utf8_continuation(line[i]) ? 0 : 1;
  return count;
}

class TextWriter {
 public:
  explicit TextWriter(const ReportOptions& options) : options_(options) {}

  void write(const Finding& finding) {
    write_header(finding.location, finding.level, finding.message, finding.rule, false);
    write_source(finding.location, finding.end ? &*finding.end : nullptr,
                 finding.fix ? &*finding.fix : nullptr);
    for (const Note& note : finding.notes) {
      write_header(note.location, Level::Note, note.message, "", true);
      write_source(note.location, nullptr, nullptr);
    }
  }

  std::string take() { return std::move(out_); }

 private:
  std::string colored(const char* color, const std::string& text) const {
    return options_.color ? color + text + kReset : text;
  }

  static const char* level_color(Level level) {
    switch (level) {
      case Level::Error:
        return kErrorColor;
      case Level::Warning:
        return kWarningColor;
      case Level::Note:
        return kNoteColor;
    }
    return kWarningColor;
  }

  void write_header(const SourceLocation& at, Level level, const std::string& message,
                    std::string_view rule, bool supplemental) {
    std::string place = "scopelint";
    if (at.known()) {
      place = display_path(at.file, options_.base_directory);
      if (at.line > 0) {
        place += ':' + std::to_string(at.line);
        if (at.column > 0) place += ':' + std::to_string(at.column);
      }
    }
    std::string text = message;
    if (!rule.empty()) text += " [" + std::string(rule) + "]";
    out_ += colored(kBold, place + ": ");
    out_ += colored(level_color(level), std::string(to_string(level)) + ": ");
    if (!options_.color) {
      out_ += text;
    } else if (supplemental) {
      out_ += text + kReset;  // clang does not embolden the messages of attached notes
    } else {
      out_ += kBold + text + kReset;
    }
    out_ += '\n';
  }

  // The source line, a caret (with tildes up to `end` on the same line) and fix-it text, like
  // clang.
  void write_source(const SourceLocation& at, const SourceLocation* end, const Fix* fix) {
    if (!options_.show_source || at.line == 0 || at.column == 0) return;
    const std::string* line = lines_.line(at.file, at.line);
    if (line == nullptr) return;
    size_t index = std::min<size_t>(at.column - 1, line->size());
    std::string marker = "^";
    if (end != nullptr && (end->file.empty() || end->file == at.file) && end->line == at.line &&
        end->column > at.column + 1) {
      size_t span = count_characters(*line, index, end->column - 1);
      if (span > 1) marker += std::string(span - 1, '~');
    }
    out_ += *line + '\n';
    out_ += blank_prefix(*line, index) + colored(kCaretColor, marker) + '\n';
    if (fix != nullptr) write_fixits(at, *line, *fix);
  }

  // Replacement texts placed under the columns they replace; only single-line ones on this line.
  void write_fixits(const SourceLocation& at, const std::string& line, const Fix& fix) {
    std::vector<const Replacement*> shown;
    for (const Replacement& r : fix.replacements) {
      const SourceLocation& b = r.range.begin;
      bool same_file = b.file.empty() || b.file == at.file;
      if (same_file && b.line == at.line && r.range.end.line == at.line && b.column > 0 &&
          !r.text.empty() && r.text.find('\n') == std::string::npos) {
        shown.push_back(&r);
      }
    }
    if (shown.empty()) return;
    std::stable_sort(shown.begin(), shown.end(), [](const Replacement* a, const Replacement* b) {
      return a->range.begin.column < b->range.begin.column;
    });
    std::string text;
    for (const Replacement* r : shown) {
      std::string prefix = blank_prefix(line, r->range.begin.column - 1);
      if (text.size() < prefix.size()) text += prefix.substr(text.size());
      text += r->text;
    }
    // Only the text is coloured: leading blanks stay plain as in clang.
    size_t first = std::min(text.find_first_not_of(" \t"), text.size());
    out_ += text.substr(0, first) + colored(kFixitColor, text.substr(first)) + '\n';
  }

  const ReportOptions& options_;
  SourceLines lines_;
  std::string out_;
};

}  // namespace

std::string format_text(const std::vector<Finding>& findings, const ReportOptions& options) {
  TextWriter writer(options);
  for (const Finding& finding : findings) writer.write(finding);
  return writer.take();
}

}  // namespace scopelint
