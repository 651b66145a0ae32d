// clang-apply-replacements YAML writer.
#include "fix/export_fixes.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

namespace scopelint {
namespace {

std::string absolute(const std::string& path) {
  if (path.empty()) return path;
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

bool needs_double_quotes(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

bool plain_safe(std::string_view text) {
  if (text.empty()) return false;
  static const std::string kIndicators = "-?:,[]{}#&*!|>'\"%@`~ ";
  if (kIndicators.find(text.front()) != std::string::npos || text.back() == ' ') return false;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos)
    return false;
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  // Words YAML would read as another type.
  static const std::set<std::string> kReserved = {
      "null", "Null", "NULL", "~",  "true", "True", "TRUE", "false", "False", "FALSE", "yes",
      "Yes",  "no",   "No",   "on", "On",   "off",  "Off",  "y",     "n",     "Y",     "N"};
  if (kReserved.count(std::string(text))) return false;
  bool numeric = text.find_first_not_of("0123456789.+-eE") == std::string_view::npos;
  return !numeric;
}

std::string double_quoted(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// The byte offset of a 1-based line and byte column, or the offset of the line when past its end.
unsigned file_offset(const std::string& file, unsigned line, unsigned column) {
  std::ifstream in(file, std::ios::binary);
  if (!in || line == 0) return 0;
  unsigned offset = 0;
  std::string text;
  for (unsigned n = 1; n < line && std::getline(in, text); ++n)
    offset += static_cast<unsigned>(text.size()) + 1;
  return offset + (column > 0 ? column - 1 : 0);
}

std::string level_name(Level level) { return level == Level::Error ? "Error" : "Warning"; }

}  // namespace

std::string yaml_scalar(std::string_view text) {
  if (needs_double_quotes(text)) return double_quoted(text);
  if (plain_safe(text)) return std::string(text);
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string export_fixes_yaml(const std::vector<Finding>& findings,
                              const std::string& main_source_file,
                              const std::string& build_directory) {
  std::ostringstream out;
  out << "---\n";
  out << "MainSourceFile:  " << yaml_scalar(absolute(main_source_file)) << "\n";
  out << "Diagnostics:";
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> written;
  bool any = false;
  for (const Finding& finding : findings) {
    if (!finding.fix) continue;
    std::ostringstream replacements;
    for (const Replacement& r : finding.fix->replacements) {
      std::string file =
          absolute(r.range.begin.file.empty() ? finding.location.file : r.range.begin.file);
      if (!written.insert({file, r.range.offset, r.range.length, r.text}).second) continue;
      replacements << "        - FilePath:        " << yaml_scalar(file) << "\n"
                   << "          Offset:          " << r.range.offset << "\n"
                   << "          Length:          " << r.range.length << "\n"
                   << "          ReplacementText: " << yaml_scalar(r.text) << "\n";
    }
    if (replacements.str().empty()) continue;
    any = true;
    std::string file = absolute(finding.location.file);
    out << "\n  - DiagnosticName:  " << yaml_scalar(finding.rule) << "\n"
        << "    DiagnosticMessage:\n"
        << "      Message:         " << yaml_scalar(finding.message) << "\n"
        << "      FilePath:        " << yaml_scalar(file) << "\n"
        << "      FileOffset:      "
        << file_offset(finding.location.file, finding.location.line, finding.location.column)
        << "\n"
        << "      Replacements:\n"
        << replacements.str() << "    Level:           " << level_name(finding.level) << "\n"
        << "    BuildDirectory:  " << yaml_scalar(absolute(build_directory)) << "\n";
  }
  if (!any) out << " []\n";
  out << "...\n";
  return out.str();
}

}  // namespace scopelint
