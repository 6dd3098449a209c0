// Reading the server's JSON defensively: a field of the wrong type makes the whole answer
// unreadable rather than half-read.
#include "api_types.hpp"

#include <nlohmann/json.hpp>

namespace upstander::dashboard {

namespace {

using json = nlohmann::json;

// Thrown only inside this file, when a required field is missing or mistyped.
struct Unreadable {};

const json& field(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) throw Unreadable{};
  return j.at(key);
}

std::string str(const json& j, const char* key, bool required = false) {
  if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) {
    if (required) throw Unreadable{};
    return {};
  }
  if (!j.at(key).is_string()) throw Unreadable{};
  return j.at(key).get<std::string>();
}

std::int64_t num(const json& j, const char* key, std::int64_t fallback = 0) {
  if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) return fallback;
  if (!j.at(key).is_number_integer()) throw Unreadable{};
  return j.at(key).get<std::int64_t>();
}

int small_num(const json& j, const char* key, int fallback = 0) {
  return static_cast<int>(num(j, key, fallback));
}

bool flag(const json& j, const char* key, bool fallback = false) {
  if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) return fallback;
  if (!j.at(key).is_boolean()) throw Unreadable{};
  return j.at(key).get<bool>();
}

std::optional<double> real(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || j.at(key).is_null()) return std::nullopt;
  if (!j.at(key).is_number()) throw Unreadable{};
  return j.at(key).get<double>();
}

Cell read_cell(const json& j) {
  Cell c;
  const std::string shown = str(j, "shown", true);
  if (shown == "count") {
    c.shown = Shown::Count;
    const json& n = field(j, "count");
    if (!n.is_number_integer()) throw Unreadable{};
    c.count = n.get<std::int64_t>();
  } else if (shown == "fewer_than_k") {
    c.shown = Shown::FewerThanK;
  } else if (shown == "hidden") {
    c.shown = Shown::Hidden;
  } else {
    throw Unreadable{};
  }
  c.id = str(j, "id");
  if (c.id.empty()) c.id = str(j, "stage");
  c.text = str(j, "text");
  if (c.text.empty()) c.text = str(j, "title");
  c.outcome = str(j, "outcome");
  c.harmful = flag(j, "harmful");
  return c;
}

Row read_row(const json& j) {
  Row r;
  r.total = read_cell(field(j, "total"));
  const json& cells = field(j, "cells");
  if (!cells.is_array()) throw Unreadable{};
  for (const auto& c : cells) r.cells.push_back(read_cell(c));
  r.most = str(j, "most");
  return r;
}

MeanValue read_mean(const json& j) {
  MeanValue m;
  m.n = read_cell(field(j, "n"));
  m.mean = real(j, "mean");
  return m;
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.is_object() || !j.contains(key)) return out;
  const json& a = j.at(key);
  if (!a.is_array()) throw Unreadable{};
  for (const auto& s : a) {
    if (!s.is_string()) throw Unreadable{};
    out.push_back(s.get<std::string>());
  }
  return out;
}

std::map<std::string, std::string> by_locale(const json& j, const char* key) {
  std::map<std::string, std::string> out;
  if (!j.is_object() || !j.contains(key) || !j.at(key).is_object()) return out;
  for (const auto& [locale, text] : j.at(key).items()) {
    if (text.is_string()) out[locale] = text.get<std::string>();
  }
  return out;
}

SessionInfo read_session(const json& j) {
  SessionInfo s;
  s.id = str(j, "id", true);
  s.name = str(j, "name");
  s.code = str(j, "code");
  s.state = str(j, "state", true);
  s.language = str(j, "language");
  s.k = small_num(j, "k", 5);
  s.collect = flag(j, "collect", true);
  s.max_players = small_num(j, "max_players");
  s.players = small_num(j, "players");
  s.scenarios = strings(j, "scenarios");
  s.survey = flag(j, "survey");
  s.created_at = num(j, "created_at");
  s.ended_at = num(j, "ended_at");
  s.raw_data = str(j, "raw_data");
  s.purge_at = num(j, "purge_at");
  return s;
}

ScenarioResults read_scenario(const json& j) {
  ScenarioResults s;
  s.id = str(j, "id", true);
  s.title = str(j, "title");
  s.progress = read_row(field(j, "progress"));
  if (j.contains("decisions")) {
    for (const auto& d : field(j, "decisions")) {
      s.decisions.push_back({str(d, "node", true), str(d, "scene"), read_row(d), str(d, "title")});
    }
  }
  if (j.contains("endings")) {
    s.endings = read_row(field(j, "endings"));
    if (field(j, "endings").contains("skipped"))
      s.skipped = read_cell(field(field(j, "endings"), "skipped"));
  }
  s.player_targeted = flag(j, "player_targeted");
  if (j.contains("reflections")) {
    for (const auto& r : field(j, "reflections")) {
      Reflection x;
      x.node = str(r, "node", true);
      x.question = str(r, "question");
      x.scale = str(r, "kind") == "scale";
      if (x.scale)
        x.value = read_mean(r);
      else
        x.row = read_row(r);
      if (r.contains("skipped")) x.skipped = read_cell(field(r, "skipped"));
      s.reflections.push_back(std::move(x));
    }
  }
  return s;
}

