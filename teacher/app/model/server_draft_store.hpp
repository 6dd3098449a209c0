// The browser dashboard's drafts: kept in the classroom server's data folder (its drafts/
// endpoints) and mirrored into the page's in-memory files, where the workspace edits them.
// At start every draft comes back, with its last autosave as a recovery file, so opening
// it offers the unsaved work as the native app does after a crash; each save and autosave
// goes to the server through the ApiChannel, in order. "Play from here" hands the pack to
// the server as a preview and opens the student game on it in a new tab.
#pragma once

#include <cstdint>
#include <functional>

#include "api_channel.hpp"
#include "draft_store.hpp"
#include "upstander/author/autosave.hpp"

namespace upstander::dashboard {

class ServerDraftStore final : public DraftStore {
 public:
  using OpenTab = std::function<void(const std::string& url)>;
  using MsClock = std::function<double()>;  // a monotonic clock in ms (round trips)

  ServerDraftStore(ApiChannel& channel, std::string packs_dir, author::AutosaveSettings autosave,
                   OpenTab open_tab, MsClock clock = {});

  // Reads every draft from the server (again) into packs_dir.
  void fetch();
  bool ready() const override { return ready_; }
  std::string problem() const override { return problem_; }
  void saved(const std::string& pack_path, const std::string& text) override;
  void autosaved(const std::string& pack_path, const std::string& text) override;
  Result<void, std::string> play(const PlayCommand& command) override;

  // Saves and autosaves sent and not yet answered.
  int unsent() const { return in_flight_; }
  std::uint64_t uploads_done() const { return uploads_done_; }
  // The last autosaves' round trips (ms), oldest first, at most 200 (bench/web_author.mjs).
  const std::vector<double>& autosave_round_trips() const { return round_trips_; }
  // The address of the last preview tab opened ("" before any).
  const std::string& last_preview() const { return last_preview_; }

 private:
  void upload(const std::string& pack_path, const std::string& text, bool autosave);
  void materialize(const nlohmann::json& draft);
  std::string id_of(const std::string& pack_path) const;

  ApiChannel& channel_;
  std::string packs_dir_;
  author::AutosaveSettings autosave_;
  OpenTab open_tab_;
  MsClock clock_;
  bool ready_ = false;
  int fetching_ = 0;
  int in_flight_ = 0;
  std::uint64_t uploads_done_ = 0;
  std::string problem_;
  std::vector<double> round_trips_;
  std::string last_preview_;
};

}  // namespace upstander::dashboard
