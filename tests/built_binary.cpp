// Which scopelint the tests run, fixed per test executable: the test code is compiled once and
// linked twice, into scopelint_tests (against build/scopelint) and scopelint_tests_asan (against
// the instrumented build/scopelint-asan); this file alone is compiled for each.
#include "test_support.h"

namespace scopelint::test {

const char* const kBuiltScopelintBinary = SCOPELINT_BUILT_BINARY;
const bool kBuiltWithSanitizers = SCOPELINT_BUILT_WITH_SANITIZERS;

}  // namespace scopelint::test
