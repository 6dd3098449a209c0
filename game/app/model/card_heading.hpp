// The headings of excuse and thought cards in natural grammar: "Your excuse" / "내 핑계" for
// the player, "Dohyun's excuse" / "도현이의 핑계" for a named speaker, and one warm heading
// for a thought that gets in the way (never "excuse").
#pragma once

#include <string>
#include <string_view>

#include "ui_text.hpp"
#include "upstander/scenario.hpp"

namespace upstander::app {

// The heading of the excuse card `n` in the student's language.
std::string excuse_heading(const UiText& text, const Scenario& s, const ExcuseBody& excuse);

// The heading of a thought card (the same whoever thinks it).
std::string thought_heading(const UiText& text);

// A Korean given name as friends say it before a particle: a name whose last syllable ends
// in a consonant takes 이 (도현 -> 도현이, so 도현이의); one ending in a vowel stays (지우의).
// Names that are not a single Hangul word (an account name, "Mr Kim") are left alone.
std::string korean_familiar_name(std::string_view name);

}  // namespace upstander::app
