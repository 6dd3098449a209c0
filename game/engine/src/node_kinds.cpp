// The node kinds' table (see node_kinds.hpp); FORMAT.md and the schema are generated from it.
#include "upstander/node_kinds.hpp"

#include <algorithm>
#include <array>
#include <cassert>

#include "upstander/text_limits.hpp"

namespace upstander {

namespace {

using T = FieldType;
using C = Carries;
using limits::kBubble, limits::kCard, limits::kDebrief, limits::kLabel, limits::kName, limits::kTitle;

constexpr std::string_view kAnswerSource = "an https:// address for a claim in the answer";
constexpr std::string_view kAnswerSourceSchema = "Optional: where a claim in the answer comes from.";

constexpr FieldSpec kNarration[] = {
    {"text", T::Text, true, kCard, C::MainText},
};
constexpr FieldSpec kChat[] = {
    {"thread", T::Ref, true, 0, C::Thread, "thread"},
    {"messages", T::Messages, true, kBubble, C::MainText},
};
constexpr FieldSpec kFeedPost[] = {
    {"author", T::Ref, true, 0, C::Speaker, "character"},
    {"text", T::Text, true, kBubble, C::MainText},
    {"image", T::Image, false, kLabel, C::Image},
    {"likes", T::Count, false},
    {"comments", T::Count, false},
};
constexpr FieldSpec kDirectMessage[] = {
    {"from", T::Ref, true, 0, C::Speaker, "character"},
    {"text", T::Text, false, kBubble, C::MainText, {}, "may be left out when there is an `image`", {}, true},
    {"image", T::Image, false, kLabel, C::Image},
};
constexpr FieldSpec kNotification[] = {
    {"app", T::Text, true, kName},
    {"title", T::Text, false, kLabel},
    {"text", T::Text, true, kBubble, C::MainText},
};
constexpr FieldSpec kImageCard[] = {
    {"thread", T::Ref, false, 0, C::Thread, "thread", "it arrives in that chat"},
    {"from", T::Ref, false, 0, C::Speaker, "character", "sent by this character"},
    {"image", T::Image, true, kLabel, C::Image},
    {"caption", T::Text, false, kLabel, C::MainText},
};
constexpr FieldSpec kPerspective[] = {
    {"character", T::Ref, true, 0, C::Speaker, "character", "whose phone we now see"},
    {"caption", T::Text, true, kLabel, C::MainText},
};
constexpr FieldSpec kExcuse[] = {
    {"speaker", T::Ref, false, 0, C::Speaker, "character",
     "never a `targeted` character; when the player is targeted, a speaker is required"},
    {"excuse", T::Text, true, kCard, C::MainText},
    {"answer", T::Text, true, kCard, C::Answer},
    {"source", T::Url, false, 0, C::Source, {}, kAnswerSource, kAnswerSourceSchema},
};
constexpr FieldSpec kThought[] = {
    {"speaker", T::Ref, false, 0, C::Speaker, "character"},
    {"thought", T::Text, true, kCard, C::MainText},
    {"answer", T::Text, true, kCard, C::Answer},
    {"source", T::Url, false, 0, C::Source, {}, kAnswerSource, kAnswerSourceSchema},
};
constexpr FieldSpec kRipple[] = {
    {"counter", T::Ref, true, 0, C::Nothing, "counter", "a counter variable"},
    {"caption", T::Text, true, kLabel, C::MainText, {}, "shown after the number"},
};
constexpr FieldSpec kReflection[] = {
    {"question", T::Text, true, kCard, C::MainText},
    {"options", T::Options, false, limits::kChoice, C::Nothing, {}, "a list of `{\"id\", \"text\"}`"},
    {"scale", T::Scale, false, kLabel, C::Nothing, {}, "`min_label`, `max_label` for a 1-5 scale"},
};
constexpr FieldSpec kFact[] = {
    {"text", T::Text, true, kCard, C::MainText},
    {"source", T::Url, true, 0, C::Nothing, {}, "an https:// address"},
    {"source_label", T::Text, false, kLabel},
};
constexpr FieldSpec kEnding[] = {
    {"outcome", T::Outcome, true, 0, C::Nothing, {}, "see below"},
    {"title", T::Text, true, kTitle},
    {"text", T::Text, true, kDebrief, C::MainText},
    {"debrief", T::Debrief, true, kDebrief, C::Nothing, {}, "`targeted`, `around`, `rules`; see below"},
    {"help", T::HelpList, true, 0, C::Nothing, {}, "see below"},
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

constexpr std::string_view kCommon[] = {"id", "kind", "scene", "time", "note", "effects",
                                        "next", "route", "choices", "skip_to"};

}  // namespace

std::span<const KindSpec> node_kinds() { return kKinds; }

const KindSpec& kind_spec(NodeKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  assert(i < std::size(kKinds) && kKinds[i].kind == kind && "kKinds follows NodeKind's order");
  return kKinds[i];
}

const FieldSpec* find_field(const KindSpec& kind, std::string_view name) {
  const auto it = std::find_if(kind.fields.begin(), kind.fields.end(), [&](const FieldSpec& f) { return f.name == name; });
  return it == kind.fields.end() ? nullptr : &*it;
}

std::span<const std::string_view> common_node_fields() { return kCommon; }

bool allows_common_field(Exits exits, std::string_view name) {
  const bool exit = name == "next" || name == "route" || name == "choices" || name == "skip_to";
  if (!exit) return std::find(std::begin(kCommon), std::end(kCommon), name) != std::end(kCommon);
  if (exits == Exits::None) return false;
  if (exits == Exits::NextOnly) return name == "next" || name == "skip_to";
  return true;
}

}  // namespace upstander
