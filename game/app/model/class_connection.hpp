// "Join my class": the seam where the classroom client (game/client/) plugs in. Until it
// is wired up the game uses NotConnected and says so honestly on the mode screen.
#pragma once

#include <string>

namespace upstander::app {

class EventSink;

class ClassConnection {
 public:
  virtual ~ClassConnection() = default;
  // Whether joining a class can be offered at all on this build.
  virtual bool available() const = 0;
  // A locale key explaining the state to the student ("not connected yet").
  virtual std::string status_key() const = 0;
  // The sink that sends this class's events; only called when available().
  virtual EventSink* sink() = 0;
};

class NotConnected final : public ClassConnection {
 public:
  bool available() const override { return false; }
  std::string status_key() const override { return "game.mode.class_unavailable"; }
  EventSink* sink() override { return nullptr; }
};

}  // namespace upstander::app
