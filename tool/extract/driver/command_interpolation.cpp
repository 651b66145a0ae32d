// Borrowing a compile command for an unlisted file (see command_interpolation.h). The scoring
// follows clang/lib/Tooling/InterpolatingCompilationDatabase.cpp of LLVM 14 step by step, quirks
// included, so that headers keep the flags they were parsed with before.
#include "extract/driver/command_interpolation.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <tuple>

namespace scopelint::extract {
namespace {

enum FileType {
  kInvalid,
  kC,
  kCHeader,
  kCxx,
  kCxxHeader,
  kObjC,
  kObjCHeader,
  kObjCxx,
  kObjCxxHeader,
  kCuda,
  kOther
};

constexpr int kSegmentsIndexed = 4;  // directories of an entry path that are indexed
constexpr int kSegmentsQueried = 2;  // directories of the looked-up path that score
constexpr size_t kShortSegment = 1;  // segments this short are ignored

struct Named {
  std::string_view name;
  FileType type;
};

// clang's types::lookupTypeForExtension (case matters: .C is C++).
constexpr Named kExtensions[]{
    {"c", kC},       {"C", kCxx},        {"h", kCHeader},     {"H", kCxxHeader},   {"m", kObjC},
    {"M", kObjCxx},  {"mm", kObjCxx},    {"cc", kCxx},        {"CC", kCxx},        {"cp", kCxx},
    {"cpp", kCxx},   {"CPP", kCxx},      {"c++", kCxx},       {"C++", kCxx},       {"cxx", kCxx},
    {"CXX", kCxx},   {"hh", kCxxHeader}, {"hpp", kCxxHeader}, {"hxx", kCxxHeader}, {"cu", kCuda},
    {"i", kOther},   {"ii", kOther},     {"mi", kOther},      {"mii", kOther},     {"cppm", kOther},
    {"cl", kOther},  {"clcpp", kOther},  {"cui", kOther},     {"hip", kOther},     {"s", kOther},
    {"S", kOther},   {"o", kOther},      {"obj", kOther},     {"ll", kOther},      {"bc", kOther},
    {"pch", kOther}, {"pcm", kOther},    {"iim", kOther},     {"ifs", kOther},     {"lib", kOther},
    {"asm", kOther}, {"F", kOther},      {"f", kOther}};

// -x names and their types (the filter keeps only these).
constexpr Named kTypeNames[]{{"c", kC},
                             {"c-header", kCHeader},
                             {"c++", kCxx},
                             {"c++-header", kCxxHeader},
                             {"objective-c", kObjC},
                             {"objective-c-header", kObjCHeader},
                             {"objective-c++", kObjCxx},
                             {"objective-c++-header", kObjCxxHeader},
                             {"cuda", kCuda}};

// -std= spellings: the canonical name and its language (LangStandards.def of LLVM 14).
struct Standard {
  std::string_view spelling, name;
  FileType language;  // kC, kCxx, or kOther
};
constexpr Standard kStandards[]{
    {"c89", "c89", kC},           {"c90", "c89", kC},
    {"iso9899:1990", "c89", kC},  {"iso9899:199409", "iso9899:199409", kC},
    {"gnu89", "gnu89", kC},       {"gnu90", "gnu89", kC},
    {"c99", "c99", kC},           {"iso9899:1999", "c99", kC},
    {"c9x", "c99", kC},           {"iso9899:199x", "c99", kC},
    {"gnu99", "gnu99", kC},       {"gnu9x", "gnu99", kC},
    {"c11", "c11", kC},           {"iso9899:2011", "c11", kC},
    {"c1x", "c11", kC},           {"iso9899:201x", "c11", kC},
    {"gnu11", "gnu11", kC},       {"gnu1x", "gnu11", kC},
    {"c17", "c17", kC},           {"iso9899:2017", "c17", kC},
    {"c18", "c17", kC},           {"iso9899:2018", "c17", kC},
    {"gnu17", "gnu17", kC},       {"gnu18", "gnu17", kC},
    {"c2x", "c2x", kC},           {"gnu2x", "gnu2x", kC},
    {"c++98", "c++98", kCxx},     {"c++03", "c++98", kCxx},
    {"gnu++98", "gnu++98", kCxx}, {"gnu++03", "gnu++98", kCxx},
    {"c++11", "c++11", kCxx},     {"c++0x", "c++11", kCxx},
    {"gnu++11", "gnu++11", kCxx}, {"gnu++0x", "gnu++11", kCxx},
    {"c++14", "c++14", kCxx},     {"c++1y", "c++14", kCxx},
    {"gnu++14", "gnu++14", kCxx}, {"gnu++1y", "gnu++14", kCxx},
    {"c++17", "c++17", kCxx},     {"c++1z", "c++17", kCxx},
    {"gnu++17", "gnu++17", kCxx}, {"gnu++1z", "gnu++17", kCxx},
    {"c++20", "c++20", kCxx},     {"c++2a", "c++20", kCxx},
    {"gnu++20", "gnu++20", kCxx}, {"gnu++2a", "gnu++20", kCxx},
    {"c++2b", "c++2b", kCxx},     {"gnu++2b", "gnu++2b", kCxx},
    {"cuda", "cuda", kOther},     {"hip", "hip", kOther}};

FileType lookup(const Named* begin, const Named* end, std::string_view name) {
  const Named* it =
      std::find_if(begin, end, [&](const Named& entry) { return entry.name == name; });
  return it == end ? kInvalid : it->type;
}

std::string_view file_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// LLVM's sys::path::stem: ".bashrc" has the stem "".
std::string_view stem(std::string_view path) {
  const std::string_view name = file_name(path);
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || name == "." || name == "..") return name;
  return name.substr(0, dot);
}

// The type the extension gives; `certain` is false for .h (C or C++?) and for no known extension.
FileType guess_type(std::string_view path, bool* certain = nullptr) {
  const std::string_view name = file_name(path);
  const size_t dot = name.rfind('.');
  const FileType type =
      dot == std::string_view::npos
          ? kInvalid
          : lookup(std::begin(kExtensions), std::end(kExtensions), name.substr(dot + 1));
  if (certain) *certain = type != kCHeader && type != kInvalid;
  return type;
}

FileType fold(FileType type) {
  switch (type) {
    case kC:
    case kCHeader:
      return kC;
    case kCxx:
    case kCxxHeader:
      return kCxx;
    case kObjC:
    case kObjCHeader:
      return kObjC;
    case kObjCxx:
    case kObjCxxHeader:
      return kObjCxx;
    case kCuda:
      return kCuda;
    default:
      return kInvalid;
  }
}

bool is_header(FileType type) {
  return type == kCHeader || type == kCxxHeader || type == kObjCHeader || type == kObjCxxHeader;
}

FileType header_for(FileType type) {
  switch (type) {
    case kC:
      return kCHeader;
    case kCxx:
      return kCxxHeader;
    case kObjC:
      return kObjCHeader;
    case kObjCxx:
      return kObjCxxHeader;
    default:
      return type;
  }
}

std::string_view type_name(FileType type) {
  for (const Named& entry : kTypeNames) {
    if (entry.type == type) return entry.name;
  }
  return "c++";
}

const Standard* find_standard(std::string_view spelling) {
  for (const Standard& standard : kStandards) {
    if (standard.spelling == spelling) return &standard;
  }
  return nullptr;
}

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

size_t matching_prefix(std::string_view a, std::string_view b) {
  const size_t limit = std::min(a.size(), b.size());
  for (size_t i = 0; i < limit; ++i) {
    if (a[i] != b[i]) return i;
  }
  return limit;
}

// The directory segments of `path` from the last one up, with their offsets; the root "/" is a
// segment of its own, as in LLVM's reverse path iterator.
std::vector<std::pair<std::string_view, size_t>> directories_upward(std::string_view path) {
  std::vector<std::pair<std::string_view, size_t>> segments;
  if (!path.empty() && path[0] == '/') segments.emplace_back(path.substr(0, 1), 0);
  for (size_t start = 0; start < path.size();) {
    const size_t end = std::min(path.find('/', start), path.size());
    if (end > start) segments.emplace_back(path.substr(start, end - start), start);
    start = end + 1;
  }
  if (!segments.empty()) segments.pop_back();  // the file name
  std::reverse(segments.begin(), segments.end());
  return segments;
}

using Keyed = std::pair<std::string, size_t>;

// The entries of sorted `index` equal to `key`, or starting with it.
template <bool kPrefix>
std::pair<std::vector<Keyed>::const_iterator, std::vector<Keyed>::const_iterator> range_of(
    const std::vector<Keyed>& index, std::string_view key) {
  auto view = [&](const Keyed& entry) {
    return kPrefix ? std::string_view(entry.first).substr(0, key.size())
                   : std::string_view(entry.first);
  };
  auto first = std::partition_point(index.begin(), index.end(),
                                    [&](const Keyed& e) { return view(e) < key; });
  auto last =
      std::partition_point(first, index.end(), [&](const Keyed& e) { return !(key < view(e)); });
  return {first, last};
}

}  // namespace

