// What the resolvers and matchers share about one parsed translation unit: the walked tree and,
// per variable, the calls and assignments that act on it in source order.
#pragma once

#include <clang-c/Index.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/clang/ast_walker.h"
#include "extract/models/library_models.h"

namespace scopelint::extract {

class TuContext {
 public:
  // `in_scan`: whether a file's code is analysed (the files of the scan, not third-party headers).
  TuContext(CXTranslationUnit tu, AstTree tree, const LibraryModels& models,
            std::function<bool(CXFile)> in_scan);

  CXTranslationUnit tu() const { return tu_; }
  const std::function<bool(CXFile)>& in_scan() const { return in_scan_; }
  const AstTree& tree() const { return tree_; }
  const LibraryModels& models() const { return models_; }

  // Calls and assignments whose subject (receiver, first argument, left side) is the variable.
  const std::vector<int>& subject_events(CXCursor variable) const;
  // Calls that take the variable as a non-subject argument (`form.prepareSubmit(req)`).
  const std::vector<int>& argument_uses(CXCursor variable) const;

  // The variable a call or assignment acts on, following chained calls that return references
  // (`os << a << b`, `b.append_path(x).append_query(k, v)`); null cursor when none.
  static CXCursor subject_variable(CXCursor event);

  // The node of a function's definition when this unit walked it (the scanned files), or -1.
  int definition_node(CXCursor function) const;
  // The expressions constructors' member initializer lists give a field (`: base_(host)`), as
  // node indices, in source order.
  std::vector<int> member_initializers(CXCursor field) const;
  // The braced initializers of a record type (`Config c{"https://..."}`, `return {"/x/"}`), as
  // node indices, in source order.
  std::vector<int> init_lists(CXCursor record) const;
  // The range a range-for's loop variable runs over (by the variable's declaration_key), or null.
  CXCursor loop_range(const std::string& variable_key) const;
  // A name a range-for's structured binding gives (by its declaration_key): the loop's key (as for
  // loop_range) and which part of the entry it is (1 the first, 2 the second); null otherwise.
  const std::pair<std::string, int>* binding_part(const std::string& name_key) const;
  // The return statements of the function or lambda at node `function` (not those of lambdas inside it).
  std::vector<int> return_statements(int function) const;
  // The definitions (nodes) of the methods in this unit that override the virtual `method`.
  const std::vector<int>& overriders(CXCursor method) const;
  // The node of a cursor this unit walked, or -1.
  int node_index(CXCursor cursor) const;
  // The calls of a function or constructor in the walked code (`Client c("host", "/api/2.0")`,
  // `send(req)`), as node indices.
  const std::vector<int>& call_sites(CXCursor function) const;
  const std::vector<int>& constructions(CXCursor constructor) const { return call_sites(constructor); }
  // Objective-C: the dot-syntax sets of a property (`self.baseURL = url`), as node indices, and the
  // instance variable its accessors use when synthesized (`_baseURL`), or null when none is used.
  const std::vector<int>& property_writes(CXCursor property) const;
  CXCursor synthesized_ivar(CXCursor property) const;

 private:
  void record_binding_loop(CXCursor binding, CXCursor range);
  CXTranslationUnit tu_;
  AstTree tree_;
  const LibraryModels& models_;
  std::function<bool(CXFile)> in_scan_;
  std::unordered_map<std::string, std::vector<int>> subject_events_;
  std::unordered_map<std::string, std::vector<int>> argument_uses_;
  std::unordered_map<std::string, int> definitions_;  // function definitions by declaration_key
  std::unordered_map<std::string, CXCursor> loop_ranges_;  // range-for variables' ranges
  std::unordered_map<std::string, std::pair<std::string, int>> binding_parts_;
  mutable std::unordered_map<std::string, std::vector<int>> overriders_;  // by the method's key, read on first use
  mutable std::unordered_multimap<size_t, int> nodes_by_extent_;  // built on first node_index()
  mutable std::unordered_map<std::string, std::vector<int>> call_sites_;  // by callee USR
  mutable bool call_sites_read_ = false;
  void read_properties() const;
  mutable std::unordered_map<std::string, std::vector<int>> property_writes_;  // by the property's key
  mutable std::unordered_map<std::string, CXCursor> ivars_;  // used instance variables, by qualified name
  mutable bool properties_read_ = false;
};

}  // namespace scopelint::extract
