// The teacher dashboard with a live class: frame time on the software renderer with 40
// students' results on screen (live view and debrief), and the delay from a student's
// choice to the frame that shows it. A real in-process server, 40 simulated students on
// the student client, the dashboard's real window (SDL's dummy driver: no display).
//   ./build/bench/dashboard_bench [--size 1920x1080] [--frames 400] [--serve-web BUNDLE]
// With --serve-web the server also serves the web bundle and stays up with the class's
// session afterwards, for bench/web_dashboard.mjs to time the browser dashboard on the same
// class: it prints "SERVING <port> <sign-in path>" and stops when its standard input closes.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include <imgui.h>
#include <unistd.h>

#include "api_client.hpp"
#include "bench_util.hpp"
#include "dashboard_model.hpp"
#include "dashboard_window.hpp"
#include "demo_class.hpp"
#include "upstander/content_library.hpp"
#include "upstander/server/classroom_server.hpp"

using namespace upstander;
using namespace upstander::dashboard;
using upstander::bench::now_ms;
using upstander::bench::thread_cpu_ms;

namespace {

struct Stats {
  double median, p99, max;
};
Stats stats(const std::vector<double>& v) {
  return {bench::median(v), bench::percentile(v, 99), bench::percentile(v, 100)};
}

// Wall time and the UI thread's CPU time per frame (the CPU time is what the frame costs;
// wall time also counts waiting for a core while the server and students run), plus the
// triangles and rectangles the last frame handed to SDL. `redraw` forces every frame to be
// drawn in full, as when the numbers change; otherwise a frame equal to the one on screen
// is skipped, as between two polls.
struct FrameTimes {
  std::vector<double> wall, cpu;
  ui::DrawDataStats drawn;  // what the last drawn frame handed to SDL
  int redrawn = 0;
};
FrameTimes time_frames(DashboardWindow& w, int frames, bool redraw) {
  FrameTimes out;
  for (int i = 0; i < frames; ++i) {
    if (redraw) w.invalidate();
    const double t0 = now_ms(), c0 = thread_cpu_ms();
    w.frame();
    out.cpu.push_back(thread_cpu_ms() - c0);
    out.wall.push_back(now_ms() - t0);
    out.redrawn += w.last_frame_redrawn() ? 1 : 0;
  }
  out.drawn = w.last_draw();
  return out;
}

void print_frames(const char* what, const FrameTimes& f) {
  const Stats wall = stats(f.wall), cpu = stats(f.cpu);
  std::printf(
      "  %-24s CPU median %.2f ms, p99 %.2f ms; wall median %.2f ms, p99 %.2f ms; %d of %zu drawn (%d triangles, %d rectangle fills)\n",
      what, cpu.median, cpu.p99, wall.median, wall.p99, f.redrawn, f.cpu.size(), f.drawn.triangles,
      f.drawn.rect_fills);
}

}  // namespace

