#include "common/eval/indicators.h"

#include <array>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace junheng::eval {

const std::string& QuantityField(int index, Level level) {
  // Spelled out once per process: gaps name a field for every addition.
  using Table = std::array<std::array<std::string, kIndicatorCount>, kLevels.size()>;
  static const Table* const fields = [] {
    auto* table = new Table;
    for (Level l : kLevels) {
      for (int i = 0; i < kIndicatorCount; ++i) {
        const IndicatorInfo& info = kIndicatorCatalog[i];
        (*table)[static_cast<int>(l)][i] = info.facility
                                               ? std::string(info.quantity)
                                               : absl::StrCat(LevelWord(l), "_", info.quantity);
      }
    }
    return table;
  }();
  return (*fields)[static_cast<int>(level)][index];
}

void ToMessage(const IndicatorArray& values, junheng::v1::IndicatorValues* out) {
  out->Clear();
  if (values[0]) out->set_l1(*values[0]);
  if (values[1]) out->set_l2(*values[1]);
  if (values[2]) out->set_l3(*values[2]);
  if (values[3]) out->set_l4(*values[3]);
  if (values[4]) out->set_l5(*values[4]);
  if (values[5]) out->set_l6(*values[5]);
  if (values[6]) out->set_l7(*values[6]);
}

}  // namespace junheng::eval
