// The buffer-writing C functions (extract/resolve/buffer_writes.h), taught once for the AST and the
// token pass.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/resolve/buffer_writes.h"

namespace scopelint::extract {
namespace {

// A call's arguments as values: "{}" stands for one not known.
BufferWrite write_of(const std::string& callee, const std::vector<std::string>& arguments) {
  return buffer_write(callee, arguments.size(), [&](size_t i) {
    return arguments[i] == "{}" ? ResolvedString::wildcard() : ResolvedString::constant(arguments[i]);
  });
}

TEST(BufferWrites, PrintfWritersFormatTheirArguments) {
  const BufferWrite sn = write_of("snprintf", {"buf", "256", "/api/2.0/patients/%s/", "{}"});
  EXPECT_EQ(sn.kind, BufferWrite::Kind::Replace);
  EXPECT_EQ(sn.text.text, "/api/2.0/patients/{}/");
  const BufferWrite s = write_of("sprintf", {"buf", "scope=%s", "system/patients.read"});
  EXPECT_EQ(s.text.text, "scope=system/patients.read");
  // glibc's fortified snprintf: (buffer, size, flag, object size, format, ...).
  const BufferWrite chk = write_of("__builtin___snprintf_chk", {"buf", "64", "1", "64", "/api/2.0/%s/", "vitals"});
  EXPECT_EQ(chk.text.text, "/api/2.0/vitals/");
}

TEST(BufferWrites, CopiesReplaceAndConcatenationsAppend) {
  const BufferWrite copy = write_of("strncpy", {"buf", "/api/2.0/", "9"});
  EXPECT_EQ(copy.kind, BufferWrite::Kind::Replace);
  EXPECT_EQ(copy.text.text, "/api/2.0/");
  const BufferWrite cat = write_of("strcat", {"buf", "problems/"});
  EXPECT_EQ(cat.kind, BufferWrite::Kind::Append);
  EXPECT_EQ(cat.text.text, "problems/");
}

TEST(BufferWrites, OtherCallsAndMissingArgumentsWriteNothing) {
  EXPECT_EQ(write_of("printf", {"%s", "x"}).kind, BufferWrite::Kind::None);
  EXPECT_EQ(write_of("snprintf", {"buf", "256"}).kind, BufferWrite::Kind::None);
  EXPECT_EQ(write_of("strcpy", {"buf"}).kind, BufferWrite::Kind::None);
}

}  // namespace
}  // namespace scopelint::extract
