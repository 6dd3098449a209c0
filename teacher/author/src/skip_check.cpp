// Breadth-first from a skip's target over every way on, looking for an unsafe ending.
#include "upstander/author/skip_check.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace upstander::author {

namespace {

std::vector<std::string> ways_on(const Node& n) {
  std::vector<std::string> out;
  if (n.next) out.push_back(n.next->id);
  for (const auto& c : n.choices) out.push_back(c.to.id);
  for (const auto& r : n.route) out.push_back(r.to.id);
  if (n.skip_to) out.push_back(n.skip_to->id);
  return out;
}

}  // namespace

SkipCheck check_skip_target(const Scenario& s, const std::string& target) {
  std::unordered_map<std::string, const Node*> by_id;
  for (const auto& n : s.nodes) by_id.emplace(n.id, &n);
  std::unordered_map<std::string, std::string> parent{{target, ""}};
  std::deque<std::string> queue{target};
  while (!queue.empty()) {
    const std::string id = queue.front();
    queue.pop_front();
    const auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    const Node& n = *it->second;
    if (n.is_ending() && is_unsafe_after_skip(n.as<EndingBody>().outcome)) {
      SkipCheck out{false, id, {}};
      for (std::string at = id; !at.empty(); at = parent[at]) out.path.push_back(at);
      std::reverse(out.path.begin(), out.path.end());
      return out;
    }
    for (const auto& next : ways_on(n)) {
      if (parent.emplace(next, id).second) queue.push_back(next);
    }
  }
  return {};
}

std::vector<SkipCandidate> skip_candidates(const Scenario& s, const std::string& decision) {
  std::vector<SkipCandidate> safe, unsafe;
  for (const auto& n : s.nodes) {
    if (n.id == decision) continue;
    SkipCandidate c{n.id, check_skip_target(s, n.id)};
    (c.check.safe ? safe : unsafe).push_back(std::move(c));
  }
  safe.insert(safe.end(), std::make_move_iterator(unsafe.begin()),
              std::make_move_iterator(unsafe.end()));
  return safe;
}

}  // namespace upstander::author
