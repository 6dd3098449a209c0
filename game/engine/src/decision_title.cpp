// Decision titles: the guide's heading, else the node's first text, shortened.
#include "upstander/decision_title.hpp"

#include <vector>

#include "upstander/scenario_text.hpp"
#include "upstander/utf8.hpp"

namespace upstander {

std::string shorten_text(const std::string& text, std::size_t max_chars) {
  const std::vector<std::string_view> cps = utf8::split_code_points(text);
  if (cps.size() <= max_chars) return text;
  std::size_t keep = max_chars - 1;  // room for the ellipsis
  for (std::size_t i = keep; i > max_chars / 2; --i) {
    if (cps[i] == " ") {
      keep = i;
      break;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < keep; ++i) out += cps[i];
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";
}

std::string decision_title(const Scenario& s, const Node& decision, const std::string& language,
                           const DiscussionGuide* guide) {
  if (guide != nullptr) {
    if (const GuidePoint* p = guide->find(s.id, decision.id); p != nullptr && !p->heading.empty())
      return p->heading;
  }
  std::string first;
  for_each_node_text(decision, [&](const std::string&, const LocalizedText& t) {
    if (first.empty()) first = t.get(language);
  });
  return first.empty() ? decision.id : shorten_text(first, kDecisionTitleChars);
}

}  // namespace upstander
