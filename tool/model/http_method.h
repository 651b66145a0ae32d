// HTTP methods as scopelint reasons about them, and their read/write class.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scopelint {

enum class HttpMethod { Get, Head, Options, Post, Put, Patch, Delete };

// Parses a method name case-insensitively ("get", "DELETE"); nullopt for anything else.
std::optional<HttpMethod> parse_http_method(std::string_view name);

// The canonical upper-case name ("GET").
std::string_view to_string(HttpMethod method);

// GET, HEAD and OPTIONS read; POST, PUT, PATCH and DELETE write.
bool is_read_method(HttpMethod method);

}  // namespace scopelint
