// Works out the text of string expressions (URLs, bodies, scope strings) with "{}" for every
// run-time part, following literals, macros, constants, concatenation and local variables.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/resolve/adjacent_literals.h"
#include "extract/resolve/literal_pieces.h"
#include "extract/resolve/parameter_slots.h"
#include "extract/resolve/tu_context.h"
#include "model/facts.h"
#include "model/http_method.h"
#include "model/wrapper_facts.h"

namespace scopelint::extract {

struct ResolvedString {
  std::string text;  // "{}" for run-time parts
  bool known = false;  // some part is known statically
  int literal_count = 0;  // string literals that contributed
  std::optional<SourceRange> literal;  // the literal that spells the whole value, if exactly one does
  std::optional<std::string> literal_value;
  // The literals that spell runs of `text` (through concatenation, formats, encoding), so that a
  // finding about part of the value can point at the literal that writes it.
  std::vector<LiteralPiece> pieces;

  static ResolvedString wildcard();
  // The value of one string literal; `range` is where it is written, when known.
  static ResolvedString literal_text(std::string value, const std::optional<SourceRange>& range);
  static ResolvedString constant(std::string text);
  ResolvedString& append(const ResolvedString& other);
  // The literal range only when that one literal spells the whole value.
  std::optional<SourceRange> spelling_literal() const;
  // text[begin, end) with the pieces inside it (a known constant when not empty).
  ResolvedString slice(size_t begin, size_t end) const;
};

// One of the values an expression may have, and the tests of parameters under which it has it
// (a helper's returns under a switch on its parameter, the branches of `?:`).
// The arguments a call gives its function's parameters: a call of an operator() (a lambda's, a
// functor's) lists its object first, which is left out.
std::vector<CXCursor> parameter_arguments(CXCursor call);
// The function whose parameters a definition's slots name (a LambdaExpr: its operator()).
CXCursor parameters_owner(CXCursor definition);
// The container `c` when `expr` is `c.<one of names>()` (through a conversion to a
// const_iterator), e.g. {"begin", "cbegin"}; null otherwise.
CXCursor container_of_call(CXCursor expr, std::initializer_list<const char*> names);

struct Alternative {
  ResolvedString value;
  BranchConditions conditions;  // all must hold; only tests a caller can decide
};

struct ResolvedFields {
  std::vector<FormField> fields;
  bool known = false;  // the form's construction was understood
};

// The items of a list built by appender calls (curl_slist_append), in order.
struct ResolvedList {
  std::vector<ResolvedString> items;
  // Per item, the tests of parameters it is appended under (`if (acting_user) list = append(...)`),
  // empty when it always is.
  std::vector<BranchConditions> conditions;
  bool known = false;  // every append was understood
};

// Percent-encodes like curl_easy_escape (unreserved characters kept), leaving "{}" as is.
std::string percent_encode(const std::string& text);
// A value percent-encoded, its pieces moved with their bytes; no literal spells it any more.
ResolvedString percent_encoded(ResolvedString value);
// printf-style formatting: %s takes the argument, other conversions become "{}", %% is "%".
ResolvedString format_printf(const ResolvedString& format, const std::vector<ResolvedString>& args);
// Every parameter slot a run-time value ("{}"), the pieces kept in step: a value set where the
// function's callers are not followed (a constructor's, an init method's parameters).
ResolvedString without_slots(ResolvedString value);

class StringResolver {
 public:
  explicit StringResolver(const TuContext& context)
      : context_(context), literal_macros_(context.tu(), context.in_scan()) {}

  // The slot text when `expr` is exactly the value of a parameter of its function.
  std::optional<std::string> parameter_slot(CXCursor expr, int position) const;

