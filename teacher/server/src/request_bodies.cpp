// Join and session request bodies.
#include "request_bodies.hpp"

#include <nlohmann/json.hpp>

#include "server_settings.hpp"
#include "session_name.hpp"
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

namespace {

// A name field, cleaned; the byte cap only bounds the work before the character rules.
std::optional<std::string> read_name(FieldReader& f, bool required) {
  auto raw = f.text("name", required, kMaxSessionNameChars * 4 + 64);
  if (!raw) return std::nullopt;
  std::string problem;
  auto name = clean_session_name(*raw, problem);
  if (!name) f.fail(422, "invalid_name", problem, "name");
  return name;
}

}  // namespace

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
  auto name = read_name(f, false);
  if (!f.finish()) return std::nullopt;
  r.name = name.value_or("");
  r.scenarios = std::move(*ids);
  r.language = std::move(*language);
  r.allow_drafts = allow_drafts.value_or(false);
  return r;
}

std::optional<std::string> read_rename_request(std::string_view body_text, BodyError& error) {
  auto body = parse_object(body_text, error);
  if (!body) return std::nullopt;
  FieldReader f(*body, "", error);
  auto name = read_name(f, true);
  if (!f.finish()) return std::nullopt;
  return name;
}

}  // namespace upstander::server
