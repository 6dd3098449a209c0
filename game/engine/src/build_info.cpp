// The version text, from the header the build writes (cmake/UpstanderVersion.cmake).
#include "upstander/build_info.hpp"

#include "upstander/shipped_data.hpp"
#include "upstander_version_values.hpp"

namespace upstander {

std::string project_version() {
  return UPSTANDER_VERSION_STRING;
}

std::string git_commit() {
  return UPSTANDER_GIT_COMMIT;
}

namespace {
std::string found(ShippedData what) {
  const std::filesystem::path p = find_shipped(what);
  return p.empty() ? std::string("not found") : p.string();
}
}  // namespace

std::string version_text(const std::string& program) {
  return program + " " + project_version() + " (commit " + git_commit() +
         ")\ncontent: " + found(ShippedData::Content) + "\nassets: " + found(ShippedData::Assets) +
         "\nweb game: " + found(ShippedData::Web) + "\n";
}

}  // namespace upstander
