// typing_field: which field a typed edit writes, so keystrokes fold into one undo step.
#include <string>

#include "upstander/author/edit_command.hpp"

namespace upstander::author {

namespace {

template <class... Ts>
struct FieldOf : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
FieldOf(Ts...) -> FieldOf<Ts...>;

}  // namespace

std::string typing_field(const EditCommand& c) {
  return std::visit(
      FieldOf{
          [](const edit::SetText& e) { return "text " + e.key + " " + e.locale; },
          [](const edit::SetScenarioId&) { return std::string("id"); },
          [](const edit::SetAudience&) { return std::string("audience"); },
          [](const edit::SetMinutes&) { return std::string("minutes"); },
          [](const edit::SetOrder&) { return std::string("order"); },
          [](const edit::SetReview&) { return std::string("review"); },
          [](const edit::SetAvatar& e) { return "avatar " + e.id; },
          [](const edit::SetThread& e) { return "thread " + e.id; },
          [](const edit::SetVariable& e) { return "variable " + e.id; },
          [](const edit::SetScene& e) { return "scene " + e.node; },
          [](const edit::SetTime& e) { return "time " + e.node; },
          [](const edit::SetNote& e) { return "note " + e.node; },
          [](const edit::SetMessageTime& e) {
            return "message-time " + e.node + " " + std::to_string(e.index);
          },
          [](const edit::SetFeedCounts& e) { return "feed-counts " + e.node; },
          [](const edit::SetFactSource& e) { return "source " + e.node; },
          // A number typed into an effect or a condition rewrites the whole list.
          [](const edit::SetNodeEffects& e) { return "effects " + e.node; },
          [](const edit::SetChoiceEffects& e) { return "effects " + e.node + " " + e.choice; },
          [](const edit::SetChoiceCondition& e) { return "condition " + e.node + " " + e.choice; },
          [](const edit::SetRoute& e) { return "route " + e.node; },
          [](const auto&) { return std::string(); },
      },
      c);
}

}  // namespace upstander::author
