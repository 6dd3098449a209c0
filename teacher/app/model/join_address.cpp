// The join addresses made from this computer's network interfaces.
#include "join_address.hpp"

#include <algorithm>
#include <cstdlib>

#include "interface_addresses.hpp"

namespace upstander::dashboard {

namespace {

bool is_private(const std::string& a) {
  if (a.rfind("10.", 0) == 0 || a.rfind("192.168.", 0) == 0) return true;
  if (a.rfind("172.", 0) != 0) return false;
  const int second = std::atoi(a.c_str() + 4);
  return second >= 16 && second <= 31;
}

}  // namespace

std::vector<std::string> local_addresses() {
  std::vector<std::string> out = interface_addresses();
  std::stable_partition(out.begin(), out.end(), is_private);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_loopback(const std::string& host) {
  return host.rfind("127.", 0) == 0 || host.rfind("localhost", 0) == 0 || host == "::1" ||
         host.rfind("[::1]", 0) == 0;
}

std::vector<std::string> reachable_addresses(const std::string& bind_address,
                                             const std::vector<std::string>& local) {
  if (bind_address.empty() || bind_address == "0.0.0.0" || bind_address == "::" ||
      bind_address == "[::]") {
    std::vector<std::string> out;
    for (const auto& a : local) {
      if (!is_loopback(a) && a != "0.0.0.0") out.push_back(a);
    }
    std::stable_partition(out.begin(), out.end(), is_private);
    return out;
  }
  if (is_loopback(bind_address)) return {};
  return {bind_address};
}

std::string local_host_name() {
  const std::string name = computer_name();
  return name == "localhost" || name.rfind("localhost.", 0) == 0 ? std::string() : name;
}

JoinHosts join_hosts(const std::string& bind_address, const std::vector<std::string>& local,
                     const std::string& host_name) {
  JoinHosts out;
  out.hosts = reachable_addresses(bind_address, local);
  if (!out.hosts.empty() || is_loopback(bind_address) || host_name.empty()) return out;
  const bool any = bind_address.empty() || bind_address == "0.0.0.0" || bind_address == "::" ||
                   bind_address == "[::]";
  if (!any) return out;
  out.hosts.push_back(host_name);
  out.by_name = true;
  return out;
}

std::string join_page(const std::string& host_port) {
  return "http://" + host_port + "/";
}

std::string join_url(const std::string& host_port, const std::string& code) {
  // Join codes are letters and digits: nothing in them needs escaping in a query.
  return join_page(host_port) + "?code=" + code;
}

}  // namespace upstander::dashboard
