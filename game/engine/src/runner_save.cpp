// Saving and restoring a playthrough by ids, so that saves survive content edits.
#include <nlohmann/json.hpp>

#include "upstander/runner.hpp"

namespace upstander {

namespace {

constexpr int kSaveVersion = 1;

nlohmann::json values_json(const Scenario& s, const std::vector<std::int64_t>& values) {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < s.variables.size() && i < values.size(); ++i)
    out[s.variables[i].id] = values[i];
  return out;
}

// Missing variables (added since the save) start at their initial value; unknown ones
// (removed since) are dropped.
std::vector<std::int64_t> values_from(const Scenario& s, const nlohmann::json& j,
                                      std::vector<std::string>& notes) {
  std::vector<std::int64_t> values = s.initial_values();
  if (!j.is_object()) return values;
  for (const auto& [key, v] : j.items()) {
    const auto it = s.variable_index.find(key);
    if (it == s.variable_index.end() || !v.is_number_integer()) {
      notes.push_back("dropped variable " + key);
      continue;
    }
    values[static_cast<std::size_t>(it->second)] = v.get<std::int64_t>();
  }
  return values;
}

}  // namespace

std::string_view name_of(RestoreError e) {
  switch (e) {
    case RestoreError::None: return "none";
    case RestoreError::NotASave: return "not-a-save";
    case RestoreError::OtherScenario: return "other-scenario";
    case RestoreError::NodeGone: return "node-gone";
  }
  return "?";
}

nlohmann::json Runner::save() const {
  nlohmann::json j;
  j["save_version"] = kSaveVersion;
  j["scenario"] = s_->id;
  j["node"] = started() ? node().id : "";
  j["perspective"] = perspective_;
  j["values"] = values_json(*s_, values_);
  j["arrival"] = values_json(*s_, arrival_);
  j["seq"] = seq_;
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& [node_id, a] : answers_) {
    answers[node_id] = a.option.empty() ? nlohmann::json{{"value", a.value}}
                                        : nlohmann::json{{"option", a.option}};
  }
  j["answers"] = std::move(answers);
  nlohmann::json history = nlohmann::json::array();
  for (const auto& h : history_) {
    history.push_back({{"node", s_->nodes[static_cast<std::size_t>(h.node)].id},
                       {"perspective", h.perspective},
                       {"values", values_json(*s_, h.values)},
                       {"arrival", values_json(*s_, h.arrival)}});
  }
  j["history"] = std::move(history);
  return j;
}

struct RunnerRestorer {
  static RestoreResult restore(const Scenario& s, const nlohmann::json& j) {
    RestoreResult r;
    if (!j.is_object() || !j.contains("save_version") || !j.contains("scenario") ||
        !j.contains("node") || !j["scenario"].is_string() || !j["node"].is_string()) {
      r.error = RestoreError::NotASave;
      return r;
    }
    if (j["scenario"].get<std::string>() != s.id) {
      r.error = RestoreError::OtherScenario;
      r.detail = j["scenario"].get<std::string>();
      return r;
    }
    const std::string node_id = j["node"].get<std::string>();
    const auto it = s.node_index.find(node_id);
    if (it == s.node_index.end()) {
      r.error = RestoreError::NodeGone;
      r.detail = node_id;
      return r;
    }
    Runner runner(s);
    runner.node_ = it->second;
    runner.perspective_ = j.value("perspective", s.player.id);
    if (!s.find_character(runner.perspective_)) runner.perspective_ = s.player.id;
    runner.values_ = values_from(s, j.value("values", nlohmann::json::object()), r.notes);
    runner.arrival_ = values_from(s, j.value("arrival", nlohmann::json::object()), r.notes);
    const auto seq = j.value("seq", nlohmann::json(0));
    runner.seq_ = seq.is_number_unsigned() ? seq.get<std::uint32_t>() : 0;
    if (auto answers = j.value("answers", nlohmann::json::object()); answers.is_object()) {
      for (const auto& [nid, a] : answers.items()) {
        if (!s.node_index.count(nid) || !a.is_object()) continue;
        ReflectionAnswer ans;
        if (a.contains("option") && a["option"].is_string())
          ans.option = a["option"].get<std::string>();
        if (a.contains("value") && a["value"].is_number_integer())
          ans.value = a["value"].get<int>();
        runner.answers_[nid] = ans;
      }
    }
    if (auto history = j.value("history", nlohmann::json::array()); history.is_array()) {
      for (const auto& h : history) {
        const std::string hid = h.is_object() ? h.value("node", "") : "";
        const auto hit = s.node_index.find(hid);
        if (hit == s.node_index.end()) {
          // A step back to a node that no longer exists would jump over the edit; going
          // back stops at the edit instead.
          runner.history_.clear();
          r.notes.push_back("history cut at removed node " + hid);
          continue;
        }
        Runner::Snapshot snap;
        snap.node = hit->second;
        snap.perspective = h.value("perspective", s.player.id);
        snap.values = values_from(s, h.value("values", nlohmann::json::object()), r.notes);
        snap.arrival = values_from(s, h.value("arrival", nlohmann::json::object()), r.notes);
        runner.history_.push_back(std::move(snap));
      }
    }
    r.runner = std::move(runner);
    return r;
  }
};

RestoreResult restore_runner(const Scenario& s, const nlohmann::json& save) {
  try {
    return RunnerRestorer::restore(s, save);
  } catch (const nlohmann::json::exception&) {
    // A hand-edited or corrupted save with odd types; starting over is the honest answer.
    RestoreResult r;
    r.error = RestoreError::NotASave;
    return r;
  }
}

}  // namespace upstander
