// Benchmarks of the student game on SDL's software renderer: cold start to first frame,
// frame CPU time on a busy chat against a bare ImGui window drawing the same text, peak
// memory, and the font atlas for the content's glyphs against the whole Korean range.
// Reports numbers; it is not a test.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "app_model.hpp"
#include "upstander/ui/font_set.hpp"
#include "game_window.hpp"
#include "upstander/content_file.hpp"
#include "upstander/content_library.hpp"

extern char** environ;

using namespace upstander;
using namespace upstander::app;

namespace {

double now_ms(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Stats {
  double median = 0, p99 = 0;
};
Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  Stats s;
  if (v.empty()) return s;
  s.median = v[v.size() / 2];
  s.p99 = v[std::min(v.size() - 1, static_cast<std::size_t>(static_cast<double>(v.size()) * 0.99))];
  return s;
}

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// A busy chat: twelve messages in Korean with emoji, two image cards, four choices.
std::string busy_chat_scenario() {
  std::string msgs;
  const char* ko[] = {"헐 이거 봤어?? ㅋㅋㅋ 😂",         "누가 만든 거야 진짜",
                      "나 방금 다른 반 단톡에서도 봤어", "이거 지워야 하는 거 아니야?",
                      "그냥 장난이잖아 😅 다들 웃는데",   "서연이 오늘 학교 안 왔대",
                      "선생님한테 말해야 할 것 같아",    "아 몰라 난 전달만 했어",
                      "그게 더 퍼뜨리는 거야",           "일단 나는 안 볼래 👎"};
  const char* en[] = {"omg did you see this?? lol 😂",
                      "who even made it",
                      "I just saw it in another class chat too",
                      "shouldn't this be deleted?",
                      "it's just a joke 😅 everyone's laughing",
                      "Seoyeon didn't come to school",
                      "I think we should tell a teacher",
                      "idk I only forwarded it",
                      "that's spreading it more",
                      "I'm not looking at it 👎"};
  const char* from[] = {"a", "b", "c"};
  for (int i = 0; i < 12; ++i) {
    if (!msgs.empty()) msgs += ",";
    if (i == 1 || i == 6) {
      msgs +=
          std::string(R"({"from":")") + from[i % 3] + R"(","time":"21:4)" + std::to_string(i % 10) +
          R"(","image":{"icon":"photo","label":{"ko":"지우를 합성한 가짜 사진","en":"A fake image of Jiwoo"}}})";
      continue;
    }
    const int k = i % 10;
    msgs += std::string(R"({"from":")") + from[i % 3] + R"(","time":"21:4)" + std::to_string(k) +
            R"(","text":{"ko":")" + ko[k] + R"(","en":")" + en[k] + R"("}})";
  }
  return std::string(
             R"({"type":"scenario","format_version":1,"id":"bench-chat","locales":["ko","en"],
    "title":{"ko":"벤치","en":"Bench"},"summary":{"ko":"요약","en":"Summary"},"content_note":{"ko":"안내","en":"Note"},
    "audience":{"min_age":12,"max_age":18},"minutes":1,"learning_goals":["real_harm"],
    "review":{"status":"reviewed","by":"Bench","date":"2026-01-01"},"player":"me","start":"chat","variables":[],
    "characters":[{"id":"me","name":{"ko":"나","en":"Me"},"avatar":{"emoji":"🙂","color":"#4a90d9"}},
      {"id":"a","name":{"ko":"민지","en":"Minji"},"avatar":{"emoji":"🐰","color":"#e57fa8"}},
      {"id":"b","name":{"ko":"준호","en":"Junho"},"avatar":{"emoji":"🦊","color":"#e0903b"}},
      {"id":"c","name":{"ko":"서연","en":"Seoyeon"},"avatar":{"color":"#7c6fd6"}}],
    "threads":[{"id":"t","name":{"ko":"2학년 3반 단톡","en":"Class 2-3 chat"},"members":31}],
    "nodes":[{"id":"chat","kind":"chat","thread":"t","messages":[)") +
         msgs + R"(],"choices":[
      {"id":"c1","text":{"ko":"😂 반응 남기기","en":"React with 😂"},"to":"end"},
      {"id":"c2","text":{"ko":"다른 단톡에 전달하기","en":"Forward it to another chat"},"to":"end"},
      {"id":"c3","text":{"ko":"\"안 웃겨. 지워줘\"","en":"\"Not funny. Delete it.\""},"to":"end"},
      {"id":"c4","text":{"ko":"전달하지 않고 선생님께 말씀드리기","en":"Tell your teacher, without forwarding it"},"to":"end"}],
      "skip_to":"end"},
     {"id":"end","kind":"ending","outcome":"upstander","title":{"ko":"끝","en":"End"},"text":{"ko":"끝","en":"The end"},
      "debrief":{"targeted":{"text":{"ko":"가","en":"a"}},"around":{"text":{"ko":"나","en":"b"}},
       "rules":{"text":{"ko":"다","en":"c"},"sources":["https://example.org"]}},"help":["counselling"]}]})";
}

struct Env {
  std::string content;
  std::string assets;
};

