// Author mode's state above the author library: opening, recovering, selecting, editing,
// saving, and the caches that keep big packs fast to draw.
#include "author_workspace.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "file_draft_store.hpp"
#include "upstander/author/file_io.hpp"
#include "upstander/author/pack_template.hpp"
#include "upstander/canonical_json.hpp"

namespace upstander::dashboard {

namespace fs = std::filesystem;

AuthorWorkspace::AuthorWorkspace(const ContentLibrary& lib, AuthorConfig config)
    : lib_(lib), config_(std::move(config)) {
  if (!config_.store) own_store_ = std::make_unique<FileDraftStore>();
  store_ = config_.store ? config_.store : own_store_.get();
  for (const auto& f : lib_.files()) {
    const Scenario* s = f.scenario();
    if (!s || !f.ok() || !f.source) continue;
    shipped_.push_back({s->id, f.source->path(), s});
  }
  std::sort(shipped_.begin(), shipped_.end(), [](const auto& a, const auto& b) {
    return a.scenario->order != b.scenario->order ? a.scenario->order < b.scenario->order
                                                  : a.id < b.id;
  });
}

AuthorWorkspace::~AuthorWorkspace() = default;

std::string AuthorWorkspace::copy_path(const std::string& id) const {
  return (fs::path(config_.packs_dir) / (id + ".json")).string();
}

void AuthorWorkspace::fail(const std::string& key, const std::string& detail) {
  message_key_ = key;
  message_detail_ = detail;
}

bool AuthorWorkspace::adopt(author::OpenResult r, const std::string& path) {
  if (!r.ok()) {
    fail("teacher.author.error.open", r.error().message.empty() ? path : r.error().message);
    return false;
  }
  doc_ = std::move(r->document);
  recovery_ =
      r->recovery && r->recovery->newer_than_pack && fs::exists(path) ? r->recovery : std::nullopt;
  selected_ = doc_->scenario().start.id;
  reveal_selection = true;
  map_.reset();
  stats_.reset();
  save_failed_ = false;
  autosaved_ = false;
  autosave_writes_seen_ = doc_->autosaver().writes();
  clear_message();
  return true;
}

const std::vector<std::string>& AuthorWorkspace::draft_ids() {
  // Listed again once the store has its drafts in place, and after saves (below).
  if (store_->ready() != store_was_ready_)
    drafts_listed_ = false, store_was_ready_ = store_->ready();
  if (drafts_listed_) return draft_ids_;
  draft_ids_.clear();
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(config_.packs_dir, ec))
    if (e.path().extension() == ".json") draft_ids_.push_back(e.path().stem().string());
  std::sort(draft_ids_.begin(), draft_ids_.end());
  drafts_listed_ = true;
  return draft_ids_;
}

bool AuthorWorkspace::open_file(const std::string& path) {
  if (!store_->ready()) {
    // Opening before the drafts are in place would copy a shipped scenario over the
    // teacher's own copy on the server.
    fail("teacher.author.open.loading", "");
    return false;
  }
  if (path.empty()) {
    fail("teacher.author.error.open", path);
    return false;
  }
  return adopt(author::Document::open(path, config_.autosave), path);
}

bool AuthorWorkspace::open_shipped(const std::string& id) {
  if (!store_->ready()) {
    fail("teacher.author.open.loading", "");
    return false;
  }
  const auto it =
      std::find_if(shipped_.begin(), shipped_.end(), [&](const auto& s) { return s.id == id; });
  if (it == shipped_.end()) {
    fail("teacher.author.error.open", id);
    return false;
  }
  const std::string copy = copy_path(id);
  if (fs::exists(copy)) return open_file(copy);  // the teacher's earlier work on it
  const auto bytes = author::read_whole_file(it->path);
  std::error_code ec;
  fs::create_directories(config_.packs_dir, ec);
  const auto written = bytes ? author::write_file_atomically(copy, *bytes)
                             : IoResult<void>(upstander::fail(bytes.error()));
  if (!written) {
    fail("teacher.author.error.copy", written.error().message);
    return false;
  }
  if (!open_file(copy)) return false;
  // The copy is the teacher's adaptation: it is a draft until they review it themselves.
  if (doc_->scenario().review.status != ReviewStatus::Draft) {
    // Cannot be refused: the status differs and an empty date is allowed.
    (void)doc_->apply(author::edit::SetReview{ReviewStatus::Draft, "", ""});
    save();
  }
  return true;
}