  // The value of `expr` as evaluated at node `position` (local variables use the assignments and
  // appends before it).
  ResolvedString resolve(CXCursor expr, int position) const;
  ResolvedFields resolve_fields(CXCursor expr, int position) const;
  // A list variable built by StringApis::list_appenders before `position`.
  ResolvedList resolve_list(CXCursor expr, int position) const;
  // What is written into a stream variable (`os << a << b`) before `position` (-1: anywhere).
  ResolvedString resolve_stream(CXCursor var, int position) const;
  std::optional<HttpMethod> resolve_method(CXCursor expr, int position) const;
  // The name of the constant an expression names (`http::field::host` -> "host"), or "".
  static std::string constant_name(CXCursor expr);
  // The enumerator an expression names (`http::field::user_agent` -> "user_agent"), or "".
  static std::string enumerator_name(CXCursor expr);
  // The values a range-for's loop variable takes (`for (const char* p : kPaths)` over a constant
  // array, vector or braced list of at most 64 strings), by the key of its loop slot
  // (loop_slot_key); nullopt when they are not all known. `part` is the slot's index: the
  // element, or the keys or values of a loop over a map's entries (parameter_slots.h).
  std::optional<std::vector<ResolvedString>> loop_values(const std::string& slot_function,
                                                         int part = kLoopElement) const;
  // `value` as `call` gives it: the slots of `function`'s parameters replaced by the call's
  // arguments (resolved at `position`).
  ResolvedString bind_arguments(const ResolvedString& value, CXCursor function, CXCursor call, int position,
                                int depth = 0) const;
  // The alternatives of a choice slot (parameter_slots.h), or null.
  const std::vector<Alternative>* choice(const ParameterSlot& slot) const;
  // Skips wrappers and value-preserving calls (c_str(), toUtf8(), std::string(x)).
  CXCursor strip_passthrough(CXCursor expr) const;

 private:
  ResolvedString resolve_at(CXCursor expr, int position, int depth) const;
  ResolvedString resolve_call(CXCursor call, int position, int depth) const;
  // A call of a project function that returns a string (a URL helper, helper_returns.cpp).
  std::optional<ResolvedString> resolve_helper(CXCursor call, CXCursor callee, int position, int depth) const;
  int lambda_called(CXCursor call) const;
  std::optional<ResolvedString> helper_value(CXCursor call, int definition, int position, int depth) const;
  std::optional<ResolvedFields> helper_fields(CXCursor call, int position) const;
  ResolvedString resolve_sum(CXCursor call, int position, int depth) const;
  // What an appending call adds: its printf format filled in (`appendFormat:@"%@/", p`), else
  // its argument 0 (`appendString:p`).
  ResolvedString appended_value(CXCursor call, int position, int depth) const;
  // The query a reader of `object` gives from the items set on it before `position`
  // (`form.percentEncodedQuery` after `form.queryItems = @[...]`); nullopt when none are known.
  std::optional<ResolvedString> items_query(const QueryItemsModel& model, CXCursor object, int position, int depth) const;
  // A property read with dot syntax (`comps.URL`, `url.path`): as the getter's call.
  ResolvedString property_read(CXCursor expr, CXCursor property, int position, int depth) const;
  // `base` after a query appender call: (name, value[, encode = true]) or (query[, encode]).
  ResolvedString appended_query(ResolvedString base, CXCursor call, int position, int depth) const;
  ResolvedString resolve_variable(CXCursor var, int position, int depth) const;
  ResolvedString resolve_field(CXCursor field, int depth) const;
  // Configuration (configured_values.cpp): a global, from its initializer and the one function
  // that changes it; whether an assignment in a branch is a default for an unset run-time value
  // (`if (!base) base = "https://..."`); `env ? env : "default"` as the default.
  ResolvedString resolve_global(CXCursor var, CXCursor init, int position, int depth) const;
  // The values assigned to a member that no initializer sets (C structs filled in main), and the
  // ones braced initializers of its record give it; the element of `list` that sets `field`.
  // A value with parameter slots of the function holding node `index`, bound to each of its calls
  // in the unit (up to 8); empty when it has none or there are none.
  std::vector<Alternative> bound_by_callers(const ResolvedString& value, int index, int depth) const;
  std::optional<std::vector<Alternative>> assigned_member(CXCursor field, int depth) const;
  // The default of the option variable `option` names: its last setter call before `position`,
  // else its constructor's default argument.
  std::optional<ResolvedString> option_default(const OptionDefaultModel& read, CXCursor option, int position,
                                               int depth) const;
  std::optional<ResolvedString> option_default_by_name(const OptionDefaultModel& read, CXCursor name, int position,
                                                       int depth) const;
  CXCursor braced_member(CXCursor list, CXCursor field) const;
  // `object.field` where the object is a braced list: a constant element (`kResources[i]`) or a
  // variable initialized with one that nothing changes.
  std::optional<ResolvedString> braced_object_member(CXCursor member_ref, CXCursor field, int position,
                                                     int depth) const;
  // The braced list of element `index` of a container whose elements are known, or null.
  CXCursor braced_element(CXCursor container, long long index, int position, int depth) const;
  bool sets_default(CXCursor var, const ResolvedString& before, int event) const;
  // GNU's `getenv("ELATION_BASE") ?: "https://..."`: the first operand when it is known, else the
  // second, the deployment's usual value; nullopt when `expr` is not that operator.
  std::optional<ResolvedString> setting_or_default(CXCursor expr, int position, int depth) const;
  std::optional<ResolvedString> default_of_choice(CXCursor test, CXCursor when_true, CXCursor when_false,
                                                  int position, int depth) const;
  ResolvedString apply_events(CXCursor var, ResolvedString value, int position, int depth) const;
  ResolvedString changed_in_later_iterations(CXCursor var, ResolvedString value, int position, int depth) const;

