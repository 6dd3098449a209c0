// Reading serve.conf: strict, so a typo is an error with its line, not a silent default.
#include "serve_config.hpp"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace upstander::teacher {

namespace {

Failure<cli::UsageError> wrong(std::string message) {
  return fail(cli::UsageError{std::move(message)});
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool whole_number(const std::string& s, long min, long max, int& out) {
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < min || v > max) return false;
  out = static_cast<int>(v);
  return true;
}

// One "key = value" line; the error is without the location.
ConfigResult apply_line(const std::string& key, const std::string& value,
                        server::ServerOptions& o) {
  int n = 0;
  if (key == "port") {
    if (!whole_number(value, 1, 65535, n)) return wrong("port must be a number from 1 to 65535");
    o.port = n;
  } else if (key == "bind") {
    if (value.empty() || value.find_first_of(" \t") != std::string::npos)
      return wrong("bind must be one address, e.g. 0.0.0.0 or 127.0.0.1");
    o.bind_address = value;
  } else if (key == "k") {
    if (!whole_number(value, server::kSettingsMinK, server::kSettingsMaxK, n))
      return wrong("k must be a number from " + std::to_string(server::kSettingsMinK) + " to " +
                   std::to_string(server::kSettingsMaxK));
    o.default_k = n;
  } else if (key == "retention_days") {
    if (!whole_number(value, 0, server::kRetentionDaysMax, n))
      return wrong("retention_days must be a number from 0 to " +
                   std::to_string(server::kRetentionDaysMax));
    o.retention_days = n;
  } else {
    return wrong("unknown key \"" + key + "\" (known: port, bind, k, retention_days)");
  }
  return {};
}

}  // namespace

ConfigResult apply_serve_config(const std::string& text, const std::string& file_name,
                                server::ServerOptions& o) {
  std::istringstream in(text);
  std::string line;
  std::set<std::string> seen;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string where = file_name + ":" + std::to_string(number) + ": ";
    const std::string content = trimmed(line.substr(0, line.find('#')));
    if (content.empty()) continue;
    const auto eq = content.find('=');
    if (eq == std::string::npos) return wrong(where + "expected \"key = value\"");
    const std::string key = trimmed(content.substr(0, eq));
    const std::string value = trimmed(content.substr(eq + 1));
    if (!seen.insert(key).second) return wrong(where + "\"" + key + "\" is set twice");
    if (const auto r = apply_line(key, value, o); !r) return wrong(where + r.error().message);
  }
  return {};
}

ConfigResult load_serve_config(const std::string& path, server::ServerOptions& o) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return wrong("cannot read the configuration file " + path);
  std::ostringstream s;
  s << f.rdbuf();
  return apply_serve_config(s.str(), path, o);
}

}  // namespace upstander::teacher
