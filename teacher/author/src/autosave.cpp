// Recovery files and backups in the user's data folder.
#include "upstander/author/autosave.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "upstander/author/file_io.hpp"

namespace upstander::author {

namespace fs = std::filesystem;

namespace {

constexpr int kRecoveryFormat = 1;

std::string absolute_path(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? p : abs.string();
}

// One name per pack: its file name (readable) and a hash of its full path (unique).
std::string slot_name(const std::string& pack) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : pack) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char hex[17];
  for (int i = 15; i >= 0; --i) {
    hex[i] = "0123456789abcdef"[h & 0xF];
    h >>= 4;
  }
  hex[16] = '\0';
  return fs::path(pack).stem().string() + "-" + hex;
}

std::int64_t to_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::int64_t file_time_ms(const std::string& path) {
  std::error_code ec;
  const auto t = fs::last_write_time(path, ec);
  if (ec) return -1;
  // The same instant on the system clock, through both clocks' now: libc++ 13 (the browser
  // build's) has no file_clock::to_sys.
  const auto since = std::chrono::duration_cast<std::chrono::system_clock::duration>(
      t - fs::file_time_type::clock::now());
  return to_ms(std::chrono::system_clock::now() + since);
}

std::string backup_name(std::int64_t ms) {
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d-%02d%02d%02d-%03lld", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(ms % 1000));
  return buf;
}

}  // namespace

void adopt_old_drafts(const std::string& drafts_dir) {
  const auto old = user_folder(Program::Game, FolderKind::Data);
  if (!old) return;
  for (const char* sub : {"recovery", "backups"})
    adopt_old_folder(*old / sub, fs::path(drafts_dir) / sub);
}

Result<std::string, FolderError> default_data_dir() {
  const auto teacher = user_folder(Program::Teacher, FolderKind::Data);
  if (!teacher) return fail(teacher.error());
  const std::string drafts = (*teacher / "author").string();
  adopt_old_drafts(drafts);
  return drafts;
}

Autosaver::Autosaver(const std::string& pack_path, AutosaveSettings settings)
    : settings_(std::move(settings)), pack_(absolute_path(pack_path)) {
  if (settings_.data_dir.empty()) settings_.data_dir = default_data_dir().value_or(std::string());
  if (!settings_.clock) settings_.clock = [] { return std::chrono::system_clock::now(); };
  if (settings_.data_dir.empty()) return;  // no home: every write fails, and says so
  const fs::path base(settings_.data_dir);
  recovery_file_ = (base / "recovery" / (slot_name(pack_) + ".json")).string();
  backup_folder_ = (base / "backups" / slot_name(pack_)).string();
}

std::int64_t Autosaver::now_ms() const {
  return to_ms(settings_.clock());
}

bool Autosaver::write(const std::string& text) {
  if (recovery_file_.empty()) return false;
  std::error_code ec;
  fs::create_directories(fs::path(recovery_file_).parent_path(), ec);
  nlohmann::ordered_json j;
  j["upstander_recovery"] = kRecoveryFormat;
  j["pack"] = pack_;
  j["written_ms"] = now_ms();
  j["text"] = text;
  if (!write_file_atomically(recovery_file_,
                             j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n")
           .ok()) {
    return false;
  }
  last_write_ms_ = now_ms();
  written_ = true;
  ++writes_;
  pending_.reset();
  return true;
}

bool Autosaver::changed(const std::string& text) {
  pending_ = text;
  return tick();
}

bool Autosaver::tick() {
  if (!pending_) return true;
  if (written_ && now_ms() - last_write_ms_ < settings_.interval.count()) return true;
  return write(*pending_);
}

bool Autosaver::flush() {
  return pending_ ? write(*pending_) : true;
}

void Autosaver::saved() {
  pending_.reset();
  std::error_code ec;
  fs::remove(recovery_file_, ec);
  written_ = false;
}

void Autosaver::discard() {
  saved();
}

bool Autosaver::backup(const std::string& previous) {
  if (backup_folder_.empty()) return false;
  std::error_code ec;
  fs::create_directories(backup_folder_, ec);
  // Names start with a sequence number, so they sort in the order they were made even
  // when two saves share a millisecond or the clock is set back.
  std::vector<fs::path> all;
  unsigned long long last = 0;
  for (const auto& e : fs::directory_iterator(backup_folder_, ec)) {
    if (e.path().extension() != ".json") continue;
    all.push_back(e.path());
    last = std::max(last, std::strtoull(e.path().filename().c_str(), nullptr, 10));
  }
  char seq[32];
  std::snprintf(seq, sizeof seq, "%08llu-", last + 1);
  const fs::path file = fs::path(backup_folder_) / (seq + backup_name(now_ms()) + ".json");
  if (!write_file_atomically(file.string(), previous).ok()) return false;
  all.push_back(file);
  std::sort(all.begin(), all.end());
  while (all.size() > settings_.keep_backups) {
    fs::remove(all.front(), ec);
    all.erase(all.begin());
  }
  return true;
}

std::optional<Recovery> Autosaver::find(const std::string& pack_path,
                                        const AutosaveSettings& settings) {
  const Autosaver probe(pack_path, settings);
  const auto bytes = read_whole_file(probe.recovery_file_);
  if (!bytes) return std::nullopt;
  const nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("upstander_recovery", 0) != kRecoveryFormat)
    return std::nullopt;
  Recovery r;
  r.file = probe.recovery_file_;
  r.pack = j.value("pack", "");
  r.text = j.value("text", "");
  r.written_ms = j.value("written_ms", std::int64_t{0});
  if (r.pack != probe.pack_) return std::nullopt;
  const auto current = read_whole_file(probe.pack_);
  if (current && *current == r.text) return std::nullopt;  // nothing unsaved after all
  const std::int64_t pack_ms = current ? file_time_ms(probe.pack_) : -1;
  r.newer_than_pack = !current || r.written_ms >= pack_ms;
  return r;
}

}  // namespace upstander::author
