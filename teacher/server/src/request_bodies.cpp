// Join and session request bodies.
#include "request_bodies.hpp"

#include <nlohmann/json.hpp>

#include "server_settings.hpp"
#include "suppression.hpp"

namespace upstander::server {

std::optional<std::string> read_join_request(std::string_view body_text, BodyError& error) {
  auto body = parse_object(body_text, error);
  if (!body) return std::nullopt;
  FieldReader f(*body, "", error);
  auto typed = f.text("code", true, 32);
  if (!f.finish()) return std::nullopt;
  return typed;
}

std::optional<SessionRequest> read_session_request(std::string_view body_text, BodyError& error) {
  auto body = parse_object(body_text, error);
  if (!body) return std::nullopt;
  FieldReader f(*body, "", error);
  auto ids = f.id_list("scenarios", true, 20);
  auto language = f.id("language", true);
  SessionRequest r;
  r.k = f.integer("k", false, kMinimumK, kMaxK);
  r.collect = f.boolean("collect", false);
  r.survey = f.boolean("survey", false);
  r.max_players = f.integer("max_players", false, 1, kMaxPlayersLimit);
  auto allow_drafts = f.boolean("allow_drafts", false);
  if (!f.finish()) return std::nullopt;
  r.scenarios = std::move(*ids);
  r.language = std::move(*language);
  r.allow_drafts = allow_drafts.value_or(false);
  return r;
}

}  // namespace upstander::server
