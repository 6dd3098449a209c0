// Route edits as whole-route commands built from the node's current route.
#include "upstander/author/route_editor.hpp"

#include "upstander/author/condition_builder.hpp"

namespace upstander::author {

std::optional<EditCommand> add_route_step(const Scenario& s, const Node& n) {
  const auto term = first_term(s);
  if (!term) return std::nullopt;
  std::vector<Route> route = n.route;
  if (route.empty()) {
    if (!n.next) return std::nullopt;
    route.push_back(Route{std::nullopt, *n.next, {}});
  }
  Route step{to_condition(*term), route.back().to, {}};
  route.insert(route.end() - 1, std::move(step));
  return edit::SetRoute{n.id, std::move(route)};
}

std::optional<EditCommand> remove_route_step(const Node& n, std::size_t step) {
  if (step + 1 >= n.route.size()) return std::nullopt;
  std::vector<Route> route = n.route;
  route.erase(route.begin() + static_cast<std::ptrdiff_t>(step));
  if (route.size() == 1) return edit::SetNext{n.id, route.front().to.id};
  return edit::SetRoute{n.id, std::move(route)};
}

std::optional<EditCommand> set_route_condition(const Node& n, std::size_t step,
                                               const Condition& c) {
  if (step + 1 >= n.route.size()) return std::nullopt;
  std::vector<Route> route = n.route;
  route[step].condition = c;
  return edit::SetRoute{n.id, std::move(route)};
}

std::optional<EditCommand> set_route_target(const Node& n, std::size_t step,
                                            const std::string& target) {
  if (step >= n.route.size()) return std::nullopt;
  std::vector<Route> route = n.route;
  route[step].to = IdRef{target, {}, -1};
  return edit::SetRoute{n.id, std::move(route)};
}

}  // namespace upstander::author
