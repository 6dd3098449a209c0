// The teacher guide keeps up with the content: every source the game cites is listed with its
// fact, and every decision point has discussion questions, in both languages. It also holds
// what a Korean school needs to run the lesson unchanged (issue 14): devices, timings, the
// reporting procedure, the norm-reveal rule, scripts, a family letter, curriculum links, and
// links between its pages that resolve.
//
// Index:
//   1. Reading the guide: files, links, lines
//   2. Scripts' length and standard codes
//   3. The sources the game cites
//   4. Coverage: pages, sources, questions, links
//   5. Running the lesson: devices, timings, norm reveal, disclosure
//   6. Scripts, the explainer, the family letter, consent
//   7. Curriculum, facts and survey forms
//   8. US spelling

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "shipped_content.hpp"

using namespace upstander;
using namespace upstander::content_test;

namespace {

// --- 1. Reading the guide: files, links, lines ---

const char* const kGuideFiles[] = {"README.md",
                                   "lesson-plans.md",
                                   "discussion-questions.md",
                                   "disclosure.md",
                                   "consent-and-data.md",
                                   "facts.md",
                                   "authoring.md",
                                   "norm-reveal.md",
                                   "difficult-moments.md",
                                   "deepfake-explainer.md",
                                   "family-letter.md",
                                   "school-cases.md",
                                   "curriculum.md"};
const char* const kGuideLocales[] = {"ko", "en"};

std::string guide(const std::string& locale, const std::string& file) {
  return read_text_file("content/guide/" + locale + "/" + file);
}

bool contains(const std::string& text, std::string_view needle) {
  return text.find(needle) != std::string::npos;
}

// The Markdown files of one locale's guide, by file name.
std::set<std::string> guide_files(const std::string& locale) {
  std::set<std::string> out;
  for (const auto& e :
       std::filesystem::directory_iterator(source_path("content/guide/" + locale))) {
    if (e.path().extension() == ".md") out.insert(e.path().filename().string());
  }
  return out;
}

// Targets of inline Markdown links "[text](target)", without a "#fragment".
std::vector<std::string> link_targets(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t at = text.find("]("); at != std::string::npos; at = text.find("](", at + 2)) {
    const std::size_t end = text.find(')', at + 2);
    if (end == std::string::npos) break;
    std::string target = text.substr(at + 2, end - at - 2);
    target = target.substr(0, target.find('#'));
    if (!target.empty()) out.push_back(target);
  }
  return out;
}

bool is_relative(const std::string& target) {
  return target.find("://") == std::string::npos && target.rfind("mailto:", 0) != 0;
}

// Lines of `text` that contain `needle`.
std::vector<std::string> lines_with(const std::string& text, std::string_view needle) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (contains(line, needle)) out.push_back(line);
    start = end + 1;
  }
  return out;
}

// The list item, table row or paragraph of `text` around byte `pos`, on one line.
std::string block_around(const std::string& text, std::size_t pos) {
  std::size_t start = 0;
  std::size_t end = text.size();
  for (const char* mark : {"\n\n", "\n- ", "\n|", "\n> "}) {
    const std::size_t before = text.rfind(mark, pos);
    if (before != std::string::npos) start = std::max(start, before + 1);
    const std::size_t after = text.find(mark, pos);
    if (after != std::string::npos) end = std::min(end, after);
  }
  std::string block = text.substr(start, end - start);
  for (std::size_t nl = block.find('\n'); nl != std::string::npos; nl = block.find('\n', nl))
    block[nl] = ' ';
  return block;
}

// --- 2. Scripts' length and standard codes ---

// The quoted script of a page: every line that starts with "> ", without the marker.
std::string quoted(const std::string& text) {
  std::string out;
  for (const auto& line : lines_with(text, ">")) {
    if (line.rfind(">", 0) == 0) out += line.substr(1) + "\n";
  }
  return out;
}

