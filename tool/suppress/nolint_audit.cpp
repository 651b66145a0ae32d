// unknown-nolint and unused-nolint: which names are judged, the messages and the fix-its.
#include "suppress/nolint_audit.h"

#include <map>
#include <set>

#include "checks/check_context.h"
#include "checks/rule_registry.h"
#include "util/did_you_mean.h"

namespace scopelint {
namespace {

// (directive, name) pairs of one file that suppressed some finding; name -1: a bare directive.
using UsedNames = std::set<std::pair<size_t, int>>;

// A NOLINT cannot suppress the suppression rules (they are judged after suppression), so naming
// them is neither used nor unused: the configuration turns them off.
bool is_suppression_rule(const std::string& name) {
  return name == nolint_rule().id || name == unknown_nolint_rule().id || name == unused_nolint_rule().id;
}

// One file's directives, with what a fix-it needs to know about the file's text.
class FileAudit {
 public:
  FileAudit(std::string file, const NolintMap& map, std::vector<Finding>& out)
      : file_(std::move(file)), map_(map), out_(out) {}

  void unknown_names(size_t index) {
    const NolintDirective& d = map_.directives()[index];
    for (size_t j = 0; j < d.names.size(); ++j) {
      std::string rule = misspelt_rule(d.names[j].text);
      if (rule.empty()) continue;
      Finding f = make_finding(
          unknown_nolint_rule().id, location(d.names[j].span.offset),
          "'" + d.names[j].text + "' in this " + std::string(directive_keyword(d.kind)) +
              " comment is not a scopelint rule; did you mean '" + rule + "'?");
      f.end = location(d.names[j].span.end());
      Fix fix{"replace '" + d.names[j].text + "' with '" + rule + "'", {}};
      for (const NolintDirective* each : with_partner(d)) {
        if (j < each->names.size()) fix.replacements.push_back(replace(each->names[j].span, rule));
      }
      f.fix = std::move(fix);
      out_.push_back(std::move(f));
    }
  }

  void unused_names(size_t index, const UsedNames& used) {
    const NolintDirective& d = map_.directives()[index];
    // An unpaired NOLINTBEGIN or NOLINTEND suppresses nothing by construction: the nolint rule
    // reports it.
    if (!d.has_list || d.kind == NolintKind::End ||
        (d.kind == NolintKind::Begin && d.partner < 0)) {
      return;
    }
    std::vector<std::string> unused, kept;
    for (size_t j = 0; j < d.names.size(); ++j) {
      const std::string& name = d.names[j].text;
      bool judged = find_rule(name) && !is_suppression_rule(name);
      if (judged && !used.count({index, static_cast<int>(j)})) {
        unused.push_back(name);
      } else if (!name.empty()) {
        kept.push_back(name);
      }
    }
    if (unused.empty()) return;
    const std::string keyword(directive_keyword(d.kind));
    std::string names;
    for (size_t i = 0; i < unused.size(); ++i) {
      names += (i == 0 ? "" : i + 1 == unused.size() ? " and " : ", ") + ("'" + unused[i] + "'");
    }
    Finding f = make_finding(unused_nolint_rule().id, location(d.span.offset),
                             names + " in this " + keyword + " comment " +
                                 (unused.size() == 1 ? "suppresses" : "suppress") + " no finding " +
                                 where(d.kind));
    f.end = location(d.span.end());
    if (d.partner >= 0) {
      const NolintDirective& end = map_.directives()[d.partner];
      f.notes.push_back({{file_, end.line, end.column}, "the range ends here"});
    }
    f.fix = kept.empty() ? remove_comments(d) : remove_names(d, kept, names);
    out_.push_back(std::move(f));
  }

 private:
  static std::string where(NolintKind kind) {
    switch (kind) {
      case NolintKind::NextLine:
        return "on the next line";
      case NolintKind::Begin:
        return "in its range";
      default:
        return "on its line";
    }
  }

  SourceLocation location(unsigned offset) const {
    auto [line, column] = map_.position(offset);
    return {file_, line, column};
  }

  Replacement replace(TextSpan span, const std::string& text) const {
    Replacement r;
    r.range = {location(span.offset), location(span.end()), span.offset, span.length};
    r.text = text;
    r.expected = std::string(map_.text(span));
    return r;
  }

