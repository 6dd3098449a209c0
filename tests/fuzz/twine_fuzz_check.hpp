// Shared by the Twee and Twine HTML fuzz targets: every story read from the bytes is
// imported, written as a scenario file and loaded again. What Twine leaves unwritten is for
// `check` to report; the file itself must always be one the loader reads.
#pragma once

#include <string>

#include "upstander/author/twine_import.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/content_file.hpp"
#include "upstander/diagnostic_codes.hpp"

namespace upstander::fuzz {

inline bool breaks_the_file(const Diagnostic& d) {
  return d.code == codes::kJsonSyntax || d.code == codes::kInvalidUtf8 ||
         d.code == codes::kTooDeep || d.code == codes::kNumberTooLarge ||
         d.code == codes::kUnknownFileType;
}

inline void import_every_story(const author::TwineFile& file) {
  (void)author::format_notes("fuzz", file.notes);
  for (const auto& story : file.stories) {
    const author::TwineImport imported =
        author::import_twine_story(story, author::TwineImportOptions{});
    (void)author::format_notes("fuzz", imported.notes);
    const std::string json = write_canonical(to_json(imported.scenario));
    Diagnostics d;
    LoadOptions options;
    options.flow.max_states = 20'000;  // keep each input fast; the search itself is bounded
    const ContentFile f = load_content_text("imported.json", json, d, options);
    for (const auto& x : d.all()) {
      if (breaks_the_file(x)) __builtin_trap();
      (void)format_text(x);
    }
    if (f.scenario() == nullptr) __builtin_trap();
  }
}

}  // namespace upstander::fuzz
