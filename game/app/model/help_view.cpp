// Building the help list from the help directory or the locale fallback.
#include "help_view.hpp"

#include <algorithm>

namespace upstander::app {

namespace {

std::string contact_of(const HelpResource& r, const UiText& text) {
  std::vector<std::string> parts;
  if (!r.phone.empty()) parts.push_back(text.get("game.help.phone", {{"number", r.phone}}));
  if (!r.text.empty()) parts.push_back(text.get("game.help.text_line", {{"number", r.text}}));
  if (!r.url.empty()) {
    std::string url = r.url;
    for (const char* scheme : {"https://", "http://"}) {
      if (url.rfind(scheme, 0) == 0) url = url.substr(std::char_traits<char>::length(scheme));
    }
    if (!url.empty() && url.back() == '/') url.pop_back();
    parts.push_back(url);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

HelpView fallback_view(const UiText& text) {
  HelpView v;
  v.from_fallback = true;
  for (int i = 1; i <= kFallbackHelpLines; ++i) {
    const std::string base = "game.help.fallback." + std::to_string(i);
    v.entries.push_back(
        {text.get(base + ".name"), text.get(base + ".contact"), text.get(base + ".what"), ""});
  }
  return v;
}

}  // namespace

HelpView make_help_view(const ContentLibrary& lib, const UiText& text, const std::string& country,
                        const std::vector<HelpTopic>& lead_topics) {
  const HelpDirectory* dir = lib.help();
  const HelpCountry* c = dir ? dir->for_country(country) : nullptr;
  if (!c || c->resources.empty()) return fallback_view(text);
  HelpView v;
  v.country_name = text.pick(c->name);
  v.country_code = c->code;
  for (const HelpResource* r : dir->ranked(*c, lead_topics)) {
    v.entries.push_back(
        {text.pick(r->name), contact_of(*r, text), text.pick(r->what), text.pick(r->hours)});
  }
  return v;
}

std::string next_help_country(const ContentLibrary& lib, const std::string& current) {
  const std::vector<std::string> codes = help_countries(lib);
  if (codes.empty()) return "";
  auto it = std::find(codes.begin(), codes.end(), current);
  if (it == codes.end() || ++it == codes.end()) return codes.front();
  return *it;
}

std::vector<std::string> help_countries(const ContentLibrary& lib) {
  std::vector<std::string> out;
  if (const HelpDirectory* dir = lib.help()) {
    for (const auto& c : dir->countries) out.push_back(c.code);
  }
  return out;
}

}  // namespace upstander::app
