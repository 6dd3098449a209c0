// The server network layer's errors (the HTTP listening socket and the discovery socket): a
// code for the program and a sentence with the address and the system's reason.
#pragma once

#include "upstander/result.hpp"

namespace upstander::server {

enum class NetworkError {
  NoNetworkStack,  // the system's sockets cannot be used at all
  CannotOpen,      // a socket (or the wake-up pipe) cannot be made
  CannotListen,    // the address or port is taken, or not an address of this machine
};
using NetworkFailure = Error<NetworkError>;

template <class T>
using NetworkResult = Result<T, NetworkFailure>;

}  // namespace upstander::server
