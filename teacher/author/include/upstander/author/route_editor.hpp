// Routes (where the story goes without asking, by earlier choices) as the author edits
// them: steps "if <condition> go to <node>" above a default "otherwise go to <node>". Each
// function returns the edit command that makes the change, so it is one undo step; a route
// is never left without its default, and a route of only the default becomes "next".
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "upstander/author/edit_command.hpp"

namespace upstander::author {

// A new step above the default, on the first declared variable and going where the
// default goes; a node that moves on with "next" gets a route. nullopt when the scenario
// has no variable or the node neither has "next" nor a route.
std::optional<EditCommand> add_route_step(const Scenario& s, const Node& n);
// Removes conditional step `step` (the default cannot be removed on its own).
std::optional<EditCommand> remove_route_step(const Node& n, std::size_t step);
std::optional<EditCommand> set_route_condition(const Node& n, std::size_t step, const Condition& c);
// Where step `step` goes; the last step is the default.
std::optional<EditCommand> set_route_target(const Node& n, std::size_t step,
                                            const std::string& target);

}  // namespace upstander::author
