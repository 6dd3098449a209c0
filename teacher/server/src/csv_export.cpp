// Flattening the summary JSON into CSV rows.
#include "csv_export.hpp"

#include <sstream>
#include <vector>

namespace upstander::server {

std::string csv_field(std::string_view s, bool text) {
  std::string v(s);
  if (text && !v.empty() &&
      (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
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
  // Survey rows: "1" when a lower answer is the better one (a reversed statement, a harmful
  // vignette), the class's raw agreement, and the mean keyed so that higher is better.
  std::string reversed = {}, raw_mean = {}, keyed_mean = {};
};

std::string text_of(const J& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string count_of(const J& cell) {
  auto it = cell.find("count");
  return it != cell.end() && it->is_number_integer() ? std::to_string(it->get<std::int64_t>())
                                                     : std::string();
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
  rows.push_back({section, scenario, point, point_text, "(total)", "", count_of(total),
                  text_of(total, "shown"), ""});
  for (const auto& c : row.at("cells")) {
    std::string id = text_of(c, "id");
    if (id.empty()) id = text_of(c, "stage");
    std::string label = text_of(c, "text");
    if (label.empty()) label = text_of(c, "title");
    rows.push_back(
        {section, scenario, point, point_text, id, label, count_of(c), text_of(c, "shown"), ""});
  }
  // The answer most of the class chose, where the summary names it in words.
  const std::string most = text_of(row, "most");
  for (const auto& c : row.at("cells")) {
    if (!most.empty() && text_of(c, "id") == most)
      rows.push_back(
          {section, scenario, point, point_text, most, text_of(c, "text"), "", "most", ""});
  }
}

void add_mean(std::vector<Row>& rows, const std::string& section, const std::string& scenario,
              const std::string& point, const std::string& point_text, const J& m) {
  rows.push_back({section, scenario, point, point_text, "", "", count_of(m.at("n")),
                  text_of(m.at("n"), "shown"), mean_text(m.at("mean"))});
}

// Each question as students saw it (both forms: half the class had each before play).
std::string both_forms(const J& q) {
  return "A: " + text_of(q, "text_a") + " / B: " + text_of(q, "text_b");
}

void add_survey_mean(std::vector<Row>& rows, const std::string& section, const J& q,
                     const std::string& answer, const J& m) {
  const bool lower = text_of(q, "good") == "disagree";
  rows.push_back({section, "", text_of(q, "id"), both_forms(q), answer, "", count_of(m.at("n")),
                  text_of(m.at("n"), "shown"), mean_text(m.at("keyed_mean")), lower ? "1" : "0",
                  mean_text(m.at("raw_mean")), mean_text(m.at("keyed_mean"))});
}

void add_value(std::vector<Row>& rows, const std::string& section, const std::string& point,
               const J& v) {
  rows.push_back({section, "", point, "", "", "", "", "", mean_text(v), "", "", mean_text(v)});
}

void add_survey_rows(std::vector<Row>& rows, const J& survey) {
  for (const auto& item : survey.at("items")) {
    add_survey_mean(rows, "survey_pre", item, "", item.at("pre"));
    add_survey_mean(rows, "survey_post", item, "", item.at("post"));
    add_value(rows, "survey_shift", text_of(item, "id"), item.at("shift"));
  }
  if (auto g = survey.find("goals"); g != survey.end()) {
    for (const auto& goal : *g) {
      const std::string name = text_of(goal, "goal");
      add_value(rows, "goal_pre", name, goal.at("pre"));
      add_value(rows, "goal_post", name, goal.at("post"));
      add_value(rows, "goal_shift", name, goal.at("shift"));
    }
  }
  auto d = survey.find("discernment");
  if (d == survey.end()) return;
  for (const auto& v : d->at("vignettes")) {
    add_survey_mean(rows, "vignette_pre", v, text_of(v, "key"), v.at("pre"));
    add_survey_mean(rows, "vignette_post", v, text_of(v, "key"), v.at("post"));
  }
  for (const char* phase : {"pre", "post"}) {
    const J& score = d->at(phase);
    add_value(rows, std::string("discernment_") + phase, "",
              score.is_object() ? score.at("score") : J());
  }
  add_value(rows, "discernment_shift", "", d->at("shift"));
}

}  // namespace

std::string summary_to_csv(const nlohmann::ordered_json& summary,
                           const nlohmann::ordered_json& session) {
  std::vector<Row> rows;
  rows.push_back({"session", "", "id", "", text_of(session, "id"), "", "", "", ""});
  rows.push_back({"session", "", "name", "", text_of(session, "name"), "", "", "", ""});
  rows.push_back({"session", "", "language", "", text_of(session, "language"), "", "", "", ""});
  rows.push_back(
      {"session", "", "k", "", std::to_string(summary.at("k").get<int>()), "", "", "", ""});
  add_row_cells(rows, "stage", "", "", "", summary.at("stages"));
  for (const auto& f : summary.at("funnel")) {
    rows.push_back(
        {"funnel", "", "", "", text_of(f, "stage"), "", count_of(f), text_of(f, "shown"), ""});
  }
  for (const auto& s : summary.at("scenarios")) {
    const std::string sid = text_of(s, "id");
    add_row_cells(rows, "progress", sid, "", text_of(s, "title"), s.at("progress"));
    for (const auto& d : s.at("decisions"))
      add_row_cells(rows, "choice", sid, text_of(d, "node"), text_of(d, "title"), d);
    add_row_cells(rows, "ending", sid, "", "", s.at("endings"));
    // The skip route, in its own section: never one of the endings.
    if (const auto& e = s.at("endings"); e.contains("skipped")) {
      const J& sk = e.at("skipped");
      rows.push_back(
          {"skipped", sid, "", "", "skipped", "", count_of(sk), text_of(sk, "shown"), ""});
    }
    for (const auto& r : s.at("reflections")) {
      if (text_of(r, "kind") == "options") {
        add_row_cells(rows, "reflection", sid, text_of(r, "node"), text_of(r, "question"), r);
      } else {
        add_mean(rows, "reflection_scale", sid, text_of(r, "node"), text_of(r, "question"), r);
      }
      // Students who moved on without answering, apart from the answers (never one of them).
      if (const auto sk = r.find("skipped"); sk != r.end()) {
        rows.push_back({"reflection_skipped", sid, text_of(r, "node"), text_of(r, "question"),
                        "skipped", "", count_of(*sk), text_of(*sk, "shown"), ""});
      }
    }
  }
  add_survey_rows(rows, summary.at("survey"));
  std::string out = "\xEF\xBB\xBF";
  out +=
      "section,scenario,point,point_text,answer,answer_text,count,shown,mean,reversed,raw_mean,keyed_mean\r\n";
  for (const auto& r : rows) {
    for (const std::string* f :
         {&r.section, &r.scenario, &r.point, &r.point_text, &r.answer, &r.answer_text}) {
      out += csv_field(*f, true);
      out += ',';
    }
    // Numbers stay numbers: a shift of -0.50 must not be defused into text.
    out +=
        csv_field(r.count, false) + ',' + csv_field(r.shown, true) + ',' + csv_field(r.mean, false);
    out += ',' + csv_field(r.reversed, false) + ',' + csv_field(r.raw_mean, false) + ',' +
           csv_field(r.keyed_mean, false);
    out += "\r\n";
  }
  return out;
}

}  // namespace upstander::server
