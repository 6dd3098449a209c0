// Teachers: the scenarios on offer and school packs.
#include <nlohmann/json.hpp>

#include "classroom_service.hpp"
#include "sha256.hpp"

namespace upstander::server {

ApiResponse ClassroomService::list_scenarios(ApiRequest&) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& s : catalog_.list()) list.push_back(describe(s));
  nlohmann::ordered_json survey;
  const Survey* model = catalog_.survey_model();
  survey["available"] = model != nullptr;
  survey["items"] = model ? model->items.size() : 0;
  return json_response(
      200, nlohmann::ordered_json{{"scenarios", std::move(list)}, {"survey", std::move(survey)}});
}

ApiResponse ClassroomService::add_pack(ApiRequest& req) {
  // The same loader and checks as `upstander-content check`: what passes there passes here.
  PackCheck check = ContentCatalog::check_pack(req.body);
  if (!check.file) {
    return error_response(422, "invalid_pack", "the pack has problems; fix them and add it again",
                          {{"diagnostics", diagnostics_json(check.diagnostics)}});
  }
  CatalogScenario pack;
  pack.id = check.file->scenario()->id;
  pack.file = check.file;
  pack.blob = {pack.id + ".json", "scenario", req.body, sha256_hex(req.body)};
  pack.added_at = clock_();
  const DbStatus st = writer_.run(
      [&](Database& db) {
        Stmt b = db.prepare(
            "INSERT INTO blobs(hash, bytes) VALUES (?1, ?2) ON CONFLICT(hash) DO NOTHING");
        b.bind(1, pack.blob.sha256).bind_blob(2, pack.blob.bytes);
        if (!b.run()) return b.status();
        Stmt p = db.prepare(
            "INSERT INTO packs(scenario_id, hash, added_at) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(scenario_id) DO UPDATE SET hash = excluded.hash, added_at = excluded.added_at");
        p.bind(1, pack.id).bind(2, pack.blob.sha256).bind(3, pack.added_at);
        return p.run() ? DbStatus{} : p.status();
      },
      [&] { catalog_.put_pack(pack); });
  if (!st.ok()) return storage_error(st);
  auto stored = catalog_.find(pack.id);
  nlohmann::ordered_json out;
  out["scenario"] = describe(*stored);
  out["diagnostics"] = diagnostics_json(check.diagnostics);
  return json_response(201, out);
}

ApiResponse ClassroomService::remove_pack(ApiRequest& req) {
  if (auto bad = expect_no_fields(req)) return *bad;
  const std::string id = req.path_params[0];
  auto found = catalog_.find(id);
  if (!found || found->source != "school")
    return error_response(404, "unknown_pack", "there is no school pack with this id");
  const DbStatus st = writer_.run(
      [&](Database& db) {
        Stmt p = db.prepare("DELETE FROM packs WHERE scenario_id = ?1");
        p.bind(1, id);
        if (!p.run()) return p.status();
        // Sessions that used the pack keep their own copy.
        Stmt g = db.prepare(
            "DELETE FROM blobs WHERE hash NOT IN (SELECT hash FROM session_files UNION SELECT hash FROM packs)");
        return g.run() ? DbStatus{} : g.status();
      },
      [&] { catalog_.remove_pack(id); });
  if (!st.ok()) return storage_error(st);
  return json_response(200, nlohmann::json{{"removed", id}});
}

}  // namespace upstander::server
