// A class of simulated students for the tour, the tests and the benchmarks: each joins a
// real server with the student client (upstander_client), answers the pre-survey, plays
// the session's scenarios one decision at a time and answers the post-survey. Choices are
// seeded, and lean towards the choices that lead to upstander endings, so demo data looks
// like a real class: a clear majority at most decision points and a few small groups.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "upstander/client/class_worker.hpp"

namespace upstander::dashboard {

struct DemoOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string code;
  int students = 30;
  std::uint64_t seed = 1;
  std::string scratch_dir;  // each student's queue lives in a folder below it
};

// What the class really did, for tests to compare with what the dashboard shows.
struct DemoTruth {
  std::map<std::string, std::map<std::string, int>> choices;  // "scenario/node" -> choice -> n
  std::map<std::string, std::map<std::string, int>> endings;  // scenario -> ending -> n
  std::map<std::string, int> favourite;  // "scenario/node" -> the choice most students lean to
  int joined = 0;
};

class DemoClass {
 public:
  explicit DemoClass(DemoOptions options);
  ~DemoClass();
  DemoClass(const DemoClass&) = delete;
  DemoClass& operator=(const DemoClass&) = delete;

  // Joins every student; returns how many are in.
  int join();
  // The first `share` (0..1) of the students answer the pre-survey.
  void pre_survey(double share = 1.0);
  // Every student still playing makes one more decision (playing through the scenes in
  // between); returns how many moved. A student finishes a scenario at its ending and
  // starts the next one of the session.
  int step();
  // Steps until every student has finished every scenario.
  void play_to_end();
  void post_survey(double share = 1.0);
  // Waits until every event was delivered; false on timeout.
  bool flush(std::chrono::milliseconds timeout);

  const DemoTruth& truth() const { return truth_; }
  std::size_t size() const { return students_.size(); }
  // One student's connection (benchmarks time a single choice through it).
  client::ClassWorker& connection(std::size_t i);
  // Student i makes one more decision; false when they have finished everything.
  bool step_one(std::size_t i);

 private:
  struct Student;
  DemoOptions o_;
  std::vector<std::unique_ptr<Student>> students_;
  DemoTruth truth_;
};

}  // namespace upstander::dashboard
