#include "app/cli/Cli.h"
#include "app/cli/SetlistCommands.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char* argv[])
{
    // Only a PDF needs Qt Gui (fonts, text layout); it never opens a window. (QGuiApplication
    // takes its own options such as -style or --style out of the arguments: ours avoid them.)
    QStringList raw;
    for (int i = 1; i < argc; ++i) {
        raw << QString::fromLocal8Bit(argv[i]);
    }
    std::unique_ptr<QCoreApplication> app;
    if (bandmate::app::setlistCommandNeedsGui(raw)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Bandmate"));
    QCoreApplication::setApplicationName(QStringLiteral("Bandmate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BANDMATE_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return bandmate::app::runCli(arguments);
}
