// Spelling tables of the content format's enums (node kinds: node_kinds.cpp).
#include "upstander/vocabulary.hpp"

#include "upstander/node_kinds.hpp"

#include <array>
#include <utility>

namespace upstander {

namespace {

template <typename E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<VariableType, 2> kVariableTypes{
    {{VariableType::Flag, "flag"}, {VariableType::Counter, "counter"}}};
constexpr Table<ThreadKind, 2> kThreadKinds{
    {{ThreadKind::Group, "group"}, {ThreadKind::Direct, "direct"}}};
constexpr Table<ImageIcon, 4> kImageIcons{{
    {ImageIcon::Photo, "photo"},
    {ImageIcon::Video, "video"},
    {ImageIcon::Screenshot, "screenshot"},
    {ImageIcon::Link, "link"},
}};
constexpr Table<Outcome, 7> kOutcomes{{
    {Outcome::Upstander, "upstander"},
    {Outcome::Mixed, "mixed"},
    {Outcome::Harm, "harm"},
    {Outcome::Supported, "supported"},
    {Outcome::PartlySupported, "partly_supported"},
    {Outcome::NotYetSupported, "not_yet_supported"},
    {Outcome::Skipped, "skipped"},
}};
constexpr Table<LearningGoal, 5> kGoals{{
    {LearningGoal::RealHarm, "real_harm"},
    {LearningGoal::Excuses, "excuses"},
    {LearningGoal::UpstanderActions, "upstander_actions"},
    {LearningGoal::IfTargeted, "if_targeted"},
    {LearningGoal::Consequences, "consequences"},
}};
constexpr Table<HelpTopic, 6> kHelpTopics{{
    {HelpTopic::Counselling, "counselling"},
    {HelpTopic::Takedown, "takedown"},
    {HelpTopic::Report, "report"},
    {HelpTopic::School, "school"},
    {HelpTopic::Police, "police"},
    {HelpTopic::Legal, "legal"},
}};
constexpr Table<ReviewStatus, 2> kReviewStatuses{
    {{ReviewStatus::Draft, "draft"}, {ReviewStatus::Reviewed, "reviewed"}}};

template <typename E, std::size_t N>
std::string_view lookup(const Table<E, N>& t, E v) {
  for (const auto& [e, n] : t) {
    if (e == v) return n;
  }
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> parse(const Table<E, N>& t, std::string_view s) {
  for (const auto& [e, n] : t) {
    if (n == s) return e;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::vector<std::string> names(const Table<E, N>& t) {
  std::vector<std::string> out;
  for (const auto& [e, n] : t) out.emplace_back(n);
  return out;
}

}  // namespace

// Node kinds are spelled in their table (node_kinds.cpp), with their fields.
std::string_view name_of(NodeKind v) {
  return kind_spec(v).name;
}
std::string_view name_of(VariableType v) {
  return lookup(kVariableTypes, v);
}
std::string_view name_of(ThreadKind v) {
  return lookup(kThreadKinds, v);
}
std::string_view name_of(ImageIcon v) {
  return lookup(kImageIcons, v);
}
std::string_view name_of(Outcome v) {
  return lookup(kOutcomes, v);
}
std::string_view name_of(LearningGoal v) {
  return lookup(kGoals, v);
}
std::string_view name_of(HelpTopic v) {
  return lookup(kHelpTopics, v);
}
std::string_view name_of(ReviewStatus v) {
  return lookup(kReviewStatuses, v);
}

bool is_supported_family(Outcome o) {
  return o == Outcome::Supported || o == Outcome::PartlySupported || o == Outcome::NotYetSupported;
}

bool is_unsafe_after_skip(Outcome o) {
  return o == Outcome::Harm || o == Outcome::Mixed || o == Outcome::PartlySupported ||
         o == Outcome::NotYetSupported;
}

#define UPSTANDER_VOCABULARY(E, table)                           \
  template <>                                                    \
  std::optional<E> parse_name<E>(std::string_view s) {           \
    return parse(table, s);                                      \
  }                                                              \
  template <>                                                    \
  const std::vector<std::string>& all_names<E>() {               \
    static const std::vector<std::string> cached = names(table); \
    return cached;                                               \
  }

UPSTANDER_VOCABULARY(VariableType, kVariableTypes)
UPSTANDER_VOCABULARY(ThreadKind, kThreadKinds)
UPSTANDER_VOCABULARY(ImageIcon, kImageIcons)
UPSTANDER_VOCABULARY(Outcome, kOutcomes)
UPSTANDER_VOCABULARY(LearningGoal, kGoals)
UPSTANDER_VOCABULARY(HelpTopic, kHelpTopics)
UPSTANDER_VOCABULARY(ReviewStatus, kReviewStatuses)
#undef UPSTANDER_VOCABULARY

template <>
std::optional<NodeKind> parse_name<NodeKind>(std::string_view s) {
  for (const KindSpec& k : node_kinds()) {
    if (k.name == s) return k.kind;
  }
  return std::nullopt;
}
template <>
const std::vector<std::string>& all_names<NodeKind>() {
  static const std::vector<std::string> cached = [] {
    std::vector<std::string> out;
    for (const KindSpec& k : node_kinds()) out.emplace_back(k.name);
    return out;
  }();
  return cached;
}

}  // namespace upstander
