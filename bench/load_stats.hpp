// Latency samples and the figures the benchmarks report: median, p99, max.
#pragma once

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <vector>

namespace upstander::bench {

class LatencyLog {
 public:
  void add(double ms) {
    std::lock_guard lock(mu_);
    samples_.push_back(ms);
  }
  std::size_t count() const {
    std::lock_guard lock(mu_);
    return samples_.size();
  }
  // q in [0, 1]; 0 when there are no samples.
  double quantile(double q) const {
    std::lock_guard lock(mu_);
    if (samples_.empty()) return 0;
    std::vector<double> s = samples_;
    const auto k = static_cast<std::size_t>(q * static_cast<double>(s.size() - 1) + 0.5);
    std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(k), s.end());
    return s[k];
  }

 private:
  mutable std::mutex mu_;
  std::vector<double> samples_;
};

}  // namespace upstander::bench
