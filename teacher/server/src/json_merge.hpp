// Adding the members of one JSON object to another. Takes `from` by value: looping over
// a temporary's items() directly would read a destroyed object.
#pragma once

#include <nlohmann/json.hpp>

namespace upstander::server {

inline void merge_into(nlohmann::ordered_json& into, nlohmann::ordered_json from) {
  for (auto& [key, value] : from.items()) into[key] = std::move(value);
}

}  // namespace upstander::server