// One cold start in this (fresh) process: prints the monotonic time of the first frame.
int cold_child(const Env& env) {
  const ContentLibrary lib = ContentLibrary::load({env.content});
  DiscardingSink sink;
  NotConnected conn;
  AppModel model(lib, nullptr, sink, conn, "ko_KR.UTF-8");
  model.start();
  GameWindow window;
  WindowOptions wo;
  wo.hidden = true;
  wo.assets_dir = env.assets;
  if (const auto opened = window.open(model, wo); !opened) {
    std::fprintf(stderr, "%s\n", opened.error().c_str());
    return 1;
  }
  window.frame();
  const double t = now_ms(CLOCK_MONOTONIC);
  for (int i = 0; i < 30; ++i) window.frame();  // settle, then report memory in use
  std::printf("%.3f %ld\n", t, peak_rss_kb());
  return 0;
}

void cold_starts(const char* self, const Env& env, int runs) {
  std::vector<double> times;
  std::vector<double> rss;
  for (int i = 0; i < runs; ++i) {
    int fds[2];
    if (pipe(fds) != 0) return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    std::vector<std::string> args{self, "--cold-child", env.content, env.assets};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const double start = now_ms(CLOCK_MONOTONIC);
    if (posix_spawn(&pid, self, &fa, nullptr, argv.data(), environ) != 0) return;
    close(fds[1]);
    char buf[128] = {};
    const ssize_t n = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    posix_spawn_file_actions_destroy(&fa);
    double t = 0;
    long kb = 0;
    if (n > 0 && std::sscanf(buf, "%lf %ld", &t, &kb) == 2) {
      times.push_back(t - start);
      rss.push_back(static_cast<double>(kb) / 1024.0);
    }
  }
  const Stats s = stats(times);
  const Stats r = stats(rss);
  std::printf(
      "cold start to first frame (process spawn -> first frame drawn, %zu runs): median %.1f ms, "
      "p99 %.1f ms\n",
      times.size(), s.median, s.p99);
  std::printf("game process peak RSS after 30 frames: median %.1f MB, max %.1f MB\n", r.median,
              *std::max_element(rss.begin(), rss.end()));
}

void frame_times(const Env& env, int frames) {
  // The bench scenario joins the shipped UI strings.
  std::string dir = "/tmp/upstander-bench-" + std::to_string(getpid());
  std::string cmd = "mkdir -p " + dir;
  if (std::system(cmd.c_str()) != 0) return;
  {
    FILE* out = std::fopen((dir + "/bench-chat.json").c_str(), "w");
    const std::string text = busy_chat_scenario();
    std::fwrite(text.data(), 1, text.size(), out);
    std::fclose(out);
  }
  const ContentLibrary lib =
      ContentLibrary::load({env.content + "/locale", dir + "/bench-chat.json"});
  if (!lib.find_scenario("bench-chat")) {
    for (const auto& x : lib.diagnostics().all())
      std::fprintf(stderr, "%s", format_text(x).c_str());
    return;
  }
  DiscardingSink sink;
  NotConnected conn;
  AppModel model(lib, nullptr, sink, conn, "ko_KR.UTF-8");
  model.start();
  model.choose_language("ko");
  Settings s = model.settings();
  s.reduce_motion = true;
  model.update_settings(s);
  model.choose_solo();
  model.pick_scenario(0);
  model.note_play();
  GameWindow window;
  WindowOptions wo;
  wo.hidden = true;
  wo.assets_dir = env.assets;
  if (const auto opened = window.open(model, wo); !opened) {
    std::fprintf(stderr, "%s\n", opened.error().c_str());
    return;
  }
  window.use_clock([] { return 1000.0; });
  const Runner* r = model.runner();
  if (!r || r->node().kind != NodeKind::Chat) return;
  // The same strings the chat shows, for the bare ImGui baseline.
  std::vector<std::string> texts;
  for (const auto& m : r->node().as<ChatBody>().messages) {
    texts.push_back(m.image ? m.image->label.get("ko") : m.text.get("ko"));
  }
  for (const auto& c : r->node().choices) texts.push_back(c.text.get("ko"));
  const ui::EmojiMap emoji(ui::content_glyphs(lib));
  std::vector<std::string> shown;
  for (const auto& t : texts) shown.push_back(ui::to_display(t, emoji));

  std::vector<double> game, bare;
  for (int i = 0; i < 20; ++i) window.frame();  // warm up
  for (int i = 0; i < frames; ++i) {
    // Interleaved, so both see the same machine state.
    double t0 = now_ms(CLOCK_THREAD_CPUTIME_ID);
    window.frame();
    game.push_back(now_ms(CLOCK_THREAD_CPUTIME_ID) - t0);
    t0 = now_ms(CLOCK_THREAD_CPUTIME_ID);
    window.custom_frame([&](const ui::FontSet& fonts) {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(1280, 720));
      ImGui::Begin("bare", nullptr, ImGuiWindowFlags_NoDecoration);
      ImGui::PushFont(fonts.body);
      for (const auto& t : shown) ImGui::TextWrapped("%s", t.c_str());
      ImGui::PopFont();
      ImGui::End();
    });
    bare.push_back(now_ms(CLOCK_THREAD_CPUTIME_ID) - t0);
  }
  const Stats g = stats(game), b = stats(bare);
  std::printf(
      "busy chat frame CPU at 1280x720, software renderer (%d frames): median %.2f ms, p99 %.2f "
      "ms\n",
      frames, g.median, g.p99);
  std::printf("bare ImGui window, same text, same run: median %.2f ms, p99 %.2f ms\n", b.median,
              b.p99);
  std::printf("ratio game/bare (median): %.2fx\n", g.median / b.median);
  cmd = "rm -rf " + dir;
  if (std::system(cmd.c_str()) != 0) return;
}