ProxyIndex::ProxyIndex(std::vector<std::string> paths) : original_(std::move(paths)) {
  std::sort(original_.begin(), original_.end());
  for (size_t i = 0; i < original_.size(); ++i) {
    std::string lower = lowercase(original_[i]);
    types_.push_back(fold(guess_type(original_[i])));
    stems_.emplace_back(std::string(stem(lower)), i);
    const auto dirs = directories_upward(lower);
    for (size_t d = 0; d < dirs.size() && d < kSegmentsIndexed; ++d) {
      if (dirs[d].first.size() > kShortSegment)
        components_.emplace_back(std::string(dirs[d].first), i);
    }
    paths_.emplace_back(std::move(lower), i);
  }
  std::sort(paths_.begin(), paths_.end());
  std::sort(stems_.begin(), stems_.end());
  std::sort(components_.begin(), components_.end());
}

const std::string& ProxyIndex::choose(const std::string& path) const {
  bool certain = false;
  FileType preferred = fold(guess_type(path, &certain));
  if (!certain) preferred = kInvalid;
  const std::string query = lowercase(path);
  std::map<size_t, int> points;
  auto award = [&](auto range) {
    for (auto it = range.first; it != range.second; ++it) ++points[it->second];
  };
  award(range_of<true>(stems_, stem(query)));
  award(range_of<false>(stems_, stem(query)));
  std::string_view prefix;
  const auto dirs = directories_upward(query);
  for (size_t d = 0; d < dirs.size() && d < kSegmentsQueried; ++d) {
    if (dirs[d].first.size() > kShortSegment) award(range_of<false>(components_, dirs[d].first));
    prefix = std::string_view(query).substr(0, dirs[d].second);
  }
  if (!prefix.empty() && prefix != "/") award(range_of<true>(paths_, prefix));
  // Best by (preferred language, points, common prefix, lowest index). The prefix is measured
  // against paths_[index], the index-th path in lowercase order, as LLVM 14 does.
  size_t best = original_.size();
  std::tuple<bool, int, size_t> best_key{false, 0, 0};
  for (const auto& [index, score] : points) {
    const std::tuple<bool, int, size_t> key{preferred == kInvalid || preferred == types_[index],
                                            score, matching_prefix(query, paths_[index].first)};
    if (best == original_.size() || key > best_key) {
      best = index;
      best_key = key;
    }
  }
  if (best != original_.size()) return original_[best];
  // No points at all: the path next to it in sorted order with the longer common prefix.
  auto it = std::lower_bound(paths_.begin(), paths_.end(), Keyed{query, 0});
  if (it == paths_.end())
    --it;
  else if (it != paths_.begin() &&
           matching_prefix(query, it->first) <= matching_prefix(query, (it - 1)->first))
    --it;
  return original_[it->second];
}

