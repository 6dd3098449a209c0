// The words the class connection reports in: how delivery is going and why a join failed.
// The game's screens use them as they are (game/app/model/class_link.hpp).
#pragma once

#include <string>
#include <string_view>

namespace upstander::client {

enum class ConnectionStatus {
  Online,         // the last delivery succeeded
  Sending,        // delivering right now
  Offline,        // the server cannot be reached; retrying with backoff
  NotCollecting,  // the teacher runs this session without data collection: nothing is sent
  SessionEnded,   // the teacher ended (or deleted) the session; nothing more is sent
};
std::string_view name_of(ConnectionStatus s);

// Why joining failed; the game shows a localized message for each
// (game.class.join.error.<name>).
enum class JoinError {
  None,         // no failure: the game's record of an attempt that succeeded (or none yet)
  NoServer,     // discovery found no server and no address was typed (the game's own)
  BadAddress,   // the typed address is not an address (the game's own)
  Unreachable,  // no answer from that address
  UnknownCode,  // no open session has this code
  LobbyLocked,
  SessionFull,
  TooManyTries,  // wrong codes were tried too often; `retry_after_seconds` says how long to wait
  BadContent,    // the content did not match its hash or did not load
  ServerError,   // the server answered with an error of its own
  LocalStorage,  // the queue could not be written on this device
};
std::string_view name_of(JoinError e);

// A join that failed: why, how long the server asked to wait, and what it said (for logs).
struct JoinFailure {
  JoinError code = JoinError::ServerError;
  int retry_after_seconds = 0;  // with TooManyTries
  std::string detail;
};

}  // namespace upstander::client
