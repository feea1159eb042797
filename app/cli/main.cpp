#include "app/cli/Cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Bandmate"));
    QCoreApplication::setApplicationName(QStringLiteral("Bandmate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BANDMATE_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return bandmate::app::runCli(arguments);
}
