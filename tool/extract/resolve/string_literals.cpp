// Decoding C string literals as written or as libclang pretty-prints them (see cursor_utils.h).
#include <cctype>
#include <optional>
#include <string>

#include "extract/clang/cursor_utils.h"
#include "util/percent_encoding.h"

namespace scopelint::extract {
namespace {

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the escapes of one quoted piece body; returns false on malformed text.
bool decode_piece(const std::string& body, bool wide, std::string& out) {
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= body.size()) return false;
    c = body[i];
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        unsigned long value = 0;
        size_t digits = 0;
        while (i + 1 < body.size() && hex_digit_value(body[i + 1]) >= 0) {
          value = value * 16 + static_cast<unsigned long>(hex_digit_value(body[++i]));
          ++digits;
        }
        if (digits == 0) return false;
        if (wide) append_utf8(out, value); else out += static_cast<char>(value & 0xFF);
        break;
      }
      case 'u':
      case 'U': {
        const size_t n = c == 'u' ? 4 : 8;
        unsigned long value = 0;
        for (size_t k = 0; k < n; ++k) {
          if (i + 1 >= body.size() || hex_digit_value(body[i + 1]) < 0) return false;
          value = value * 16 + static_cast<unsigned long>(hex_digit_value(body[++i]));
        }
        append_utf8(out, value);
        break;
      }
      default:
        if (c >= '0' && c <= '7') {
          unsigned long value = static_cast<unsigned long>(c - '0');
          for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7';
               ++k) {
            value = value * 8 + static_cast<unsigned long>(body[++i] - '0');
          }
          if (wide) append_utf8(out, value); else out += static_cast<char>(value & 0xFF);
        } else {
          out += c;  // \\ \" \' \?
        }
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> decode_string_literal(const std::string& text) {
  std::string out;
  size_t i = 0;
  bool any = false;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    size_t quote = text.find('"', i);
    if (quote == std::string::npos) return std::nullopt;
    const std::string prefix = text.substr(i, quote - i);
    const bool raw = !prefix.empty() && prefix.back() == 'R';
    const std::string encoding = raw ? prefix.substr(0, prefix.size() - 1) : prefix;
    if (!(encoding.empty() || encoding == "L" || encoding == "u" || encoding == "U" ||
          encoding == "u8" || encoding == "@")) {
      return std::nullopt;
    }
    const bool wide = encoding == "L" || encoding == "u" || encoding == "U";
    if (raw) {
      const size_t paren = text.find('(', quote);
      if (paren == std::string::npos) return std::nullopt;
      const std::string delimiter = ")" + text.substr(quote + 1, paren - quote - 1) + "\"";
      const size_t close = text.find(delimiter, paren);
      if (close == std::string::npos) return std::nullopt;
      out += text.substr(paren + 1, close - paren - 1);
      i = close + delimiter.size();
    } else {
      size_t j = quote + 1;
      while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      if (j >= text.size()) return std::nullopt;
      if (!decode_piece(text.substr(quote + 1, j - quote - 1), wide, out)) return std::nullopt;
      i = j + 1;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return out;
}

}  // namespace scopelint::extract
