// Writing, finding and replacing parameter slots in resolved text (see parameter_slots.h).
#include "extract/resolve/parameter_slots.h"

#include "model/facts.h"

namespace scopelint::extract {

std::string loop_slot_function(const std::string& variable_key) { return "loop:" + variable_key; }

bool is_loop_slot(const ParameterSlot& slot) { return slot.function.rfind("loop:", 0) == 0; }

std::string record_slot_function(const std::string& record_key) { return "record:" + record_key; }

bool is_record_slot(const ParameterSlot& slot) { return slot.function.rfind("record:", 0) == 0; }

namespace {
const char* const kChoiceFunction = "choice:";
}  // namespace

std::string choice_slot_text(int choice) { return slot_text(kChoiceFunction, choice); }

bool is_choice_slot(const ParameterSlot& slot) { return slot.function == kChoiceFunction; }

bool is_parameter_slot(const ParameterSlot& slot) {
  return !is_loop_slot(slot) && !is_choice_slot(slot) && !is_record_slot(slot);
}

std::string slot_text(const std::string& function, int index) {
  return std::string(1, kSlotMark) + function + kSlotSeparator + std::to_string(index) + kSlotMark;
}

size_t slot_length(const std::string& text, size_t pos) {
  if (pos >= text.size() || text[pos] != kSlotMark) return 0;
  const size_t end = text.find(kSlotMark, pos + 1);
  if (end == std::string::npos) return 0;
  const size_t sep = text.rfind(kSlotSeparator, end);
  if (sep == std::string::npos || sep <= pos) return 0;
  return end - pos + 1;
}

namespace {

ParameterSlot parse_slot(const std::string& text, size_t pos, size_t length) {
  const std::string inner = text.substr(pos + 1, length - 2);
  const size_t sep = inner.rfind(kSlotSeparator);
  ParameterSlot slot;
  slot.function = inner.substr(0, sep);
  try {
    slot.index = std::stoi(inner.substr(sep + 1));
  } catch (...) {
    slot.index = -1;
  }
  return slot;
}

}  // namespace

std::vector<SlotAt> slots_in(const std::string& text) {
  std::vector<SlotAt> out;
  for (size_t pos = text.find(kSlotMark); pos != std::string::npos; pos = text.find(kSlotMark, pos + 1)) {
    const size_t length = slot_length(text, pos);
    if (length == 0) continue;
    out.push_back({pos, length, parse_slot(text, pos, length)});
    pos += length - 1;
  }
  return out;
}

std::optional<ParameterSlot> whole_slot(const std::string& text) {
  const size_t length = slot_length(text, 0);
  if (length == 0 || length != text.size()) return std::nullopt;
  return parse_slot(text, 0, length);
}

bool has_slot(const std::string& text) {
  for (size_t pos = text.find(kSlotMark); pos != std::string::npos; pos = text.find(kSlotMark, pos + 1)) {
    if (slot_length(text, pos) > 0) return true;
  }
  return false;
}

std::string substitute_slots(const std::string& text,
                             const std::function<std::string(const ParameterSlot&)>& value) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = slot_length(text, pos);
    if (length == 0) {
      out += text[pos++];
      continue;
    }
    out += value(parse_slot(text, pos, length));
    pos += length;
  }
  return out;
}

std::string wildcard_slots(const std::string& text) {
  return substitute_slots(text, [](const ParameterSlot&) { return std::string(kWildcard); });
}

}  // namespace scopelint::extract
