// Parameter slots: how a resolved string says "the value of parameter N of function F" so that a
// wrapper's request can be rebuilt with each caller's arguments (see wrapper_summaries.h).
//
// A slot is written "\x1e<function key>\x1f<index>\x1e" inside resolved text. Slots never leave
// tool/extract: every call that still holds one is either composed with its callers or has its
// slots replaced by the wildcard "{}".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace scopelint::extract {

inline constexpr char kSlotMark = '\x1e';
inline constexpr char kSlotSeparator = '\x1f';

struct ParameterSlot {
  std::string function;  // USR of the function, or "name:Qualified::name" for a declared wrapper
  int index = 0;  // 0-based parameter
};

std::string slot_text(const std::string& function, int index);
// A range-for's loop variable is a slot too, of this "function": one request per value it takes.
// Its index says which part of the value: the element, or a map entry's `.first` or `.second`.
std::string loop_slot_function(const std::string& variable_key);
inline constexpr int kLoopElement = 0;
inline constexpr int kLoopEntryFirst = 1;
inline constexpr int kLoopEntrySecond = 2;
// A member read from a function's struct parameter (`r.method`, `r->url`) is a slot of its record,
// its index the member's: one request per braced object of the record, its members read together.
std::string record_slot_function(const std::string& record_key);
bool is_record_slot(const ParameterSlot& slot);
bool is_loop_slot(const ParameterSlot& slot);
// A value with several alternatives (StringResolver::choice) is a slot of this "function", its
// index naming the choice: one request per alternative.
std::string choice_slot_text(int choice);
bool is_choice_slot(const ParameterSlot& slot);
// Whether a slot stands for a parameter of a function (not a loop's value, a record's member or a
// choice).
bool is_parameter_slot(const ParameterSlot& slot);
// The slot when `text` is exactly one slot.
std::optional<ParameterSlot> whole_slot(const std::string& text);
bool has_slot(const std::string& text);
// Replaces every slot with what `value` gives for it.
std::string substitute_slots(const std::string& text,
                             const std::function<std::string(const ParameterSlot&)>& value);
// Every slot becomes the wildcard "{}".
std::string wildcard_slots(const std::string& text);
// The length of the slot starting at text[pos] (a kSlotMark), or 0 when there is none.
size_t slot_length(const std::string& text, size_t pos);

// A slot written in a text, and where.
struct SlotAt {
  size_t pos = 0;
  size_t length = 0;
  ParameterSlot slot;
};
// The slots of `text`, in order.
std::vector<SlotAt> slots_in(const std::string& text);

}  // namespace scopelint::extract
