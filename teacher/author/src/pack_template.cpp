// New packs from a template or from nothing.
#include "upstander/author/pack_template.hpp"

namespace upstander::author {

Scenario scenario_from_template(const Scenario& original, const std::string& new_id) {
  Scenario s = original;
  s.id = new_id;
  // A copy is a new pack: someone has to review it again.
  s.review = Review{};
  return s;
}

Scenario blank_scenario(const std::string& id, const std::vector<std::string>& locales) {
  Scenario s;
  s.schema = "../schema/scenario.schema.json";
  s.id = id;
  s.locales = locales;
  s.player.id = "me";
  s.start.id = "start";
  Character me;
  me.id = "me";
  me.avatar.color = "#4a90d9";
  s.characters.push_back(std::move(me));
  Node start;
  start.id = "start";
  start.kind = NodeKind::Narration;
  start.body = NarrationBody{};
  start.next = IdRef{"end", {}, -1};
  Node end;
  end.id = "end";
  end.kind = NodeKind::Ending;
  EndingBody body;
  // Every ending must point to help; counselling is the topic every ending can lead with.
  body.help = {HelpTopic::Counselling};
  end.body = std::move(body);
  s.nodes.push_back(std::move(start));
  s.nodes.push_back(std::move(end));
  return s;
}

}  // namespace upstander::author
