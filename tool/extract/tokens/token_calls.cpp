// Library calls found in tokens by the library models (token_pass.h); their arguments are given
// roles by the same code as the AST's (call_argument.h).
#include <algorithm>
#include <map>

#include "extract/tokens/token_pass.h"

namespace scopelint::extract::tokens {

std::vector<FoundRequest> TokenPass::run() const {
  std::vector<FoundRequest> found;
  for (const auto& library : context_.models().libraries) {
    for (const auto& model : library.calls) {
      if (model.request_arg) continue;  // request objects: their own declarations survive
      if (!model.classes.empty()) member_calls(library, model, found);
      if (!model.functions.empty()) free_calls(library, model, found);
    }
    if (library.handle_api) handle_calls(library, *library.handle_api, found);
  }
  return found;
}

bool TokenPass::inside_function(size_t i) const { return function_at(tokens_[i].offset) != nullptr; }

bool TokenPass::listed(const std::vector<std::string>& names, const std::vector<std::string>& wanted) {
  for (const auto& n : names) {
    if (std::find(wanted.begin(), wanted.end(), n) != wanted.end()) return true;
  }
  return false;
}

// `cli.Get(...)`, `cli->Post(...)`, `this->cli_.Get(...)` on a variable of a listed class.
void TokenPass::member_calls(const LibraryModel& library, const CallModel& model,
                             std::vector<FoundRequest>& out) const {
  for (size_t i = 0; i + 3 < tokens_.size(); ++i) {
    if (!is_identifier(tokens_[i]) || (tokens_[i + 1].text != "." && tokens_[i + 1].text != "->") ||
        tokens_[i + 3].text != "(" || !model.names.count(tokens_[i + 2].text) || !inside_function(i)) {
      continue;
    }
    size_t start = i;
    if (i > 0 && (tokens_[i - 1].text == "." || tokens_[i - 1].text == "->")) {
      if (i < 2 || tokens_[i - 2].text != "this") continue;
      start = i - 2;
    }
    if (!listed(type_of(tokens_[i].text, i), model.classes)) continue;
    const auto args = arguments(i + 3);
    RequestParts parts;
    apply_call(library, model, model.names.at(tokens_[i + 2].text), args, start, parts);
    if (model.base_from_receiver) {
      if (const Declaration* decl = declaration(tokens_[i].text, tokens_[i].offset)) {
        parts.base = parts_.client_base(library, decl->cursor);
      }
    }
    out.push_back(make_http_call(library.library, parts, token_location(tokens_[start])));
  }
}

// `cpr::Post(...)`, written with its namespace.
void TokenPass::free_calls(const LibraryModel& library, const CallModel& model,
                std::vector<FoundRequest>& out) const {
  for (size_t i = 0; i + 3 < tokens_.size(); ++i) {
    if (!is_identifier(tokens_[i]) || (i > 0 && (tokens_[i - 1].text == "::" || tokens_[i - 1].text == "." ||
                                                  tokens_[i - 1].text == "->"))) {
      continue;
    }
    std::string name = tokens_[i].text;
    size_t j = i + 1;
    while (j + 1 < tokens_.size() && tokens_[j].text == "::" && is_identifier(tokens_[j + 1])) {
      name += "::" + tokens_[j + 1].text;
      j += 2;
    }
    if (j >= tokens_.size() || tokens_[j].text != "(" || !model.names.count(name) || !inside_function(i)) continue;
    const auto args = arguments(j);
    RequestParts parts;
    apply_call(library, model, model.names.at(name), args, i, parts);
    out.push_back(make_http_call(library.library, parts, token_location(tokens_[i])));
  }
}

void TokenPass::apply_call(const LibraryModel& library, const CallModel& model, const std::string& method_name,
                           const std::vector<Span>& args, size_t call, RequestParts& parts) const {
  const unsigned at = tokens_[call].offset;
  std::vector<TokenArgument> read;
  read.reserve(args.size());
  for (const Span& arg : args) read.emplace_back(*this, library, arg, at);
  std::vector<const CallArgument*> arguments;
  for (const auto& arg : read) arguments.push_back(&arg);
  apply_call_model(model, method_name, arguments, attached_at(call), parts);
}

AttachedAt TokenPass::attached_at(size_t call) const {
  const SourceLocation location = token_location(tokens_[call]);
  return [location] { return Attachment{location, {}}; };
}

// Handle APIs (libcurl), per function and handle, in token order.
void TokenPass::handle_calls(const LibraryModel& library, const HandleApi& api,
                             std::vector<FoundRequest>& out) const {
  std::map<std::pair<int, std::string>, HandleState> states;
  auto listed_in = [](const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  for (size_t i = 0; i + 1 < tokens_.size(); ++i) {
    const std::string& name = tokens_[i].text;
    if (!is_identifier(tokens_[i]) || tokens_[i + 1].text != "(") continue;
    const bool setopt = name == api.setopt, perform = listed_in(api.perform, name), reset = listed_in(api.reset, name);
    if (!setopt && !perform && !reset) continue;
    if (i > 0 && (tokens_[i - 1].text == "." || tokens_[i - 1].text == "->" || tokens_[i - 1].text == "::")) continue;
    const Function* function = function_at(tokens_[i].offset);
    if (!function) continue;
    const auto args = arguments(i + 1);
    if (args.size() <= api.handle_arg) continue;
    std::string handle;
    for (size_t k = args[api.handle_arg].begin; k < args[api.handle_arg].end; ++k) handle += tokens_[k].text;
    HandleState& state = states[{function->key, handle}];
    if (reset) {
      state = HandleState{};
    } else if (perform) {
      out.push_back(make_http_call(library.library, parts_at_perform(state), token_location(tokens_[i])));
    } else if (args.size() > std::max(api.option_arg, api.value_arg)) {
      const Span option_span = args[api.option_arg];
      if (option_span.end - option_span.begin != 1) continue;
      auto option = api.options.find(tokens_[option_span.begin].text);
      if (option == api.options.end()) continue;
      apply_handle_option(option->second, TokenArgument(*this, library, args[api.value_arg], tokens_[i].offset),
                          attached_at(i), state);
    }
  }
}

}  // namespace scopelint::extract::tokens
