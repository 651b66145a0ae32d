// Pure operations on resolved strings (see string_values.h and string_resolver.h).
#include "extract/resolve/string_values.h"

#include <algorithm>
#include <cctype>

#include "extract/clang/clang_handles.h"
#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/parameter_slots.h"
#include "model/facts.h"
#include "util/percent_encoding.h"

namespace scopelint::extract {

ResolvedString ResolvedString::wildcard() {
  ResolvedString value;
  value.text = kWildcard;
  return value;
}

ResolvedString ResolvedString::constant(std::string text) {
  ResolvedString value;
  value.known = !text.empty();
  value.text = std::move(text);
  return value;
}

ResolvedString ResolvedString::literal_text(std::string value,
                                            const std::optional<SourceRange>& range) {
  ResolvedString out = constant(value);
  out.literal_count = 1;
  out.literal = range;
  out.literal_value = value;
  if (range) out.pieces.push_back(whole_literal_piece(*range, value));
  return out;
}

ResolvedString ResolvedString::slice(size_t begin, size_t end) const {
  end = std::min(end, text.size());
  if (begin >= end) return constant("");
  ResolvedString out = constant(text.substr(begin, end - begin));
  out.pieces = clip_pieces(pieces, begin, end);
  return out;
}

ResolvedString& ResolvedString::append(const ResolvedString& other) {
  if (text.empty() && literal_count == 0) {
    std::vector<LiteralPiece> own = std::move(pieces);
    *this = other;
    pieces.insert(pieces.begin(), own.begin(), own.end());
    return *this;
  }
  std::vector<LiteralPiece> added = other.pieces;
  shift_pieces(added, text.size());
  pieces.insert(pieces.end(), added.begin(), added.end());
  text += other.text;
  known = known || other.known;
  if (other.literal_count > 0) {
    literal = literal_count == 0 ? other.literal : std::nullopt;
    literal_value = literal_count == 0 ? other.literal_value : std::nullopt;
  }
  literal_count += other.literal_count;
  return *this;
}

std::optional<SourceRange> ResolvedString::spelling_literal() const {
  if (literal_count == 1 && literal && literal_value && *literal_value == text) return literal;
  return std::nullopt;
}

std::string collapse_wildcards(const std::string& text) {
  std::string out;
  const std::string twice = std::string(kWildcard) + kWildcard;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    while (out.size() >= twice.size() && out.compare(out.size() - twice.size(), twice.size(), twice) == 0) {
      out.resize(out.size() - 2);
    }
  }
  return out;
}

ResolvedString percent_encoded(ResolvedString value) {
  value.pieces = encode_pieces(value.text, value.pieces);
  value.text = percent_encode(value.text);
  value.literal.reset();
  return value;
}

std::string percent_encode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, kWildcard) == 0) {
      out += kWildcard;
      ++i;
      continue;
    }
    if (const size_t slot = slot_length(text, i)) {  // a parameter's value is encoded by the caller's
      out += text.substr(i, slot);
      i += slot - 1;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      append_percent_escape(out, c);
    }
  }
  return out;
}

ResolvedString format_printf(const ResolvedString& format, const std::vector<ResolvedString>& args) {
  ResolvedString out = ResolvedString::constant("");
  size_t next = 0;
  auto take = [&] { return next < args.size() ? args[next++] : ResolvedString::wildcard(); };
  const std::string& f = format.text;
  size_t pending = 0;  // the format's text from here up to the next conversion is copied as is
  auto flush = [&](size_t end) {
    if (end > pending) out.append(format.slice(pending, end));
  };
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') continue;
    if (i + 1 < f.size() && f[i + 1] == '%') {
      flush(i + 1);  // keeps one '%'
      pending = i + 2;
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < f.size() && std::string("-+ #0").find(f[j]) != std::string::npos) ++j;
    if (j < f.size() && f[j] == '*') { take(); ++j; }
    while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) ++j;
    if (j < f.size() && f[j] == '.') {
      ++j;
      if (j < f.size() && f[j] == '*') { take(); ++j; }
      while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) ++j;
    }
    while (j < f.size() && std::string("hlLqjzt").find(f[j]) != std::string::npos) ++j;
    if (j >= f.size()) {
      flush(i);
      pending = f.size();  // a cut-off conversion prints nothing
      break;
    }
    flush(i);
    ResolvedString value = take();
    // %@ is Objective-C's object conversion (NSString formats): the value's text, as %s.
    out.append(f[j] == 's' || f[j] == '@' ? value : ResolvedString::wildcard());
    i = j;
    pending = j + 1;
  }
  flush(f.size());
  out.known = out.known || format.known;
  out.literal.reset();
  return out;
}

