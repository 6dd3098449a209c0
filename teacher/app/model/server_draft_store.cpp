// Drafts fetched into the page's files, saves and autosaves sent back, previews opened.
#include "server_draft_store.hpp"

#include <chrono>
#include <filesystem>

#include "upstander/author/file_io.hpp"

namespace upstander::dashboard {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kRoundTripsKept = 200;

// Gives a fetched pack the time it was saved on the server, so a recovery autosaved after
// that save counts as newer than the file (Autosaver::find compares the two).
void set_file_time(const std::string& path, std::int64_t ms) {
  using namespace std::chrono;
  const auto since = system_clock::time_point(milliseconds(ms)) - system_clock::now();
  std::error_code ec;
  fs::last_write_time(
      path, fs::file_time_type::clock::now() + duration_cast<fs::file_time_type::duration>(since),
      ec);
}

}  // namespace

ServerDraftStore::ServerDraftStore(ApiChannel& channel, std::string packs_dir,
                                   author::AutosaveSettings autosave, OpenTab open_tab,
                                   MsClock clock)
    : channel_(channel),
      packs_dir_(std::move(packs_dir)),
      autosave_(std::move(autosave)),
      open_tab_(std::move(open_tab)),
      clock_(clock ? std::move(clock) : MsClock([] {
        using namespace std::chrono;
        return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
      })) {}

void ServerDraftStore::fetch() {
  ready_ = false;
  problem_.clear();
  ++fetching_;
  channel_.send(api::drafts(), [this](const ApiResult& r) {
    --fetching_;
    if (!r.ok() || !r->body.is_object() || !r->body.contains("drafts") ||
        !r->body["drafts"].is_array()) {
      problem_ = "teacher.author.error.drafts";
      return;  // not ready: opening now could overwrite a draft the server has
    }
    for (const auto& d : r->body["drafts"]) {
      const std::string id = d.value("id", "");
      if (id.empty() || id.find('/') != std::string::npos || id.find('.') != std::string::npos)
        continue;
      ++fetching_;
      channel_.send(api::draft(id), [this](const ApiResult& one) {
        --fetching_;
        if (one.ok() && one->body.is_object())
          materialize(one->body);
        else
          problem_ = "teacher.author.error.drafts";
        ready_ = fetching_ == 0 && problem_.empty();
      });
    }
    ready_ = fetching_ == 0 && problem_.empty();
  });
}

void ServerDraftStore::materialize(const nlohmann::json& draft) {
  const std::string path = (fs::path(packs_dir_) / (draft.value("id", "") + ".json")).string();
  std::error_code ec;
  fs::create_directories(packs_dir_, ec);
  const bool has_text = draft.contains("text") && draft["text"].is_string();
  const bool has_autosave = draft.contains("autosave") && draft["autosave"].is_object();
  std::int64_t saved_ms = has_text ? draft.value("saved_ms", std::int64_t{0}) : 0;
  if (has_text) {
    if (!author::write_file_atomically(path, draft["text"].get<std::string>())) {
      problem_ = "teacher.author.error.drafts";
      return;
    }
  }
  if (!has_autosave) {
    if (has_text) set_file_time(path, saved_ms);
    return;
  }
  // The recovery file the native app would have left, written when the server says.
  const std::int64_t written_ms = draft["autosave"].value("written_ms", std::int64_t{0});
  if (has_text) set_file_time(path, std::min(saved_ms, written_ms));
  author::AutosaveSettings s = autosave_;
  s.interval = std::chrono::milliseconds(0);
  s.clock = [written_ms] {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(written_ms));
  };
  author::Autosaver recovery(path, s);
  if (!recovery.changed(draft["autosave"].value("text", "")))
    problem_ = "teacher.author.error.drafts";
}

std::string ServerDraftStore::id_of(const std::string& pack_path) const {
  const fs::path p(pack_path);
  std::error_code ec;
  if (!fs::equivalent(p.parent_path(), packs_dir_, ec)) return {};  // not one of the drafts
  return p.stem().string();
}

void ServerDraftStore::upload(const std::string& pack_path, const std::string& text,
                              bool autosave) {
  const std::string id = id_of(pack_path);
  if (id.empty()) return;
  ++in_flight_;
  const double sent = clock_();
  channel_.send(api::save_draft(id, text, autosave), [this, sent, autosave](const ApiResult& r) {
    --in_flight_;
    if (!r.ok()) {
      problem_ = "teacher.author.error.draft_upload";
      return;
    }
    problem_.clear();
    ++uploads_done_;
    if (!autosave) return;
    if (round_trips_.size() >= kRoundTripsKept) round_trips_.erase(round_trips_.begin());
    round_trips_.push_back(clock_() - sent);
  });
}

void ServerDraftStore::saved(const std::string& pack_path, const std::string& text) {
  upload(pack_path, text, false);
}

void ServerDraftStore::autosaved(const std::string& pack_path, const std::string& text) {
  upload(pack_path, text, true);
}

Result<void, std::string> ServerDraftStore::play(const PlayCommand& command) {
  if (command.pack_text.empty()) return fail("teacher.author.error.play_start");
  const std::string lang = command.language;
  channel_.send(api::preview(command.pack_text), [this, lang](const ApiResult& r) {
    if (!r.ok() || !r->body.is_object() || !r->body.contains("game") ||
        !r->body["game"].is_string()) {
      problem_ = "teacher.author.error.preview";
      return;
    }
    last_preview_ = r->body["game"].get<std::string>() + (lang.empty() ? "" : "&lang=" + lang);
    if (open_tab_) open_tab_(last_preview_);
  });
  return {};
}

}  // namespace upstander::dashboard
