// upstander-bench-server: the classroom server under load, as a real process on loopback.
//
//  1. N students (each from its own 127.x.y.z address) join sessions of 40 and play the
//     feature tour with the engine's runner, posting their events after every step and
//     waiting a think time between steps: requests/s, events/s, latency p50/p99, errors,
//     server RSS and CPU.
//  2. Ingest at saturation: concurrent clients post batches as fast as the server takes
//     them (3 events: a step; 100: a client catching up after an outage), compared with a
//     bare SQLite batched-insert loop of the same rows.
//  3. Summary time with 1,000,000 events stored.
//
// Usage: upstander-bench-server --exe PATH --content DIR [--students 40,400,2000]
//        [--think-ms 1000:3000] [--saturate-seconds 5] [--million 1000000] [--workers 256]
//        [--slow 200] (one address holds that many slow connections during the class runs)
//
// Index:
//   1. Options, event ids and addresses
//   2. One student's step
//   3. Running the students
//   4. Sessions, joined players and event batches
//   5. Ingest: posters, the bare SQLite loop and node ids
//   6. Slow connections
//   7. Phase 1: a class under load
//   8. Phase 2: ingest at saturation
//   9. Phase 3: a summary over a million events
//   10. Command line and main

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <queue>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "load_stats.hpp"
#include "raw_http.hpp"
#include "server_process.hpp"
#include "upstander/content_file.hpp"
#include "upstander/protocol/event_message.hpp"
#include "upstander/runner.hpp"

using namespace upstander;
using namespace upstander::bench;
using Clock = std::chrono::steady_clock;

namespace {

// --- 1. Options, event ids and addresses ---

struct Config {
  std::string exe;
  std::string content;
  std::vector<int> students{40, 400, 2000};
  int think_min_ms = 1000;
  int think_max_ms = 3000;
  int saturate_seconds = 5;
  long million = 1'000'000;
  int workers = 256;
  int slow = 0;  // slow connections one address holds during the class runs
};

// The server takes 16-32 lowercase hex digits as an event id.
std::string hex_event_id(std::size_t student, std::int64_t ord) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016zx%016llx", student, static_cast<unsigned long long>(ord));
  return buf;
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::string student_address(std::size_t i) {
  // 127.1.0.1 ... : every simulated student is a machine of its own for the rate limits.
  return "127." + std::to_string(1 + i / 62500) + "." + std::to_string((i / 250) % 250) + "." +
         std::to_string(1 + i % 250);
}

std::string temp_dir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "upstander-bench-XXXXXX").string();
  return mkdtemp(pattern.data());
}

// --- 2. One student's step ---

struct Totals {
  LatencyLog posts;
  LatencyLog joins;
  LatencyLog lag;  // how late a step started against its schedule (the generator's own delay)
  std::atomic<long> requests{0};
  std::atomic<long> events{0};
  std::atomic<long> errors{0};
  std::mutex error_mu;
  std::map<int, long> error_statuses;
  void error(int status) {
    ++errors;
    std::lock_guard lock(error_mu);
    ++error_statuses[status];
  }
};

struct Student {
  std::size_t index = 0;
  std::string address;
  std::string code;
  std::string token;
  std::unique_ptr<Runner> runner;
  std::mt19937_64 rng;
  std::int64_t ord = 0;
  bool done = false;
};

