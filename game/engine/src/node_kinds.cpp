// The node kinds' table (see node_kinds.hpp); FORMAT.md and the schema are generated from it.
#include "upstander/node_kinds.hpp"

#include <algorithm>
#include <array>
#include <cassert>

#include "upstander/text_limits.hpp"

namespace upstander {

namespace {

using FT = FieldType;
using CR = Carries;
using limits::kBubble, limits::kCard, limits::kDebrief, limits::kLabel, limits::kName,
    limits::kTitle;

constexpr std::string_view kAnswerSource = "an https:// address for a claim in the answer";
constexpr std::string_view kAnswerSourceSchema =
    "Optional: where a claim in the answer comes from.";

// The table reads as a table: one field per row, even past 100 columns.
// clang-format off
constexpr FieldSpec kNarration[] = {
    {"text", FT::Text, true, kCard, CR::MainText},
};
constexpr FieldSpec kChat[] = {
    {"thread", FT::Ref, true, 0, CR::Thread, "thread"},
    {"messages", FT::Messages, true, kBubble, CR::MainText},
};
constexpr FieldSpec kFeedPost[] = {
    {"author", FT::Ref, true, 0, CR::Speaker, "character"},
    {"text", FT::Text, true, kBubble, CR::MainText},
    {"image", FT::Image, false, kLabel, CR::Image},
    {"likes", FT::Count, false},
    {"comments", FT::Count, false},
};
constexpr FieldSpec kDirectMessage[] = {
    {"from", FT::Ref, true, 0, CR::Speaker, "character"},
    {"text", FT::Text, false, kBubble, CR::MainText, {}, "may be left out when there is an `image`", {}, true},
    {"image", FT::Image, false, kLabel, CR::Image},
};
constexpr FieldSpec kNotification[] = {
    {"app", FT::Text, true, kName},
    {"title", FT::Text, false, kLabel},
    {"text", FT::Text, true, kBubble, CR::MainText},
};
constexpr FieldSpec kImageCard[] = {
    {"thread", FT::Ref, false, 0, CR::Thread, "thread", "it arrives in that chat"},
    {"from", FT::Ref, false, 0, CR::Speaker, "character", "sent by this character"},
    {"image", FT::Image, true, kLabel, CR::Image},
    {"caption", FT::Text, false, kLabel, CR::MainText},
};
constexpr FieldSpec kPerspective[] = {
    {"character", FT::Ref, true, 0, CR::Speaker, "character", "whose phone we now see"},
    {"caption", FT::Text, true, kLabel, CR::MainText},
};
constexpr FieldSpec kExcuse[] = {
    {"speaker", FT::Ref, false, 0, CR::Speaker, "character",
     "never a `targeted` character; when the player is targeted, a speaker is required"},
    {"excuse", FT::Text, true, kCard, CR::MainText},
    {"answer", FT::Text, true, kCard, CR::Answer},
    {"source", FT::Url, false, 0, CR::Source, {}, kAnswerSource, kAnswerSourceSchema},
};
constexpr FieldSpec kThought[] = {
    {"speaker", FT::Ref, false, 0, CR::Speaker, "character"},
    {"thought", FT::Text, true, kCard, CR::MainText},
    {"answer", FT::Text, true, kCard, CR::Answer},
    {"source", FT::Url, false, 0, CR::Source, {}, kAnswerSource, kAnswerSourceSchema},
};
constexpr FieldSpec kRipple[] = {
    {"counter", FT::Ref, true, 0, CR::Nothing, "counter", "a counter variable"},
    {"caption", FT::Text, true, kLabel, CR::MainText, {}, "shown after the number"},
};
constexpr FieldSpec kReflection[] = {
    {"question", FT::Text, true, kCard, CR::MainText},
    {"options", FT::Options, false, limits::kChoice, CR::Nothing, {}, "a list of `{\"id\", \"text\"}`"},
    {"scale", FT::Scale, false, kLabel, CR::Nothing, {}, "`min_label`, `max_label` for a 1-5 scale"},
};
constexpr FieldSpec kFact[] = {
    {"text", FT::Text, true, kCard, CR::MainText},
    {"source", FT::Url, true, 0, CR::Nothing, {}, "an https:// address"},
    {"source_label", FT::Text, false, kLabel},
};
constexpr FieldSpec kEnding[] = {
    {"outcome", FT::Outcome, true, 0, CR::Nothing, {}, "see below"},
    {"title", FT::Text, true, kTitle},
    {"text", FT::Text, true, kDebrief, CR::MainText},
    {"debrief", FT::Debrief, true, kDebrief, CR::Nothing, {}, "`targeted`, `around`, `rules`; see below"},
    {"help", FT::HelpList, true, 0, CR::Nothing, {}, "see below"},
};

constexpr KindSpec kKinds[] = {
    {NodeKind::Narration, "narration", "A short line of story.", "a short line of story", Exits::Any, kNarration},
    {NodeKind::Chat, "chat", "Messages arriving one by one in a chat thread.", "messages arriving one by one in a chat",
     Exits::Any, kChat},
    {NodeKind::FeedPost, "feed_post", "A post in a social feed.", "a post in a social feed", Exits::Any, kFeedPost},
    {NodeKind::DirectMessage, "dm", "A direct message.", "a direct message, often from an unknown account", Exits::Any,
     kDirectMessage},
    {NodeKind::Notification, "notification", "A banner at the top of the phone.", "a banner sliding in at the top",
     Exits::Any, kNotification},
    {NodeKind::ImageCard, "image_card", "A neutral card standing for an image.", "a neutral card standing for an image",
     Exits::Any, kImageCard},
    {NodeKind::Perspective, "perspective", "The phone changes hands: now we see this character's phone.",
     "the phone changes hands: now we see someone else's phone", Exits::Any, kPerspective},
    {NodeKind::Excuse, "excuse",
     "An excuse made by someone doing, passing on or excusing the harm, named and answered. Never spoken by a "
     "targeted character.",
     "an excuse made by someone doing, passing on or excusing the harm, named and answered", Exits::Any, kExcuse},
    {NodeKind::Thought, "thought",
     "A thought that gets in the way of a targeted person or a supporter (self-blame, fear, hope, loyalty to a "
     "secret), answered warmly.",
     "a thought that gets in the way of the person targeted or of a supporter (self-blame, fear, hope, loyalty to a "
     "secret), answered warmly; headed \"이런 생각이 들 수 있어 / A thought that can get in the way\", never \"excuse\"",
     Exits::Any, kThought},
    {NodeKind::Ripple, "ripple", "How far an image has spread (a counter variable).", "how far an image has spread",
     Exits::Any, kRipple},
    {NodeKind::Reflection, "reflection", "A question to think about: options or a 1-5 scale.",
     "a question to think about; answers are anonymous; moves on with `next`", Exits::NextOnly, kReflection,
     "either `options` or `scale`"},
    {NodeKind::Fact, "fact", "A fact with the address of its source.", "a fact with its source", Exits::Any, kFact},
    {NodeKind::Ending, "ending", "The end of the scenario with its three-layer debrief.",
     "the end of the story and its debrief", Exits::None, kEnding},
};
// clang-format on

constexpr std::string_view kCommon[] = {"id",      "kind", "scene", "time",    "note",
                                        "effects", "next", "route", "choices", "skip_to"};

}  // namespace

std::span<const KindSpec> node_kinds() {
  return kKinds;
}

const KindSpec& kind_spec(NodeKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  assert(i < std::size(kKinds) && kKinds[i].kind == kind && "kKinds follows NodeKind's order");
  return kKinds[i];
}

const FieldSpec* find_field(const KindSpec& kind, std::string_view name) {
  const auto it = std::find_if(kind.fields.begin(), kind.fields.end(),
                               [&](const FieldSpec& f) { return f.name == name; });
  return it == kind.fields.end() ? nullptr : &*it;
}

std::span<const std::string_view> common_node_fields() {
  return kCommon;
}

bool allows_common_field(Exits exits, std::string_view name) {
  const bool exit = name == "next" || name == "route" || name == "choices" || name == "skip_to";
  if (!exit) return std::find(std::begin(kCommon), std::end(kCommon), name) != std::end(kCommon);
  if (exits == Exits::None) return false;
  if (exits == Exits::NextOnly) return name == "next" || name == "skip_to";
  return true;
}

}  // namespace upstander
