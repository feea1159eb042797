#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QAudioOutput;
class QMediaPlayer;

namespace bandmate::ui {

/// Streams a feed's song with Qt Multimedia: from where it was left (its item's position), the
/// position kept at a pause, a stop, another song, and every 30 s while it plays (it syncs: not
/// more often), and the item marked played once ~90 % of it was heard.
class FeedStream : public QObject {
    Q_OBJECT
public:
    explicit FeedStream(QObject* parent = nullptr);
    ~FeedStream() override;

    /// Plays `url` for item `itemId` from `resumeMs`.
    void play(const QString& itemId, const QUrl& url, qint64 resumeMs);
    void togglePause();
    void stop();
    [[nodiscard]] QString itemId() const { return m_itemId; }
    [[nodiscard]] bool isPlaying() const;
    /// Nothing to pause or resume: stopped, played to its end, failed, or never started.
    [[nodiscard]] bool isFinished() const;
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QMediaPlayer* player() const { return m_player; }

    /// Of the whole length, how much counts as heard.
    static constexpr double kPlayedShare = 0.9;

Q_SIGNALS:
    /// Where playback of the item is: to keep, for resuming.
    void positionToKeep(const QString& itemId, qint64 positionMs);
    void played(const QString& itemId);
    void failed(const QString& message);
    void stateChanged();

private:
    void keepPosition();

    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_output = nullptr;
    QString m_itemId;
    QUrl m_url;
    qint64 m_resumeMs = 0;
    qint64 m_lastKept = 0;
    bool m_playedSaid = false;
};

}  // namespace bandmate::ui
