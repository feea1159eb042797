#include "sync/protocol/Protocol.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bandmate-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BANDMATE_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args == QStringList{QStringLiteral("--version")}) {
        std::printf("bandmate-server %s (sync protocol %d-%d)\n", BANDMATE_VERSION,
                    bandmate::sync::kProtocolMin, bandmate::sync::kProtocolMax);
        return 0;
    }
    std::fprintf(stderr,
                 "bandmate-server %s: this build only reports its version (--version); the sync "
                 "API is still in development, see README.md.\n",
                 BANDMATE_VERSION);
    return 2;
}
