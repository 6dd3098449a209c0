// The classroom server: the HTTP API, the database writer, retention and discovery,
// started and stopped as one object by `upstander-teacher serve`, the dashboard and tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "upstander/server/server_options.hpp"

namespace upstander::server {

enum class StartError {
  None,
  DataDir,          // the data folder cannot be created or is not private
  TeacherToken,     // the token file cannot be created or read
  Database,         // the database cannot be opened or migrated
  CorruptDatabase,  // the database file is damaged (the message says where it is)
  Content,          // the content folder has errors in every scenario, or no scenario
  Bind,             // the address/port cannot be bound
  Discovery,        // the discovery UDP port cannot be bound
};
std::string_view name_of(StartError e);

struct StartResult {
  StartError error = StartError::None;
  std::string message;  // for the log: what failed and where (on success: what was skipped)
  bool ok() const { return error == StartError::None; }
};

// One route of the API as the router holds it: "{}" stands for one path segment; `caller`
// is "anyone", "student" or "teacher" (tests check every teacher route's refusals).
struct ApiRouteInfo {
  std::string method;
  std::string pattern;
  std::string caller;
};

class ClassroomServer {
 public:
  ClassroomServer();
  ~ClassroomServer();
  ClassroomServer(const ClassroomServer&) = delete;
  ClassroomServer& operator=(const ClassroomServer&) = delete;

  // Opens the data folder and database, loads content, binds and starts serving on
  // background threads. Never throws.
  StartResult start(const ServerOptions& options);
  // Stops accepting, finishes the writer's queue, closes the database.
  void stop();
  // Blocks until stop() is called from another thread (or a signal handler thread).
  void wait();

  int port() const;
  int discovery_port() const;  // 0 when discovery is off
  const std::string& teacher_token() const;
  std::string teacher_token_path() const;
  std::string database_path() const;
  // The web game's bundle folder served at /; empty when none was found.
  std::string web_root() const;

  // A one-time token for the teacher's sign-in link (/teacher/signin?token=...), valid for
  // 15 minutes; "" before start().
  std::string new_signin_token();
  std::vector<ApiRouteInfo> api_routes() const;

  // Runs the retention purge now instead of waiting for the hourly pass (tests, CLI).
  void purge_expired_now();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace upstander::server
