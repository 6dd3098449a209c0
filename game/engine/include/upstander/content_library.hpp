// Everything under content/ (or any set of files and folders), loaded and checked together:
// each file on its own, then across files (scenario ids, UI strings in every language).
#pragma once

#include <string>
#include <vector>

#include "upstander/content_file.hpp"

namespace upstander {

// The .json files under each path (folders recursively, sorted so output is stable);
// JSON Schema files (*.schema.json) are not content and are skipped.
std::vector<std::string> list_content_files(const std::vector<std::string>& paths,
                                            Diagnostics& out);

class ContentLibrary {
 public:
  static ContentLibrary load(const std::vector<std::string>& paths,
                             const LoadOptions& options = {});

  const std::vector<ContentFile>& files() const { return files_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }

  // Only files without errors are offered to the game and the server.
  std::vector<const Scenario*> scenarios() const;
  const Scenario* find_scenario(std::string_view id) const;
  const ContentFile* file_of_scenario(std::string_view id) const;
  const Survey* survey() const;
  const HelpDirectory* help() const;
  const LocaleStrings* locale(std::string_view code) const;
  std::vector<const LocaleStrings*> locales() const;

 private:
  void check_across_files();

  std::vector<ContentFile> files_;
  Diagnostics diagnostics_;
};

}  // namespace upstander