int main(int argc, char** argv) {
  int width = 1280, height = 720, frames = 400;
  std::string web_root;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--size") std::sscanf(argv[i + 1], "%dx%d", &width, &height);
    if (a == "--frames") frames = std::atoi(argv[i + 1]);
    if (a == "--serve-web") web_root = argv[i + 1];
  }
  setenv("SDL_VIDEODRIVER", "dummy", 0);
  const std::filesystem::path scratch =
      std::filesystem::temp_directory_path() / ("upstander-dash-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(scratch);

  server::ServerOptions o;
  o.bind_address = "127.0.0.1";
  o.port = 0;
  o.data_dir = (scratch / "server").string();
  o.content_paths = {UPSTANDER_BENCH_CONTENT_DIR};
  o.web_root = web_root;
  server::ClassroomServer srv;
  if (!srv.start(o).ok()) {
    std::fprintf(stderr, "cannot start the server\n");
    return 1;
  }
  const ContentLibrary lib = ContentLibrary::load({UPSTANDER_BENCH_CONTENT_DIR});
  ApiClient api({"127.0.0.1", srv.port()}, srv.teacher_token());
  DashboardSettings local;
  local.language = "ko";
  DashboardConfig config;
  config.content_dir = UPSTANDER_BENCH_CONTENT_DIR;
  Dashboard d(api, lib, local, config);
  DashboardWindow window;
  WindowSetup ws;
  ws.width = width;
  ws.height = height;
  ws.hidden = true;
  ws.assets_dir = UPSTANDER_BENCH_ASSETS_DIR;
  if (const auto opened = window.open(d, lib, ws); !opened) {
    std::fprintf(stderr, "%s\n", opened.error().c_str());
    return 1;
  }
  d.refresh_all();
  d.settle();
  d.toggle_scenario("group-chat");
  d.start_session();
  d.settle();
  if (!d.current()) {
    std::fprintf(stderr, "the session did not start: %s\n", d.notice().c_str());
    return 1;
  }

  // Delay from a choice to the frame showing it: students 0-5 choose first (below that the
  // count is "fewer than k" and nothing visible changes), then each further student's first
  // choice is timed until the first decision's published total counts it.
  DemoClass demo({"127.0.0.1", srv.port(), d.current()->code, 40, 1, (scratch / "class").string()});
  if (demo.join() != 40) {
    std::fprintf(stderr, "not every student could join\n");
    return 1;
  }
  demo.pre_survey();
  for (std::size_t i = 0; i < 40; ++i) demo.step_one(i);  // everyone reaches the first decision
  for (std::size_t i = 0; i < 6; ++i) demo.step_one(i);
  demo.flush(std::chrono::seconds(20));
  d.show_screen(Screen::Live);
  std::vector<double> delays;
  for (std::size_t i = 6; i < 40; ++i) {
    const double t0 = now_ms();
    demo.step_one(i);
    const auto target = static_cast<std::int64_t>(i + 1);
    while (now_ms() - t0 < 5000) {
      window.frame();
      const auto& live = d.live();
      if (live && !live->scenarios.empty() && !live->scenarios[0].decisions.empty() &&
          live->scenarios[0].decisions[0].row.total.count.value_or(0) >= target)
        break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the app's idle wait
    }
    delays.push_back(now_ms() - t0);
  }

  // Frame time with the whole class's results on screen.
  demo.play_to_end();
  demo.post_survey();
  demo.flush(std::chrono::seconds(30));
  d.poll_now();
  d.settle();
  time_frames(window, 20, true);  // warm up
  const FrameTimes live = time_frames(window, frames, true);
  const FrameTimes live_same = time_frames(window, frames, false);
  d.show_screen(Screen::Debrief);
  d.reveal();
  d.poll_now();
  d.settle();
  time_frames(window, 20, true);
  const FrameTimes debrief = time_frames(window, frames, true);
  const FrameTimes debrief_same = time_frames(window, frames, false);
  const Stats delay = stats(delays);

  std::printf("dashboard, %dx%d, software renderer, 40 students (group chat), %d frames each:\n",
              width, height, frames);
  print_frames("live view, redrawn", live);
  print_frames("live view, unchanged", live_same);
  print_frames("debrief, redrawn", debrief);
  print_frames("debrief, unchanged", debrief_same);
  std::printf(
      "  choice -> shown (%zu choices, poll every 0.5 s, 50 ms idle wait): median %.0f ms, p99 %.0f ms, max %.0f ms\n",
      delays.size(), delay.median, delay.p99, delay.max);
  std::printf(
      "  peak RSS of the whole process (dashboard + server + 40 student clients): %.1f MiB\n",
      bench::peak_rss_mib());
  if (!web_root.empty()) {
    const ApiResult link = api.post("/api/v1/teacher/signin-links", nlohmann::json::object());
    std::printf("SERVING %d %s\n", srv.port(),
                (link.ok() ? link->body.value("path", "") : std::string()).c_str());
    std::fflush(stdout);
    while (std::fgetc(stdin) != EOF) {
    }
  }
  srv.stop();
  std::error_code ec;
  std::filesystem::remove_all(scratch, ec);
  return 0;
}
