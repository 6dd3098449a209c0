// Scheme stripping and break points of source links, in one place for every screen.
#include "source_link.hpp"

namespace upstander::app {

std::string without_scheme(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (url.substr(0, scheme.size()) == scheme) return std::string(url.substr(scheme.size()));
  }
  return std::string(url);
}

std::string source_site(std::string_view url) {
  const std::string rest = without_scheme(url);
  return rest.substr(0, rest.find('/'));
}

std::vector<std::string> url_segments(std::string_view url) {
  const std::string rest = without_scheme(url);
  std::vector<std::string> out;
  std::string piece;
  for (char c : rest) {
    piece += c;
    if (c == '/' || c == '.' || c == '?' || c == '&' || c == '=' || c == '-') {
      out.push_back(std::move(piece));
      piece.clear();
    }
  }
  if (!piece.empty()) out.push_back(std::move(piece));
  return out;
}

}  // namespace upstander::app