  // Values with alternatives (value_choices.cpp). `choose` gives the one value they all agree on,
  // else a choice slot holding them (at most 64; more, or none known, is a run-time value). With
  // `keep_tests`, one value under tests stays a choice, so that the tests are not lost.
  ResolvedString choose(std::vector<Alternative> alternatives, bool keep_tests = false) const;
  // The value of a variable after an assignment in a branch (node `event`): the new value under
  // the branch's tests, or the one before where they fail (none when the variable was unset).
  ResolvedString assigned_in_branch(ResolvedString before, bool unset, ResolvedString next, int event) const;
  // The conditions with `function`'s parameters decided or renamed by `call`'s arguments: a test
  // a constant argument passes is dropped, one it fails gives nullopt (the alternative is not
  // taken), one on an argument that is the caller's parameter moves to that parameter.
  std::optional<BranchConditions> bind_conditions(const BranchConditions& conditions, CXCursor function,
                                                  CXCursor call, int position, int depth) const;
  // A choice after `function`'s parameters take `call`'s arguments, as text for bind_arguments.
  PiecedText bind_choice(int choice, CXCursor function, CXCursor call, int position, int depth) const;

  // Joins (string_joins.cpp): a joiner call (`scopes.join(' ')`), std::accumulate with a lambda.
  std::optional<ResolvedString> resolve_join(CXCursor call, const std::string& name, int position,
                                             int depth) const;
  std::optional<ResolvedString> resolve_accumulate(CXCursor call, int position, int depth) const;
  // The elements between `begin` and `end` of one container (`v.begin()`, `v.end()`).
  std::optional<std::vector<ResolvedString>> range_elements(CXCursor begin, CXCursor end, int position,
                                                            int depth) const;
  // The items with `separator` between them, or after each (an ostream_iterator's delimiter).
  ResolvedString joined(const std::vector<ResolvedString>& items, const ResolvedString& separator,
                        bool after_each) const;
  // What `std::copy(begin, end, std::ostream_iterator<T>(out, sep))` (or an ostream_joiner) writes
  // into `out`, where node `event` is the iterator's construction.
  std::optional<ResolvedString> copied_into_stream(int event, int depth) const;
  // The value a two-parameter lambda returns for `a` and `b` (a pair's `.second`, when `b_first`
  // gives its `.first`); nullopt unless its body is one return.
  std::optional<ResolvedString> apply_lambda(CXCursor lambda, const ResolvedString& a, const ResolvedString& b,
                                             int position, int depth,
                                             const ResolvedString* b_first = nullptr) const;
  // A test of a bound variable (`a.empty()`, `!s.isEmpty()`), when its value decides it.
  std::optional<bool> decide(CXCursor condition) const;
  // Whether the bound value `x` in `x.empty()` (a `call` named one of `names`) is empty.
  std::optional<bool> bound_emptiness(CXCursor call, const std::vector<std::string>& names) const;
  // The elements of a container of strings as of `position` (string_containers.cpp): nullopt
  // unless every change to it is understood (they may be run-time values, "{}").
  std::optional<std::vector<ResolvedString>> resolve_elements(CXCursor expr, int position, int depth) const;
  std::optional<std::vector<ResolvedString>> container_events(CXCursor var, std::vector<ResolvedString> items,
                                                             int declared, int position, int depth) const;
  // One call that changes container `var` (an append, `<<` chain or clear), applied to `items`;
  // false when it is not one of these. `chained` collects the inner links of a `<<` chain.
  bool apply_container_call(CXCursor event, CXCursor var, std::vector<ResolvedString>& items, int position,
                            int depth, std::vector<int>& chained) const;
  // A loop that appends to container `var`, run once per loop value (container_loops.cpp).
  std::optional<std::vector<ResolvedString>> run_container_loop(CXCursor loop, CXCursor var,
                                                                std::vector<ResolvedString> items, int depth) const;
  bool run_container_statement(CXCursor statement, CXCursor var, std::vector<ResolvedString>& items,
                               int depth) const;
  // A loop's variable, body and the values it takes: a range-for over a known container, or a
  // counting loop with known bounds (index_loops.cpp); nullopt otherwise.
  struct LoopRun {
    CXCursor variable;
    CXCursor body;
    std::vector<ResolvedString> values;
    std::vector<ResolvedString> keys;  // over a map: each entry's key (`.first`), values are `.second`
    CXCursor key_variable = clang_getNullCursor();  // `[key, value]`: the name the key is bound to
  };
  std::optional<LoopRun> loop_run(CXCursor loop, int depth) const;
  std::optional<LoopRun> index_loop_run(CXCursor loop, int depth) const;
  std::optional<LoopRun> iterator_loop_run(CXCursor loop, int depth) const;
  // Which run of its loop a loop variable is in, while the loop is run ("0", "1", ...).
  static std::string run_key(CXCursor var);
  // `it == c.begin()` (or `!=`) of an iterator its loop is run with: whether this is the first run.
  std::optional<bool> decide_first_run(CXCursor condition) const;
  // A loop over known values that changes `var`, run once per value (loop_joins.cpp).
  std::optional<ResolvedString> unroll_loop(CXCursor loop, CXCursor var, ResolvedString value, int depth) const;
  // The loop's body run once per value of its variable, changing `var` from `value`; nullopt when
  // a statement is not understood.
  std::optional<ResolvedString> run_per_value(const LoopRun& run, CXCursor var, ResolvedString value,
                                              int depth) const;
  // `step` run once per value of the loop, its variable (and a map entry's key) bound; false, the
  // bindings as they were, when a step fails.
  bool each_loop_value(const LoopRun& run, const std::function<bool()>& step) const;
  bool run_statement(CXCursor statement, CXCursor var, size_t slot, int depth) const;
  // One statement of a loop body for the current loop value: blocks, `if`s decided on it, nested
  // loops that name `var` (`nested`) and expression statements (`expression`); false when a
  // statement is not followed (return, break, continue, a test not decided).
  using StatementRunner = std::function<bool(CXCursor)>;
  bool run_body(CXCursor statement, CXCursor var, const StatementRunner& nested,
                const StatementRunner& expression) const;
  // Maps built from braced {key, value} lists (map_lookups.cpp): the entries of a map nothing
  // changes, a lookup by a known key, and `.first`/`.second` of a pair (a loop's entry, `find(k)->`).
  struct MapEntry {
    std::optional<std::string> key;  // how the key compares ("#12" for a number); nullopt: unknown
    CXCursor key_expr;
    CXCursor value_expr;
    int position;  // where the map is declared, for its values (-1 at namespace scope)
  };
  // The entries of a map, or of a sequence of pairs (in order, keys not compared).
  std::optional<std::vector<MapEntry>> map_entries(CXCursor map, int depth) const;
  // The keys (`.first`) and values (`.second`) of those entries, resolved.
  struct EntryValues {
    std::vector<ResolvedString> keys;
    std::vector<ResolvedString> values;
  };
  std::optional<EntryValues> entry_values(CXCursor container, int depth) const;
  // The declaration of a container (a variable or a member) that is const or only read; null otherwise.
  CXCursor unchanged_container(CXCursor expr) const;
  CXCursor container_initializer(CXCursor var) const;
  std::optional<std::vector<ResolvedString>> member_elements(CXCursor field, int depth) const;
  std::optional<std::string> key_identity(CXCursor key, int position, int depth) const;
  std::optional<ResolvedString> map_lookup(CXCursor map, CXCursor key, int position, int depth) const;
  std::optional<ResolvedString> pair_member(CXCursor member_ref, CXCursor field, int position, int depth) const;
  // Index loops and subscripts (index_loops.cpp): an integer known statically or bound (a loop
  // counter, a container's size), a test of one, `a[i]`, and a counting loop run once per index.
  std::optional<long long> integer_of(CXCursor expr, int position, int depth) const;
  std::optional<ResolvedString> substring(const ResolvedString& text, const std::vector<CXCursor>& args, int position,
                                          int depth) const;
  std::optional<long long> found_at(CXCursor text, CXCursor needle, int position, int depth) const;
  // Records passed to a dispatcher (record_values.cpp).
  std::optional<ResolvedString> record_member_slot(CXCursor member_ref, CXCursor field) const;
  std::optional<std::vector<ResolvedString>> record_values(const std::string& slot_function, int field) const;
  std::vector<int> record_objects(CXCursor record) const;
  std::optional<bool> decide_count(CXCursor condition) const;
  std::optional<ResolvedString> resolve_subscript(CXCursor container, CXCursor index, int position, int depth) const;
  bool run_expression(CXCursor expr, CXCursor var, size_t slot, int position, int depth) const;
  // The outermost loop holding node `event` but neither `position` nor node `declared`, or -1.
  int loop_around(int event, int declared, int position) const;
  // Whether every change to `var` inside the loop at node `loop` adds a query parameter
  // (`uri.addQueryParameter(k, v)`): the loop leaves the path as it was.
  bool only_adds_query(CXCursor var, int loop) const;

