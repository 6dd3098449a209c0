// Drawing a pseudonym.
#include "pseudonym.hpp"

#include <nlohmann/json.hpp>

#include "secure_random.hpp"

namespace upstander::server {

Pseudonym random_pseudonym() {
  Pseudonym p;
  p.adjective = kPseudonymAdjectives[random_below(kPseudonymAdjectives.size())];
  p.animal = kPseudonymAnimals[random_below(kPseudonymAnimals.size())];
  p.number = 10 + static_cast<int>(random_below(90));
  return p;
}

std::string pseudonym_key(const Pseudonym& p) {
  return std::string(p.adjective) + " " + std::string(p.animal) + " " + std::to_string(p.number);
}

nlohmann::json to_json(const Pseudonym& p) {
  return {{"adjective", std::string(p.adjective)},
          {"animal", std::string(p.animal)},
          {"number", p.number},
          {"format_key", "game.pseudonym.format"}};
}

}  // namespace upstander::server