std::vector<std::string> transfer_arguments(const DatabaseCommand& proxy, const std::string& path) {
  FileType type = guess_type(proxy.file);
  const Standard* standard = nullptr;
  std::vector<std::string> words;
  for (const auto& argument : proxy.arguments) {
    if (argument.input) continue;
    const std::string& flag = argument.words.front();
    const std::string value = argument.words.size() > 1 ? argument.words[1] : "";
    if (flag.rfind("-x", 0) == 0) {
      type = lookup(std::begin(kTypeNames), std::end(kTypeNames),
                    flag == "-x" ? value : flag.substr(2));
      continue;
    }
    const bool is_std =
        flag.rfind("-std=", 0) == 0 || flag.rfind("--std=", 0) == 0 || flag == "--std";
    if (is_std) {
      const std::string spelling = flag == "--std" ? value : flag.substr(flag.find('=') + 1);
      if (const Standard* known = find_standard(spelling)) standard = known;
      continue;
    }
    words.insert(words.end(), argument.words.begin(), argument.words.end());
  }
  if (type == kInvalid && standard)
    type = standard->language == kOther ? kInvalid : standard->language;
  type = fold(type);
  bool certain = false;
  FileType target = guess_type(path, &certain);
  if ((target == kInvalid || !certain) && type != kInvalid) {
    target = target == kInvalid || is_header(target) ? header_for(type) : type;
    words.push_back("-x");
    words.push_back(std::string(type_name(target)));
  }
  if (standard && type != kInvalid && fold(target) == type)
    words.push_back("-std=" + std::string(standard->name));
  words.push_back("--");
  words.push_back(path);
  return words;
}

}  // namespace scopelint::extract
