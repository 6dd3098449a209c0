// Numbers for authors while they write: words per language, translation coverage, and,
// once the scenario checks without errors, the engine's statistics (estimated minutes,
// decision points, path lengths).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "upstander/author/translation_table.hpp"
#include "upstander/content_file.hpp"
#include "upstander/scenario_stats.hpp"

namespace upstander::author {

struct LocaleStats {
  std::string locale;
  std::size_t words = 0;  // reading_units() (reading_length.hpp), as compute_stats counts
  Coverage coverage;
};

struct AuthorStats {
  std::size_t nodes = 0;
  std::size_t choices = 0;
  std::vector<LocaleStats> locales;     // in declaration order
  std::optional<ScenarioStats> engine;  // nullopt while `checked` has errors
};

// `checked` is the loaded canonical text of `model` (LiveDiagnostics::checked), or nullptr.
AuthorStats author_stats(const Scenario& model, const ContentFile* checked);

}  // namespace upstander::author
