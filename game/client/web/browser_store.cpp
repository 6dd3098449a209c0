// localStorage through EM_JS, with the session and the outbox as JSON.
#include "browser_store.hpp"

#include <emscripten.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

// clang-format off
// 1 when stored; 0 when the browser refuses (quota, storage turned off).
EM_JS(int, upstander_storage_set, (const char* key, const char* value), {
  try { localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); return 1; } catch (e) { return 0; }
});

// The value's size in UTF-8 bytes, or -1 when there is none.
EM_JS(int, upstander_storage_size, (const char* key), {
  try {
    const v = localStorage.getItem(UTF8ToString(key));
    return v === null ? -1 : lengthBytesUTF8(v);
  } catch (e) { return -1; }
});

EM_JS(void, upstander_storage_get, (const char* key, char* out, int size), {
  stringToUTF8(localStorage.getItem(UTF8ToString(key)) || "", out, size + 1);
});

EM_JS(int, upstander_storage_remove, (const char* key), {
  try { localStorage.removeItem(UTF8ToString(key)); return 1; } catch (e) { return 0; }
});
// clang-format on

namespace upstander::client::web {

namespace {

std::optional<std::string> get(const std::string& key) {
  const int size = upstander_storage_size(key.c_str());
  if (size < 0) return std::nullopt;
  std::string out(static_cast<std::size_t>(size) + 1, '\0');
  upstander_storage_get(key.c_str(), out.data(), size);
  out.resize(static_cast<std::size_t>(size));
  return out;
}

bool set(const std::string& key, const std::string& value) {
  return upstander_storage_set(key.c_str(), value.c_str()) == 1;
}

// {"next_ord": N, "events": [{"ord", "id", "body"}]}: one value, so a write is all or none.
struct Outbox {
  std::int64_t next_ord = 1;
  std::vector<QueuedEvent> events;
};

Outbox read_outbox(const std::string& key) {
  Outbox o;
  const auto text = get(key);
  if (!text) return o;
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  if (!j.is_object()) return o;
  o.next_ord = j.value("next_ord", std::int64_t{1});
  if (j.contains("events") && j["events"].is_array()) {
    for (const auto& e : j["events"]) {
      if (!e.is_object()) continue;
      o.events.push_back({e.value("ord", std::int64_t{0}), e.value("id", ""), e.value("body", "")});
    }
  }
  return o;
}

bool write_outbox(const std::string& key, const Outbox& o) {
  nlohmann::json j = {{"next_ord", o.next_ord}, {"events", nlohmann::json::array()}};
  for (const auto& e : o.events)
    j["events"].push_back({{"ord", e.ord}, {"id", e.id}, {"body", e.body}});
  return set(key, j.dump());
}

}  // namespace

BrowserStore::BrowserStore(std::string prefix) : prefix_(std::move(prefix)) {}

bool BrowserStore::save_session(const SavedSession& s) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : s.files)
    files.push_back({{"name", f.name}, {"type", f.type}, {"sha256", f.sha256}, {"text", f.text}});
  const nlohmann::json j = {{"host", s.server.host},
                            {"port", s.server.port},
                            {"session_id", s.session_id},
                            {"token", s.token},
                            {"language", s.language},
                            {"content_hash", s.content_hash},
                            {"collect", s.collect},
                            {"survey_order", std::string(name_of(s.survey_order))},
                            {"pseudonym",
                             {{"adjective", s.pseudonym.adjective},
                              {"animal", s.pseudonym.animal},
                              {"number", s.pseudonym.number}}},
                            {"files", files}};
  // The old session's outbox goes first: an event is never sent with another session's token.
  Outbox keep = read_outbox(prefix_ + "outbox");
  keep.events.clear();
  return write_outbox(prefix_ + "outbox", keep) && set(prefix_ + "session", j.dump());
}

std::optional<SavedSession> BrowserStore::load_session() {
  const auto text = get(prefix_ + "session");
  if (!text) return std::nullopt;
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  if (!j.is_object() || !j.contains("token") || !j["token"].is_string()) return std::nullopt;
  SavedSession s;
  s.server = {j.value("host", ""), j.value("port", kDefaultServerPort)};
  s.session_id = j.value("session_id", "");
  s.token = j.value("token", "");
  s.language = j.value("language", "");
  s.content_hash = j.value("content_hash", "");
  s.collect = j.value("collect", true);
  s.survey_order = parse_survey_order(j.value("survey_order", "AB")).value_or(SurveyOrder::AB);
  if (j.contains("pseudonym") && j["pseudonym"].is_object()) {
    const auto& p = j["pseudonym"];
    s.pseudonym = {p.value("adjective", ""), p.value("animal", ""), p.value("number", 0)};
  }
  if (j.contains("files") && j["files"].is_array()) {
    for (const auto& f : j["files"]) {
      if (f.is_object())
        s.files.push_back(
            {f.value("name", ""), f.value("type", ""), f.value("sha256", ""), f.value("text", "")});
    }
  }
  if (s.token.empty()) return std::nullopt;
  return s;
}

bool BrowserStore::enqueue(const std::vector<std::pair<std::string, std::string>>& id_and_body) {
  Outbox o = read_outbox(prefix_ + "outbox");
  for (const auto& [id, body] : id_and_body) o.events.push_back({o.next_ord++, id, body});
  return write_outbox(prefix_ + "outbox", o);
}

std::vector<QueuedEvent> BrowserStore::peek(std::size_t max) {
  Outbox o = read_outbox(prefix_ + "outbox");
  std::sort(o.events.begin(), o.events.end(),
            [](const QueuedEvent& a, const QueuedEvent& b) { return a.ord < b.ord; });
  if (o.events.size() > max) o.events.resize(max);
  return o.events;
}

bool BrowserStore::remove(const std::vector<std::string>& ids) {
  Outbox o = read_outbox(prefix_ + "outbox");
  const std::set<std::string> gone(ids.begin(), ids.end());
  std::erase_if(o.events, [&](const QueuedEvent& e) { return gone.count(e.id) > 0; });
  return write_outbox(prefix_ + "outbox", o);
}

std::size_t BrowserStore::count() {
  return read_outbox(prefix_ + "outbox").events.size();
}

bool BrowserStore::clear_outbox() {
  Outbox o = read_outbox(prefix_ + "outbox");
  o.events.clear();  // next_ord stays: an order number is never reused
  return write_outbox(prefix_ + "outbox", o);
}

bool BrowserStore::forget() {
  return upstander_storage_remove((prefix_ + "session").c_str()) == 1 && clear_outbox();
}

}  // namespace upstander::client::web