std::size_t word_count(const std::string& text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Hangul syllables (U+AC00-U+D7A3) in UTF-8 text: a Korean script's spoken length.
std::size_t hangul_syllables(const std::string& text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if ((b0 & 0xF0) != 0xE0) continue;
    const unsigned code = ((b0 & 0x0Fu) << 12) |
                          ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                          (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    if (code >= 0xAC00 && code <= 0xD7A3) ++n;
    i += 2;
  }
  return n;
}

// An achievement-standard code such as "[9도01-01]": a bracket, a digit, and a dash before the
// closing bracket. The guide names standards in general terms and never invents codes.
bool has_standard_code(const std::string& text) {
  for (std::size_t at = text.find('['); at != std::string::npos; at = text.find('[', at + 1)) {
    if (at + 1 >= text.size() || text[at + 1] < '0' || text[at + 1] > '9') continue;
    const std::size_t close = text.find(']', at);
    if (close != std::string::npos && close - at < 24 && contains(text.substr(at, close - at), "-"))
      return true;
  }
  return false;
}

// --- 3. The sources the game cites ---

std::set<std::string> cited_sources() {
  std::set<std::string> out;
  for (const auto& id : kAllScenarios) {
    for (const auto& n : scenario(id).nodes) {
      if (n.kind == NodeKind::Fact) out.insert(n.as<FactBody>().source);
      if (!n.is_ending()) continue;
      const auto& e = n.as<EndingBody>();
      for (const DebriefLayer* layer : {&e.targeted, &e.around, &e.rules})
        out.insert(layer->sources.begin(), layer->sources.end());
    }
  }
  if (const HelpDirectory* h = library().help()) {
    for (const auto& c : h->countries) {
      for (const auto& r : c.resources) {
        if (!r.source.empty()) out.insert(r.source);
      }
    }
  }
  return out;
}

}  // namespace

// --- 4. Coverage: pages, sources, questions, links ---

TEST_CASE("the guide exists in Korean and English") {
  for (const char* locale : kGuideLocales) {
    for (const char* file : kGuideFiles) {
      CAPTURE(locale);
      CAPTURE(file);
      CHECK(read_text_file(std::string("content/guide/") + locale + "/" + file).size() > 500);
    }
  }
}

TEST_CASE("every source the game cites is listed in the guide's facts") {
  const auto sources = cited_sources();
  CHECK(sources.size() >= 10);
  for (const char* locale : {"ko", "en"}) {
    const std::string facts = read_text_file(std::string("content/guide/") + locale + "/facts.md");
    for (const auto& src : sources) {
      CAPTURE(locale);
      CAPTURE(src);
      CHECK(facts.find(src) != std::string::npos);
    }
  }
}

TEST_CASE("every decision point has discussion questions") {
  for (const char* locale : {"ko", "en"}) {
    const std::string guide =
        read_text_file(std::string("content/guide/") + locale + "/discussion-questions.md");
    for (const auto& id : kAllScenarios) {
      for (const auto& n : scenario(id).nodes) {
        if (!n.is_decision()) continue;
        CAPTURE(locale);
        CAPTURE(id);
        CAPTURE(n.id);
        CHECK(guide.find("`" + id + "/" + n.id + "`") != std::string::npos);
      }
    }
  }
}

TEST_CASE(
    "the lesson plans cover both period lengths and the consent notes cover Korea and the US") {
  const std::string en_plans = read_text_file("content/guide/en/lesson-plans.md");
  CHECK(en_plans.find("45-minute") != std::string::npos);
  CHECK(en_plans.find("50-minute") != std::string::npos);
  const std::string ko_plans = read_text_file("content/guide/ko/lesson-plans.md");
  CHECK(ko_plans.find("45분") != std::string::npos);
  CHECK(ko_plans.find("50분") != std::string::npos);
  const std::string en_consent = read_text_file("content/guide/en/consent-and-data.md");
  CHECK(en_consent.find("PIPA") != std::string::npos);
  CHECK(en_consent.find("PPRA") != std::string::npos);
  const std::string ko_consent = read_text_file("content/guide/ko/consent-and-data.md");
  CHECK(ko_consent.find("개인정보 보호법") != std::string::npos);
  CHECK(ko_consent.find("PPRA") != std::string::npos);
}

TEST_CASE("both languages have the same pages, and each README links every page") {
  const auto ko = guide_files("ko");
  CHECK(ko == guide_files("en"));
  for (const std::string locale : kGuideLocales) {
    const std::string readme = guide(locale, "README.md");
    for (const auto& file : ko) {
      if (file == "README.md") continue;
      CAPTURE(locale);
      CAPTURE(file);
      CHECK(contains(readme, "](" + file + ")"));
    }
  }
}

