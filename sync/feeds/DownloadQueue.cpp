#include "sync/feeds/DownloadQueue.h"

#include "sync/feeds/FeedFetcher.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace bandmate::sync {

namespace feeds = core::feeds;

struct DownloadQueue::Job {
    QString itemId;
    QString url;
    QString path;              ///< the file it becomes (its row's, no other row's)
    QString validator;         ///< the ETag or Last-Modified the part came with
    QFile part;                ///< path + ".part", open while the body comes
    std::unique_ptr<QLockFile> lock;  ///< held from start to end: one process per song
    QPointer<QNetworkReply> reply;
    QTimer* stall = nullptr;   ///< fires when no byte came for Limits::stall (a child of the reply)
    QElapsedTimer sinceProgress;
    qint64 offset = 0;         ///< bytes of the part kept from before (a range asked for)
    qint64 received = 0;       ///< in all, offset included
    qint64 total = 0;          ///< in all, when the server said
    QString contentType;
    QString error;             ///< why it stopped, once it did
    bool cancelled = false;    ///< by the musician: forgotten
    bool restart = false;      ///< the range did not fit: once more from the start
    bool whole = false;        ///< the part was whole already (416 for its length)
    int restarts = 0;
    bool running = false;      ///< holds one of Limits::total's places
    bool tagging = false;
    bool adopted = false;      ///< found whole at its name (tagging was cut short): no fetch
};

namespace {

QString partOf(const QString& path) { return path + QStringLiteral(".part"); }

/// The lock that lets one process at a time download a song (by the song, not its file's name,
/// which changes as it finishes).
QString lockPathOf(const QString& itemId, const QString& url)
{
    // The user's own cache folder (not one shared with other users), the same for the app and
    // the command line.
    QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (cache.isEmpty()) {
        cache = QDir::tempPath();
    }
    const QString folder = cache + QStringLiteral("/bandmate-feed-downloads");
    QDir().mkpath(folder);
    return folder + QLatin1Char('/') +
           QString::fromLatin1(QCryptographicHash::hash((itemId + QChar(0) + url).toUtf8(), QCryptographicHash::Sha1).toHex()) + QStringLiteral(".lock");
}

constexpr auto kRestart = "restart";

}  // namespace

DownloadQueue::DownloadQueue(core::Database& db, Tagger tagger, QObject* parent) : DownloadQueue(db, std::move(tagger), Limits{}, parent) {}

DownloadQueue::DownloadQueue(core::Database& db, Tagger tagger, const Limits& limits, QObject* parent)
    : QObject(parent), m_db(db), m_tagger(std::move(tagger)), m_limits(limits), m_network(new QNetworkAccessManager(this))
{
    // Enclosures often go through a tracking redirect or two; never from https to http.
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_pool.setMaxThreadCount(1);
}

