// Lookups on a linked scenario.
#include "upstander/scenario.hpp"

namespace upstander {

namespace {
template <typename T>
const T* find_in(const std::vector<T>& items, const std::unordered_map<std::string, int>& index,
                 std::string_view id) {
  auto it = index.find(std::string(id));
  if (it == index.end()) return nullptr;
  return &items[static_cast<std::size_t>(it->second)];
}
}  // namespace

const Node* Scenario::find_node(std::string_view node_id) const {
  return find_in(nodes, node_index, node_id);
}
const Character* Scenario::find_character(std::string_view character_id) const {
  return find_in(characters, character_index, character_id);
}
const Variable* Scenario::find_variable(std::string_view variable_id) const {
  return find_in(variables, variable_index, variable_id);
}
const Thread* Scenario::find_thread(std::string_view thread_id) const {
  return find_in(threads, thread_index, thread_id);
}

std::vector<std::int64_t> Scenario::initial_values() const {
  std::vector<std::int64_t> values;
  values.reserve(variables.size());
  for (const auto& v : variables) values.push_back(v.initial);
  return values;
}

bool Scenario::is_targeted(std::string_view character_id) const {
  if (character_id.empty()) return false;
  for (const auto& t : targeted) {
    if (t.id == character_id) return true;
  }
  return false;
}

}  // namespace upstander
