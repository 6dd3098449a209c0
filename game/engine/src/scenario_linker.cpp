// Resolving and checking the ids a scenario uses.
#include "upstander/scenario_linker.hpp"

#include "upstander/diagnostic_codes.hpp"
#include "upstander/node_fields.hpp"
#include "upstander/pointer_index.hpp"
#include "upstander/suggest.hpp"

namespace upstander {

namespace {

class Linker {
 public:
  Linker(Scenario& s, const SourceText& source, Diagnostics& out)
      : s_(s), source_(source), out_(out), pointers_(source) {}

  bool run() {
    index_all();
    resolve_node_ref(s_.start, "the start node");
    resolve(s_.player, s_.character_index, codes::kUnknownCharacter, "character", character_ids_);
    for (auto& t : s_.targeted) use_character(t);
    for (auto& n : s_.nodes) link_node(n);
    report_unused();
    return ok_;
  }

 private:
  template <typename T>
  void index(std::vector<T>& items, std::unordered_map<std::string, int>& map,
             std::vector<std::string>& ids, const char* kind) {
    map.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      const T& item = items[i];
      if (item.id.empty()) continue;  // already reported by the shape pass
      auto [it, inserted] = map.emplace(item.id, static_cast<int>(i));
      if (!inserted) {
        const T& first = items[static_cast<std::size_t>(it->second)];
        error(item.loc.offset, codes::kDuplicateId, pointers_.at(item.loc),
              std::string("another ") + kind + " already has the id \"" + item.id + "\" (line " +
                  std::to_string(line_of(first.loc.offset)) + ")",
              std::string("give each ") + kind + " its own id");
        continue;
      }
      ids.push_back(item.id);
    }
  }

  void index_all() {
    index(s_.variables, s_.variable_index, variable_ids_, "variable");
    index(s_.characters, s_.character_index, character_ids_, "character");
    index(s_.threads, s_.thread_index, thread_ids_, "thread");
    index(s_.nodes, s_.node_index, node_ids_, "node");
    variable_read_.assign(s_.variables.size(), false);
    character_used_.assign(s_.characters.size(), false);
  }

  std::uint32_t line_of(std::uint32_t offset) const {
    return offset == kNoOffset ? 0 : source_.locate(offset).line;
  }

  void error(std::uint32_t offset, std::string_view code, std::string pointer, std::string msg,
             std::string fix) {
    ok_ = false;
    out_.report(source_, offset, Severity::Error, code, std::move(pointer), std::move(msg),
                std::move(fix));
  }

  // Suggestions cost an edit distance per candidate; a hostile file with thousands of
  // broken links must not turn the check quadratic.
  std::string suggestion(std::string_view id, const std::vector<std::string>& candidates) {
    if (++suggestions_made_ > 200) return "";
    return did_you_mean(id, candidates);
  }

  bool resolve(IdRef& ref, const std::unordered_map<std::string, int>& map, std::string_view code,
               const char* kind, const std::vector<std::string>& candidates) {
    if (ref.id.empty()) return false;
    auto it = map.find(ref.id);
    if (it == map.end()) {
      error(ref.loc.offset, code, pointers_.at(ref.loc),
            std::string("there is no ") + kind + " with the id \"" + ref.id + "\"" +
                suggestion(ref.id, candidates),
            std::string("use the id of a ") + kind +
                " declared in this file; ids are case-sensitive");
      return false;
    }
    ref.index = it->second;
    return true;
  }

  void resolve_node_ref(IdRef& ref, const char*) {
    resolve(ref, s_.node_index, codes::kUnknownNode, "node", node_ids_);
  }

  void use_character(IdRef& ref) {
    if (ref.empty()) return;
    if (resolve(ref, s_.character_index, codes::kUnknownCharacter, "character", character_ids_)) {
      character_used_[static_cast<std::size_t>(ref.index)] = true;
    }
  }

  void use_thread(IdRef& ref) {
    if (!ref.empty()) resolve(ref, s_.thread_index, codes::kUnknownThread, "thread", thread_ids_);
  }

  // `want` is the type the use needs; `how` describes the use, `fix` what to write instead.
  void use_variable(IdRef& ref, VariableType want, bool reads, const char* how, const char* fix) {
    if (!resolve(ref, s_.variable_index, codes::kUndefinedVariable, "variable", variable_ids_))
      return;
    const Variable& v = s_.variables[static_cast<std::size_t>(ref.index)];
    if (reads) variable_read_[static_cast<std::size_t>(ref.index)] = true;
    if (v.type != want) {
      error(ref.loc.offset, codes::kVariableType, pointers_.at(ref.loc),
            "\"" + ref.id + "\" is a " + std::string(name_of(v.type)) + ", but " + how +
                " needs a " + std::string(name_of(want)),
            fix);
    }
  }

