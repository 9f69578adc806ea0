#pragma once

#include <cstdint>
#include <vector>

namespace junheng::bench {

// The nearest-rank percentile `p` (0..100) of `values`, which it sorts; 0 when empty.
double Percentile(std::vector<double>& values, double p);

// The median of `values` (the mean of the middle two for an even count); 0 when empty.
double Median(std::vector<double> values);

}  // namespace junheng::bench
