// A small JSON scanner that only tracks structure and lines; nlohmann/json does the real parsing.
#include "config/json_lines.h"

#include <vector>

namespace scopelint {
namespace {

struct Frame {
  bool is_array;
  std::string pointer;
  size_t next_index = 0;
  std::string pending_key;  // objects: the key whose value comes next
  unsigned key_line = 0;
};

}  // namespace

std::string json_pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::map<std::string, unsigned> json_pointer_lines(std::string_view text) {
  std::map<std::string, unsigned> lines;
  std::vector<Frame> stack;
  unsigned line = 1;
  bool expecting_key = false;

  // The pointer and line of the value that starts now.
  auto value_start = [&](unsigned at) -> std::string {
    if (stack.empty()) {
      lines.emplace("", at);
      return "";
    }
    Frame& top = stack.back();
    std::string pointer;
    if (top.is_array) {
      pointer = top.pointer + "/" + std::to_string(top.next_index++);
      lines.emplace(pointer, at);
    } else {
      pointer = top.pointer + "/" + json_pointer_escape(top.pending_key);
      lines.emplace(pointer, top.key_line);
    }
    return pointer;
  };

  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (c == '"') {
      std::string value;
      unsigned start_line = line;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          value += text[++i];
        } else {
          if (text[i] == '\n') ++line;
          value += text[i];
        }
      }
      if (expecting_key && !stack.empty() && !stack.back().is_array) {
        stack.back().pending_key = value;
        stack.back().key_line = start_line;
        expecting_key = false;
      } else {
        value_start(start_line);
      }
    } else if (c == '{' || c == '[') {
      std::string pointer = value_start(line);
      stack.push_back({c == '[', pointer, 0, {}, 0});
      expecting_key = c == '{';
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
      expecting_key = false;
    } else if (c == ',') {
      expecting_key = !stack.empty() && !stack.back().is_array;
    } else if (c == ':' || c == ' ' || c == '\t' || c == '\r') {
      continue;
    } else {
      // A bare literal (number, true, false, null): consume it.
      value_start(line);
      while (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != '}' && text[i + 1] != ']' &&
             text[i + 1] != '\n') {
        ++i;
      }
    }
  }
  return lines;
}

}  // namespace scopelint
