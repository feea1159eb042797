#pragma once

#include "core/library/PlayCounter.h"

#include <QList>
#include <QWidget>

class QAudioOutput;
class QFile;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QSlider;

namespace bandmate::ui {

/// What the bar plays: a song and its audio file.
struct QueueItem {
    QString songId;
    QString title;
    QString path;
    qint64 durationMs = 0;
};

/// The now-playing bar: play/pause, previous/next, seek, volume, and a queue. A song that has
/// been listened to long enough (core/library/PlayCounter.h) is reported once with playCounted.
class NowPlayingBar : public QWidget {
    Q_OBJECT
public:
    explicit NowPlayingBar(QWidget* parent = nullptr);
    ~NowPlayingBar() override;

    /// Replaces the queue and plays its first item.
    void play(const QList<QueueItem>& queue);
    void enqueue(const QueueItem& item);
    void togglePause();
    /// Pauses what plays (nothing when nothing does).
    void pause();
    void next();
    void previous();
    [[nodiscard]] const QList<QueueItem>& queue() const { return m_queue; }
    [[nodiscard]] int current() const { return m_current; }
    /// The play counter (the position updates it sees come from the player).
    [[nodiscard]] core::library::PlayCounter& counter() { return m_counter; }

Q_SIGNALS:
    void playCounted(const QString& songId);
    void playbackFailed(const QString& message);
    /// A song starts playing (another player of the app pauses).
    void started();

private:
    void ensurePlayer();
    void startCurrent();
    void showPosition(qint64 positionMs);

    QMediaPlayer* m_player = nullptr;
    QFile* m_device = nullptr;  ///< the file being played when Qt cannot open it by name (its bytes are not UTF-8)
    QAudioOutput* m_output = nullptr;
    QPushButton* m_playPause = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_time = nullptr;
    QSlider* m_seek = nullptr;
    QSlider* m_volume = nullptr;
    QList<QueueItem> m_queue;
    int m_current = -1;
    core::library::PlayCounter m_counter;
};

}  // namespace bandmate::ui
