// The editor's responsiveness: one edit (apply, canonical text, autosave) and the live
// diagnostics after it, undo, the translation table round trip and a Twine round trip,
// on a shipped scenario or a generated pack. Reports median, p99 and peak RSS.
// Usage: author_bench SCENARIO.json [EDITS]
//        author_bench --generate NODES [EDITS]
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "bench_util.hpp"
#include "pack_generator.hpp"
#include "upstander/author/document.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/author/translation_table.hpp"
#include "upstander/author/twee_export.hpp"
#include "upstander/author/twine_import.hpp"

using namespace upstander;
using namespace upstander::author;
using namespace upstander::bench;
namespace fs = std::filesystem;

namespace {

void report(const char* what, const std::vector<double>& t) {
  std::printf("  %-34s median %7.2f ms, p99 %7.2f ms (%zu runs)\n", what, median(t),
              percentile(t, 99), t.size());
}

std::vector<std::string> node_text_keys(const Scenario& s) {
  std::vector<std::string> keys;
  for_each_slot(s, [&](const TextSlot& slot, const LocalizedText& t) {
    if (!slot.node_id.empty() && !t.empty()) keys.push_back(slot.key);
  });
  return keys;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(
        stderr,
        "usage: author_bench SCENARIO.json [EDITS] | author_bench --generate NODES [EDITS]\n");
    return 2;
  }
  const fs::path work =
      fs::temp_directory_path() / ("upstander-author-bench-" + std::to_string(::getpid()));
  fs::create_directories(work);
  const std::string pack = (work / "pack.json").string();
  const bool generated = std::string(argv[1]) == "--generate";
  if (generated) {
    if (argc < 3) return 2;
    std::ofstream(pack, std::ios::binary) << generate_pack(std::stoul(argv[2]), 1);
  } else {
    fs::copy_file(argv[1], pack);
  }
  const int edits = argc > (generated ? 3 : 2) ? std::stoi(argv[generated ? 3 : 2]) : 200;

  AutosaveSettings autosave;
  autosave.data_dir = (work / "data").string();
  const double t_open = now_ms();
  OpenResult opened = Document::open(pack, autosave);
  const double open_ms = now_ms() - t_open;
  if (!opened.ok()) {
    std::fprintf(stderr, "cannot open: %s\n", opened.error().message.c_str());
    return 1;
  }
  Document& doc = *opened->document;
  const std::vector<std::string> keys = node_text_keys(doc.scenario());
  const std::string lang = doc.scenario().locales.back();
  std::printf("author_bench: %s, %zu nodes, %.0f KiB canonical text\n",
              generated ? "generated pack" : argv[1], doc.scenario().nodes.size(),
              static_cast<double>(doc.text().size()) / 1024.0);
  std::printf("  open (read, load, canonical text)   %7.2f ms\n", open_ms);

  std::vector<double> apply_t, check_t, both_t, undo_t;
  for (int i = 0; i < edits; ++i) {
    const std::string& key = keys[static_cast<std::size_t>(i) % keys.size()];
    const double t0 = now_ms();
    const EditResult r =
        doc.apply(edit::SetText{key, lang, "Edited text number " + std::to_string(i)});
    const double t1 = now_ms();
    doc.diagnostics();
    const double t2 = now_ms();
    if (!r.ok()) {
      std::fprintf(stderr, "edit refused: %s\n", std::string(name_of(r.error().code)).c_str());
      return 1;
    }
    apply_t.push_back(t1 - t0);
    check_t.push_back(t2 - t1);
    both_t.push_back(t2 - t0);
  }
  for (int i = 0; i < edits; ++i) {
    const double t0 = now_ms();
    doc.undo();
    undo_t.push_back(now_ms() - t0);
  }
  report("edit (apply + canonical + autosave)", apply_t);
  report("live diagnostics after an edit", check_t);
  report("edit to diagnostics, total", both_t);
  report("undo", undo_t);

  std::vector<double> export_t, import_t, twee_t;
  for (int i = 0; i < 10; ++i) {
    Scenario s = doc.scenario();
    const std::string source = s.locales.front();
    const double t0 = now_ms();
    const std::string csv = write_translation_csv(s, source, lang);
    const double t1 = now_ms();
    const TranslationImport r = apply_translation_csv(s, csv);
    const double t2 = now_ms();
    if (!r.errors.empty()) return 1;
    const std::string twee = export_twee(s, lang);
    const TwineFile f = read_twee(SourceText("x.twee", twee));
    const TwineImport back = import_twine_story(f.stories.front(), {lang, s.id});
    const double t3 = now_ms();
    if (back.scenario.nodes.size() != s.nodes.size()) return 1;
    export_t.push_back(t1 - t0);
    import_t.push_back(t2 - t1);
    twee_t.push_back(t3 - t2);
  }
  report("strings export (CSV)", export_t);
  report("strings import (CSV)", import_t);
  report("export-twee + import-twine", twee_t);
  std::printf("  peak RSS: %.1f MiB\n", peak_rss_mib());
  doc.discard_changes();
  fs::remove_all(work);
  return 0;
}
