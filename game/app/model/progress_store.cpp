// Reading and atomically writing the game's two local files.
#include "progress_store.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace upstander::app {

namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

}  // namespace

Result<std::filesystem::path, FolderError> default_data_dir(const std::string& override_dir) {
  if (!override_dir.empty()) return std::filesystem::path(override_dir);
  if (auto d = env("UPSTANDER_DATA_DIR"); !d.empty()) return std::filesystem::path(d);
  return user_folder(Program::Game, FolderKind::Data);
}

std::optional<nlohmann::json> ProgressStore::load(const std::string& name) const {
  std::ifstream in(dir_ / name, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buf;
  buf << in.rdbuf();
  auto j = nlohmann::json::parse(buf.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

bool ProgressStore::store(const std::string& name, const nlohmann::json& j) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return false;
  const auto target = dir_ / name;
  const auto tmp = dir_ / (name + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << j.dump(2) << '\n';
    out.flush();
    if (!out) return false;
  }
  std::filesystem::rename(tmp, target, ec);
  if (ec) return false;
  if (persist_) persist_();
  return true;
}

void ProgressStore::remove(const std::string& name) const {
  std::error_code ec;
  if (std::filesystem::remove(dir_ / name, ec) && persist_) persist_();
}

}  // namespace upstander::app
