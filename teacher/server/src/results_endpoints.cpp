// Teachers: the live progress, the summary and its exports (all suppressed aggregates).
#include <nlohmann/json.hpp>

#include "json_merge.hpp"

#include "classroom_service.hpp"
#include "csv_export.hpp"
#include "summary_builder.hpp"

namespace upstander::server {

// The session's aggregates read once from a pooled reader, then shaped by `build`: the
// lobby's progress and the full summary differ only there.
ApiResponse ClassroomService::aggregate_view(ApiRequest& req, AggregateBuilder build) {
  auto s = session_param(req);
  if (!s) return unknown_session();
  AggregateTable agg;
  {
    auto lease = readers_.lease();
    const DbStatus st = agg.load(lease.db(), s->db_id);
    if (!st.ok()) return storage_error(st);
  }
  nlohmann::ordered_json out;
  out["session"] = describe_session(*s);
  merge_into(out,
             build({s->content.get(), s->language, s->k, catalog_.guide(s->language).get()}, agg));
  return json_response(200, out);
}

ApiResponse ClassroomService::progress(ApiRequest& req) {
  return aggregate_view(req, build_progress);
}

ApiResponse ClassroomService::summary(ApiRequest& req) {
  return aggregate_view(req, build_summary);
}

ApiResponse ClassroomService::export_results(ApiRequest& req) {
  auto s = session_param(req);
  if (!s) return unknown_session();
  auto format_it = req.query.find("format");
  const std::string format = format_it == req.query.end() ? "json" : format_it->second;
  if (format != "json" && format != "csv") {
    return error_response(422, "bad_value", "format must be csv or json");
  }
  AggregateTable agg;
  {
    auto lease = readers_.lease();
    const DbStatus st = agg.load(lease.db(), s->db_id);
    if (!st.ok()) return storage_error(st);
  }
  const nlohmann::ordered_json session = describe_session(*s);
  const nlohmann::ordered_json sum =
      build_summary({s->content.get(), s->language, s->k, catalog_.guide(s->language).get()}, agg);
  const std::string filename = "upstander-" + s->public_id;
  if (format == "csv") {
    ApiResponse r;
    r.content_type = "text/csv; charset=utf-8";
    r.body = summary_to_csv(sum, session);
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + ".csv\"");
    return r;
  }
  nlohmann::ordered_json out;
  out["format"] = "upstander-class-summary";
  out["version"] = 1;
  out["exported_at"] = clock_();
  out["session"] = session;
  merge_into(out, sum);
  ApiResponse r = json_response(200, out);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + ".json\"");
  return r;
}

}  // namespace upstander::server
