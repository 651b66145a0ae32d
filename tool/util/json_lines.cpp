// A small JSON scanner that only tracks structure and lines; nlohmann/json does the real parsing.
// It used to build the full pointer string of every value, so a file nested N deep took O(N^2)
// memory (7 GB for a 120 KB config); now each value keeps only its own key.
#include "util/json_lines.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace scopelint {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// The contents of a JSON string (without its quotes) decoded, as nlohmann gives object keys.
std::string decode_json_string(std::string_view raw) {
  if (raw.find('\\') == std::string_view::npos) return std::string(raw);
  try {
    return nlohmann::json::parse("\"" + std::string(raw) + "\"").get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return std::string(raw);  // not valid JSON after all: the key is then not found, line 0
  }
}

bool is_literal_end(char c) {
  return c == ',' || c == '}' || c == ']' || c == '\n' || c == ' ' || c == '\t' || c == '\r';
}

}  // namespace

std::string json_pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

size_t JsonLines::add_value(unsigned line) {
  const size_t id = nodes_.size();
  Node node;
  node.line = line;
  if (!open_.empty() && !nodes_[open_.back()].is_array) {
    node.line = pending_key_line_;
    node.key = std::move(pending_key_);
    pending_key_.clear();
  }
  nodes_.push_back(std::move(node));
  if (!open_.empty()) nodes_[open_.back()].children.push_back(id);
  return id;
}

JsonLines::JsonLines(std::string_view text) {
  unsigned line = 1;
  bool expecting_key = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (c == '"') {
      const size_t start = ++i;
      const unsigned start_line = line;
      for (; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\')
          ++i;
        else if (text[i] == '\n')
          ++line;
      }
      if (expecting_key) {
        pending_key_ = decode_json_string(text.substr(start, std::min(i, text.size()) - start));
        pending_key_line_ = start_line;
        expecting_key = false;
      } else {
        add_value(start_line);
      }
    } else if (c == '{' || c == '[') {
      const size_t id = add_value(line);
      nodes_[id].is_array = c == '[';
      open_.push_back(id);
      expecting_key = c == '{';
    } else if (c == '}' || c == ']') {
      if (!open_.empty()) open_.pop_back();
      expecting_key = false;
    } else if (c == ',') {
      expecting_key = !open_.empty() && !nodes_[open_.back()].is_array;
    } else if (c != ':' && c != ' ' && c != '\t' && c != '\r') {
      add_value(line);  // a bare literal (number, true, false, null): skip the rest of it
      while (i + 1 < text.size() && !is_literal_end(text[i + 1])) ++i;
    }
  }
  open_.clear();
  open_.shrink_to_fit();
}

size_t JsonLines::child(const Node& node, const std::string& token) const {
  if (node.is_array) {
    if (token.empty() || token.size() > 9 ||
        token.find_first_not_of("0123456789") != std::string::npos) {
      return kNone;
    }
    const size_t index = std::stoul(token);
    return index < node.children.size() ? node.children[index] : kNone;
  }
  // The last of repeated keys: the one nlohmann keeps.
  for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) {
    if (nodes_[*it].key == token) return *it;
  }
  return kNone;
}

unsigned JsonLines::line_of(std::string_view pointer) const {
  if (nodes_.empty()) return 0;
  size_t node = 0;
  size_t start = 0;
  while (start < pointer.size()) {
    if (pointer[start] != '/') return 0;
    size_t end = pointer.find('/', start + 1);
    if (end == std::string_view::npos) end = pointer.size();
    std::string token;
    for (size_t i = start + 1; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[++i] == '0' ? '~' : '/';
      } else {
        token += pointer[i];
      }
    }
    node = child(nodes_[node], token);
    if (node == kNone) return 0;
    start = end;
  }
  return nodes_[node].line;
}

}  // namespace scopelint
