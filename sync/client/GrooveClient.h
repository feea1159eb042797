#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace bandmate::sync {

/// A shared groove's link, understood: the server, the groove and (0: the latest) version.
struct SharedLink {
    QUrl server;  ///< scheme, host and port
    QString grooveId;
    int version = 0;
    /// The page of that version (or of the latest: "…/g/ID").
    [[nodiscard]] QUrl page() const;
};

/// A groove taken from its shared page: its machine and the exact version it is.
struct SharedMachine {
    QByteArray xml;
    SharedLink link;  ///< with the version the server answered with
};

/// Shared grooves from the listener's side (issue 20): no account needed.
class GrooveClient {
public:
    /// A link as people paste it: https://HOST/g/ID, …/g/ID/vN, any page or file under it
    /// (…/embed, …/loop.wav?…), or bandmate://import?url=THAT. InvalidArgument otherwise.
    [[nodiscard]] static core::Result<SharedLink> parseLink(const QString& text);
    /// The groove's machine (Salsa Beat Machine XML) from its server, blocking. NotFound for a
    /// private or unknown groove, InvalidInput for one its author removed or keeps from being
    /// copied (the server's words), Io when the server cannot be reached.
    [[nodiscard]] static core::Result<SharedMachine> fetch(const SharedLink& link);
    /// fetch() without waiting: `done` runs on `context`'s thread (not at all when `context` is
    /// gone by then).
    static void fetchAsync(QNetworkAccessManager& network, const SharedLink& link, QObject* context,
                           std::function<void(core::Result<SharedMachine>)> done);
    /// Tells the server a copy was taken (counted on the groove's page); best effort, blocking.
    static void countCopy(const SharedLink& link);
    /// countCopy() without waiting for the answer.
    static void countCopyAsync(QNetworkAccessManager& network, const SharedLink& link);
};

}  // namespace bandmate::sync
