#pragma once

// Rendering lives in common/render (junheng_render). This header is part of no engine source: it
// stays only until client/evaluation_commands.cc and
// tests/integration/evaluation_integration_test.cc include common/render/evaluation_render.h.
#include "common/render/evaluation_render.h"
