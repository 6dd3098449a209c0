// One pack (one scenario file) open in the editor: typed edits with undo and redo, dirty
// tracking, live diagnostics, statistics and the map, autosave to a recovery file after
// every change, and saving in the canonical layout (byte-identical to
// `upstander-content fmt`).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "upstander/author/author_stats.hpp"
#include "upstander/author/autosave.hpp"
#include "upstander/author/edit_command.hpp"
#include "upstander/author/edit_history.hpp"
#include "upstander/author/live_diagnostics.hpp"
#include "upstander/author/map_layout.hpp"
#include "upstander/io_error.hpp"
#include "upstander/result.hpp"

namespace upstander::author {

class Document;

struct OpenedDocument {
  std::unique_ptr<Document> document;  // never null
  Diagnostics diagnostics;             // the file as loaded
  // What the model could not keep (an unknown key, a value of the wrong type): saving
  // drops it. Every save first keeps the file's previous bytes as a backup.
  std::vector<Diagnostic> lossy;
  // Unsaved work from a session that ended without saving (a crash, a power cut), newer
  // than the file: offer it with Document::restore(). When the file does not exist (a new
  // pack that was never saved) the document already holds the recovered work.
  std::optional<Recovery> recovery;
};

// Why the file cannot be edited.
struct OpenFailure {
  std::string message;      // not a scenario, not JSON, cannot be read
  Diagnostics diagnostics;  // the file (or its recovery) as loaded
};

using OpenResult = Result<OpenedDocument, OpenFailure>;

class Document {
 public:
  static OpenResult open(const std::string& path, const AutosaveSettings& autosave = {});
  // A new pack that exists only in memory (and in the recovery file) until saved.
  static std::unique_ptr<Document> create(const std::string& path, Scenario initial,
                                          const AutosaveSettings& autosave = {});

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  // Leaves the recovery file in place (and writes a pending one): from here a crash and a
  // close look the same. Call discard_changes() when the author chose to throw the changes
  // away.
  ~Document();

  const Scenario& scenario() const { return scenario_; }
  const std::string& path() const { return path_; }
  // The canonical text of the current state, exactly what save() writes.
  const std::string& text() const { return text_; }
  std::uint64_t revision() const { return revision_; }
  // Changed since opened or last saved (a file not in the canonical layout is not dirty
  // just for that; saving it writes the canonical layout).
  bool dirty() const { return text_ != saved_text_; }

  // `typing`: one keystroke's worth of a field being typed. Consecutive typing edits of
  // the same field (typing_field) are one undo step, until end_typing(), another edit, an
  // undo or a redo: typing a sentence and pressing undo removes the sentence.
  EditResult apply(const EditCommand& command, bool typing = false);
  // The field lost focus: the next keystroke starts a new undo step.
  void end_typing() { typing_field_.clear(); }
  std::size_t undo_depth() const { return history_.undo_depth(); }
  bool can_undo() const { return history_.can_undo(); }
  bool can_redo() const { return history_.can_redo(); }
  bool undo();
  bool redo();

  IoResult<void> save();
  IoResult<void> save_as(const std::string& path);
  // Replaces the content with the recovered text; undo goes back to the file's version.
  // False when the recovered text is not a scenario the editor can hold.
  bool restore(const Recovery& recovery);
  void discard_changes();
  // Call every second or so: writes a pending recovery once the interval has passed.
  bool tick() { return autosaver_.tick(); }
  const Autosaver& autosaver() const { return autosaver_; }

  // Recomputed when the revision changed since the last call.
  const LiveDiagnostics& diagnostics();
  AuthorStats stats();
  MapLayout map(const MapStyle& style = {});

 private:
  Document(std::string path, Scenario scenario, const AutosaveSettings& autosave);
  static OpenResult open_unsaved(const std::string& path, const AutosaveSettings& autosave,
                                 std::string read_error);
  void changed();

  std::string path_;
  AutosaveSettings autosave_settings_;
  Scenario scenario_;
  std::string text_;
  std::string saved_text_;  // the clean state: as opened or last saved ("" for a new pack)
  std::uint64_t revision_ = 0;
  EditHistory history_;
  std::string typing_field_;  // the field the last undo step was typed into; "" = none
  Autosaver autosaver_;
  std::optional<LiveDiagnostics> live_;
  std::uint64_t live_revision_ = 0;
};

// Rebuilds the id lookups (node_index, ...) after edits; the canonical writer uses them.
void reindex(Scenario& s);

}  // namespace upstander::author