bool AuthorWorkspace::create_blank(const std::string& id) {
  if (!store_->ready()) {
    fail("teacher.author.open.loading", "");
    return false;
  }
  Scenario probe;
  if (!author::apply_edit(probe, author::edit::SetScenarioId{id}).ok()) {
    fail("teacher.author.error.bad_id", id);
    return false;
  }
  const std::string path = copy_path(id);
  if (fs::exists(path)) {
    fail("teacher.author.error.exists", path);
    return false;
  }
  std::error_code ec;
  fs::create_directories(config_.packs_dir, ec);
  doc_ = author::Document::create(path, author::blank_scenario(id, {"ko", "en"}), config_.autosave);
  autosave_writes_seen_ = doc_->autosaver().writes();
  recovery_.reset();
  selected_ = doc_->scenario().start.id;
  reveal_selection = true;
  map_.reset();
  stats_.reset();
  clear_message();
  return save();
}

void AuthorWorkspace::close() {
  doc_.reset();
  recovery_.reset();
  selected_.clear();
  map_.reset();
  stats_.reset();
}

bool AuthorWorkspace::accept_recovery() {
  if (!recovery_ || !doc_) return false;
  const bool ok = doc_->restore(*recovery_);
  recovery_.reset();
  if (!ok) fail("teacher.author.error.recovery", "");
  return ok;
}

void AuthorWorkspace::select(const std::string& node_id) {
  if (doc_ && doc_->scenario().find_node(node_id) && node_id != selected_) {
    selected_ = node_id;
    reveal_selection = true;
    reveal_in_editor = true;
    confirm_delete = false;  // a delete confirmed for one node never applies to another
  }
}

bool AuthorWorkspace::apply(const author::EditCommand& command, bool typing) {
  const author::EditResult r = doc_->apply(command, typing);
  if (r.ok()) {
    clear_message();
    // A renamed or added node stays selected under its new id.
    if (const auto* rn = std::get_if<author::edit::RenameNode>(&command); rn && rn->id == selected_)
      selected_ = rn->new_id;
    if (const auto* an = std::get_if<author::edit::AddNode>(&command)) {
      selected_ = an->id;
      reveal_selection = reveal_in_editor = true;
    }
    if (!doc_->scenario().find_node(selected_)) selected_ = doc_->scenario().start.id;
    return true;
  }
  if (r.error().code != author::EditError::NoChange)
    fail("teacher.author.refused." + std::string(author::name_of(r.error().code)),
         r.error().detail);
  return false;
}

bool AuthorWorkspace::add_node(const std::string& id, NodeKind kind) {
  const auto& nodes = doc_->scenario().nodes;
  const auto at =
      std::find_if(nodes.begin(), nodes.end(), [&](const Node& n) { return n.id == selected_; });
  std::optional<std::size_t> index;
  if (at != nodes.end()) index = static_cast<std::size_t>(at - nodes.begin()) + 1;
  if (!apply(author::edit::AddNode{id, kind, index})) return false;
  new_node_input.clear();
  return true;
}

bool AuthorWorkspace::delete_selected(const std::string& redirect_to) {
  const auto& nodes = doc_->scenario().nodes;
  const auto at =
      std::find_if(nodes.begin(), nodes.end(), [&](const Node& n) { return n.id == selected_; });
  if (at == nodes.end()) {
    fail("teacher.author.error.play_node", selected_);
    return false;
  }
  // Selected afterwards: where the links now go, else the node before (or after).
  std::string next = redirect_to;
  if (next.empty() && nodes.size() > 1) next = at == nodes.begin() ? (at + 1)->id : (at - 1)->id;
  if (!apply(author::edit::DeleteNode{selected_, redirect_to})) return false;
  confirm_delete = false;
  delete_redirect.clear();
  if (doc_->scenario().find_node(next)) selected_ = next;
  reveal_selection = reveal_in_editor = true;
  return true;
}

