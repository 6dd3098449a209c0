// Flattening the summary JSON into CSV rows.
#include "csv_export.hpp"

#include <sstream>
#include <vector>

namespace upstander::server {

std::string csv_field(std::string_view s, bool text) {
  std::string v(s);
  if (text && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

namespace {

using J = nlohmann::ordered_json;

struct Row {
  std::string section, scenario, point, point_text, answer, answer_text, count, shown, mean;
};

std::string text_of(const J& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string count_of(const J& cell) {
  auto it = cell.find("count");
  return it != cell.end() && it->is_number_integer() ? std::to_string(it->get<std::int64_t>()) : std::string();
}

std::string mean_text(const J& v) {
  if (!v.is_number()) return {};
  std::ostringstream o;
  o.precision(2);
  o << std::fixed << v.get<double>();
  return o.str();
}

void add_row_cells(std::vector<Row>& rows, const std::string& section, const std::string& scenario,
                   const std::string& point, const std::string& point_text, const J& row) {
  const J& total = row.at("total");
  rows.push_back({section, scenario, point, point_text, "(total)", "", count_of(total), text_of(total, "shown"), ""});
  for (const auto& c : row.at("cells")) {
    std::string id = text_of(c, "id");
    if (id.empty()) id = text_of(c, "stage");
    std::string label = text_of(c, "text");
    if (label.empty()) label = text_of(c, "title");
    rows.push_back({section, scenario, point, point_text, id, label, count_of(c), text_of(c, "shown"), ""});
  }
  // The answer most of the class chose, where the summary names it in words.
  const std::string most = text_of(row, "most");
  for (const auto& c : row.at("cells")) {
    if (!most.empty() && text_of(c, "id") == most)
      rows.push_back(
          {section, scenario, point, point_text, most, text_of(c, "text"), "", "most", ""});
  }
}

void add_mean(std::vector<Row>& rows, const std::string& section, const std::string& scenario, const std::string& point,
              const std::string& point_text, const J& m) {
  rows.push_back({section, scenario, point, point_text, "", "", count_of(m.at("n")), text_of(m.at("n"), "shown"),
                  mean_text(m.at("mean"))});
}

}  // namespace

std::string summary_to_csv(const nlohmann::ordered_json& summary, const nlohmann::ordered_json& session) {
  std::vector<Row> rows;
  rows.push_back({"session", "", "id", "", text_of(session, "id"), "", "", "", ""});
  rows.push_back({"session", "", "language", "", text_of(session, "language"), "", "", "", ""});
  rows.push_back({"session", "", "k", "", std::to_string(summary.at("k").get<int>()), "", "", "", ""});
  add_row_cells(rows, "stage", "", "", "", summary.at("stages"));
  for (const auto& f : summary.at("funnel")) {
    rows.push_back({"funnel", "", "", "", text_of(f, "stage"), "", count_of(f), text_of(f, "shown"), ""});
  }
  for (const auto& s : summary.at("scenarios")) {
    const std::string sid = text_of(s, "id");
    add_row_cells(rows, "progress", sid, "", text_of(s, "title"), s.at("progress"));
    for (const auto& d : s.at("decisions")) add_row_cells(rows, "choice", sid, text_of(d, "node"), text_of(d, "scene"), d);
    add_row_cells(rows, "ending", sid, "", "", s.at("endings"));
    for (const auto& r : s.at("reflections")) {
      if (text_of(r, "kind") == "options") {
        add_row_cells(rows, "reflection", sid, text_of(r, "node"), text_of(r, "question"), r);
      } else {
        add_mean(rows, "reflection_scale", sid, text_of(r, "node"), text_of(r, "question"), r);
      }
    }
  }
  for (const auto& item : summary.at("survey").at("items")) {
    const std::string id = text_of(item, "id");
    add_mean(rows, "survey_pre", "", id, text_of(item, "text_pre"), item.at("pre"));
    add_mean(rows, "survey_post", "", id, text_of(item, "text_post"), item.at("post"));
    rows.push_back({"survey_shift", "", id, "", "", "", "", "", mean_text(item.at("shift"))});
  }
  std::string out = "\xEF\xBB\xBF";
  out += "section,scenario,point,point_text,answer,answer_text,count,shown,mean\r\n";
  for (const auto& r : rows) {
    for (const std::string* f : {&r.section, &r.scenario, &r.point, &r.point_text, &r.answer, &r.answer_text}) {
      out += csv_field(*f, true);
      out += ',';
    }
    // Numbers stay numbers: a shift of -0.50 must not be defused into text.
    out += csv_field(r.count, false) + ',' + csv_field(r.shown, true) + ',' + csv_field(r.mean, false);
    out += "\r\n";
  }
  return out;
}

}  // namespace upstander::server
