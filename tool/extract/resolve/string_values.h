// Pure operations on resolved strings: concatenation, printf/QString::arg formats, encoding, URLs.
#pragma once

#include <string>
#include <vector>

#include "extract/resolve/string_resolver.h"

namespace scopelint::extract {

// "{}{}" -> "{}": adjacent run-time parts are one wildcard.
std::string collapse_wildcards(const std::string& text);

// QString::arg: each value replaces the lowest-numbered %N still in the text.
ResolvedString format_qt_arg(const ResolvedString& format, const std::vector<ResolvedString>& args);

// uri_builder::append_path: joins with exactly one '/'.
ResolvedString join_path(const ResolvedString& base, const ResolvedString& path);
// Fields `start` to `end` (inclusive, -1: the last) of `text` split by `separator`, joined by it
// (QString::section). Run-time parts are taken not to hold the separator; an unknown separator, a
// negative start or an unknown text give a run-time value.
ResolvedString fields_of(const ResolvedString& text, const ResolvedString& separator, long start, long end);
// A query added to a URL: "?query", or "&query" after one already there.
ResolvedString append_query_text(ResolvedString base, const ResolvedString& query);
// uri_builder::append_query(k, v): adds "?k=v" or "&k=v", percent-encoded when `encode`.
ResolvedString append_query(const ResolvedString& base, const ResolvedString& key,
                            const ResolvedString& value, bool encode);

// QUrl::setQuery / setPath on a URL value.
ResolvedString with_query(const ResolvedString& url, const ResolvedString& query);
ResolvedString with_path(const ResolvedString& url, const ResolvedString& path);
// A URL reference resolved against a base URL (RFC 3986 5.2, without dot segments): an absolute
// reference as is, "/p" replaces the base's path, "p" what follows the base path's last '/'.
ResolvedString resolve_relative(const ResolvedString& base, const ResolvedString& reference);

// The value of an integer constant expression (`0`, `sizeof a / sizeof a[0]`, a constexpr), as text.
std::optional<std::string> evaluate_integer(CXCursor expr);
// Whether values of this type are integers: bool, char, int ... and enumerations.
bool is_integral(CXType type);

enum class UrlPart { PathAndQuery, Path, Host, Query };
ResolvedString url_part(const ResolvedString& url, UrlPart part);

}  // namespace scopelint::extract