  // Values given to variables while a lambda's or a loop's body is evaluated.
  const ResolvedString* bound_value(CXCursor var) const;
  size_t bind(CXCursor var, ResolvedString value) const;
  // The key of a loop variable's `.first` binding, when the loop runs over a map's entries.
  static std::string first_key(CXCursor var);
  const ResolvedString* bound_to(const std::string& key) const;
  void unbind_to(size_t count) const { bindings_.resize(count); }
  void apply_chain(CXCursor event, CXCursor var, int index, int depth, ResolvedString& value,
                   std::vector<CXCursor>& consumed) const;
  std::optional<ResolvedString> literal_macro(CXCursor expr) const;
  // The query a QUrl::setQuery argument gives: a form's fields encoded, or a string.
  ResolvedString query_text(CXCursor arg, int position) const;
  void collect_pairs(CXCursor expr, int position, int depth, ResolvedFields& out) const;
  void add_pair(CXCursor key, CXCursor value, int position, ResolvedFields& out) const;
  bool is_passthrough(const std::string& name, CXCursor call) const;

  // A function parameter resolves to its slot (parameter_slots.h), never to "{}": requests that
  // depend on parameters become wrapper summaries.
  ResolvedString resolve_parameter(CXCursor parameter, int position, int depth) const;

  const TuContext& context_;
  mutable LiteralMacros literal_macros_;  // read on first use
  mutable std::vector<int> helpers_in_progress_;  // helper definitions being resolved (recursion)
  mutable std::vector<std::pair<std::string, ResolvedString>> bindings_;  // declaration key, value
  mutable std::vector<std::vector<Alternative>> choices_;  // by choice slot index
  mutable std::map<std::string, CXCursor> records_;  // record slots' records, by declaration key
  // While a helper's returns are read: its container parameters (a list of scopes to join) are
  // the call's arguments, resolved where the call is (declaration key, argument, position).
  struct ContainerArgument {
    std::string parameter;
    CXCursor argument;
    int position;
  };
  mutable std::vector<ContainerArgument> container_arguments_;
};

}  // namespace scopelint::extract
