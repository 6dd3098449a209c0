// Emoji above U+FFFF become private-use stand-ins for the 16-bit ImGui; the glyph set
// holds exactly what the content shows.
#include <doctest/doctest.h>

#include "upstander/ui/display_text.hpp"
#include "game_test_support.hpp"
#include "upstander/utf8.hpp"

using namespace upstander;
using namespace upstander::app;

TEST_CASE("astral emoji map to private-use code points; modifiers are dropped") {
  ui::GlyphSet set;
  ui::add_text(
      set,
      "hi \xF0\x9F\x98\x82 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xE2\x9D\xA4\xEF\xB8\x8F");  // 😂
                                                                                         // 👍🏽
                                                                                         // ❤️
  CHECK(set.count(0x1F602) == 1);
  CHECK(set.count(0x1F44D) == 1);
  CHECK(set.count(0x1F3FD) == 0);  // skin tone
  CHECK(set.count(0xFE0F) == 0);
  const ui::EmojiMap map(set);
  REQUIRE(map.stand_ins().size() == 2);
  const char32_t laugh = map.display(0x1F602);
  CHECK(laugh >= ui::kFirstPrivateUse);
  CHECK(laugh <= ui::kLastPrivateUse);
  CHECK(map.display(0x1F600) == ui::kNoGlyph);  // not in the set
  CHECK(map.display(U'가') == U'가');
  const std::string shown = ui::to_display("a\xF0\x9F\x98\x82\xE2\x9D\xA4\xEF\xB8\x8F", map);
  const auto cps = utf8::split_code_points(shown);
  REQUIRE(cps.size() == 3);
  CHECK(utf8::decode(cps[1]) == laugh);
  CHECK(utf8::decode(cps[2]) == 0x2764);
}

TEST_CASE(
    "a field edited in display form gives back the emoji; a code point ImGui lost is refused") {
  ui::GlyphSet set;
  ui::add_text(set, "\xF0\x9F\x99\x82 \xF0\x9F\x90\xBB");  // 🙂 🐻, two avatars
  const ui::EmojiMap map(set);
  const std::string bear = "\xF0\x9F\x90\xBB";
  const std::string shown = ui::to_display(bear, map);
  CHECK(shown != bear);  // what the author's field draws: the stand-in with the colour glyph
  CHECK(ui::from_display(shown, map) == bear);
  CHECK(ui::from_display(ui::to_display("\xF0\x9F\x99\x82" + bear, map), map) ==
        "\xF0\x9F\x99\x82" + bear);
  CHECK(ui::from_display("\xEA\xB0\x80 x", map) == "\xEA\xB0\x80 x");  // 가: as it was
  // A pasted 🦊 reaches the field as U+FFFD: keeping it would write "?" into the pack.
  CHECK_FALSE(ui::from_display(shown + "\xEF\xBF\xBD", map).has_value());
}

TEST_CASE("the glyph set covers the shipped content and stays far below the full Korean range") {
  const ContentLibrary lib = ContentLibrary::load(test::content_paths());
  const ui::GlyphSet set = ui::content_glyphs(lib);
  for (char32_t c = 0x20; c < 0x7F; ++c) CHECK(set.count(c) == 1);
  CHECK(set.count(U'지') == 1);    // from the scenario and the locale
  CHECK(set.count(0x1F602) == 1);  // 😂 in a choice
  std::size_t hangul = 0;
  for (char32_t c : set) hangul += (c >= 0xAC00 && c <= 0xD7A3) ? 1u : 0u;
  CHECK(hangul > 100);
  CHECK(hangul < 11172);
}
