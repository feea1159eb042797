#pragma once

#include "ui/shell/Pages.h"
#include "ui/shell/Settings.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace bandmate::app {

/// The GUI's command line.
struct GuiOptions {
    QString dbPath;                      ///< --db PATH; empty = default location
    QString settingsPath;                ///< --settings FILE.ini; empty = platform store
    std::optional<ui::PageId> screenshotPage;  ///< --screenshot PAGE FILE.png
    QString screenshotFile;
    QSize screenshotSize{1280, 800};     ///< --size WxH
    std::optional<ui::Settings::ColorScheme> colorScheme;  ///< --theme system|light|dark
    QString language;                    ///< --language en|es|nb; empty = the preference
    /// A shared groove's link to take a copy of (bandmate://import?url=…, what "Open in Bandmate"
    /// on a groove's page opens, or the page's own https link); empty = none.
    QString openLink;
};

/// Parses the arguments after the program name. On error returns the message to print.
[[nodiscard]] std::optional<GuiOptions> parseGuiOptions(const QStringList& arguments,
                                                         QString* error);

/// The --help text.
[[nodiscard]] QString guiUsage();

}  // namespace bandmate::app