SurveyResult read_survey_question(const json& item, const char* group_key) {
  SurveyResult r;
  r.id = str(item, "id", true);
  r.goal = str(item, group_key);
  r.text_a = str(item, "text_a");
  r.text_b = str(item, "text_b");
  r.disagree_is_good = str(item, "good") == "disagree";
  r.pre = read_mean(field(item, "pre"));
  r.post = read_mean(field(item, "post"));
  r.pre_raw = real(field(item, "pre"), "raw_mean");
  r.post_raw = real(field(item, "post"), "raw_mean");
  r.shift = real(item, "shift");
  return r;
}

void read_survey_results(const json& survey, Summary& s) {
  for (const auto& item : field(survey, "items"))
    s.survey.push_back(read_survey_question(item, "goal"));
  if (survey.contains("goals")) {
    for (const auto& g : field(survey, "goals")) {
      s.survey_goals.push_back(
          {str(g, "goal", true), real(g, "pre"), real(g, "post"), real(g, "shift")});
    }
  }
  if (!survey.contains("discernment")) return;
  const json& d = field(survey, "discernment");
  DiscernmentResult r;
  // A phase's score is an object (score, benign_ok, harmful_ok) or null while hidden.
  const auto score = [&](const char* key) -> std::optional<double> {
    const json& v = field(d, key);
    return v.is_object() ? real(v, "score") : std::nullopt;
  };
  r.pre = score("pre");
  r.post = score("post");
  r.shift = real(d, "shift");
  for (const auto& v : field(d, "vignettes")) {
    SurveyResult x = read_survey_question(v, "key");
    // A vignette's shift is the keyed change of its "OK" rating.
    if (x.pre.mean && x.post.mean) x.shift = *x.post.mean - *x.pre.mean;
    r.vignettes.push_back(std::move(x));
  }
  s.discernment = std::move(r);
}

template <typename T, typename F>
std::optional<T> readable(F read) {
  try {
    return read();
  } catch (const Unreadable&) {
    return std::nullopt;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

const std::string& CatalogScenario::title_in(const std::string& language) const {
  static const std::string none;
  if (auto it = title.find(language); it != title.end()) return it->second;
  return title.empty() ? none : title.begin()->second;
}

std::optional<SessionInfo> parse_session(const json& j) {
  return readable<SessionInfo>([&] { return read_session(j); });
}

std::optional<Summary> parse_summary(const json& j) {
  return readable<Summary>([&] {
    Summary s;
    s.session = read_session(field(j, "session"));
    s.k = small_num(j, "k", s.session.k);
    s.stages = read_row(field(j, "stages"));
    for (const auto& f : field(j, "funnel")) s.funnel.push_back(read_cell(f));
    for (const auto& sc : field(j, "scenarios")) s.scenarios.push_back(read_scenario(sc));
    if (j.contains("survey")) read_survey_results(field(j, "survey"), s);
    return s;
  });
}

std::optional<Catalog> parse_catalog(const json& j) {
  return readable<Catalog>([&] {
    Catalog c;
    for (const auto& s : field(j, "scenarios")) {
      CatalogScenario x;
      x.id = str(s, "id", true);
      x.source = str(s, "source");
      x.replaces_builtin = flag(s, "replaces_builtin");
      x.locales = strings(s, "locales");
      x.title = by_locale(s, "title");
      x.summary = by_locale(s, "summary");
      x.minutes = small_num(s, "minutes");
      if (s.contains("review")) {
        const json& r = s.at("review");
        x.review = {str(r, "status"), str(r, "by"), str(r, "date")};
      }
      x.warnings = small_num(s, "warnings");
      c.scenarios.push_back(std::move(x));
    }
    if (j.contains("survey")) {
      c.survey_available = flag(j.at("survey"), "available");
      c.survey_items = small_num(j.at("survey"), "items");
    }
    return c;
  });
}

std::optional<ServerSettings> parse_settings(const json& j) {
  return readable<ServerSettings>([&] {
    ServerSettings s;
    s.retention_days = small_num(j, "retention_days", 7);
    s.default_k = small_num(j, "default_k", 5);
    s.default_max_players = small_num(j, "default_max_players", 60);
    if (j.contains("limits")) {
      const json& l = j.at("limits");
      if (l.contains("retention_days"))
        s.retention_max = small_num(l.at("retention_days"), "max", 30);
      if (l.contains("k")) {
        s.k_min = small_num(l.at("k"), "min", 3);
        s.k_max = small_num(l.at("k"), "max", 100);
      }
    }
    return s;
  });
}

}  // namespace upstander::dashboard