TEST_CASE("every relative link in the guide resolves") {
  std::size_t checked = 0;
  for (const std::string locale : kGuideLocales) {
    for (const auto& file : guide_files(locale)) {
      const std::string dir = "content/guide/" + std::string(locale) + "/";
      for (const auto& target : link_targets(guide(locale, file))) {
        if (!is_relative(target)) continue;
        CAPTURE(locale);
        CAPTURE(file);
        CAPTURE(target);
        CHECK(std::filesystem::exists(source_path(dir + target)));
        ++checked;
      }
    }
  }
  CHECK(checked >= 40);
}

// --- 5. Running the lesson: devices, timings, norm reveal, disclosure ---

TEST_CASE("the README says what devices a class needs, and the no-device fallback") {
  const std::string en = guide("en", "README.md");
  CHECK(contains(en, "## What you need"));
  for (const std::string needle :
       {"browser", "tablet", "Chromebook", "phone", "QR code", "one computer", "Linux"}) {
    CAPTURE(needle);
    CHECK(contains(en, needle));
  }
  const std::string ko = guide("ko", "README.md");
  CHECK(contains(ko, "## 필요한 것"));
  for (const std::string needle :
       {"브라우저", "태블릿", "크롬북", "휴대폰", "QR 코드", "컴퓨터 한 대", "리눅스"}) {
    CAPTURE(needle);
    CHECK(contains(ko, needle));
  }
  CHECK(contains(en, "](norm-reveal.md)"));
  CHECK(contains(ko, "](norm-reveal.md)"));
}

TEST_CASE("the lesson plans give joining 6-7 minutes and never promise a majority") {
  const std::string en = guide("en", "lesson-plans.md");
  CHECK(contains(en, "**6-7 minutes**"));
  CHECK(contains(en, "| 6-13 | Join and pre-survey |"));
  CHECK_FALSE(contains(en, "Most classes refuse to forward"));
  const std::string ko = guide("ko", "lesson-plans.md");
  CHECK(contains(ko, "**6~7분**"));
  CHECK(contains(ko, "| 6-13 | 접속과 사전 설문 |"));
  CHECK_FALSE(contains(ko, "대부분의 반은 전달하지 않기를"));
  for (const std::string* plans : {&en, &ko}) {
    CHECK(contains(*plans, "](norm-reveal.md)"));
    CHECK(contains(*plans, "](deepfake-explainer.md)"));
    CHECK(contains(*plans, "](family-letter.md)"));
    CHECK(contains(*plans, "](difficult-moments.md)"));
  }
}

TEST_CASE("the norm reveal: preview, never a harmful majority, the reason, and paper slips") {
  const std::string en = guide("en", "norm-reveal.md");
  for (const std::string needle :
       {"**Preview**", "harmful option", "don't reveal it as the norm", "did not pass it on",
        "shows a warning", "boomerang", "Paper slips", "Show of hands", "fewer than 5"}) {
    CAPTURE(needle);
    CHECK(contains(en, needle));
  }
  const std::string ko = guide("ko", "norm-reveal.md");
  for (const std::string needle :
       {"**미리 보기**", "해로운 선택", "\"다수\"로 공개하지 마세요", "전달하지 않은", "경고",
        "부메랑", "쪽지", "손들기", "5명 미만"}) {
    CAPTURE(needle);
    CHECK(contains(ko, needle));
  }
  CHECK(contains(guide("en", "facts.md"), "Schultz"));
  CHECK(contains(guide("ko", "facts.md"), "Schultz"));
}

TEST_CASE("the disclosure page has the Korean procedure and a confession section") {
  const std::string ko = guide("ko", "disclosure.md");
  for (const std::string needle :
       {"학교장에게 보고", "청소년성보호법 제34조 제2항", "112", "117", "즉시 분리", "교육지원청",
        "48시간", "Wee 클래스", "전문상담교사", "1366", "02-735-8994", "디지털성범죄피해자지원센터",
        "\"제가 만들었어요\"", "선처도 비밀도 약속하지", "파일이나 휴대폰을 받거나", "보호자",
        "이 학생의 안전도", "109"}) {
    CAPTURE(needle);
    CHECK(contains(ko, needle));
  }
  const std::string en = guide("en", "disclosure.md");
  for (const std::string needle :
       {"**school head**", "청소년성보호법 §34 ②", "112", "117", "즉시 분리", "district office",
        "48 hours", "Wee class", "1366", "02-735-8994", "made or forwarded it",
        "Don't promise leniency", "Don't take, open or look", "parents or caregivers",
        "Keep this student safe too", "109"}) {
    CAPTURE(needle);
    CHECK(contains(en, needle));
  }
}

