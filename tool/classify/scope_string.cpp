// Scope string parsing: form decoding, separators and the encoding mistakes the server would see.
#include "classify/scope_string.h"

#include <algorithm>
#include <cctype>

#include "model/facts.h"
#include "util/percent_encoding.h"

namespace scopelint {
namespace {

bool is_escape_at(std::string_view text, size_t i) {
  return i + 2 < text.size() && text[i] == '%' && hex_digit_value(text[i + 1]) >= 0 &&
         hex_digit_value(text[i + 2]) >= 0;
}

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','; }

// Splits decoded text into scope tokens on whitespace and commas.
std::vector<std::string> split_scopes(std::string_view decoded) {
  std::vector<std::string> out;
  std::string current;
  for (char c : decoded) {
    if (is_separator(c)) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// Decodes wire text, recording raw spaces and bad escapes.
std::string decode_wire(std::string_view text, ParsedScopeString& result) {
  std::string out;
  bool saw_raw_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && is_escape_at(text, i)) {
      out.push_back(static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2])));
      i += 2;
    } else if (c == '%') {
      result.problems.push_back({ScopeEncodingProblem::Kind::BadPercent, std::string(text.substr(i, 3))});
      out.push_back(c);
    } else {
      if (c == ' ' && !saw_raw_space) {
        saw_raw_space = true;
        result.problems.push_back({ScopeEncodingProblem::Kind::RawSpace, " "});
      }
      out.push_back(c);
    }
  }
  return out;
}

// A plain value is encoded by the library; escapes the author wrote get encoded a second time.
std::string decode_plain(std::string_view text, ParsedScopeString& result) {
  std::string out;
  bool reported = false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool escape = text[i] == '%' && is_escape_at(text, i);
    if ((escape || text[i] == '+') && !reported) {
      reported = true;
      result.problems.push_back({ScopeEncodingProblem::Kind::DoubleEncoded,
                                 std::string(text.substr(i, escape ? 3 : 1))});
    }
    if (escape) {
      out.push_back(static_cast<char>(hex_digit_value(text[i + 1]) * 16 + hex_digit_value(text[i + 2])));
      i += 2;
    } else if (text[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string detect_separator(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "%20") == 0) return "%20";
    if (text[i] == '+') return "+";
    if (text[i] == ' ') return " ";
  }
  return " ";
}

}  // namespace

std::string form_decode(std::string_view text) {
  ParsedScopeString ignored;
  return decode_wire(text, ignored);
}

ParsedScopeString parse_scope_string(std::string_view value, ScopeEncoding encoding) {
  ParsedScopeString result;
  result.separator = detect_separator(value);
  std::string decoded;
  switch (encoding) {
    case ScopeEncoding::Wire: decoded = decode_wire(value, result); break;
    case ScopeEncoding::Plain: decoded = decode_plain(value, result); break;
    case ScopeEncoding::Either: {
      ParsedScopeString ignored;
      decoded = decode_wire(value, ignored);
      break;
    }
  }
  if (decoded.find(',') != std::string::npos) {
    result.problems.push_back({ScopeEncodingProblem::Kind::Comma, ","});
  }
  for (auto& scope : split_scopes(decoded)) {
    if (scope.find(kWildcard) != std::string::npos) {
      result.has_runtime_part = true;
      continue;
    }
    if (std::find(result.scopes.begin(), result.scopes.end(), scope) != result.scopes.end()) {
      if (std::find(result.duplicates.begin(), result.duplicates.end(), scope) ==
          result.duplicates.end()) {
        result.duplicates.push_back(scope);
      }
      continue;
    }
    result.scopes.push_back(std::move(scope));
  }
  return result;
}

std::string join_scopes(const std::vector<std::string>& scopes, std::string_view separator) {
  std::string out;
  for (const auto& scope : scopes) {
    if (!out.empty()) out += separator;
    out += scope;
  }
  return out;
}

}  // namespace scopelint
