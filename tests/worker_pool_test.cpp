// The library's two ways to analyse units give the same facts: in worker processes (the scopelint
// binary, as the command line and the language server run it) and in the calling process; and a
// worker that misbehaves (exits, writes garbage, cannot be started) costs only its unit.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "codec/facts_codec.h"
#include "extract/driver/extractor.h"
#include "extract/driver/unit_runner.h"
#include "test_support.h"

namespace scopelint {
namespace {

// Workers of `executable` for the scans made while it lives (none by default in this binary).
class WorkersFrom {
 public:
  explicit WorkersFrom(const std::string& executable) { extract::set_worker_executable(executable); }
  ~WorkersFrom() { extract::set_worker_executable(""); }
  WorkersFrom(const WorkersFrom&) = delete;
  WorkersFrom& operator=(const WorkersFrom&) = delete;
};

ExtractOptions options_for(const std::vector<std::string>& paths, unsigned jobs) {
  ExtractOptions options;
  options.paths = paths;
  options.has_fixed_args = true;
  options.fixed_args = {"-std=c++17"};
  options.jobs = jobs;
  return options;
}

// Everything a scan found, as --dump-facts prints it.
std::string facts_text(const ExtractResult& result) {
  return facts_file_text({result.facts, result.diagnostics, result.reported_files}) + "scanned " +
         std::to_string(result.files_scanned) + ", parsed " + std::to_string(result.units_parsed);
}

TEST(WorkerPool, WorkersFindWhatTheCallingProcessFinds) {
  const std::string fixtures = SCOPELINT_FIXTURES;
  // Projects whose wrappers are defined in one unit and called in others (summaries, call sites).
  const std::vector<std::string> paths = {fixtures + "/wrappers/libcurl_verb_if", fixtures + "/wrappers/wrapped_cpr"};
  const std::string here = facts_text(extract_facts(options_for(paths, 1)));
  ASSERT_NE(here.find("\"library\": \"libcurl\""), std::string::npos) << "no calls found: " << here;
  ASSERT_NE(here.find("\"library\": \"cpr\""), std::string::npos) << "no calls found: " << here;
  WorkersFrom workers(test::scopelint_binary());
  EXPECT_EQ(facts_text(extract_facts(options_for(paths, 2))), here);
}

TEST(WorkerPool, WithoutAWorkerBinaryTheUnitsAreAnalysedHere) {
  test::TempDir dir;
  dir.write("a.cpp", "#include <cpr/cpr.h>\nvoid f() { cpr::Get(cpr::Url{\"https://app.elationemr.com/api/2.0/patients/\"}); }\n");
  const std::string here = facts_text(extract_facts(options_for({dir.path()}, 2)));
  WorkersFrom missing(dir.path() + "/no-such-binary");
  testing::internal::CaptureStderr();
  const std::string fallback = facts_text(extract_facts(options_for({dir.path()}, 2)));
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(fallback, here);
  EXPECT_NE(err.find("scopelint: warning: cannot start "), std::string::npos) << err;
}

// A stand-in worker: a shell script that ignores the protocol. Those that end wait two seconds
// first, so that the scan has handed them their unit (else it could not start them at all).
std::string fake_worker(const test::TempDir& dir, const std::string& body) {
  const std::string path = dir.write("fake-worker", "#!/bin/sh\n" + body + "\n");
  ::chmod(path.c_str(), 0700);
  return path;
}

std::string scan_error_of(const ExtractResult& result) {
  std::string messages;
  for (const auto& finding : result.diagnostics) messages += finding.message + "\n";
  return messages;
}

TEST(WorkerPool, AWorkerThatExitsOrSendsGarbageCostsItsUnit) {
  test::TempDir dir;
  dir.write("src/a.cpp", "int a;\n");
  const std::vector<std::string> src = {dir.path() + "/src"};
  {
    WorkersFrom workers(fake_worker(dir, "sleep 2; exit 7"));
    const ExtractResult result = extract_facts(options_for(src, 1));
    EXPECT_EQ(scan_error_of(result), "the parser process exited while parsing this file (exit status 7)\n");
    EXPECT_EQ(result.files_scanned, 1u);
  }
  {
    WorkersFrom workers(fake_worker(dir, "printf 'not a frame at all' >&3; exec sleep 30"));
    const ExtractResult result = extract_facts(options_for(src, 1));
    EXPECT_EQ(scan_error_of(result), "the parser process sent an unreadable reply for this file\n");
  }
  {
    WorkersFrom workers(fake_worker(dir, "sleep 2; kill -SEGV $$"));
    const ExtractResult result = extract_facts(options_for(src, 1));
    EXPECT_EQ(scan_error_of(result), "libclang crashed while parsing this file (signal 11)\n");
  }
}

}  // namespace
}  // namespace scopelint
