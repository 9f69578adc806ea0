#pragma once

#include <string>

namespace junheng::i18n {

// A number as a person reads it, in every message and listing: 2595200 → "2595200", with
// thousands = true "2,595,200"; 84.84 with decimals = 1 → "84.8". decimals < 0 writes the shortest
// digits that read back as the same number. Never an exponent (2.5952e+06 means nothing to a
// clerk), never "-0". NaN is "—", infinities "∞" and "-∞".
std::string PeopleNumber(double value, int decimals = -1, bool thousands = false);

}  // namespace junheng::i18n
