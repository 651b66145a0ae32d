// The rule of the scan's own findings (rule_registry.h).
#include "checks/rule_registry.h"

namespace scopelint {

// scan-error: reported by the scan (extract/), not by a check: a file it could not read or parse, a
// header an #include cannot find.
const RuleInfo& scan_error_rule() {
  static constexpr RuleInfo kRule{
      "scan-error", Level::Warning,
      "a file could not be read or parsed, so its calls are not checked",
      "A source file that scopelint could not read, that is not text, or that libclang\n"
      "failed to parse, crashed on, or took longer than --unit-timeout to parse (each file\n"
      "is parsed in a worker process of its own). The scan goes on with the other files.\n"
      "A header an #include cannot find is a note at that line instead: the file is analysed,\n"
      "but the calls that go through the header are not (give the compile database with -p).",
      "Calls in that file are invisible to every other check.",
      "// src/sync.cpp, saved half-way through an edit: libclang cannot parse it\n"
      "auto res = cli.Get(\"/api/2.0/patients/\";",
      "Fix the file or the compile flags (-p build, --extra-arg), raise --unit-timeout for\n"
      "a file that is only slow, or exclude the file in .scopelint.json (\"exclude\").",
      "2.0"};
  return kRule;
}

}  // namespace scopelint