DownloadQueue::~DownloadQueue()
{
    stopAll();
    // A file being tagged is finished and marked done now, quietly: else it would stay queued
    // under its new name and be fetched again at the next start.
    m_pool.waitForDone();
    blockSignals(true);
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

QString DownloadQueue::key(const QString& itemId, const QString& url)
{
    return itemId + QChar(0) + url;
}

std::shared_ptr<DownloadQueue::Job> DownloadQueue::enqueue(const QString& itemId, const QString& url, const QString& path)
{
    if (auto existing = m_jobs.value(key(itemId, url)); existing) {
        return existing;
    }
    auto job = std::make_shared<Job>();
    job->itemId = itemId;
    job->url = url;
    job->path = path;
    m_jobs.insert(key(itemId, url), job);
    m_waiting.push_back(job);
    schedulePump();
    return job;
}

core::Result<feeds::Download> DownloadQueue::add(const QString& itemId, int songIndex, const QString& folder)
{
    auto queued = feeds::FeedDownloads(m_db).queue(itemId, songIndex, QDateTime::currentDateTimeUtc(), folder);
    if (!queued) {
        return queued;
    }
    if (queued->state == feeds::Download::State::Queued) {
        (void)enqueue(itemId, queued->url, queued->path);
    }
    return queued;
}

core::Result<int> DownloadQueue::resumeQueued()
{
    auto all = feeds::FeedDownloads(m_db).list();
    if (!all) {
        return std::unexpected(all.error());
    }
    int started = 0;
    for (const feeds::Download& download : *all) {
        if (download.state == feeds::Download::State::Queued && !m_jobs.contains(key(download.itemId, download.url))) {
            (void)enqueue(download.itemId, download.url, download.path);
            ++started;
        }
    }
    return started;
}

core::Result<void> DownloadQueue::retry(const QString& itemId, const QString& url)
{
    feeds::FeedDownloads downloads(m_db);
    if (auto ok = downloads.requeue(itemId, url); !ok) {
        return ok;
    }
    auto found = downloads.find(itemId, url);
    if (!found) {
        return std::unexpected(found.error());
    }
    if (*found) {
        (void)enqueue(itemId, url, (*found)->path);
    }
    return {};
}

core::Result<void> DownloadQueue::cancel(const QString& itemId, const QString& url)
{
    if (const std::shared_ptr<Job> job = m_jobs.value(key(itemId, url)); job) {
        if (job->tagging) {
            return core::fail(core::ErrorCode::Conflict, "the file is whole and being tagged: remove it once it is done", url.toStdString());
        }
        job->cancelled = true;
        if (job->reply) {
            job->reply->abort();  // replyDone() ends it
        } else {
            std::erase(m_waiting, job);
            m_jobs.remove(key(itemId, url));
            Q_EMIT finished(itemId, url, QStringLiteral("cancelled"));
            schedulePump();
        }
    }
    feeds::FeedDownloads downloads(m_db);
    auto found = downloads.find(itemId, url);
    if (!found) {
        return std::unexpected(found.error());
    }
    if (!*found) {
        return {};
    }
    return (*found)->state == feeds::Download::State::Done ? downloads.remove(itemId, url) : downloads.forget(itemId, url);
}

void DownloadQueue::stopAll()
{
    for (const auto& job : std::as_const(m_jobs)) {
        if (job->reply) {
            job->reply->disconnect(this);
            job->reply->abort();
            job->reply->deleteLater();
            job->reply = nullptr;
            job->part.close();
        }
        release(job);
    }
    m_waiting.clear();
    // Tagging ones finish on the pool; the rest stay queued in the database.
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        it = (*it)->tagging ? std::next(it) : m_jobs.erase(it);
    }
}

bool DownloadQueue::isBusy() const
{
    return !m_jobs.isEmpty();
}

std::optional<DownloadQueue::Progress> DownloadQueue::progress(const QString& itemId, const QString& url) const
{
    const std::shared_ptr<Job> job = m_jobs.value(key(itemId, url));
    if (!job) {
        return std::nullopt;
    }
    return Progress{job->received, job->total, job->running || job->tagging};
}

void DownloadQueue::schedulePump()
{
    if (!m_pumpScheduled) {
        m_pumpScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_pumpScheduled = false;
            pump();
        });
    }
}

void DownloadQueue::pump()
{
    while (m_running < m_limits.total && !m_waiting.empty()) {
        const std::shared_ptr<Job> job = m_waiting.front();
        m_waiting.pop_front();
        job->running = true;
        ++m_running;
        start(job);
    }
    if (m_jobs.isEmpty()) {
        Q_EMIT idle();
    }
}

