// Shared by the edit commands (internal to upstander_author): lookups by id, the places
// that refer to nodes, characters, threads and variables, and translation-key upkeep.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "upstander/author/edit_command.hpp"
#include "upstander/object_reader.hpp"

namespace upstander::author::detail {

Node* find_node(Scenario& s, std::string_view id);
Character* find_character(Scenario& s, std::string_view id);
Thread* find_thread(Scenario& s, std::string_view id);
Variable* find_variable(Scenario& s, std::string_view id);
bool is_locale(const Scenario& s, std::string_view locale);

using RefVisitor = std::function<void(IdRef& ref, const std::string& where)>;
// `where` names the referring place: a node id, or "start" / "player".
void for_each_node_ref(Scenario& s, const RefVisitor& f);
void for_each_character_ref(Scenario& s, const RefVisitor& f);
void for_each_thread_ref(Scenario& s, const RefVisitor& f);
void for_each_variable_ref(Scenario& s, const RefVisitor& f);
// The first place that refers to `id` through `walk`, or nullopt.
std::optional<std::string> first_user(Scenario& s, void (*walk)(Scenario&, const RefVisitor&),
                                      std::string_view id);
void rename_refs(Scenario& s, void (*walk)(Scenario&, const RefVisitor&), std::string_view from,
                 const std::string& to);

// Rewrites translation-record keys: `map` returns the new key, or nullopt to drop it.
void rekey_translations(Scenario& s,
                        const std::function<std::optional<std::string>(const std::string&)>& map);
// Keys starting with `from` start with `to` afterwards.
void rename_key_prefix(Scenario& s, const std::string& from, const std::string& to);

// Checks a condition or effects against the declared variables (existence and type).
EditResult check_condition(Scenario& s, const Condition& c, int depth = 0);
EditResult check_effects(Scenario& s, const std::vector<Effect>& effects);

bool is_clock(std::string_view t);
// Ids must be valid and not yet used by another element of the same kind.
template <typename T>
EditResult check_new_id(const std::vector<T>& items, const std::string& id) {
  if (!is_valid_id(id)) return fail(EditFailure{EditError::BadId, id});
  for (const auto& item : items) {
    if (item.id == id) return fail(EditFailure{EditError::DuplicateId, id});
  }
  return {};
}

}  // namespace upstander::author::detail
