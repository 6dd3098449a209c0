// Drawing a pseudonym.
#include "pseudonym.hpp"

#include "secure_random.hpp"

namespace upstander::server {

std::optional<Pseudonym> random_pseudonym() {
  const auto adjective = random_below(kPseudonymAdjectives.size());
  const auto animal = random_below(kPseudonymAnimals.size());
  const auto number = random_below(90);
  if (!adjective || !animal || !number) return std::nullopt;
  return Pseudonym{kPseudonymAdjectives[*adjective], kPseudonymAnimals[*animal],
                   10 + static_cast<int>(*number)};
}

std::string pseudonym_key(const Pseudonym& p) {
  return std::string(p.adjective) + " " + std::string(p.animal) + " " + std::to_string(p.number);
}

protocol::Pseudonym to_wire(const Pseudonym& p) {
  return {std::string(p.adjective), std::string(p.animal), p.number};
}

}  // namespace upstander::server
