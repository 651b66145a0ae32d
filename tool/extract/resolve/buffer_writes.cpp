// Buffer-writing C functions (buffer_writes.h).
#include "extract/resolve/buffer_writes.h"

#include <vector>

namespace scopelint::extract {
namespace {

// The index of the format argument of a printf-style writer, or 0 when `callee` is not one.
size_t format_index(const std::string& callee) {
  if (callee == "snprintf") return 2;
  if (callee == "sprintf") return 1;
  if (callee == "__builtin___snprintf_chk") return 4;  // (buffer, size, flag, object size, format)
  if (callee == "__builtin___sprintf_chk") return 3;   // (buffer, flag, object size, format)
  return 0;
}

}  // namespace

BufferWrite buffer_write(const std::string& callee, size_t argument_count,
                         const std::function<ResolvedString(size_t)>& argument) {
  BufferWrite write;
  if (const size_t format = format_index(callee); format > 0) {
    if (argument_count <= format) return write;
    std::vector<ResolvedString> values;
    for (size_t i = format + 1; i < argument_count; ++i) values.push_back(argument(i));
    write.kind = BufferWrite::Kind::Replace;
    write.text = format_printf(argument(format), values);
  } else if ((callee == "strcpy" || callee == "strncpy") && argument_count >= 2) {
    write.kind = BufferWrite::Kind::Replace;
    write.text = argument(1);
  } else if ((callee == "strcat" || callee == "strncat") && argument_count >= 2) {
    write.kind = BufferWrite::Kind::Append;
    write.text = argument(1);
  }
  return write;
}

}  // namespace scopelint::extract
