// The libFuzzer targets' seed corpora, replayed through each target's entry point in the test
// binary: every input that once crashed scopelint (and joined fuzz/corpus/) keeps being run, under
// ASan+UBSan by scripts/test-sanitizers, and the targets keep compiling with the code they fuzz.
// Fuzzing itself, which finds new inputs, is scripts/run-fuzzers (docs/robustness.md).
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

// Each fuzz/<target>.cpp is compiled into the tests with LLVMFuzzerTestOneInput renamed to
// <target>_one_input (tests/CMakeLists.txt).
extern "C" int scope_string_fuzzer_one_input(const uint8_t* data, size_t size);
extern "C" int url_matcher_fuzzer_one_input(const uint8_t* data, size_t size);
extern "C" int catalog_fuzzer_one_input(const uint8_t* data, size_t size);
extern "C" int config_fuzzer_one_input(const uint8_t* data, size_t size);
extern "C" int nolint_fuzzer_one_input(const uint8_t* data, size_t size);
extern "C" int report_fuzzer_one_input(const uint8_t* data, size_t size);

namespace scopelint {
namespace {

namespace fs = std::filesystem;

using EntryPoint = int (*)(const uint8_t*, size_t);

struct Target {
  const char* name;
  EntryPoint one_input;
};

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
      {"scope_string_fuzzer", scope_string_fuzzer_one_input},
      {"url_matcher_fuzzer", url_matcher_fuzzer_one_input},
      {"catalog_fuzzer", catalog_fuzzer_one_input},
      {"config_fuzzer", config_fuzzer_one_input},
      {"nolint_fuzzer", nolint_fuzzer_one_input},
      {"report_fuzzer", report_fuzzer_one_input},
  };
  return all;
}

const fs::path kFuzzDir = fs::path(SCOPELINT_FIXTURES).parent_path() / "fuzz";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A fuzz target without a replay here would drop out of CI unnoticed.
TEST(FuzzCorpus, EveryFuzzTargetIsReplayed) {
  std::set<std::string> sources, replayed;
  for (const auto& entry : fs::directory_iterator(kFuzzDir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".cpp" && name.size() > 11 &&
        name.compare(name.size() - 11, 11, "_fuzzer.cpp") == 0)
      sources.insert(entry.path().stem().string());
  }
  for (const Target& target : targets()) replayed.insert(target.name);
  EXPECT_EQ(sources, replayed);
}

class FuzzCorpusReplay : public testing::TestWithParam<Target> {};

TEST_P(FuzzCorpusReplay, EverySeedRunsCleanly) {
  const Target& target = GetParam();
  const fs::path corpus = kFuzzDir / "corpus" / target.name;
  size_t seeds = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (!entry.is_regular_file()) continue;
    const std::string bytes = read_bytes(entry.path());
    SCOPED_TRACE(entry.path().string());
    // A crash, a sanitizer report or an escaping exception ends the test; libFuzzer wants 0.
    EXPECT_EQ(target.one_input(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
    ++seeds;
  }
  EXPECT_GT(seeds, 0u) << "no seed in " << corpus;
  // The empty input and a few bytes of every kind, as libFuzzer starts with.
  const std::string edge_cases[] = {"", std::string(1, '\0'), "\xff\xfe", std::string(70000, '[')};
  for (const std::string& bytes : edge_cases)
    EXPECT_EQ(target.one_input(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzCorpusReplay, testing::ValuesIn(targets()),
                         [](const testing::TestParamInfo<Target>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace scopelint
