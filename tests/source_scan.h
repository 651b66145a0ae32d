// Scanning one C++ source written in a test: the facts extracted, and the URL of each call.
#pragma once

#include <string>
#include <vector>

#include "extract/driver/extractor.h"
#include "test_support.h"

namespace scopelint::test {

// The facts of `source` scanned alone as `name` (client.cpp: -std=c++17; a .c name: -std=c11; a .m
// name: Objective-C, its own defaults), with the installed headers.
// `flags` are added after the standard (Qt's include directories, say).
inline Facts facts_of_source(const std::string& source, const std::string& name = "client.cpp",
                             const std::vector<std::string>& flags = {}) {
  TempDir dir;
  ExtractOptions options;
  options.paths = {dir.write(name, source)};
  options.jobs = 1;
  options.has_fixed_args = true;
  const auto ends_with = [&](const std::string& ext) {
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (!ends_with(".m")) options.fixed_args = {ends_with(".c") ? "-std=c11" : "-std=c++17"};
  options.fixed_args.insert(options.fixed_args.end(), flags.begin(), flags.end());
  return extract_facts(options).facts;
}

// "<line> <url or <none>>" of each call found in `source`, in report order.
inline std::vector<std::string> urls_of(const std::string& source, const std::string& name = "client.cpp") {
  std::vector<std::string> urls;
  for (const auto& call : facts_of_source(source, name).calls) {
    urls.push_back(std::to_string(call.location.line) + " " + call.url.value_or("<none>"));
  }
  return urls;
}

}  // namespace scopelint::test
