#include "common/eval/indicators.h"

#include <array>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace junheng::eval {

std::string QuantityField(int index, Level level) {
  const IndicatorInfo& info = kIndicatorCatalog[index];
  if (info.facility) return std::string(info.quantity);
  return absl::StrCat(LevelWord(level), "_", info.quantity);
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