// One step of a student: join, or act in the story and post what it reported.
void step(Student& s, const Scenario& scenario, int port, Totals& t) {
  if (s.token.empty()) {
    const auto start = Clock::now();
    const RawReply r = raw_request(port, s.address, "POST", "/api/v1/join", "",
                                   nlohmann::json{{"code", s.code}}.dump());
    t.joins.add(ms_since(start));
    ++t.requests;
    if (r.status != 200) {
      t.error(r.status);
      s.done = true;
      return;
    }
    s.token = nlohmann::json::parse(r.body)["token"].get<std::string>();
    s.runner = std::make_unique<Runner>(scenario);
    s.runner->start();
  } else {
    Runner& r = *s.runner;
    if (r.node().kind == NodeKind::Reflection) {
      const auto& body = r.node().as<ReflectionBody>();
      if (body.options.empty())
        r.answer_scale(1 + static_cast<int>(s.rng() % 5));
      else
        r.answer(body.options[s.rng() % body.options.size()].id);
      r.advance();
    } else if (r.node().is_decision()) {
      r.choose_visible(s.rng() % r.visible_choices().size());
    } else {
      r.advance();
    }
  }
  const auto events = s.runner->take_events();
  if (s.runner->at_ending()) s.done = true;
  if (events.empty()) return;
  // Encoded as the student client encodes them.
  std::string body = "{\"events\":[";
  for (const auto& e : events) {
    ++s.ord;
    if (body.back() != '[') body += ',';
    body += protocol::wire_event(hex_event_id(s.index, s.ord), s.ord, protocol::event_body(e));
  }
  body += "]}";
  const auto start = Clock::now();
  const RawReply r = raw_request(port, s.address, "POST", "/api/v1/student/events", s.token, body);
  t.posts.add(ms_since(start));
  ++t.requests;
  if (r.status == 200) {
    t.events += static_cast<long>(events.size());
  } else {
    t.error(r.status);
  }
}

// --- 3. Running the students ---

// Students waiting for their next step, earliest first; `workers` threads run the steps.
void run_students(std::vector<Student>& students, const Scenario& scenario, int port,
                  const Config& cfg, Totals& t) {
  using Item = std::pair<Clock::time_point, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> due;
  std::mutex mu;
  std::condition_variable cv;
  std::size_t active = students.size();
  const auto begin = Clock::now();
  std::mt19937_64 rng(1);
  // Joins spread over the first 5 seconds, as a class types the code.
  for (std::size_t i = 0; i < students.size(); ++i) {
    due.emplace(begin + std::chrono::milliseconds(rng() % 5000), i);
  }
  auto worker = [&] {
    while (true) {
      std::size_t i = 0;
      Clock::time_point when;
      {
        std::unique_lock lock(mu);
        while (true) {
          if (active == 0) return;
          if (due.empty()) {
            cv.wait(lock);
            continue;
          }
          when = due.top().first;
          if (Clock::now() >= when) break;
          cv.wait_until(lock, when);
        }
        i = due.top().second;
        due.pop();
      }
      t.lag.add(ms_since(when));
      Student& s = students[i];
      step(s, scenario, port, t);
      std::lock_guard lock(mu);
      if (s.done) {
        --active;
        cv.notify_all();
      } else {
        const int think = cfg.think_min_ms +
                          static_cast<int>(s.rng() % static_cast<std::uint64_t>(
                                                         cfg.think_max_ms - cfg.think_min_ms + 1));
        due.emplace(Clock::now() + std::chrono::milliseconds(think), i);
        cv.notify_one();
      }
    }
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < cfg.workers; ++w) threads.emplace_back(worker);
  for (auto& th : threads) th.join();
}

// --- 4. Sessions, joined players and event batches ---

std::vector<std::string> create_sessions(int port, const std::string& teacher, std::size_t count,
                                         int max_players) {
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < count; ++i) {
    const RawReply r = raw_request(
        port, "", "POST", "/api/v1/teacher/sessions", teacher,
        nlohmann::json{
            {"scenarios", {"feature-tour"}}, {"language", "ko"}, {"max_players", max_players}}
            .dump());
    if (r.status != 201) {
      std::fprintf(stderr, "cannot create a session: %d %s\n", r.status, r.body.c_str());
      std::exit(1);
    }
    codes.push_back(nlohmann::json::parse(r.body)["code"].get<std::string>());
  }
  return codes;
}

// Students that have joined, for the ingest phases: (address, token).
std::vector<std::pair<std::string, std::string>> join_players(int port, const std::string& code,
                                                              std::size_t n,
                                                              std::size_t first_index) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string address = student_address(first_index + i);
    const RawReply r = raw_request(port, address, "POST", "/api/v1/join", "",
                                   nlohmann::json{{"code", code}}.dump());
    if (r.status != 200) continue;
    out.emplace_back(address, nlohmann::json::parse(r.body)["token"].get<std::string>());
  }
  return out;
}

