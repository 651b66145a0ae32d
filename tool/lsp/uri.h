// file:// URIs and the paths they name.
#pragma once

#include <string>
#include <string_view>

namespace scopelint::lsp {

// The local path of a file:// URI ("file:///a%20b/x.cpp" -> "/a b/x.cpp"); empty for other schemes.
std::string path_from_uri(std::string_view uri);

// The file:// URI of a path, made absolute against the current directory.
std::string uri_from_path(const std::string& path);

// The form used to compare paths: absolute, normalised, symlinks resolved where the file exists.
std::string normal_path(const std::string& path);

}  // namespace scopelint::lsp
