#include "ui/library/NowPlayingBar.h"

#include "core/library/MediaPath.h"
#include "core/setlists/RunSheet.h"

#include <QAudioOutput>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QUrl>

namespace bandmate::ui {

NowPlayingBar::NowPlayingBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nowPlaying"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    const auto button = [&](QStyle::StandardPixmap icon, const QString& tip) {
        auto* b = new QPushButton(style()->standardIcon(icon), QString(), this);
        b->setToolTip(tip);
        b->setFixedWidth(38);
        layout->addWidget(b);
        return b;
    };
    auto* previousButton = button(QStyle::SP_MediaSkipBackward, tr("Previous in the queue"));
    m_playPause = button(QStyle::SP_MediaPlay, tr("Play or pause (Space in the song list)"));
    m_playPause->setObjectName(QStringLiteral("playPause"));
    auto* nextButton = button(QStyle::SP_MediaSkipForward, tr("Next in the queue"));
    connect(previousButton, &QPushButton::clicked, this, &NowPlayingBar::previous);
    connect(m_playPause, &QPushButton::clicked, this, &NowPlayingBar::togglePause);
    connect(nextButton, &QPushButton::clicked, this, &NowPlayingBar::next);
    m_title = new QLabel(tr("Nothing playing"), this);
    m_title->setObjectName(QStringLiteral("nowPlayingTitle"));
    m_title->setMinimumWidth(220);
    layout->addWidget(m_title);
    m_seek = new QSlider(Qt::Horizontal, this);
    m_seek->setAccessibleName(tr("Position"));
    layout->addWidget(m_seek, 1);
    m_time = new QLabel(QStringLiteral("0:00 / 0:00"), this);
    layout->addWidget(m_time);
    auto* volumeLabel = new QLabel(tr("Volume"), this);
    layout->addWidget(volumeLabel);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setFixedWidth(90);
    m_volume->setAccessibleName(tr("Volume"));
    layout->addWidget(m_volume);

    connect(m_seek, &QSlider::sliderMoved, this, [this](int ms) {
        if (m_player != nullptr) {
            m_player->setPosition(ms);
        }
    });
}

void NowPlayingBar::ensurePlayer()
{
    // Made on first use: opening the audio output costs time and talks to the sound server.
    if (m_player != nullptr) {
        return;
    }
    m_player = new QMediaPlayer(this);
    m_output = new QAudioOutput(this);
    m_output->setVolume(static_cast<float>(m_volume->value()) / 100.0f);
    m_player->setAudioOutput(m_output);
    connect(m_volume, &QSlider::valueChanged, this, [this](int value) { m_output->setVolume(static_cast<float>(value) / 100.0f); });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) { m_seek->setRange(0, static_cast<int>(ms)); });
    connect(m_player, &QMediaPlayer::positionChanged, this, &NowPlayingBar::showPosition);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        m_playPause->setIcon(style()->standardIcon(state == QMediaPlayer::PlayingState ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::EndOfMedia) {
            next();
        }
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& message) {
        Q_EMIT playbackFailed(message.isEmpty() ? tr("This file cannot be played here.") : message);
    });
}

NowPlayingBar::~NowPlayingBar()
{
    if (m_player != nullptr) {
        m_player->disconnect(this);
        m_player->stop();
        m_player->setSource(QUrl());  // before the file it may be reading goes
    }
}

void NowPlayingBar::play(const QList<QueueItem>& queue)
{
    m_queue = queue;
    m_current = queue.isEmpty() ? -1 : 0;
    startCurrent();
}

void NowPlayingBar::enqueue(const QueueItem& item)
{
    m_queue.append(item);
    if (m_current < 0) {
        m_current = static_cast<int>(m_queue.size()) - 1;
        startCurrent();
    }
}

void NowPlayingBar::togglePause()
{
    if (m_current < 0 || m_player == nullptr) {
        return;
    }
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
    } else {
        Q_EMIT started();
        m_player->play();
    }
}

void NowPlayingBar::pause()
{
    if (m_player != nullptr && m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
    }
}

void NowPlayingBar::next()
{
    if (m_current >= 0 && m_current + 1 < m_queue.size()) {
        ++m_current;
        startCurrent();
    } else {
        if (m_player != nullptr) {
            m_player->stop();
        }
        m_counter.stop();
    }
}

void NowPlayingBar::previous()
{
    if (m_current > 0) {
        --m_current;
        startCurrent();
    }
}

void NowPlayingBar::startCurrent()
{
    ensurePlayer();
    if (m_current < 0 || m_current >= m_queue.size()) {
        m_player->stop();
        m_counter.stop();
        m_title->setText(tr("Nothing playing"));
        return;
    }
    const QueueItem& item = m_queue[m_current];
    m_title->setText(m_queue.size() > 1 ? tr("%1  (%2 of %3)").arg(item.title).arg(m_current + 1).arg(m_queue.size()) : item.title);
    m_counter.start(item.songId, item.durationMs);
    m_player->setSource(QUrl());
    delete m_device;
    m_device = nullptr;
    if (core::library::hasKeptBytes(item.path)) {
        // A name that is not UTF-8: Qt cannot open it by name, so the player reads the file opened
        // by its exact bytes.
        if (auto file = core::library::openKeptName(item.path)) {
            m_device = file.release();
            m_device->setParent(this);
            m_player->setSourceDevice(m_device, core::library::fileUrl(item.path));
        } else {
            Q_EMIT playbackFailed(tr("Cannot open %1").arg(core::library::displayPath(item.path)));
            return;
        }
    } else {
        m_player->setSource(QUrl::fromLocalFile(item.path));
    }
    Q_EMIT started();
    m_player->play();
}

void NowPlayingBar::showPosition(qint64 positionMs)
{
    if (!m_seek->isSliderDown()) {
        m_seek->setValue(static_cast<int>(positionMs));
    }
    m_time->setText(QStringLiteral("%1 / %2").arg(core::setlists::formatDuration(positionMs), core::setlists::formatDuration(m_player->duration())));
    if (m_counter.positionChanged(positionMs)) {
        Q_EMIT playCounted(m_counter.songId());
    }
}

}  // namespace bandmate::ui