void DownloadQueue::start(const std::shared_ptr<Job>& job)
{
    // The song's lock first: what its row says is then this process's to act on.
    if (!job->lock) {
        job->lock = std::make_unique<QLockFile>(lockPathOf(job->itemId, job->url));
        if (!job->lock->tryLock(0)) {
            const bool held = job->lock->error() == QLockFile::LockFailedError;
            job->lock.reset();
            if (held) {
                // The other Bandmate (the app, or a command) finishes it and notes how it went.
                end(job, QStringLiteral("another Bandmate is downloading this song now"), false);
            } else {
                end(job, QStringLiteral("could not take the download's lock in %1").arg(QDir::toNativeSeparators(QFileInfo(lockPathOf(job->itemId, job->url)).path())));
            }
            return;
        }
    }
    feeds::FeedDownloads downloads(m_db);
    // A post removed (or its download forgotten) meanwhile is not fetched.
    auto wanted = downloads.wanted(job->itemId, job->url);
    auto row = downloads.find(job->itemId, job->url);
    if (!wanted || !row) {
        end(job, QString::fromStdString((!wanted ? wanted.error() : row.error()).toString()), false);
        return;
    }
    if (!*wanted || !*row || (*row)->state != feeds::Download::State::Queued) {
        (void)downloads.forget(job->itemId, job->url);
        end(job, QStringLiteral("cancelled"), false);
        return;
    }
    job->path = (*row)->path;
    job->validator = (*row)->validator;
    const QFileInfo target(job->path);
    if (!QDir().mkpath(target.path())) {
        end(job, QStringLiteral("could not make the folder %1").arg(QDir::toNativeSeparators(target.path())));
        return;
    }
    if (target.exists()) {
        const qint64 whole = (*row)->bytes;
        if (!QFileInfo::exists(partOf(job->path)) && whole > 0 && target.size() >= whole) {
            // Noted whole before it was tagged, and the program stopped then: it is finished
            // now, not fetched again.
            job->adopted = true;
            job->received = whole;
            release(job);  // nothing to fetch: its place goes to the next
            complete(job);
            return;
        }
        // Someone's file at its name: left alone, the download takes the next free name (and
        // what it fetched goes with it).
        auto claimed = downloads.claimPath(job->itemId, job->url, job->path);
        if (!claimed) {
            end(job, QString::fromStdString(claimed.error().toString()), claimed.error().code != core::ErrorCode::NotFound);
            return;
        }
        if (QFileInfo::exists(partOf(job->path)) && !QFile::rename(partOf(job->path), partOf(*claimed))) {
            QFile::remove(partOf(job->path));
        }
        job->path = *claimed;
    }
    job->part.setFileName(partOf(job->path));
    // What a part holds goes on only from the same file: its validator asks the server so.
    const qint64 kept = QFileInfo(job->part.fileName()).size();
    job->offset = !job->restart && !job->validator.isEmpty() ? kept : 0;
    job->received = job->offset;
    job->total = 0;
    job->error.clear();
    job->whole = false;
    QNetworkRequest request{QUrl(job->url)};
    request.setHeader(QNetworkRequest::UserAgentHeader, feedUserAgent());
    request.setMaximumRedirectsAllowed(10);
    // The bytes as stored: a range counts them, and Qt would decode a compressed answer.
    request.setRawHeader("Accept-Encoding", "identity");
    if (job->offset > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(job->offset) + '-');
        request.setRawHeader("If-Range", job->validator.toLatin1());
    }
    QNetworkReply* reply = m_network->get(request);
    job->reply = reply;
    job->sinceProgress.start();
    job->stall = new QTimer(reply);
    job->stall->setSingleShot(true);
    job->stall->setInterval(m_limits.stall);
    connect(job->stall, &QTimer::timeout, reply, [job, reply, this] {
        if (job->error.isEmpty()) {
            job->error = QStringLiteral("the server sent nothing for %1 s").arg(m_limits.stall.count() / 1000.0);
        }
        reply->abort();
    });
    job->stall->start();
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, job, reply] { readHeaders(job, reply); });
    connect(reply, &QNetworkReply::readyRead, this, [this, job, reply] { readBody(job, reply); });
    connect(reply, &QNetworkReply::finished, this, [this, job, reply] { replyDone(job, reply); });
}

void DownloadQueue::readHeaders(const std::shared_ptr<Job>& job, QNetworkReply* reply)
{
    if (job->reply != reply || !job->error.isEmpty() || job->part.isOpen()) {
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400) {
        return;  // a redirect: Qt follows it
    }
    if (status == 200 || status == 206) {
        job->contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    }
    static const QRegularExpression kRange(QStringLiteral("^bytes\\s+(\\*|(\\d+)-(\\d+))/(\\d+|\\*)"));
    const auto range = kRange.match(QString::fromLatin1(reply->rawHeader("Content-Range")));
    // An error's page is dropped as it comes (readBody) and the reply ends by itself, or at the
    // stall timer, which its bytes do not wind up again: Qt reports its own error for the status
    // next, and an abort now would make that a second one.
    if (status == 416 && job->offset > 0) {
        if (range.hasMatch() && range.captured(4).toLongLong() == job->offset) {
            job->whole = true;  // the part is the whole file already
        } else {
            job->restart = true;  // the part is no prefix of this file: from the start
        }
        job->error = QString::fromLatin1(kRestart);
        return;
    }
    if (status != 200 && status != 206) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        job->error = QStringLiteral("the server answered %1%2").arg(status).arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason);
        return;
    }
    if (job->contentType.startsWith(QLatin1String("text/html"), Qt::CaseInsensitive)) {
        job->error = QStringLiteral("the server sent a web page, not an audio file (the link may need a sign-in, or be gone)");
        reply->abort();
        return;
    }
    // What says which version of the file this is: a strong ETag, else the date it changed.
    QString validator = QString::fromLatin1(reply->rawHeader("ETag")).trimmed();
    if (validator.isEmpty() || validator.startsWith(QLatin1String("W/"))) {
        validator = QString::fromLatin1(reply->rawHeader("Last-Modified")).trimmed();  // a weak ETag cannot ask for a range
    }
    if (status == 206) {
        // "bytes START-END/TOTAL" of the same file: the part goes on only from where it stopped
        // (a server that ignores If-Range sends a part of the new file: its validator tells).
        if (!range.hasMatch() || range.captured(2).toLongLong() != job->offset || job->offset == 0
            || (!validator.isEmpty() && validator != job->validator)) {
            job->restart = true;
            job->error = QString::fromLatin1(kRestart);
            reply->abort();
            return;
        }
        job->total = range.captured(4) == QLatin1String("*") ? 0 : range.captured(4).toLongLong();
    } else {
        // The whole file (a fresh start, or the server's answer to a part of another file).
        job->offset = 0;
        job->received = 0;
        job->total = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        job->validator = validator;
        (void)feeds::FeedDownloads(m_db).setValidator(job->itemId, job->url, validator);  // without it, a cut download starts over
    }
    if (job->total > m_limits.maxBytes) {
        job->error = QStringLiteral("the file is larger than %1 GB").arg(m_limits.maxBytes / 1'000'000'000.0, 0, 'f', 1);
        reply->abort();
        return;
    }
    if (!job->part.open(job->offset > 0 ? QIODevice::Append : (QIODevice::WriteOnly | QIODevice::Truncate))) {
        job->error = QStringLiteral("could not write %1: %2").arg(QDir::toNativeSeparators(job->part.fileName()), job->part.errorString());
        reply->abort();
        return;
    }
    emitProgress(job, true);
}

