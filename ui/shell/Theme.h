#pragma once

#include "ui/shell/Settings.h"

#include <QString>

class QApplication;

namespace bandmate::ui {

/// Applies a colour scheme to the whole application: the platform's own palette for System,
/// Fusion with a light or dark palette otherwise.
void applyColorScheme(QApplication& app, Settings::ColorScheme scheme);

/// The accent colour used for selection and highlights (a warm salsa orange).
[[nodiscard]] QString accentColor();

}  // namespace bandmate::ui
