// Places in source files, as clang reports them: 1-based lines, 1-based byte columns.
#pragma once

#include <string>
#include <tuple>

namespace scopelint {

struct SourceLocation {
  std::string file;  // as given on the command line or by the compile database; empty: no place
  unsigned line = 0;  // 1-based; 0 when only the file is known
  unsigned column = 0;  // 1-based, in UTF-8 bytes; 0 when unknown

  bool known() const { return !file.empty(); }
  friend bool operator<(const SourceLocation& a, const SourceLocation& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  }
  friend bool operator==(const SourceLocation& a, const SourceLocation& b) {
    return std::tie(a.file, a.line, a.column) == std::tie(b.file, b.line, b.column);
  }
};

// A half-open byte range in one file: [offset, offset + length), with the matching line/columns.
struct SourceRange {
  SourceLocation begin;
  SourceLocation end;  // exclusive
  unsigned offset = 0;  // 0-based byte offset of begin in the file
  unsigned length = 0;  // bytes
};

}  // namespace scopelint