TEST_CASE("a live case in the school and a teacher who is targeted have their own page") {
  const std::string en = guide("en", "school-cases.md");
  for (const std::string needle :
       {"## A case is live in your school", "Postpone", "use the scenario that matches the case",
        "counselor", "## A teacher is targeted", "33 were", "1395"}) {
    CAPTURE(needle);
    CHECK(contains(en, needle));
  }
  const std::string ko = guide("ko", "school-cases.md");
  for (const std::string needle :
       {"## 학교에 진행 중인 사건이 있을 때", "미루기", "사건과 닮은 시나리오는 쓰지", "상담",
        "## 교사가 피해를 입었을 때", "33명", "1395"}) {
    CAPTURE(needle);
    CHECK(contains(ko, needle));
  }
}

// --- 6. Scripts, the explainer, the family letter, consent ---

TEST_CASE("scripts for laughter, derailing and gender backlash") {
  const std::string en = guide("en", "difficult-moments.md");
  for (const std::string needle :
       {"## Laughter", "## Derailing", "boys are all offenders", "only girls can be victims"}) {
    CAPTURE(needle);
    CHECK(contains(en, needle));
  }
  const std::string ko = guide("ko", "difficult-moments.md");
  for (const std::string needle :
       {"## 웃음이 터질 때", "## 이야기가 딴 데로 샐 때", "남자는 다 가해자", "여자만 피해자"}) {
    CAPTURE(needle);
    CHECK(contains(ko, needle));
  }
}

TEST_CASE("the deepfake explainer takes about two minutes and has no sexual example") {
  const std::string en = quoted(guide("en", "deepfake-explainer.md"));
  const std::string ko = quoted(guide("ko", "deepfake-explainer.md"));
  // About 150 spoken words or 300 Korean syllables a minute.
  CHECK(word_count(en) >= 220);
  CHECK(word_count(en) <= 360);
  CHECK(hangul_syllables(ko) >= 450);
  CHECK(hangul_syllables(ko) <= 800);
  for (const std::string word : {"nude", "naked", "porn", "breast", "undress"}) {
    CAPTURE(word);
    CHECK_FALSE(contains(en, word));
  }
  for (const std::string word : {"누드", "알몸", "음란", "나체", "벗"}) {
    CAPTURE(word);
    CHECK_FALSE(contains(ko, word));
  }
}

TEST_CASE("the family letter has three talking points and every help number") {
  for (const std::string locale : kGuideLocales) {
    const std::string letter = quoted(guide(locale, "family-letter.md"));
    CAPTURE(locale);
    for (const std::string needle : {"**1. ", "**2. ", "**3. ", "1366", "02-735-8994", "117", "112",
                                     "109", "Take It Down", "takeitdown.ncmec.org"}) {
      CAPTURE(needle);
      CHECK(contains(letter, needle));
    }
  }
  CHECK(contains(quoted(guide("ko", "family-letter.md")), "가정통신문"));
  CHECK(contains(quoted(guide("ko", "family-letter.md")), "02-735-8994 (24시간)"));
  CHECK(contains(quoted(guide("en", "family-letter.md")), "02-735-8994 (24 hours)"));
}

TEST_CASE("the consent page has a Korean consent form and the no-consent fallback") {
  const std::string ko = guide("ko", "consent-and-data.md");
  for (const std::string needle :
       {"개인정보 수집·이용 동의서", "수집·이용 목적", "수집 항목", "보유·이용 기간",
        "동의를 거부할 권리", "법정대리인", "](norm-reveal.md)", "**혼자 하기**"}) {
    CAPTURE(needle);
    CHECK(contains(ko, needle));
  }
  const std::string en = guide("en", "consent-and-data.md");
  CHECK(contains(en, "](norm-reveal.md)"));
  CHECK(contains(en, "**Play on my own**"));
}

// --- 7. Curriculum, facts and survey forms ---