  void link_condition(Condition& c) {
    if (c.kind == Condition::Kind::Flag) {
      use_variable(c.var, VariableType::Flag, true, "{\"flag\": ...}",
                   "test a counter with {\"counter\": \"name\", \"op\": \">=\", \"value\": 1}");
    }
    if (c.kind == Condition::Kind::Compare) {
      use_variable(c.var, VariableType::Counter, true, "a comparison",
                   "test a flag with {\"flag\": \"name\"}");
    }
    for (auto& child : c.children) link_condition(child);
  }

  void link_effects(std::vector<Effect>& effects) {
    for (auto& e : effects) {
      if (e.kind == Effect::Kind::Add) {
        use_variable(e.var, VariableType::Counter, false, "\"add\"",
                     "change a flag with {\"set\": \"name\", \"to\": true}");
      } else if (e.written_as_bool) {
        use_variable(e.var, VariableType::Flag, false, "setting it to true or false",
                     "set a counter to a number: {\"set\": \"name\", \"to\": 0}");
      } else {
        use_variable(e.var, VariableType::Counter, false, "setting it to a number",
                     "set a flag with true or false: {\"set\": \"name\", \"to\": true}");
      }
    }
  }

  // The references node_kinds.hpp lists for the node's kind (threads first, as a chat
  // names its thread before its messages' senders).
  void link_body(Node& n) {
    for_each_ref(n.body, "thread", [&](IdRef& r) { use_thread(r); });
    for_each_ref(n.body, "character", [&](IdRef& r) { use_character(r); });
    const std::string how = "a " + std::string(name_of(n.kind));
    for_each_ref(n.body, "counter", [&](IdRef& r) {
      use_variable(r, VariableType::Counter, true, how.c_str(),
                   "declare a counter (\"type\": \"counter\") for how far the image has spread");
    });
    if (auto* reflection = std::get_if<ReflectionBody>(&n.body))
      check_unique(reflection->options, "reflection option");
  }

  template <typename T>
  void check_unique(const std::vector<T>& items, const char* kind) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (!items[i].id.empty() && items[i].id == items[j].id) {
          error(items[i].loc.offset, codes::kDuplicateId, pointers_.at(items[i].loc),
                std::string("another ") + kind + " of this node already has the id \"" +
                    items[i].id + "\"",
                std::string("give each ") + kind + " of a node its own id");
          break;
        }
      }
    }
  }

  void link_node(Node& n) {
    if (n.next) resolve_node_ref(*n.next, "next");
    if (n.skip_to) {
      resolve_node_ref(*n.skip_to, "skip_to");
      if (n.choices.empty()) {
        error(
            n.skip_to->loc.offset, codes::kSkipOnNonDecision, pointers_.at(n.skip_to->loc),
            "\"skip_to\" only applies to nodes with choices",
            "remove \"skip_to\": skipping a scene without choices already moves on to the next decision");
      }
    }
    for (auto& entry : n.route) {
      resolve_node_ref(entry.to, "to");
      if (entry.condition) link_condition(*entry.condition);
    }
    check_unique(n.choices, "choice");
    for (auto& c : n.choices) {
      resolve_node_ref(c.to, "to");
      if (c.condition) link_condition(*c.condition);
      link_effects(c.effects);
    }
    link_effects(n.effects);
    link_body(n);
  }

  void report_unused() {
    if (s_.player.index >= 0) character_used_[static_cast<std::size_t>(s_.player.index)] = true;
    for (std::size_t i = 0; i < s_.variables.size(); ++i) {
      if (variable_read_[i] || s_.variables[i].id.empty()) continue;
      if (s_.variable_index[s_.variables[i].id] != static_cast<int>(i))
        continue;  // a duplicate, reported
      const auto& v = s_.variables[i];
      out_.report(source_, v.loc.offset, Severity::Warning, codes::kUnusedVariable,
                  pointers_.at(v.loc), "nothing reads the variable \"" + v.id + "\"",
                  "use it in a choice's \"if\" or a ripple, or remove it");
    }
    for (std::size_t i = 0; i < s_.characters.size(); ++i) {
      if (character_used_[i] || s_.characters[i].id.empty()) continue;
      if (s_.character_index[s_.characters[i].id] != static_cast<int>(i))
        continue;  // a duplicate, reported
      const auto& c = s_.characters[i];
      out_.report(source_, c.loc.offset, Severity::Warning, codes::kUnusedCharacter,
                  pointers_.at(c.loc), "the character \"" + c.id + "\" never appears",
                  "give them a message or a scene, or remove them");
    }
  }

  Scenario& s_;
  const SourceText& source_;
  Diagnostics& out_;
  PointerIndex pointers_;
  bool ok_ = true;
  std::size_t suggestions_made_ = 0;
  std::vector<std::string> node_ids_, character_ids_, variable_ids_, thread_ids_;
  std::vector<bool> variable_read_, character_used_;
};

}  // namespace

bool link_scenario(Scenario& s, const SourceText& source, Diagnostics& out) {
  return Linker(s, source, out).run();
}

}  // namespace upstander
