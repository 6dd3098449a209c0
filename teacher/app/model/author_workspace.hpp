// Author mode without any drawing: which pack is open (a copy of a shipped scenario in the
// teacher's folder, any file, or a new one), unsaved work offered back after a crash, the
// selected node, edits through the author library's commands, the map and statistics laid
// out once per edit (not per frame), autosave on the frame loop and what the save state
// says, and the files and command line of "play from here". Tests drive it headless.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "draft_store.hpp"
#include "upstander/author/document.hpp"
#include "upstander/content_library.hpp"

namespace upstander::dashboard {

struct AuthorConfig {
  std::string packs_dir;  // copies of shipped scenarios and new packs (~/Upstander/packs)
  author::AutosaveSettings autosave;
  std::string game_exe;     // the student game, for "play from here"
  std::string content_dir;  // the game's words and help
  std::string assets_dir;
  std::string preview_dir;  // where "play from here" writes its file
  // Where the drafts are kept; nullptr: this computer's files (a FileDraftStore).
  DraftStore* store = nullptr;
  bool packs_on_server = false;  // the open screen says where the copies go
};

// What the toolbar says about the work.
enum class SaveState { Saved, Unsaved, Autosaved, Failed };

struct ShippedScenario {
  std::string id;
  std::string path;
  const Scenario* scenario = nullptr;
};

class AuthorWorkspace {
 public:
  AuthorWorkspace(const ContentLibrary& lib, AuthorConfig config);
  ~AuthorWorkspace();
  AuthorWorkspace(const AuthorWorkspace&) = delete;
  AuthorWorkspace& operator=(const AuthorWorkspace&) = delete;

  const AuthorConfig& config() const { return config_; }
  const std::vector<ShippedScenario>& shipped() const { return shipped_; }
  // Where opening shipped scenario `id` puts the teacher's copy.
  std::string copy_path(const std::string& id) const;

  // The drafts are there to open (a server's have come back).
  bool drafts_ready() const { return store_->ready(); }
  DraftStore& store() { return *store_; }
  // The ids of the packs in packs_dir, sorted (listed again after a save or create).
  const std::vector<std::string>& draft_ids();
  bool open_draft(const std::string& id) { return open_file(copy_path(id)); }

  // Each returns false with message() set when nothing was opened. Opening a shipped
  // scenario copies it into packs_dir as a draft the first time, and opens the teacher's
  // copy after that; content/ is never written.
  bool open_shipped(const std::string& id);
  bool open_file(const std::string& path);
  bool create_blank(const std::string& id);
  bool is_open() const { return doc_ != nullptr; }
  author::Document& doc() { return *doc_; }
  const author::Document& doc() const { return *doc_; }
  // Keeps the recovery file when there are unsaved changes (a close is like a crash).
  void close();

  // Unsaved work from an earlier session, newer than the file: restore it or keep the file.
  const std::optional<author::Recovery>& recovery() const { return recovery_; }
  bool accept_recovery();
  void decline_recovery() { recovery_.reset(); }

  // The last thing to tell the author: a locale key under teacher.author.* and its detail.
  const std::string& message_key() const { return message_key_; }
  const std::string& message_detail() const { return message_detail_; }
  void clear_message() { message_key_.clear(), message_detail_.clear(); }

  const std::string& selected() const { return selected_; }
  void select(const std::string& node_id);

  // Every change goes through here; a refused edit leaves message() set. `typing`: a
  // keystroke in a text or number field, folded with the field's earlier keystrokes into
  // one undo step until end_typing() (the UI calls it when no field has the focus).
  bool apply(const author::EditCommand& command, bool typing = false);
  void end_typing() {
    if (doc_) doc_->end_typing();
  }
  // A new node right after the selected one (at the end when none), then selected.
  bool add_node(const std::string& id, NodeKind kind);
  // Deletes the selected node; links to it go to `redirect_to` when given (else they are
  // left for the author to fix). The redirect target, or the node before, is selected.
  bool delete_selected(const std::string& redirect_to);
  // The nodes whose next, choices, route or skip lead to `id`: what a delete would break.
  std::vector<std::string> linking_to(const std::string& id) const;
  bool undo();
  bool redo();

  // Recomputed only when the document's revision changed.
  const author::MapLayout& map();
  const author::LiveDiagnostics& diagnostics() { return doc_->diagnostics(); }
  const author::AuthorStats& stats();
  std::uint64_t layouts_made() const { return layouts_; }

  // Reviewed by review_by_input, today (the teacher's time zone).
  bool mark_reviewed();

  bool save();
  // From the frame loop: writes the recovery file when the interval has passed.
  void tick();
  SaveState save_state() const;

  // Writes the pack with its start at `node` into preview_dir and returns the game's
  // command line; nullopt (message set) while the pack has errors.
  std::optional<PlayCommand> play_from(const std::string& node, const std::string& language);
  // Starts the game (a child process, or a browser tab); false when it could not.
  bool launch(const PlayCommand& command);

  // Text fields of the open screen and the node editor's scratch values.
  std::string path_input;
  std::string new_id_input;
  std::string new_choice_input;
  std::string review_by_input;
  std::string new_node_input;
  NodeKind new_node_kind = NodeKind::Narration;
  std::string rename_input;
  bool confirm_delete = false;  // the delete dialog is open for the selected node
  std::string delete_redirect;  // "" = leave the links to fix
  std::string new_character_input;
  std::string new_thread_input;
  std::string new_option_input;
  std::string new_source_input;
  bool show_characters = false;
  bool show_variables = false;  // the variables page
  bool show_settings = false;   // the pack's header: languages, audience, minutes, goals ...
  bool reveal_page = false;     // a page was opened: the editor column scrolls to it once
  // "route", "choices" or "skip": the node editor scrolls to that part of the node once.
  std::string reveal_section;
  std::string new_variable_input;
  std::string rename_variable_from;  // the variable whose rename field is open
  std::string rename_variable_input;
  std::string rename_character_from;
  std::string rename_character_input;
  std::string new_locale_input;
  std::string sources_layer = "rules";  // the debrief layer whose sources the ending editor shows
  // Set when the selection changed from outside the map (a diagnostic, opening): the map
  // scrolls to it once and clears this.
  bool reveal_selection = false;
  // Set with reveal_selection and by adding or deleting a node: the editor column scrolls
  // to the node's editor once and clears this.
  bool reveal_in_editor = false;

 private:
  bool adopt(author::OpenResult r, const std::string& path);
  void fail(const std::string& key, const std::string& detail);

  const ContentLibrary& lib_;
  AuthorConfig config_;
  std::unique_ptr<DraftStore> own_store_;
  DraftStore* store_ = nullptr;
  std::vector<std::string> draft_ids_;
  bool drafts_listed_ = false;
  bool store_was_ready_ = false;
  std::vector<ShippedScenario> shipped_;
  std::unique_ptr<author::Document> doc_;
  std::optional<author::Recovery> recovery_;
  std::string message_key_, message_detail_;
  std::string selected_;
  std::optional<author::MapLayout> map_;
  std::uint64_t map_revision_ = 0;
  std::optional<author::AuthorStats> stats_;
  std::uint64_t stats_revision_ = 0;
  std::uint64_t layouts_ = 0;
  bool save_failed_ = false;
  bool autosaved_ = false;  // a recovery file was written since the last save
  std::uint64_t autosave_writes_seen_ = 0;
};

}  // namespace upstander::dashboard
