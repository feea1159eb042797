#include "ui/library/FeedStream.h"

#include <QAudioOutput>
#include <QMediaPlayer>

namespace bandmate::ui {

namespace {
constexpr qint64 kKeepEveryMs = 30'000;
}

FeedStream::FeedStream(QObject* parent) : QObject(parent) {}

FeedStream::~FeedStream()
{
    if (m_player != nullptr) {
        keepPosition();
        m_player->stop();
    }
}

bool FeedStream::isPlaying() const
{
    return m_player != nullptr && m_player->playbackState() == QMediaPlayer::PlayingState;
}

bool FeedStream::isFinished() const
{
    return m_player == nullptr || m_player->playbackState() == QMediaPlayer::StoppedState;
}

void FeedStream::play(const QString& itemId, const QUrl& url, qint64 resumeMs)
{
    if (m_player == nullptr) {
        m_player = new QMediaPlayer(this);
        m_output = new QAudioOutput(this);
        m_player->setAudioOutput(m_output);
        connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 position) {
            if (m_itemId.isEmpty()) {
                return;
            }
            if (position - m_lastKept >= kKeepEveryMs || position < m_lastKept) {
                keepPosition();
            }
            const qint64 duration = m_player->duration();
            if (!m_playedSaid && duration > 0 && static_cast<double>(position) >= kPlayedShare * static_cast<double>(duration)) {
                m_playedSaid = true;
                Q_EMIT played(m_itemId);
            }
        });
        connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
            if ((status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia) && m_resumeMs > 0) {
                // Resumed where it was left, once the stream can seek.
                const qint64 to = m_resumeMs;
                m_resumeMs = 0;
                if (m_player->isSeekable() && (m_player->duration() <= 0 || to < m_player->duration() - 1000)) {
                    m_player->setPosition(to);
                }
            }
            if (status == QMediaPlayer::EndOfMedia) {
                if (!m_playedSaid) {
                    m_playedSaid = true;
                    Q_EMIT played(m_itemId);
                }
                Q_EMIT positionToKeep(m_itemId, 0);  // heard to the end: the next play starts over
                m_lastKept = 0;
            }
        });
        connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
            if (state != QMediaPlayer::PlayingState && m_player->mediaStatus() != QMediaPlayer::EndOfMedia) {
                keepPosition();
            }
            Q_EMIT stateChanged();
        });
        connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& message) {
            Q_EMIT failed(tr("Cannot play it: %1").arg(message));
        });
    }
    if (!m_itemId.isEmpty()) {
        keepPosition();
    }
    m_itemId = itemId;
    m_url = url;
    m_resumeMs = resumeMs;
    m_lastKept = resumeMs;
    m_playedSaid = false;
    m_player->setSource(url);
    m_player->play();
}

void FeedStream::togglePause()
{
    if (m_player == nullptr) {
        return;
    }
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
    } else {
        m_player->play();
    }
}

void FeedStream::stop()
{
    if (m_player != nullptr) {
        keepPosition();
        m_player->stop();
    }
}

void FeedStream::keepPosition()
{
    if (m_player == nullptr || m_itemId.isEmpty() || m_resumeMs > 0) {
        return;  // (before the resume seek, the position is not the item's yet)
    }
    const qint64 position = m_player->position();
    if (position <= 0) {
        return;
    }
    m_lastKept = position;
    Q_EMIT positionToKeep(m_itemId, position);
}

}  // namespace bandmate::ui