TEST_CASE("curriculum links name the required hours and subjects, without invented codes") {
  const std::string ko = guide("ko", "curriculum.md");
  for (const std::string needle : {"성교육", "학교폭력 예방교육", "디지털 성범죄 예방교육", "도덕",
                                   "정보", "보건", "ncic.go.kr"}) {
    CAPTURE(needle);
    CHECK(contains(ko, needle));
  }
  const std::string en = guide("en", "curriculum.md");
  for (const std::string needle :
       {"## England: RSHE", "statutory", "deepfakes", "## United States", "## Korea"}) {
    CAPTURE(needle);
    CHECK(contains(en, needle));
  }
  CHECK_FALSE(has_standard_code(ko));
  CHECK_FALSE(has_standard_code(en));
  CHECK(has_standard_code("도덕 [9도01-01] 성취기준"));
}

TEST_CASE("facts name the renamed regulator, 109 and the support centre's 24 hours") {
  const std::string ko = guide("ko", "facts.md");
  CHECK(contains(ko, "방송미디어통신심의위원회"));
  CHECK(contains(ko, "109: 2024년 1월 1일부터"));
  CHECK(contains(ko, "02-735-8994, 24시간"));
  CHECK(contains(ko, "청소년성보호법 제34조"));
  const std::string en = guide("en", "facts.md");
  CHECK(contains(en, "방송미디어통신심의위원회"));
  CHECK(contains(en, "109: the single national suicide-prevention line"));
  CHECK(contains(en, "answered 24 hours"));
  CHECK(contains(en, "청소년성보호법 §34"));
}

TEST_CASE("117 keeps the reporter confidential; the guide never calls it anonymous") {
  std::size_t blocks = 0;
  for (const std::string locale : kGuideLocales) {
    for (const auto& file : guide_files(locale)) {
      const std::string text = guide(locale, file);
      for (std::size_t at = text.find("117"); at != std::string::npos;
           at = text.find("117", at + 3)) {
        const std::string block = block_around(text, at);
        CAPTURE(locale);
        CAPTURE(file);
        CAPTURE(block);
        if (contains(block, "anonymous")) CHECK(contains(block, "not anonymous"));
        if (contains(block, "익명")) CHECK(contains(block, "익명 신고는 아"));
        ++blocks;
      }
    }
  }
  CHECK(blocks >= 10);
  CHECK(
      contains(block_around("a\n- 117 is\n  not anonymous\n- next", 5), "117 is   not anonymous"));
}

TEST_CASE("the lesson plans give half the class each survey form first, as the server does") {
  const std::string en = guide("en", "lesson-plans.md");
  const std::string ko = guide("ko", "lesson-plans.md");
  CHECK(contains(en, "half the class gets form A and half form B"));
  CHECK(contains(ko, "절반에게 B형"));
  // Not "form A before, form B after" for everyone: that confounds form and time.
  CHECK_FALSE(contains(en, "answer form B"));
  CHECK_FALSE(contains(en, "| Form B. |"));
  CHECK_FALSE(contains(ko, "B형 설문에 답합니다"));
}

// --- 8. US spelling ---

// Every string under an "en" key in a content file.
void english_strings(const nlohmann::json& j, std::string& out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (key == "en" && value.is_string())
        out += value.get<std::string>() + "\n";
      else
        english_strings(value, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) english_strings(v, out);
  }
}

// One English variety (US, as the international schools in Korea mostly are): the review
// found British and American spellings mixed ("Mum", "carer", "counsellor").
TEST_CASE("the English guide, UI strings and scenario texts use US spelling") {
  const char* const british[] = {"counsell", "Counsell", "carer",     "behaviour",
                                 "colour",   "apologis", "travelled", "going round",
                                 " Mum",     " mum ",    "Centre"};
  std::vector<std::pair<std::string, std::string>> texts;
  for (const char* file : kGuideFiles) texts.emplace_back(file, guide("en", file));
  const nlohmann::json locale = nlohmann::json::parse(read_text_file("content/locale/en.json"));
  std::string ui;
  for (const auto& [key, value] : locale["strings"].items())
    if (value.is_string()) ui += value.get<std::string>() + "\n";
  texts.emplace_back("content/locale/en.json", ui);
  for (const auto& id : kAllScenarios) {
    std::string en;
    english_strings(
        nlohmann::json::parse(read_text_file("content/scenarios/" + std::string(id) + ".json")),
        en);
    texts.emplace_back(id, en);
  }
  for (const auto& [where, text] : texts) {
    for (const char* word : british) {
      INFO(where, ": ", std::string(word));
      CHECK(text.find(word) == std::string::npos);
    }
  }
}
