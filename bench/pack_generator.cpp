// Synthetic scenario packs for the loader benchmarks.
#include "pack_generator.hpp"

#include <nlohmann/json.hpp>
#include <random>

namespace upstander::bench {

namespace {

using json = nlohmann::ordered_json;

json text(std::mt19937& rng, const char* en, const char* ko) {
  const std::string n = std::to_string(rng() % 1000);
  return json{{"ko", std::string(ko) + " " + n}, {"en", std::string(en) + " " + n}};
}

constexpr std::size_t kNodesPerChapter = 10;

void add_chapter(json& nodes, std::size_t c, std::size_t chapters, std::mt19937& rng) {
  const std::string p = "c" + std::to_string(c) + "-";
  const std::string next_chapter =
      c + 1 < chapters ? "c" + std::to_string(c + 1) + "-intro" : "wrap";
  nodes.push_back(
      {{"id", p + "intro"},
       {"kind", "narration"},
       {"scene", p + "scene"},
       {"time", "21:04"},
       {"text", text(rng, "Another evening, another message.", "또 다른 저녁, 또 다른 메시지.")},
       {"next", p + "chat"}});
  json msgs = json::array();
  for (int m = 0; m < 3; ++m) {
    msgs.push_back({{"from", m % 2 ? "minji" : "junho"},
                    {"time", "21:05"},
                    {"text", text(rng, "did you see what they posted", "걔가 올린 거 봤어?")}});
  }
  nodes.push_back({{"id", p + "chat"},
                   {"kind", "chat"},
                   {"thread", "class"},
                   {"messages", msgs},
                   {"next", p + "decide"}});
  json choices = json::array();
  choices.push_back({{"id", "laugh"},
                     {"text", text(rng, "React with a laugh", "웃음 반응 남기기")},
                     {"effects", json::array({json{{"add", "spread"}, {"by", 10}},
                                              json{{"set", "laughed"}, {"to", true}}})},
                     {"to", p + "excuse"}});
  choices.push_back(
      {{"id", "support"},
       {"text", text(rng, "Message the person targeted", "피해 친구에게 메시지 보내기")},
       {"to", p + "dm"}});
  choices.push_back({{"id", "report"},
                     {"text", text(rng, "Report without resharing", "다시 보내지 않고 신고하기")},
                     {"if", {{"not", {{"flag", "laughed"}}}}},
                     {"to", p + "card"}});
  nodes.push_back({{"id", p + "decide"},
                   {"kind", "narration"},
                   {"text", text(rng, "What do you do?", "어떻게 할래?")},
                   {"choices", choices},
                   {"skip_to", p + "ripple"}});
  nodes.push_back({{"id", p + "excuse"},
                   {"kind", "excuse"},
                   {"speaker", "junho"},
                   {"excuse", text(rng, "It's only a joke.", "그냥 장난이야.")},
                   {"answer", text(rng, "Not for the person in it.", "사진 속 사람한테는 아니야.")},
                   {"next", p + "ripple"}});
  nodes.push_back({{"id", p + "dm"},
                   {"kind", "dm"},
                   {"from", "jiwoo"},
                   {"text", text(rng, "thank you", "고마워")},
                   {"next", p + "ripple"}});
  nodes.push_back(
      {{"id", p + "card"},
       {"kind", "image_card"},
       {"thread", "class"},
       {"from", "junho"},
       {"image",
        {{"icon", "photo"}, {"label", text(rng, "an image, not shown", "보이지 않는 사진")}}},
       {"next", p + "ripple"}});
  nodes.push_back({{"id", p + "ripple"},
                   {"kind", "ripple"},
                   {"counter", "spread"},
                   {"caption", text(rng, "people have seen it", "명이 봤어")},
                   {"next", p + "fact"}});
  nodes.push_back({{"id", p + "fact"},
                   {"kind", "fact"},
                   {"text", text(rng, "Making one is a crime.", "만드는 것도 범죄야.")},
                   {"source", "https://example.org/facts"},
                   {"next", p + "other"}});
  nodes.push_back({{"id", p + "other"},
                   {"kind", "perspective"},
                   {"character", "jiwoo"},
                   {"caption", text(rng, "On Jiwoo's phone", "지우의 폰")},
                   {"next", p + "merge"}});
  // Resetting at the end of each chapter keeps the number of states linear in the nodes.
  nodes.push_back({{"id", p + "merge"},
                   {"kind", "perspective"},
                   {"character", "me"},
                   {"caption", text(rng, "Back on your phone", "다시 내 폰")},
                   {"effects", json::array({json{{"set", "laughed"}, {"to", false}},
                                            json{{"set", "spread"}, {"to", 0}}})},
                   {"next", next_chapter}});
}

json ending(const std::string& id, const char* outcome) {
  json layer = {{"text", {{"ko", "설명"}, {"en", "What happened."}}},
                {"sources", json::array({"https://example.org/law"})}};
  return {{"id", id},
          {"kind", "ending"},
          {"outcome", outcome},
          {"title", {{"ko", "끝"}, {"en", "The end"}}},
          {"text", {{"ko", "끝났어."}, {"en", "It is over."}}},
          {"debrief", {{"targeted", layer}, {"around", layer}, {"rules", layer}}},
          {"help", json::array({"counselling"})}};
}

}  // namespace

std::string generate_pack(std::size_t node_count, unsigned seed) {
  std::mt19937 rng(seed);
  const std::size_t chapters = std::max<std::size_t>(1, (node_count - 4) / kNodesPerChapter);
  json nodes = json::array();
  for (std::size_t c = 0; c < chapters; ++c) add_chapter(nodes, c, chapters, rng);
  nodes.push_back(
      {{"id", "wrap"},
       {"kind", "narration"},
       {"text", {{"ko", "그 뒤"}, {"en", "Afterwards"}}},
       {"choices",
        json::array(
            {json{{"id", "a"}, {"text", {{"ko", "가"}, {"en", "A"}}}, {"to", "end-up"}},
             json{{"id", "b"}, {"text", {{"ko", "나"}, {"en", "B"}}}, {"to", "end-mixed"}},
             json{{"id", "c"}, {"text", {{"ko", "다"}, {"en", "C"}}}, {"to", "end-harm"}}})},
       {"skip_to", "end-mixed"}});
  nodes.push_back(ending("end-up", "upstander"));
  nodes.push_back(ending("end-mixed", "mixed"));
  nodes.push_back(ending("end-harm", "harm"));
  auto character = [](const char* id, const char* ko, const char* en) {
    return json{{"id", id}, {"name", {{"ko", ko}, {"en", en}}}, {"avatar", {{"color", "#4a90d9"}}}};
  };
  json pack = {
      {"type", "scenario"},
      {"format_version", 1},
      {"id", "generated"},
      {"locales", {"ko", "en"}},
      {"title", {{"ko", "생성된 시나리오"}, {"en", "Generated"}}},
      {"summary", {{"ko", "벤치마크용"}, {"en", "For benchmarks"}}},
      {"content_note", {{"ko", "없음"}, {"en", "None"}}},
      {"audience", {{"min_age", 12}, {"max_age", 18}}},
      {"minutes", 10},
      {"learning_goals", {"real_harm"}},
      {"review", {{"status", "draft"}}},
      {"player", "me"},
      {"start", "c0-intro"},
      {"variables", json::array({json{{"id", "spread"}, {"type", "counter"}, {"min", 0}},
                                 json{{"id", "laughed"}, {"type", "flag"}}})},
      {"characters",
       json::array({character("me", "나", "You"), character("minji", "민지", "Minji"),
                    character("junho", "준호", "Junho"), character("jiwoo", "지우", "Jiwoo")})},
      {"threads", json::array({json{{"id", "class"},
                                    {"name", {{"ko", "반 단톡"}, {"en", "Class chat"}}},
                                    {"members", 31}}})},
      {"nodes", nodes}};
  return pack.dump(2);
}

}  // namespace upstander::bench
