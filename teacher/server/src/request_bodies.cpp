// Join and session request bodies.
#include "request_bodies.hpp"

#include <nlohmann/json.hpp>

#include "server_settings.hpp"
#include "session_name.hpp"
#include "suppression.hpp"

namespace upstander::server {

Result<std::string, BodyError> read_join_request(std::string_view body_text) {
  auto body = parse_object(body_text);
  if (!body) return fail(body.error());
  FieldReader f(*body);
  auto typed = f.text("code", true, 32);
  if (auto done = f.finish(); !done) return fail(done.error());
  return std::move(*typed);
}

namespace {

// A name field, cleaned; the byte cap only bounds the work before the character rules.
std::optional<std::string> read_name(FieldReader& f, bool required) {
  auto raw = f.text("name", required, kMaxSessionNameChars * 4 + 64);
  if (!raw) return std::nullopt;
  auto name = clean_session_name(*raw);
  if (!name) {
    f.fail(422, "invalid_name", name.error(), "name");
    return std::nullopt;
  }
  return std::move(*name);
}

}  // namespace

Result<SessionRequest, BodyError> read_session_request(std::string_view body_text) {
  auto body = parse_object(body_text);
  if (!body) return fail(body.error());
  FieldReader f(*body);
  auto ids = f.id_list("scenarios", true, 20);
  auto language = f.id("language", true);
  SessionRequest r;
  r.k = f.integer("k", false, kMinimumK, kMaxK);
  r.collect = f.boolean("collect", false);
  r.survey = f.boolean("survey", false);
  r.max_players = f.integer("max_players", false, 1, kMaxPlayersLimit);
  auto allow_drafts = f.boolean("allow_drafts", false);
  auto name = read_name(f, false);
  if (auto done = f.finish(); !done) return fail(done.error());
  r.name = name.value_or("");
  r.scenarios = std::move(*ids);
  r.language = std::move(*language);
  r.allow_drafts = allow_drafts.value_or(false);
  return r;
}

Result<std::string, BodyError> read_rename_request(std::string_view body_text) {
  auto body = parse_object(body_text);
  if (!body) return fail(body.error());
  FieldReader f(*body);
  auto name = read_name(f, true);
  if (auto done = f.finish(); !done) return fail(done.error());
  return std::move(*name);
}

}  // namespace upstander::server
