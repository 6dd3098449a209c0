// The fixed words of the content format (node kinds, outcomes, icons, goals, topics) and
// their spelling in JSON. One table per enum, so names cannot drift between reader and writer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace upstander {

enum class NodeKind {
  Narration,
  Chat,
  FeedPost,
  DirectMessage,
  Notification,
  ImageCard,
  Perspective,
  Excuse,
  Thought,
  Ripple,
  Reflection,
  Fact,
  Ending
};
enum class VariableType { Flag, Counter };
enum class ThreadKind { Group, Direct };
enum class ImageIcon { Photo, Video, Screenshot, Link };
// upstander/mixed/harm grade a bystander's story; supported/partly_supported/
// not_yet_supported describe how a targeted player was helped (never graded); skipped is
// the supportive route every "skip this scene" leads to, counted apart from endings.
enum class Outcome { Upstander, Mixed, Harm, Supported, PartlySupported, NotYetSupported, Skipped };
// The five things every student should be able to do afterwards (LEARNING.md).
enum class LearningGoal { RealHarm, Excuses, UpstanderActions, IfTargeted, Consequences };
enum class HelpTopic { Counselling, Takedown, Report, School, Police, Legal };
enum class ReviewStatus { Draft, Reviewed };

std::string_view name_of(NodeKind v);
std::string_view name_of(VariableType v);
std::string_view name_of(ThreadKind v);
std::string_view name_of(ImageIcon v);
std::string_view name_of(Outcome v);
std::string_view name_of(LearningGoal v);
std::string_view name_of(HelpTopic v);
std::string_view name_of(ReviewStatus v);

// The outcomes of a scenario whose player is the person targeted.
bool is_supported_family(Outcome o);
// Outcomes a skip path must never reach (the student chose not to play the scene).
bool is_unsafe_after_skip(Outcome o);

// Parses the JSON spelling; nullopt for anything else.
template <typename E>
std::optional<E> parse_name(std::string_view s);
// Every JSON spelling of E, in declaration order (for messages and the schema).
template <typename E>
const std::vector<std::string>& all_names();

// The specializations vocabulary.cpp defines, declared so that no file (in a unity batch
// with vocabulary.cpp especially) instantiates the primary template first.
#define UPSTANDER_DECLARE_VOCABULARY(E)               \
  template <>                                         \
  std::optional<E> parse_name<E>(std::string_view s); \
  template <>                                         \
  const std::vector<std::string>& all_names<E>();
UPSTANDER_DECLARE_VOCABULARY(NodeKind)
UPSTANDER_DECLARE_VOCABULARY(VariableType)
UPSTANDER_DECLARE_VOCABULARY(ThreadKind)
UPSTANDER_DECLARE_VOCABULARY(ImageIcon)
UPSTANDER_DECLARE_VOCABULARY(Outcome)
UPSTANDER_DECLARE_VOCABULARY(LearningGoal)
UPSTANDER_DECLARE_VOCABULARY(HelpTopic)
UPSTANDER_DECLARE_VOCABULARY(ReviewStatus)
#undef UPSTANDER_DECLARE_VOCABULARY

}  // namespace upstander
