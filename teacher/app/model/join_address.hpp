// Where students' browsers reach the classroom server: the lobby's QR code and the address
// shown to type, and what `serve` prints. Always a LAN address: 127.0.0.1 and 0.0.0.0 mean
// nothing on a student's tablet.
#pragma once

#include <string>
#include <vector>

namespace upstander::dashboard {

// This computer's IPv4 addresses on its networks (not loopback), first the private ones
// (10/8, 172.16/12, 192.168/16) a school network uses.
std::vector<std::string> local_addresses();

// 127.x.x.x, "localhost" or ::1 (with or without a ":port").
bool is_loopback(const std::string& host);

// The addresses students can use for a server listening on `bind_address`, given this
// computer's `local` addresses: all of them for 0.0.0.0 (or ::), the bound one when it is
// a LAN address, none when the server listens on loopback only.
std::vector<std::string> reachable_addresses(const std::string& bind_address,
                                             const std::vector<std::string>& local);

// This computer's host name ("" when it has none worth giving: empty or "localhost").
std::string local_host_name();

// What students are told to open: the LAN addresses; when there is none (a server on all
// networks of a computer that has no LAN address yet) this computer's name, which some
// networks resolve, with `by_name` set so the caller says so; nothing on loopback only.
struct JoinHosts {
  std::vector<std::string> hosts;
  bool by_name = false;
};
JoinHosts join_hosts(const std::string& bind_address, const std::vector<std::string>& local,
                     const std::string& host_name);

// "http://HOST:PORT/" (IPv6 in brackets): what a student types into a browser.
std::string join_page(const std::string& host_port);
// "http://HOST:PORT/?code=CODE": the lobby's QR code, which opens the web game with the
// code filled in.
std::string join_url(const std::string& host_port, const std::string& code);

}  // namespace upstander::dashboard