std::string node_batch(const std::string& prefix, long& counter, int size,
                       const std::vector<std::string>& nodes) {
  std::string body = "{\"events\":[";
  for (int i = 0; i < size; ++i) {
    ++counter;
    if (i) body += ",";
    body += "{\"id\":\"" + hex_event_id(std::hash<std::string>{}(prefix), counter) +
            "\",\"ord\":" + std::to_string(counter) +
            ",\"type\":\"node_entered\",\"scenario\":\"feature-tour\",\"node\":\"" +
            nodes[static_cast<std::size_t>(counter) % nodes.size()] + "\"}";
  }
  return body + "]}";
}

// --- 5. Ingest: posters, the bare SQLite loop and node ids ---

struct IngestResult {
  double events_per_second = 0;
  long events = 0;
  long errors = 0;
  double p50 = 0, p99 = 0;
};

// 24 concurrent posters for `seconds`, each cycling through its share of the joined players
// (every player is its own address, so no one address goes over its rate limit).
IngestResult saturate(int port, const std::vector<std::pair<std::string, std::string>>& players,
                      int batch, int seconds, const std::vector<std::string>& nodes,
                      const std::string& tag) {
  constexpr std::size_t kPosters = 24;
  std::atomic<long> events{0}, errors{0};
  LatencyLog lat;
  const auto stop_at = Clock::now() + std::chrono::seconds(seconds);
  const auto begin = Clock::now();
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < kPosters; ++t) {
    threads.emplace_back([&, t] {
      long counter = 0;
      std::size_t p = t;
      const std::string prefix = tag + std::to_string(t) + "-";
      while (Clock::now() < stop_at) {
        p = p + kPosters < players.size() ? p + kPosters : t;
        const std::string body = node_batch(prefix, counter, batch, nodes);
        const auto start = Clock::now();
        const RawReply r = raw_request(port, players[p].first, "POST", "/api/v1/student/events",
                                       players[p].second, body);
        lat.add(ms_since(start));
        if (r.status == 200)
          events += batch;
        else
          ++errors;
      }
    });
  }
  for (auto& t : threads) t.join();
  const double secs = ms_since(begin) / 1000.0;
  return {static_cast<double>(events) / secs, events, errors, lat.quantile(0.5),
          lat.quantile(0.99)};
}

