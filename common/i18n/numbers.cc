#include "common/i18n/numbers.h"

#include <charconv>
#include <cmath>
#include <string_view>

namespace junheng::i18n {
namespace {

std::string Group(std::string_view digits) {
  std::string out;
  size_t lead = digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i >= lead && (i - lead) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string PeopleNumber(double value, int decimals, bool thousands) {
  if (!std::isfinite(value)) return std::isnan(value) ? "—" : value > 0 ? "∞" : "-∞";
  char buffer[400];
  auto [end, ec] =
      decimals < 0 ? std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed)
                   : std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::fixed,
                                   decimals);
  std::string text = ec == std::errc() ? std::string(buffer, end) : std::string("?");
  if (text.starts_with('-') && text.find_first_not_of("0.", 1) == std::string::npos) {
    text.erase(0, 1);  // -0.00 reads as a mistake
  }
  if (!thousands) return text;
  bool negative = text.starts_with('-');
  std::string_view body = std::string_view(text).substr(negative ? 1 : 0);
  size_t point = body.find('.');
  std::string grouped = Group(body.substr(0, point));
  if (point != std::string_view::npos) grouped += body.substr(point);
  return negative ? "-" + grouped : grouped;
}

}  // namespace junheng::i18n