  std::vector<const NolintDirective*> with_partner(const NolintDirective& d) const {
    std::vector<const NolintDirective*> out{&d};
    if (d.partner >= 0) out.push_back(&map_.directives()[d.partner]);
    return out;
  }

  // The list between the parentheses, rewritten with the names that stay.
  std::optional<Fix> remove_names(const NolintDirective& d, const std::vector<std::string>& kept,
                                  const std::string& names) const {
    std::string list;
    for (const auto& name : kept) list += (list.empty() ? "" : ", ") + name;
    Fix fix{"remove " + names + " from the comment", {}};
    for (const NolintDirective* each : with_partner(d)) {
      unsigned open = each->names.front().span.offset;
      while (open > each->span.offset && map_.text({open - 1, 1}) != "(") --open;
      unsigned close = each->span.end() - 1;  // the ')'
      fix.replacements.push_back(replace({open, close - open}, list));
    }
    return fix;
  }

  // The whole comment (and its line when it is alone on it); none when it holds more directives.
  std::optional<Fix> remove_comments(const NolintDirective& d) const {
    Fix fix{"remove the comment", {}};
    for (const NolintDirective* each : with_partner(d)) {
      if (!each->comment || each->comment_has_more) return std::nullopt;
      fix.replacements.push_back(replace(comment_removal(*each), ""));
    }
    return fix;
  }

  TextSpan comment_removal(const NolintDirective& d) const {
    if (d.comment_alone) return map_.line_span(d.line);
    TextSpan line = map_.line_span(d.line);
    unsigned begin = d.comment->offset, end = d.comment->end();
    auto blank = [&](unsigned at) {
      return map_.text({at, 1}) == " " || map_.text({at, 1}) == "\t";
    };
    if (begin > line.offset) {  // code before: drop the blanks between it and the comment
      while (begin > line.offset && blank(begin - 1)) --begin;
    } else {  // code after ("/* NOLINT */ x();"): drop the blanks after the comment
      while (end < line.end() && blank(end)) ++end;
    }
    return {begin, end - begin};
  }

  std::string file_;
  const NolintMap& map_;
  std::vector<Finding>& out_;
};

}  // namespace

std::string misspelt_rule(const std::string& name) {
  if (name.empty() || name.find('*') != std::string::npos || name[0] == '-' || find_rule(name)) {
    return "";
  }
  std::vector<std::string> ids;
  for (const RuleInfo& rule : all_rules()) ids.emplace_back(rule.id);
  return closest_match(name, ids).value_or("");
}

std::vector<Finding> audit_nolint(const std::vector<Finding>& findings, const NolintAudit& audit,
                                  NolintFiles& sources) {
  std::map<std::string, UsedNames> used;  // by NolintFiles::key
  for (const Finding& finding : findings) {
    for (const auto& [file, match] : nolint_matches(finding, sources)) {
      used[sources.key(file)].insert({match.directive, match.name});
    }
  }
  struct Roles {
    std::string file;  // as first named
    bool names = false;
    bool usage = false;
  };
  std::map<std::string, Roles> files;  // one audit per file, however it is spelt
  for (const auto& file : audit.name_files) {
    Roles& roles = files[sources.key(file)];
    if (roles.file.empty()) roles.file = file;
    roles.names = true;
  }
  for (const auto& file : audit.usage_files) {
    Roles& roles = files[sources.key(file)];
    if (roles.file.empty()) roles.file = file;
    roles.usage = true;
  }
  std::vector<Finding> out;
  for (const auto& [key, roles] : files) {
    const NolintMap* map = sources.get(roles.file);
    if (!map) continue;
    FileAudit judge(roles.file, *map, out);
    const UsedNames& file_used = used[key];
    for (size_t i = 0; i < map->directives().size(); ++i) {
      const NolintDirective& d = map->directives()[i];
      if (!d.comment || (d.kind == NolintKind::End && d.partner >= 0)) continue;
      if (roles.names) judge.unknown_names(i);
      if (roles.usage) judge.unused_names(i, file_used);
    }
  }
  return out;
}

}  // namespace scopelint
