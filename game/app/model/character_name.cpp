// Names of characters as shown and spoken.
#include "character_name.hpp"

namespace upstander::app {

std::string character_name(const UiText& text, const Character* c) {
  if (!c) return "";
  return c->unknown && c->name.empty() ? text.get("game.phone.unknown_account")
                                       : text.pick(c->name);
}

}  // namespace upstander::app
