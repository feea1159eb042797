#pragma once

#include "sync/server/Grooves.h"

#include <QString>

namespace bandmate::app {

/// The server's renderer for shared grooves (DESIGN.md section 7): the desktop's own engine and
/// the exact code paths of `bandmate-cli render --loop` and `export-midi`, so a shared link
/// sounds as the app plays. The kit (`kitFolder`, or the installed one when empty) is loaded on
/// the first render and kept; renders are deterministic, so the server caches them.
[[nodiscard]] sync::GrooveRenderer makeGrooveRenderer(const QString& kitFolder);

}  // namespace bandmate::app