// The same rows as the server stores, inserted by a bare loop: one prepared statement,
// transactions of `batch` rows, the same table, WAL and synchronous=NORMAL.
double bare_sqlite_rows_per_second(long rows, int batch) {
  const std::string dir = temp_dir();
  sqlite3* db = nullptr;
  sqlite3_open((dir + "/bare.sqlite").c_str(), &db);
  sqlite3_exec(
      db,
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
      "CREATE TABLE events (player_id INTEGER NOT NULL, client_id TEXT NOT NULL, ord INTEGER NOT "
      "NULL,"
      " type INTEGER NOT NULL, scenario TEXT NOT NULL, node TEXT NOT NULL, answer TEXT NOT NULL,"
      " value INTEGER NOT NULL, time_bucket INTEGER NOT NULL, PRIMARY KEY (player_id, client_id)) "
      "WITHOUT ROWID;",
      nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO events VALUES (?1, ?2, ?3, 2, 'feature-tour', 'story', '', 0, 0)",
                     -1, &st, nullptr);
  const auto begin = Clock::now();
  long done = 0;
  while (done < rows) {
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (int i = 0; i < batch && done < rows; ++i, ++done) {
      const std::string id = "p" + std::to_string(done % 24) + "-" + std::to_string(done);
      sqlite3_bind_int64(st, 1, done % 24);
      sqlite3_bind_text(st, 2, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(st, 3, done);
      sqlite3_step(st);
      sqlite3_reset(st);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  const double secs = ms_since(begin) / 1000.0;
  sqlite3_finalize(st);
  sqlite3_close(db);
  std::filesystem::remove_all(dir);
  return static_cast<double>(rows) / secs;
}

std::vector<std::string> all_nodes(const Scenario& s) {
  std::vector<std::string> out;
  for (const auto& n : s.nodes) out.push_back(n.id);
  return out;
}

// --- 6. Slow connections ---

// One device holding `count` connections that each send a header line every 2 s and never
// finish (a slowloris); when the server closes one, it opens it again. Returns how many
// connections were opened in all.
struct SlowAttack {
  std::atomic<bool> stop{false};
  std::atomic<long> opened{0};
  std::thread thread;

  void start(int port, int count) {
    thread = std::thread([this, port, count] {
      std::vector<int> fds(static_cast<std::size_t>(count), -1);
      while (!stop) {
        for (int& fd : fds) {
          if (fd >= 0 && ::send(fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL | MSG_DONTWAIT) <= 0) {
            ::close(fd);
            fd = -1;
          }
          if (fd < 0) {
            fd = open_connection(port, "127.250.0.1");
            if (fd >= 0) {
              ++opened;
              ::send(fd, "GET /api/v1/health HTTP/1.1\r\n", 29, MSG_NOSIGNAL | MSG_DONTWAIT);
            }
          }
        }
        for (int i = 0; i < 20 && !stop; ++i)
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      for (int fd : fds) {
        if (fd >= 0) ::close(fd);
      }
    });
  }
  void finish() {
    stop = true;
    if (thread.joinable()) thread.join();
  }
};

// --- 7. Phase 1: a class under load ---

void run_class_load(const Config& cfg, const Scenario& scenario, int n) {
  const std::string dir = temp_dir();
  ServerProcess server(cfg.exe, dir, cfg.content);
  if (!server.ok()) {
    std::fprintf(stderr, "the server did not start\n");
    std::exit(1);
  }
  const std::string teacher = server.teacher_token();
  const std::size_t sessions = static_cast<std::size_t>((n + 39) / 40);
  const auto codes = create_sessions(server.port(), teacher, sessions, 60);
  std::vector<Student> students(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < students.size(); ++i) {
    students[i].index = i;
    students[i].address = student_address(i);
    students[i].code = codes[i / 40];
    students[i].rng.seed(i + 1);
  }
  Totals t;
  SlowAttack attack;
  if (cfg.slow > 0) attack.start(server.port(), cfg.slow);
  const double cpu_before = server.cpu_seconds();
  const auto begin = Clock::now();
  run_students(students, scenario, server.port(), cfg, t);
  const double secs = ms_since(begin) / 1000.0;
  attack.finish();
  if (cfg.slow > 0) {
    std::printf("  (one address held %d slow connections; %ld opened in all)\n", cfg.slow,
                attack.opened.load());
  }
  const double cpu = server.cpu_seconds() - cpu_before;

  // Summary time for one class of this run.
  const RawReply list =
      raw_request(server.port(), "", "GET", "/api/v1/teacher/sessions", teacher, "");
  const std::string sid = nlohmann::json::parse(list.body)["sessions"][0]["id"].get<std::string>();
  LatencyLog summary;
  for (int i = 0; i < 30; ++i) {
    const auto start = Clock::now();
    raw_request(server.port(), "", "GET", "/api/v1/teacher/sessions/" + sid + "/summary", teacher,
                "");
    summary.add(ms_since(start));
  }
  std::printf(
      "| %d | %zu | %.0f s | %ld | %.0f | %.0f | %.1f | %.1f | %.1f | %ld | %.1f | %.1f | %.0f%% | "
      "%.1f |\n",
      n, sessions, secs, t.requests.load(), static_cast<double>(t.requests) / secs,
      static_cast<double>(t.events) / secs, t.posts.quantile(0.5), t.posts.quantile(0.99),
      t.joins.quantile(0.99), t.errors.load(), server.rss_mb(), server.peak_rss_mb(),
      100.0 * cpu / secs, summary.quantile(0.5));
  for (const auto& [status, count] : t.error_statuses)
    std::printf("  errors with status %d: %ld\n", status, count);
  std::printf("  (generator delay p99 %.1f ms: how late steps started against their schedule)\n",
              t.lag.quantile(0.99));
  std::fflush(stdout);
  server.stop();
  std::filesystem::remove_all(dir);
}

// --- 8. Phase 2: ingest at saturation ---

void run_ingest(const Config& cfg, const Scenario& scenario) {
  const std::string dir = temp_dir();
  ServerProcess server(cfg.exe, dir, cfg.content);
  const std::string teacher = server.teacher_token();
  const auto codes = create_sessions(server.port(), teacher, 1, 60);
  const auto codes_more = create_sessions(server.port(), teacher, 9, 60);
  std::vector<std::pair<std::string, std::string>> players;
  for (std::size_t s = 0; s < 10; ++s) {
    const auto joined =
        join_players(server.port(), s == 0 ? codes[0] : codes_more[s - 1], 48, 100000 + s * 48);
    players.insert(players.end(), joined.begin(), joined.end());
  }
  const auto nodes = all_nodes(scenario);
  std::printf("\n### Ingest at saturation (24 concurrent posters over %zu players, %d s each)\n\n",
              players.size(), cfg.saturate_seconds);
  std::printf(
      "| events per request | events/s (server) | p50 ms | p99 ms | errors | bare SQLite, same "
      "rows per commit | ratio | "
      "bare SQLite, 1,000 rows per commit | ratio |\n");
  std::printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
  for (int batch : {3, 100}) {
    const IngestResult r = saturate(server.port(), players, batch, cfg.saturate_seconds, nodes,
                                    "b" + std::to_string(batch) + "-");
    // Two bare loops, each the fastest of three runs (other programs share the machine):
    // one committing as many rows at a time as a request carries, one at its best with
    // 1,000 rows per transaction.
    double same = 0, best = 0;
    const long rows = std::max(r.events, 200000L);
    for (int run = 0; run < 3; ++run) {
      same = std::max(same, bare_sqlite_rows_per_second(batch == 100 ? rows : rows / 4, batch));
      best = std::max(best, bare_sqlite_rows_per_second(rows, 1000));
    }
    std::printf("| %d | %.0f | %.1f | %.1f | %ld | %.0f | %.2f | %.0f | %.2f |\n", batch,
                r.events_per_second, r.p50, r.p99, r.errors, same, r.events_per_second / same, best,
                r.events_per_second / best);
    std::fflush(stdout);
  }
  server.stop();
  std::filesystem::remove_all(dir);
}

// --- 9. Phase 3: a summary over a million events ---

void run_million(const Config& cfg, const Scenario& scenario) {
  const std::string dir = temp_dir();
  ServerProcess server(cfg.exe, dir, cfg.content);
  const std::string teacher = server.teacher_token();
  const RawReply created = raw_request(
      server.port(), "", "POST", "/api/v1/teacher/sessions", teacher,
      nlohmann::json{{"scenarios", {"feature-tour"}}, {"language", "ko"}, {"max_players", 500}}
          .dump());
  const auto session = nlohmann::json::parse(created.body);
  const std::string sid = session["id"];
  const auto players = join_players(server.port(), session["code"].get<std::string>(), 200, 200000);
  // Real answers too, so the summary has choices, endings and reflections to count.
  std::vector<std::string> decisions;
  for (const auto& n : scenario.nodes) {
    if (n.is_decision()) decisions.push_back(n.id);
  }
  const auto nodes = all_nodes(scenario);
  std::atomic<long> stored{0};
  const auto begin = Clock::now();
  std::vector<std::thread> threads;
  const long per_player =
      (cfg.million + static_cast<long>(players.size()) - 1) / static_cast<long>(players.size());
  for (std::size_t t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t p = t; p < players.size(); p += 8) {
        long counter = 0;
        // One real choice per decision point first, then node visits.
        std::string body = "{\"events\":[";
        for (std::size_t d = 0; d < decisions.size(); ++d) {
          const Node* node = scenario.find_node(decisions[d]);
          ++counter;
          body += (d ? "," : "") + std::string("{\"id\":\"") + hex_event_id(0xc, counter) +
                  "\",\"ord\":" + std::to_string(counter) +
                  ",\"type\":\"choice_made\",\"scenario\":\"feature-tour\",\"node\":\"" + node->id +
                  "\",\"choice\":\"" + node->choices[p % node->choices.size()].id + "\"}";
        }
        body += "]}";
        if (raw_request(server.port(), players[p].first, "POST", "/api/v1/student/events",
                        players[p].second, body)
                .status == 200) {
          stored += static_cast<long>(decisions.size());
        }
        while (counter < per_player) {
          const int batch = static_cast<int>(std::min<long>(500, per_player - counter));
          const RawReply r =
              raw_request(server.port(), players[p].first, "POST", "/api/v1/student/events",
                          players[p].second, node_batch("m", counter, batch, nodes), 60000);
          if (r.status == 200) stored += batch;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  const double load_secs = ms_since(begin) / 1000.0;
  LatencyLog summary;
  for (int i = 0; i < 50; ++i) {
    const auto start = Clock::now();
    const RawReply r = raw_request(server.port(), "", "GET",
                                   "/api/v1/teacher/sessions/" + sid + "/summary", teacher, "");
    summary.add(ms_since(start));
    if (r.status != 200) std::fprintf(stderr, "summary failed: %d\n", r.status);
  }
  const auto db_mb =
      static_cast<double>(std::filesystem::file_size(dir + "/classroom.sqlite")) / 1048576.0;
  std::printf("\n### Summary with %ld events stored\n\n", stored.load());
  std::printf(
      "| events stored | load time | summary p50 ms | summary p99 ms | database MB | server peak "
      "RSS MB |\n");
  std::printf("| --- | --- | --- | --- | --- | --- |\n");
  std::printf("| %ld | %.1f s | %.2f | %.2f | %.0f | %.1f |\n", stored.load(), load_secs,
              summary.quantile(0.5), summary.quantile(0.99), db_mb, server.peak_rss_mb());
  std::fflush(stdout);
  server.stop();
  std::filesystem::remove_all(dir);
}

// --- 10. Command line and main ---

Config parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--exe")
      c.exe = v;
    else if (k == "--content")
      c.content = v;
    else if (k == "--think-ms") {
      c.think_min_ms = std::atoi(v.c_str());
      c.think_max_ms = std::atoi(v.c_str() + v.find(':') + 1);
    } else if (k == "--saturate-seconds")
      c.saturate_seconds = std::atoi(v.c_str());
    else if (k == "--million")
      c.million = std::atol(v.c_str());
    else if (k == "--workers")
      c.workers = std::atoi(v.c_str());
    else if (k == "--slow")
      c.slow = std::atoi(v.c_str());
    else if (k == "--students") {
      c.students.clear();
      std::stringstream ss(v);
      std::string part;
      while (std::getline(ss, part, ',')) c.students.push_back(std::atoi(part.c_str()));
    }
  }
  if (c.exe.empty() || c.content.empty()) {
    std::fprintf(stderr, "usage: upstander-bench-server --exe PATH --content DIR [options]\n");
    std::exit(2);
  }
  return c;
}

}  // namespace

// The machine's load average, printed with the results: other programs share the 2 cores.
std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

int main(int argc, char** argv) {
  const Config cfg = parse(argc, argv);
  std::printf("load average before: %s; %u hardware threads\n\n", load_average().c_str(),
              std::thread::hardware_concurrency());
  Diagnostics diags;
  const ContentFile tour = load_content_file(cfg.content + "/scenarios/feature-tour.json", diags);
  if (!tour.ok()) {
    std::fprintf(stderr, "cannot load the feature tour from %s\n", cfg.content.c_str());
    return 1;
  }
  std::printf("### Classes playing (think time %d-%d ms between steps, sessions of 40)\n\n",
              cfg.think_min_ms, cfg.think_max_ms);
  std::printf(
      "| students | sessions | duration | requests | requests/s | events/s | post p50 ms | post "
      "p99 ms | join p99 ms | "
      "errors | server RSS MB | peak RSS MB | server CPU | summary p50 ms |\n");
  std::printf(
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
  std::fflush(stdout);
  for (int n : cfg.students) run_class_load(cfg, *tour.scenario(), n);
  if (cfg.saturate_seconds > 0) run_ingest(cfg, *tour.scenario());
  if (cfg.million > 0) run_million(cfg, *tour.scenario());
  std::printf("\nload average after: %s\n", load_average().c_str());
  return 0;
}