std::vector<std::string> AuthorWorkspace::linking_to(const std::string& id) const {
  std::vector<std::string> out;
  for (const auto& n : doc_->scenario().nodes) {
    bool links = (n.next && n.next->id == id) || (n.skip_to && n.skip_to->id == id);
    for (const auto& c : n.choices) links = links || c.to.id == id;
    for (const auto& r : n.route) links = links || r.to.id == id;
    if (links) out.push_back(n.id);
  }
  return out;
}

bool AuthorWorkspace::undo() {
  const bool ok = doc_->undo();
  if (ok && !doc_->scenario().find_node(selected_)) selected_ = doc_->scenario().start.id;
  return ok;
}

bool AuthorWorkspace::redo() {
  const bool ok = doc_->redo();
  if (ok && !doc_->scenario().find_node(selected_)) selected_ = doc_->scenario().start.id;
  return ok;
}

const author::MapLayout& AuthorWorkspace::map() {
  if (!map_ || map_revision_ != doc_->revision()) {
    map_ = doc_->map();
    map_revision_ = doc_->revision();
    ++layouts_;
  }
  return *map_;
}

const author::AuthorStats& AuthorWorkspace::stats() {
  if (!stats_ || stats_revision_ != doc_->revision()) {
    stats_ = doc_->stats();
    stats_revision_ = doc_->revision();
  }
  return *stats_;
}

bool AuthorWorkspace::mark_reviewed() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &local);
  return apply(author::edit::SetReview{ReviewStatus::Reviewed, review_by_input, date});
}

bool AuthorWorkspace::save() {
  const auto saved = doc_->save();
  save_failed_ = !saved.ok();
  if (save_failed_) {
    fail("teacher.author.error.save", saved.error().message);
    return false;
  }
  autosaved_ = false;
  drafts_listed_ = false;
  // The save supersedes every autosave written before it, noticed by tick() or not.
  autosave_writes_seen_ = doc_->autosaver().writes();
  store_->saved(doc_->path(), doc_->text());
  return true;
}

void AuthorWorkspace::tick() {
  if (!doc_) return;
  doc_->tick();
  // A recovery file was written (by an edit or by the tick): the store keeps it too.
  if (doc_->autosaver().writes() != autosave_writes_seen_) {
    autosave_writes_seen_ = doc_->autosaver().writes();
    autosaved_ = true;
    store_->autosaved(doc_->path(), doc_->text());
  }
}

SaveState AuthorWorkspace::save_state() const {
  if (save_failed_) return SaveState::Failed;
  if (!doc_ || !doc_->dirty()) return SaveState::Saved;
  return autosaved_ && !doc_->autosaver().pending() ? SaveState::Autosaved : SaveState::Unsaved;
}

std::optional<PlayCommand> AuthorWorkspace::play_from(const std::string& node,
                                                      const std::string& language) {
  if (!doc_->scenario().find_node(node)) {
    fail("teacher.author.error.play_node", node);
    return std::nullopt;
  }
  if (diagnostics().errors > 0) {
    fail("teacher.author.error.play_errors", std::to_string(diagnostics().errors));
    return std::nullopt;
  }
  Scenario copy = doc_->scenario();
  (void)author::apply_edit(copy, author::edit::SetStart{node});  // the node exists (checked above)
  author::reindex(copy);
  PlayCommand c;
  std::error_code ec;
  fs::create_directories(config_.preview_dir, ec);
  c.pack_file =
      (fs::path(config_.preview_dir) / ("play-" + doc_->scenario().id + ".json")).string();
  c.pack_text = write_canonical(to_json(copy));
  c.language = language;
  if (const auto written = author::write_file_atomically(c.pack_file, c.pack_text); !written) {
    fail("teacher.author.error.save", written.error().message);
    return std::nullopt;
  }
  c.argv = {config_.game_exe, "--play", c.pack_file, "--lang", language};
  if (!config_.content_dir.empty()) c.argv.insert(c.argv.end(), {"--content", config_.content_dir});
  if (!config_.assets_dir.empty()) c.argv.insert(c.argv.end(), {"--assets", config_.assets_dir});
  return c;
}

bool AuthorWorkspace::launch(const PlayCommand& command) {
  const auto started = store_->play(command);
  if (started.ok()) return true;
  fail(started.error(), command.argv.empty() ? "" : command.argv.front());
  return false;
}

}  // namespace upstander::dashboard
