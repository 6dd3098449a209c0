// Loading a whole content tree and the checks that span files.
#include "upstander/content_library.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "upstander/diagnostic_codes.hpp"

namespace upstander {

namespace fs = std::filesystem;

namespace {
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

std::vector<std::string> list_content_files(const std::vector<std::string>& paths,
                                            Diagnostics& out) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator
               it(p, fs::directory_options::skip_permission_denied, ec),
           end;
           !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string path = it->path().string();
        if (ends_with(path, ".json") && !ends_with(path, ".schema.json")) found.push_back(path);
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      out.report(SourceText(p, ""), kNoOffset, Severity::Error, codes::kIoError, "",
                 "there is no such file or folder", "check the path");
    }
  }
  return files;
}

namespace {
// Whether the file still fits the budget of one load; says so when it does not.
bool fits_budget(const std::string& path, std::uintmax_t& total, const LoadOptions& options,
                 Diagnostics& out) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return true;  // reading it reports the problem
  if (total + size <= options.max_total_bytes) {
    total += size;
    return true;
  }
  out.report(
      SourceText(path, ""), kNoOffset, Severity::Error, codes::kFileTooLarge, "",
      "not read: the files checked together pass " + std::to_string(options.max_total_bytes >> 20) +
          " MB, the limit of one check",
      "check fewer files at once (for example one folder), or check that these are the files you meant");
  return false;
}
}  // namespace

ContentLibrary ContentLibrary::load(const std::vector<std::string>& paths,
                                    const LoadOptions& options) {
  ContentLibrary lib;
  std::uintmax_t total = 0;
  for (const auto& path : list_content_files(paths, lib.diagnostics_)) {
    if (!fits_budget(path, total, options, lib.diagnostics_)) {
      ContentFile skipped;
      skipped.source = std::make_shared<const SourceText>(path, "");
      skipped.errors = 1;
      lib.files_.push_back(std::move(skipped));
      continue;
    }
    lib.files_.push_back(load_content_file(path, lib.diagnostics_, options));
  }
  lib.check_across_files();
  return lib;
}

void ContentLibrary::check_across_files() {
  std::unordered_map<std::string, const ContentFile*> scenario_ids;
  for (auto& f : files_) {
    const Scenario* s = f.scenario();
    if (s == nullptr || s->id.empty()) continue;
    auto [it, inserted] = scenario_ids.emplace(s->id, &f);
    if (!inserted) {
      diagnostics_.report(
          *f.source, kNoOffset, Severity::Error, codes::kDuplicateId, "/id",
          "the scenario id \"" + s->id + "\" is also used by " + it->second->source->path(),
          "give each scenario its own id: students' saves and class results are keyed on it");
      ++f.errors;
    }
  }
  std::vector<LocaleFile> locale_files;
  for (const auto& f : files_) {
    if (const LocaleStrings* l = f.locale()) locale_files.push_back({l, f.source.get()});
  }
  Diagnostics parity;
  check_locale_parity(locale_files, parity);
  // Counted from the tallies, not the kept list: a file whose problems were too many to
  // list is still not ok.
  for (auto& f : files_) f.errors += parity.error_count_in(f.source->path());
  diagnostics_.append(parity);
}

std::vector<const Scenario*> ContentLibrary::scenarios() const {
  std::vector<const Scenario*> out;
  for (const auto& f : files_) {
    if (f.ok() && f.scenario()) out.push_back(f.scenario());
  }
  std::stable_sort(out.begin(), out.end(), [](const Scenario* a, const Scenario* b) {
    return a->order != b->order ? a->order < b->order : a->id < b->id;
  });
  return out;
}

const Scenario* ContentLibrary::find_scenario(std::string_view id) const {
  const ContentFile* f = file_of_scenario(id);
  return f ? f->scenario() : nullptr;
}

const ContentFile* ContentLibrary::file_of_scenario(std::string_view id) const {
  for (const auto& f : files_) {
    if (f.ok() && f.scenario() && f.scenario()->id == id) return &f;
  }
  return nullptr;
}

const Survey* ContentLibrary::survey() const {
  for (const auto& f : files_) {
    if (f.ok() && f.survey()) return f.survey();
  }
  return nullptr;
}

const HelpDirectory* ContentLibrary::help() const {
  for (const auto& f : files_) {
    if (f.ok() && f.help()) return f.help();
  }
  return nullptr;
}

const LocaleStrings* ContentLibrary::locale(std::string_view code) const {
  for (const auto& f : files_) {
    if (f.ok() && f.locale() && f.locale()->locale == code) return f.locale();
  }
  return nullptr;
}

std::vector<const LocaleStrings*> ContentLibrary::locales() const {
  std::vector<const LocaleStrings*> out;
  for (const auto& f : files_) {
    if (f.ok() && f.locale()) out.push_back(f.locale());
  }
  return out;
}

}  // namespace upstander