namespace {

// out.text[pos, pos + length) becomes value.text; the pieces around it are cut to match.
void replace_text(ResolvedString& out, size_t pos, size_t length, const ResolvedString& value) {
  std::vector<LiteralPiece> pieces = clip_pieces(out.pieces, 0, pos);
  std::vector<LiteralPiece> inserted = value.pieces;
  shift_pieces(inserted, pos);
  std::vector<LiteralPiece> after = clip_pieces(out.pieces, pos + length, out.text.size());
  shift_pieces(after, pos + value.text.size());
  pieces.insert(pieces.end(), inserted.begin(), inserted.end());
  pieces.insert(pieces.end(), after.begin(), after.end());
  out.pieces = std::move(pieces);
  out.text.replace(pos, length, value.text);
}

}  // namespace

ResolvedString format_qt_arg(const ResolvedString& format, const std::vector<ResolvedString>& args) {
  ResolvedString out = format;
  out.literal.reset();
  for (const auto& arg : args) {
    int lowest = 100;
    for (size_t i = 0; i + 1 < out.text.size(); ++i) {
      if (out.text[i] == '%' && std::isdigit(static_cast<unsigned char>(out.text[i + 1]))) {
        int n = out.text[i + 1] - '0';
        if (i + 2 < out.text.size() && std::isdigit(static_cast<unsigned char>(out.text[i + 2]))) {
          n = n * 10 + (out.text[i + 2] - '0');
        }
        lowest = std::min(lowest, n);
      }
    }
    if (lowest == 100) break;
    const std::string marker = "%" + std::to_string(lowest);
    for (size_t pos = out.text.find(marker); pos != std::string::npos;
         pos = out.text.find(marker, pos + arg.text.size())) {
      replace_text(out, pos, marker.size(), arg);
    }
    out.known = out.known || arg.known;
    out.literal_count += arg.literal_count;
  }
  return out;
}

ResolvedString join_path(const ResolvedString& base, const ResolvedString& path) {
  ResolvedString out = base;
  ResolvedString tail = path;
  const bool base_slash = !out.text.empty() && out.text.back() == '/';
  const bool path_slash = !tail.text.empty() && tail.text.front() == '/';
  if (base_slash && path_slash) {
    tail.pieces = clip_pieces(tail.pieces, 1, tail.text.size());
    tail.text.erase(0, 1);
  } else if (!base_slash && !path_slash && !out.text.empty() && !tail.text.empty()) {
    out.append(ResolvedString::constant("/"));
  }
  out.append(tail);
  out.literal.reset();
  return out;
}

ResolvedString append_query_text(ResolvedString base, const ResolvedString& query) {
  base.append(ResolvedString::constant(base.text.find('?') == std::string::npos ? "?" : "&"));
  base.append(query);
  base.literal.reset();
  return base;
}

ResolvedString append_query(const ResolvedString& base, const ResolvedString& key,
                            const ResolvedString& value, bool encode) {
  ResolvedString pair = encode ? percent_encoded(key) : key;
  pair.append(ResolvedString::constant("="));
  pair.append(encode ? percent_encoded(value) : value);
  return append_query_text(base, pair);
}

ResolvedString with_query(const ResolvedString& url, const ResolvedString& query) {
  ResolvedString out = url;
  const size_t mark = out.text.find('?');
  if (mark != std::string::npos) {
    out.pieces = clip_pieces(out.pieces, 0, mark);
    out.text.resize(mark);
  }
  if (!query.text.empty()) {
    out.append(ResolvedString::constant("?"));
    out.append(query);
  }
  out.literal.reset();
  return out;
}

ResolvedString with_path(const ResolvedString& url, const ResolvedString& path) {
  const std::string& text = url.text;
  const size_t scheme = text.find("://");
  ResolvedString out;
  if (scheme == std::string::npos) {
    out = path;
  } else {
    const size_t path_begin = text.find('/', scheme + 3);
    out = url.slice(0, path_begin);
    out.known = url.known;
    out.append(path);
  }
  out.literal.reset();
  return out;
}

