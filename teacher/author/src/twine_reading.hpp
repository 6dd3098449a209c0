// Helpers shared by the Twee and the HTML readers (internal to upstander_author).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "upstander/author/twine_story.hpp"

namespace upstander::author {

// The tag on a passage whose one link is a choice (a decision with one option), not
// Twine's usual "next page" link: export-twee writes it, import-twine reads it.
inline constexpr std::string_view kOneChoiceTag = "choice";

// A kind's short extra texts, which have no place in a passage's one body, go on lines of
// their own after it ("Caption: ..."): export-twee writes them, import-twine reads them
// back from the end of a passage of that kind (never from its first line, which is the text).
inline constexpr std::string_view kImageLine = "Image";         // feed_post, dm: the image's label
inline constexpr std::string_view kTitleLine = "Title";         // notification
inline constexpr std::string_view kCaptionLine = "Caption";     // image_card
inline constexpr std::string_view kScaleMinLine = "Scale 1";    // reflection: under 1
inline constexpr std::string_view kScaleMaxLine = "Scale 5";    // reflection: under 5
inline constexpr std::string_view kSourceLabelLine = "Source";  // fact: the source's label

std::string trim_copy(std::string_view s);
// Twine's tags and macro names are case-insensitive ASCII.
std::string ascii_lower(std::string s);
std::vector<std::string> split_words(std::string_view s);
// Twine writes positions as "x,y".
std::optional<std::pair<double, double>> parse_position(std::string_view s);
// Passages that hold code or media rather than story (tagged script, stylesheet,
// Twine.image ...) are removed from the story with a note each.
void set_aside_code_passages(TwineStory& story, ImportNotes& notes);

}  // namespace upstander::author
