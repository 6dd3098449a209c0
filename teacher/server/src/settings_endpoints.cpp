// Teachers: retention and defaults. Anyone: health.
#include <nlohmann/json.hpp>

#include "classroom_service.hpp"
#include "suppression.hpp"

namespace upstander::server {

namespace {
nlohmann::ordered_json settings_json(const SettingsValues& v) {
  nlohmann::ordered_json j;
  j["retention_days"] = v.retention_days;
  j["default_k"] = v.default_k;
  j["default_max_players"] = v.default_max_players;
  j["limits"] = {{"retention_days", {{"min", 0}, {"max", kMaxRetentionDays}}},
                 {"k", {{"min", kMinimumK}, {"max", kMaxK}}},
                 {"max_players", {{"min", 1}, {"max", kMaxPlayersLimit}}}};
  return j;
}
}  // namespace

ApiResponse ClassroomService::health(ApiRequest&) {
  return json_response(200, nlohmann::ordered_json{
                                {"status", "ok"}, {"service", "upstander-classroom"}, {"api", 1}});
}

ApiResponse ClassroomService::get_settings(ApiRequest&) {
  return json_response(200, settings_json(settings_.get()));
}

ApiResponse ClassroomService::put_settings(ApiRequest& req) {
  auto body = parse_object(req.body);
  if (!body) return body.error().response();
  SettingsValues v = settings_.get();
  FieldReader f(*body);
  if (auto d = f.integer("retention_days", false, 0, kMaxRetentionDays))
    v.retention_days = static_cast<int>(*d);
  if (auto k = f.integer("default_k", false, kMinimumK, kMaxK)) v.default_k = static_cast<int>(*k);
  if (auto m = f.integer("default_max_players", false, 1, kMaxPlayersLimit))
    v.default_max_players = static_cast<int>(*m);
  if (auto done = f.finish(); !done) return done.error().response();
  const DbStatus st = writer_.run([&](Database& db) { return ServerSettings::save(db, v); },
                                  [&] { settings_.set(v); });
  if (!st.ok()) return storage_error(st);
  return json_response(200, settings_json(settings_.get()));
}

}  // namespace upstander::server
