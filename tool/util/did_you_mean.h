// Did-you-mean suggestions for misspelt scope and resource names.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace scopelint {

// The candidate closest to `word` by edit distance (case-insensitive), if it is close enough to be
// a likely typo; ties go to the first candidate.
std::optional<std::string> closest_match(const std::string& word,
                                         const std::vector<std::string>& candidates);

// Damerau-Levenshtein (optimal string alignment) distance.
size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace scopelint