// The same measure on a shipped chat the browser bench can reach (group-chat's "drop", at
// 1280x800 in English): the first three seconds on the node at 60 frames a second, while its
// messages arrive and the typing dots move, so every frame is drawn anew.
// bench/web_frame.mjs measures the same node in the browser, so the two can be compared.
void shipped_chat_frames(const Env& env, int frames) {
  const ContentLibrary lib = ContentLibrary::load({env.content});
  DiscardingSink sink;
  NotConnected conn;
  AppModel model(lib, nullptr, sink, conn, "en_US.UTF-8");
  model.start();
  model.choose_language("en");
  model.choose_solo();
  const auto offered = model.offered_scenarios();
  std::size_t pick = 0;
  while (pick < offered.size() && offered[pick]->id != "group-chat") ++pick;
  model.pick_scenario(pick);
  model.note_play();
  if (model.screen() == Screen::PreSurvey) model.survey_skip_all();
  for (int i = 0; i < 10 && model.runner() && model.runner()->node().id != "drop"; ++i)
    model.continue_story();
  if (!model.runner() || model.runner()->node().id != "drop") {
    std::fprintf(stderr, "shipped chat: group-chat/drop not reached\n");
    return;
  }
  GameWindow window;
  WindowOptions wo;
  wo.hidden = true;
  wo.width = 1280;
  wo.height = 800;
  wo.assets_dir = env.assets;
  if (const auto opened = window.open(model, wo); !opened) {
    std::fprintf(stderr, "%s\n", opened.error().c_str());
    return;
  }
  // The node was entered at the model's time 0; the window's clock runs at 60 frames a second.
  double now = 0.0;
  window.use_clock([&now] { return now; });
  std::vector<double> cpu;
  for (int i = 0; i < frames; ++i) {
    const double t0 = now_ms(CLOCK_THREAD_CPUTIME_ID);
    window.frame();
    cpu.push_back(now_ms(CLOCK_THREAD_CPUTIME_ID) - t0);
    now += 1.0 / 60.0;
  }
  const Stats g = stats(cpu);
  std::printf(
      "shipped chat group-chat/drop, 1280x800, en, messages arriving (%d frames, %.1f s): frame "
      "CPU median %.2f ms, p99 %.2f ms\n",
      frames, frames / 60.0, g.median, g.p99);
}

void atlas(const Env& env) {
  const ContentLibrary lib = ContentLibrary::load({env.content});
  ui::GlyphSet content = ui::content_glyphs(lib);
  ui::GlyphSet full = content;
  for (char32_t c = 0xAC00; c <= 0xD7A3; ++c) full.insert(c);  // every Hangul syllable
  for (char32_t c = 0x3131; c <= 0x318E; ++c) full.insert(c);  // compatibility jamo
  ui::FontBuilder builder(ui::default_font_files(env.assets));
  for (const auto& [name, set, runs] :
       {std::tuple{"content glyphs", &content, 7}, std::tuple{"full Korean range", &full, 3}}) {
    std::vector<double> ms;
    ui::AtlasReport rep;
    for (int i = 0; i < runs; ++i) {
      ImFontAtlas atlas;
      const ui::EmojiMap map(*set);
      builder.build(atlas, *set, map, 1.0f, &rep);
      ms.push_back(rep.build_ms);
    }
    const Stats s = stats(ms);
    std::printf(
        "atlas, %s (%zu code points, 4 sizes): %dx%d (%.1f MB RGBA), build median %.1f ms (%d "
        "runs)\n",
        name, set->size(), rep.width, rep.height,
        static_cast<double>(rep.width) * rep.height * 4.0 / (1024.0 * 1024.0), s.median, runs);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Env env{UPSTANDER_BENCH_CONTENT_DIR, UPSTANDER_BENCH_ASSETS_DIR};
  setenv("SDL_VIDEODRIVER", "dummy", 0);
  if (argc == 4 && std::strcmp(argv[1], "--cold-child") == 0) return cold_child({argv[2], argv[3]});
  char self[4096] = {};
  const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) return 1;
  cold_starts(self, env, 15);
  frame_times(env, 300);
  shipped_chat_frames(env, 180);
  atlas(env);
  std::printf("bench process peak RSS: %.1f MB\n", static_cast<double>(peak_rss_kb()) / 1024.0);
  return 0;
}
