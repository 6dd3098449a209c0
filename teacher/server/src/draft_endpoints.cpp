// Teachers: author mode's drafts in the server's data folder (list, read, save, autosave,
// delete) and "play from here" previews. Anyone with a preview's token: that preview.
#include <chrono>
#include <nlohmann/json.hpp>

#include "classroom_service.hpp"

namespace upstander::server {

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

ApiResponse draft_error(DraftError e) {
  switch (e) {
    case DraftError::BadId:
      return error_response(400, "bad_id", "a draft's id is a-z, 0-9, - and _ (at most 64)");
    case DraftError::NotFound: return error_response(404, "not_found", "there is no such draft");
    case DraftError::TooMany:
      return error_response(409, "too_many_drafts", "delete a draft before starting another");
    case DraftError::Io: {
      ApiResponse r = error_response(503, "storage_unavailable",
                                     "the server could not write to its disk; try again");
      r.headers.emplace_back("Retry-After", "2");
      return r;
    }
  }
  return error_response(500, "internal", "the server could not handle this request");
}

template <typename Json>
void put_time(Json& j, const char* key, const std::optional<std::int64_t>& ms) {
  if (ms)
    j[key] = *ms;
  else
    j[key] = nullptr;
}

}  // namespace

// {"text": "<the pack>"}: a JSON object's text of at most max_pack_bytes.
Result<std::string, BodyError> ClassroomService::draft_text(const ApiRequest& req) const {
  auto body = parse_object(req.body);
  if (!body) return fail(body.error());
  FieldReader f(*body);
  std::optional<std::string> text = f.text("text", true, options_.limits.max_pack_bytes);
  if (auto done = f.finish(); !done) return fail(done.error());
  const nlohmann::json pack = nlohmann::json::parse(*text, nullptr, false);
  if (pack.is_discarded() || !pack.is_object())
    return fail(BodyError{400, "bad_pack", "the draft's text is not a JSON object", "/text"});
  return std::move(*text);
}

ApiResponse ClassroomService::list_drafts(ApiRequest&) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& d : drafts_.list()) {
    nlohmann::ordered_json j;
    j["id"] = d.id;
    put_time(j, "saved_ms", d.saved_ms);
    put_time(j, "autosave_ms", d.autosave_ms);
    list.push_back(std::move(j));
  }
  return json_response(200, nlohmann::ordered_json{{"drafts", std::move(list)}});
}

ApiResponse ClassroomService::get_draft(ApiRequest& req) {
  const auto d = drafts_.read(req.path_params.at(0));
  if (!d) return draft_error(d.error());
  nlohmann::ordered_json j;
  j["id"] = d->id;
  if (d->text)
    j["text"] = *d->text, j["saved_ms"] = d->saved_ms;
  else
    j["text"] = nullptr, j["saved_ms"] = nullptr;
  if (d->autosave_text)
    j["autosave"] = {{"text", *d->autosave_text}, {"written_ms", d->autosave_ms}};
  else
    j["autosave"] = nullptr;
  return json_response(200, j);
}

ApiResponse ClassroomService::put_draft(ApiRequest& req, bool autosave) {
  const std::string& id = req.path_params.at(0);
  if (!DraftFolder::valid_id(id)) return draft_error(DraftError::BadId);
  const auto text = draft_text(req);
  if (!text) return text.error().response();
  const std::int64_t ms = now_ms();
  const DraftResult written =
      autosave ? drafts_.autosave(id, *text, ms) : drafts_.save(id, *text, ms);
  if (!written) return draft_error(written.error());
  return json_response(200, nlohmann::ordered_json{{"id", id}, {"written_ms", ms}});
}

ApiResponse ClassroomService::delete_draft(ApiRequest& req) {
  if (auto refused = expect_no_fields(req)) return *refused;
  if (const auto removed = drafts_.remove(req.path_params.at(0)); !removed)
    return draft_error(removed.error());
  return json_response(200, nlohmann::ordered_json{{"deleted", req.path_params.at(0)}});
}

ApiResponse ClassroomService::post_preview(ApiRequest& req) {
  const auto text = draft_text(req);
  if (!text) return text.error().response();
  const std::string token = previews_.put(*text, now());
  if (token.empty()) return randomness_error();
  return json_response(200,
                       nlohmann::ordered_json{{"token", token}, {"game", "/?preview=" + token}});
}

ApiResponse ClassroomService::get_preview(ApiRequest& req) {
  const std::string& token = req.path_params.at(0);
  const auto text = token.size() == 32 ? previews_.get(token, now()) : std::nullopt;
  if (!text)
    return error_response(404, "not_found", "this preview has expired; press Play from here again");
  ApiResponse r;
  r.status = 200;
  r.body = *text;
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace upstander::server