ResolvedString resolve_relative(const ResolvedString& base, const ResolvedString& reference) {
  const std::string& ref = reference.text;
  if (ref.rfind("http://", 0) == 0 || ref.rfind("https://", 0) == 0 || ref.rfind(kWildcard, 0) == 0) return reference;
  if (!ref.empty() && ref.front() == '/') return with_path(base, reference);
  const std::string& text = base.text;
  const size_t scheme = text.find("://");
  const size_t host_end = scheme == std::string::npos ? std::string::npos : text.find_first_of("/?#", scheme + 3);
  ResolvedString out;
  if (host_end == std::string::npos) {
    // "https://host": the path is "/". A base known only at run time ("{}") is taken to be a
    // directory (`https://host/api/2.0/`): the reference goes under it.
    out = base;
    if (text.empty() || text.back() != '/') out.append(ResolvedString::constant("/"));
  } else {
    const size_t end = text.find_first_of("?#", host_end);
    const size_t last = text.rfind('/', end == std::string::npos ? std::string::npos : end);
    out = base.slice(0, last == std::string::npos || last < host_end ? host_end : last + 1);
    out.known = base.known;
  }
  out.append(reference);
  out.literal.reset();
  return out;
}

ResolvedString fields_of(const ResolvedString& text, const ResolvedString& separator, long start, long end) {
  const std::string& sep = separator.text;
  if (!text.known || !separator.known || sep.empty() || sep.find(kWildcard) != std::string::npos || start < 0 ||
      end < -1) {
    return ResolvedString::wildcard();
  }
  std::vector<std::string> fields;
  for (size_t from = 0;;) {
    const size_t at = text.text.find(sep, from);
    fields.push_back(text.text.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + sep.size();
  }
  // Past the fields known: a run-time part or a parameter may hold more.
  const bool runtime = text.text.find(kWildcard) != std::string::npos || has_slot(text.text);
  if (runtime && static_cast<size_t>(start) >= fields.size()) return ResolvedString::wildcard();
  const long last = end == -1 ? static_cast<long>(fields.size()) - 1 : std::min<long>(end, static_cast<long>(fields.size()) - 1);
  std::string out;
  for (long i = start; i <= last; ++i) out += (i > start ? sep : "") + fields[static_cast<size_t>(i)];
  ResolvedString value = ResolvedString::constant(out);
  std::string known = out;
  for (size_t pos = known.find(kWildcard); pos != std::string::npos; pos = known.find(kWildcard)) known.erase(pos, 2);
  value.known = !known.empty();
  return value;
}

ResolvedString url_part(const ResolvedString& url, UrlPart part) {
  const std::string& text = url.text;
  if (part == UrlPart::Query) {
    // After the "?" (a query built alone, `?a=b`, has no scheme or path); none is an empty query.
    if (!url.known) return ResolvedString::wildcard();
    const size_t mark = text.find('?');
    return mark == std::string::npos ? ResolvedString::constant("") : url.slice(mark + 1, text.size());
  }
  const size_t scheme = text.find("://");
  if (part == UrlPart::Path) {
    // A URL's path alone: up to its query or fragment; none is "" (QUrl::path).
    if (scheme == std::string::npos && text.rfind('/', 0) != 0) return ResolvedString::wildcard();
    const size_t from = scheme == std::string::npos ? 0 : text.find('/', scheme + 3);
    if (from == std::string::npos) return url.known ? ResolvedString::constant("") : ResolvedString::wildcard();
    const size_t end = text.find_first_of("?#", from);
    return url.slice(from, end == std::string::npos ? text.size() : end);
  }
  if (scheme == std::string::npos) {
    return part == UrlPart::Host ? ResolvedString::wildcard() : url;
  }
  const size_t host_begin = scheme + 3;
  size_t path_begin = text.find('/', host_begin);
  if (path_begin == std::string::npos) path_begin = text.size();
  ResolvedString out;
  if (part == UrlPart::Host) {
    std::string host = text.substr(host_begin, path_begin - host_begin);
    const size_t colon = host.find(':');
    if (colon != std::string::npos) host.resize(colon);
    out = ResolvedString::constant(host);
  } else {
    out = ResolvedString::constant(path_begin < text.size() ? text.substr(path_begin) : "/");
  }
  if (out.text.empty()) out = ResolvedString::wildcard();
  out.known = out.text != kWildcard;
  return out;
}

bool is_integral(CXType type) {
  const CXTypeKind kind = clang_getCanonicalType(type).kind;
  return (kind >= CXType_Bool && kind <= CXType_Int128) || kind == CXType_Enum;
}

std::optional<std::string> evaluate_integer(CXCursor expr) {
  EvalResultHandle result(clang_Cursor_Evaluate(expr));
  if (!result || clang_EvalResult_getKind(result.get()) != CXEval_Int) return std::nullopt;
  if (clang_EvalResult_isUnsignedInt(result.get())) {
    return std::to_string(clang_EvalResult_getAsUnsigned(result.get()));
  }
  return std::to_string(clang_EvalResult_getAsLongLong(result.get()));
}

}  // namespace scopelint::extract
