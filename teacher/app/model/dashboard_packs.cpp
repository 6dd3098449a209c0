// Adding a school's scenario pack to the classroom server: a pack is one file the teacher
// adds here (or from author mode); the server checks it and, if it refuses, says why.
#include <fstream>
#include <sstream>

#include "dashboard_model.hpp"

namespace upstander::dashboard {

namespace {

// The server's reasons, one line each, from the refusal's error.details.
std::vector<std::string> refusal_lines(const nlohmann::json& details) {
  std::vector<std::string> out;
  if (details.is_object() && details.contains("diagnostics") && details["diagnostics"].is_array()) {
    for (const auto& d : details["diagnostics"]) {
      if (d.is_object() && d.contains("text") && d["text"].is_string())
        out.push_back(d["text"].get<std::string>());
    }
  }
  return out;
}

}  // namespace

void Dashboard::add_pack(std::string scenario_text) {
  pack_.pending = true;
  calls_->send(api::add_pack(std::move(scenario_text)), [this](const ApiResult& r) {
    pack_.pending = false;
    ++pack_.serial;
    pack_.ok = r.ok();
    pack_.problems.clear();
    pack_.scenario_id.clear();
    if (!r.ok()) {
      if (r.error().code != "invalid_pack") return failed(r);
      pack_.problems = refusal_lines(r.error().details);
      return set_notice("teacher.pack.refused", {{"n", std::to_string(pack_.problems.size())}});
    }
    answered();
    const auto& sc = r->body.value("scenario", nlohmann::json::object());
    pack_.scenario_id = sc.value("id", "");
    set_notice("teacher.pack.added", {{"id", pack_.scenario_id}});
    load_catalog(false);
  });
}

bool Dashboard::add_pack_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (path.empty() || !in) {
    set_notice("teacher.pack.unreadable", {{"path", path}});
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  add_pack(text.str());
  return true;
}

}  // namespace upstander::dashboard
