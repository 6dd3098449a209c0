// The open pack: edits, history, autosave, save.
#include "upstander/author/document.hpp"

#include "upstander/author/file_io.hpp"
#include "upstander/author/load_fidelity.hpp"
#include "upstander/author/translation_table.hpp"
#include "upstander/canonical_json.hpp"

namespace upstander::author {

namespace {

template <typename T>
void index_ids(const std::vector<T>& items, std::unordered_map<std::string, int>& map) {
  map.clear();
  for (std::size_t i = 0; i < items.size(); ++i) map.emplace(items[i].id, static_cast<int>(i));
}

std::string canonical(const Scenario& s) {
  return write_canonical(to_json(s));
}

}  // namespace

void reindex(Scenario& s) {
  index_ids(s.nodes, s.node_index);
  index_ids(s.characters, s.character_index);
  index_ids(s.variables, s.variable_index);
  index_ids(s.threads, s.thread_index);
}

Document::Document(std::string path, Scenario scenario, const AutosaveSettings& autosave)
    : path_(std::move(path)),
      autosave_settings_(autosave),
      scenario_(std::move(scenario)),
      autosaver_(path_, autosave) {
  reindex(scenario_);
  text_ = canonical(scenario_);
}

Document::~Document() {
  // A pending change not yet written (the interval had not passed) is written now, unless
  // the author discarded the changes. Nothing may escape a destructor.
  try {
    autosaver_.flush();
  } catch (...) {
  }
}

OpenResult Document::open(const std::string& path, const AutosaveSettings& autosave) {
  auto bytes = read_whole_file(path);
  if (!bytes) return open_unsaved(path, autosave, bytes.error().message);
  OpenedDocument r;
  LoadOptions options;
  options.check_flow = false;  // the live diagnostics run the flow checks
  ContentFile f = load_content_text(path, *bytes, r.diagnostics, options);
  if (f.scenario() == nullptr)
    return fail(OpenFailure{"not a scenario file the editor can open", std::move(r.diagnostics)});
  r.lossy = lossy_problems(r.diagnostics);
  Scenario s = std::move(std::get<Scenario>(f.content));
  std::unique_ptr<Document> doc(new Document(path, std::move(s), autosave));
  doc->saved_text_ = doc->text_;
  r.recovery = Autosaver::find(path, autosave);
  // A recovery that only differs in layout holds no unsaved work.
  if (r.recovery && (!r.recovery->newer_than_pack || r.recovery->text == doc->text_))
    r.recovery.reset();
  r.document = std::move(doc);
  return r;
}

// A pack made in the editor and never saved exists only as its recovery file.
OpenResult Document::open_unsaved(const std::string& path, const AutosaveSettings& autosave,
                                  std::string read_error) {
  std::optional<Recovery> recovery = Autosaver::find(path, autosave);
  if (!recovery) return fail(OpenFailure{std::move(read_error), {}});
  OpenedDocument r;
  LoadOptions options;
  options.check_flow = false;
  ContentFile f = load_content_text(path, recovery->text, r.diagnostics, options);
  if (f.scenario() == nullptr)
    return fail(OpenFailure{std::move(read_error), std::move(r.diagnostics)});
  r.lossy = lossy_problems(r.diagnostics);
  r.document.reset(new Document(path, std::move(std::get<Scenario>(f.content)), autosave));
  r.recovery = std::move(recovery);
  return r;
}

std::unique_ptr<Document> Document::create(const std::string& path, Scenario initial,
                                           const AutosaveSettings& autosave) {
  std::unique_ptr<Document> doc(new Document(path, std::move(initial), autosave));
  doc->autosaver_.changed(doc->text_);
  return doc;
}

void Document::changed() {
  reindex(scenario_);
  prune_translation_records(scenario_);
  text_ = canonical(scenario_);
  ++revision_;
  if (dirty())
    autosaver_.changed(text_);
  else
    autosaver_.saved();  // back to the saved state: nothing to recover
}

EditResult Document::apply(const EditCommand& command, bool typing) {
  const std::string field = typing ? typing_field(command) : std::string();
  // The step the field's first keystroke pushed already holds the state before the typing.
  const bool merge = !field.empty() && field == typing_field_ && history_.can_undo();
  ScenarioSnapshot before = ScenarioSnapshot::take(scenario_, scope_of(command));
  EditResult result = apply_edit(scenario_, command);
  if (!result.ok()) return result;
  const std::string previous = text_;
  changed();
  if (text_ == previous) {
    // Nothing visible changed (e.g. a value set to what it was): no undo step.
    before.swap_with(scenario_);
    reindex(scenario_);
    return fail(EditFailure{EditError::NoChange});
  }
  if (!merge) history_.push(std::move(before));
  typing_field_ = field;
  return result;
}

bool Document::undo() {
  typing_field_.clear();
  if (!history_.undo(scenario_)) return false;
  changed();
  return true;
}

bool Document::redo() {
  typing_field_.clear();
  if (!history_.redo(scenario_)) return false;
  changed();
  return true;
}

IoResult<void> Document::save() {
  // What was on disk goes to the backups first (it may hold what the model could not).
  if (const auto on_disk = read_whole_file(path_); on_disk && *on_disk != text_) {
    if (!autosaver_.backup(*on_disk))
      return fail(IoFailure{IoError::CannotWrite,
                            "cannot write a backup to " + autosaver_.backup_folder()});
  }
  if (auto written = write_file_atomically(path_, text_); !written) return written;
  saved_text_ = text_;
  autosaver_.saved();
  return {};
}

IoResult<void> Document::save_as(const std::string& path) {
  const std::string old_path = path_;
  path_ = path;
  Autosaver old = std::move(autosaver_);
  autosaver_ = Autosaver(path_, autosave_settings_);
  if (auto saved = save(); !saved) {
    path_ = old_path;
    autosaver_ = std::move(old);
    return saved;
  }
  old.saved();
  return {};
}

bool Document::restore(const Recovery& recovery) {
  Diagnostics diags;
  LoadOptions options;
  options.check_flow = false;
  ContentFile f = load_content_text(path_, recovery.text, diags, options);
  if (f.scenario() == nullptr) return false;
  history_.push(ScenarioSnapshot::take(scenario_, EditScope{true, ""}));
  typing_field_.clear();
  scenario_ = std::move(std::get<Scenario>(f.content));
  changed();
  return true;
}

void Document::discard_changes() {
  autosaver_.discard();
}

const LiveDiagnostics& Document::diagnostics() {
  if (!live_ || live_revision_ != revision_) {
    live_ = check_live(scenario_, path_, text_);
    live_revision_ = revision_;
  }
  return *live_;
}

AuthorStats Document::stats() {
  return author_stats(scenario_, &diagnostics().checked);
}

MapLayout Document::map(const MapStyle& style) {
  return layout_map(scenario_, diagnostics().by_node, style);
}

}  // namespace upstander::author
