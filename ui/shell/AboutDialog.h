#pragma once

#include <QDialog>
#include <QList>
#include <QString>

namespace bandmate::core {
class Database;
}

namespace bandmate::ui {

/// One third-party part Bandmate is built from.
struct Component {
    QString name;
    QString version;  ///< the version in this build, or empty when not linked at run time
    QString license;  ///< SPDX expression
    QString purpose;  ///< translated: what Bandmate uses it for
};

/// The components of this build with their licenses (Help > About Bandmate).
[[nodiscard]] QList<Component> components(const core::Database& db);

/// Help > About Bandmate: version, license and every dependency with its license.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(const core::Database& db, QWidget* parent = nullptr);
};

}  // namespace bandmate::ui
