#pragma once

#include <string>

namespace junheng::server::http {

// The field catalogue as the web console's form reads it (GET /api/catalog.json):
// {"report": [{"name", "label", "unit", "kind", "sections": ["primary", ...], "words":
// [{"word", "label"}], "group", "group_label"}], "school_types": [{"word", "label", "sections"}],
// "groups": [{"id", "label"}]}. Made once from common/catalog; the form has no list of its own.
const std::string& CatalogJson();

}  // namespace junheng::server::http