void DownloadQueue::readBody(const std::shared_ptr<Job>& job, QNetworkReply* reply)
{
    if (job->reply != reply || !job->error.isEmpty() || !job->part.isOpen()) {
        reply->skip(reply->bytesAvailable());
        return;
    }
    job->stall->start();
    const QByteArray bytes = reply->readAll();
    if (job->part.write(bytes) != bytes.size()) {
        job->error = QStringLiteral("could not write %1: %2").arg(QDir::toNativeSeparators(job->part.fileName()), job->part.errorString());
        reply->abort();
        return;
    }
    job->received += bytes.size();
    if (job->received > m_limits.maxBytes) {
        job->error = QStringLiteral("the file is larger than %1 GB").arg(m_limits.maxBytes / 1'000'000'000.0, 0, 'f', 1);
        reply->abort();
        return;
    }
    emitProgress(job, false);
}

void DownloadQueue::emitProgress(const std::shared_ptr<Job>& job, bool always)
{
    if (always || job->sinceProgress.elapsed() >= m_limits.progressEvery.count()) {
        job->sinceProgress.restart();
        Q_EMIT progressed(job->itemId, job->url, job->received, job->total);
    }
}

void DownloadQueue::replyDone(const std::shared_ptr<Job>& job, QNetworkReply* reply)
{
    reply->deleteLater();
    if (job->reply != reply) {
        return;  // one stopped and replaced
    }
    job->reply = nullptr;
    const bool flushed = !job->part.isOpen() || job->part.flush();
    job->part.close();
    release(job);
    if (job->cancelled) {
        QFile::remove(job->part.fileName());  // (cancel() forgot its row)
        job->lock.reset();
        m_jobs.remove(key(job->itemId, job->url));
        Q_EMIT finished(job->itemId, job->url, QStringLiteral("cancelled"));
        schedulePump();
        return;
    }
    if (job->error == QLatin1String(kRestart)) {
        if (job->whole) {
            job->error.clear();
            job->received = job->offset;
            complete(job);
            return;
        }
        if (++job->restarts > 2) {
            end(job, QStringLiteral("the server's answers to a range do not fit the file"));
            return;
        }
        // Once more from the first byte.
        QFile::remove(job->part.fileName());
        job->validator.clear();
        m_waiting.push_front(job);
        schedulePump();
        return;
    }
    if (job->error.isEmpty() && reply->error() != QNetworkReply::NoError) {
        job->error = failureInWords(*reply);
    }
    if (job->error.isEmpty() && !flushed) {
        job->error = QStringLiteral("could not write %1: %2").arg(QDir::toNativeSeparators(job->part.fileName()), job->part.errorString());
    }
    if (job->error.isEmpty() && job->total > 0 && job->received != job->total) {
        job->error = QStringLiteral("the file came cut short (%1 of %2 bytes)").arg(job->received).arg(job->total);
    }
    if (job->error.isEmpty() && job->received == 0) {
        job->error = QStringLiteral("the server sent an empty file");
    }
    if (!job->error.isEmpty()) {
        end(job, job->error);  // what came stays in the part, to go on from
        return;
    }
    complete(job);
}

void DownloadQueue::complete(const std::shared_ptr<Job>& job)
{
    feeds::FeedDownloads downloads(m_db);
    if (auto wanted = downloads.wanted(job->itemId, job->url); wanted && !*wanted) {
        QFile::remove(job->part.fileName());
        (void)downloads.forget(job->itemId, job->url);
        end(job, QStringLiteral("cancelled"), false);
        return;
    }
    // The name takes its suffix from the answer's type when the link had none; a name someone
    // took meanwhile is left to them.
    QString path = job->path;
    if (!job->adopted && !feeds::FeedDownloads::hasAudioSuffix(path)) {
        const QString suffix = feeds::FeedDownloads::audioSuffix(QString(), job->contentType);
        path += suffix.isEmpty() ? QStringLiteral(".mp3") : suffix;
    }
    if (!job->adopted && (path != job->path || QFileInfo::exists(path))) {
        auto claimed = downloads.claimPath(job->itemId, job->url, path);
        if (!claimed) {
            if (claimed.error().code == core::ErrorCode::NotFound) {
                QFile::remove(job->part.fileName());  // its row went: nobody's
                end(job, QStringLiteral("cancelled"), false);
            } else {
                end(job, QString::fromStdString(claimed.error().toString()));
            }
            return;
        }
        path = *claimed;
        // The part goes with the name at once: stopped here, the row and its part still agree.
        if (partOf(path) != job->part.fileName()) {
            if (!QFile::rename(job->part.fileName(), partOf(path))) {
                end(job, QStringLiteral("could not name the file %1").arg(QDir::toNativeSeparators(partOf(path))));
                return;
            }
            job->part.setFileName(partOf(path));
        }
    }
    if (!job->adopted) {
        // Noted whole first: a program stopped while tagging it finishes it at the next start.
        if (auto noted = downloads.markWhole(job->itemId, job->url, job->received); !noted) {
            end(job, QString::fromStdString(noted.error().toString()));
            return;
        }
        if (!QFile::rename(job->part.fileName(), path)) {
            end(job, QStringLiteral("could not name the file %1").arg(QDir::toNativeSeparators(path)));
            return;
        }
    }
    job->path = path;
    auto tags = downloads.tags(job->itemId, job->url);
    job->tagging = true;
    m_pool.start([this, key = key(job->itemId, job->url), path, tagger = m_tagger, tags = tags.value_or(feeds::DownloadTags{})] {
        const core::Result<void> done = tagger ? tagger(path, tags) : core::Result<void>{};
        // A file that is not audio at all says so; another error (tags not written) keeps it.
        const QString notAudio = !done && done.error().code == core::ErrorCode::InvalidInput ? QString::fromStdString(done.error().message) : QString();
        QMetaObject::invokeMethod(this, [this, key, notAudio] { tagged(key, notAudio); }, Qt::QueuedConnection);
    });
}

void DownloadQueue::tagged(const QString& key, const QString& notAudio)
{
    const std::shared_ptr<Job> job = m_jobs.value(key);
    if (!job) {
        return;
    }
    job->tagging = false;
    // A file TagLib cannot read is kept when the server called it audio (a format TagLib does not
    // know) or did not say; else it was no song.
    if (!notAudio.isEmpty() && !job->contentType.isEmpty() && !job->contentType.startsWith(QLatin1String("audio/"), Qt::CaseInsensitive)) {
        QFile::remove(job->path);
        end(job, QStringLiteral("%1 %2").arg(QFileInfo(job->path).fileName(), notAudio));
        return;
    }
    auto done = feeds::FeedDownloads(m_db).finished(job->itemId, job->url, job->path, job->received, QDateTime::currentDateTimeUtc());
    if (!done) {
        end(job, QString::fromStdString(done.error().toString()));
        return;
    }
    if (!*done) {
        QFile::remove(job->path);  // its row went meanwhile: the file is nobody's
        end(job, QStringLiteral("cancelled"), false);
        return;
    }
    job->lock.reset();
    m_jobs.remove(key);
    Q_EMIT finished(job->itemId, job->url, QString());
    schedulePump();
}

void DownloadQueue::release(const std::shared_ptr<Job>& job)
{
    if (job->running) {
        job->running = false;
        --m_running;
    }
}

void DownloadQueue::end(const std::shared_ptr<Job>& job, const QString& error, bool noteFailure)
{
    release(job);  // one that ended before it began (no folder) held a place
    job->tagging = false;
    job->lock.reset();
    QString told = error;
    if (noteFailure) {
        if (auto ok = feeds::FeedDownloads(m_db).failed(job->itemId, job->url, error); !ok) {
            told += QStringLiteral(" (and it could not be noted: %1)").arg(QString::fromStdString(ok.error().message));
        }
    }
    m_jobs.remove(key(job->itemId, job->url));
    Q_EMIT finished(job->itemId, job->url, told);
    schedulePump();
}

}  // namespace bandmate::sync
