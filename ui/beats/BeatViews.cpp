#include "ui/beats/BeatViews.h"

#include "audio/engine/Pattern.h"
#include "ui/beats/BeatSession.h"
#include "ui/shell/Theme.h"

#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace bandmate::ui {

BeatIndicator::BeatIndicator(BeatSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("beatIndicator"));
    setAccessibleName(tr("Beat"));
    connect(&m_session, &BeatSession::playheadChanged, this, [this](double step) {
        const int perBeat = core::beats::stepsPerBeat(m_session.machine().flavor);
        const int count = step < 0 ? 0 : static_cast<int>(std::floor(step / perBeat)) % counts() + 1;
        if (count != m_count) {
            m_count = count;
            update();
        }
    });
    connect(&m_session, &BeatSession::machineChanged, this, qOverload<>(&QWidget::update));
}

int BeatIndicator::counts() const
{
    return m_session.machine().flavor == core::beats::Flavor::Salsa ? 8 : 4;
}

QSize BeatIndicator::sizeHint() const
{
    return {8 * 26, 30};
}

void BeatIndicator::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const int n = counts();
    const double slot = static_cast<double>(width()) / n;
    const double radius = std::min(slot, static_cast<double>(height())) * 0.36;
    const QColor accent(accentColor());
    for (int i = 0; i < n; ++i) {
        const QPointF centre(slot * (i + 0.5), height() / 2.0);
        const bool lit = i + 1 == m_count;
        QColor idle = palette().color(QPalette::PlaceholderText);
        idle.setAlphaF(0.45f);
        painter.setPen(Qt::NoPen);
        painter.setBrush(lit ? accent : idle);
        painter.drawEllipse(centre, lit ? radius * 1.15 : radius * 0.8, lit ? radius * 1.15 : radius * 0.8);
        painter.setPen(lit ? Qt::white : palette().color(QPalette::Base));
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        small.setBold(true);
        painter.setFont(small);
        painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter,
                         QString::number(i + 1));
    }
}

PolymeterView::PolymeterView(BeatSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("polymeterView"));
    setAccessibleName(tr("All instruments"));
    connect(&m_session, &BeatSession::machineChanged, this, [this] {
        updateGeometry();
        update();
    });
    connect(&m_session, &BeatSession::playheadChanged, this, [this](double step) {
        m_playhead = step;
        update();
    });
}

QSize PolymeterView::sizeHint() const
{
    int rows = 0;
    for (const auto& instrument : m_session.machine().instruments) {
        rows += instrument.enabled ? 1 : 0;
    }
    return {900, 20 + rows * 22};
}

void PolymeterView::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const auto pattern = m_session.builtPattern();
    const auto& machine = m_session.machine();
    if (!pattern) {
        // The first frame draws at once; the samples are decoded right after it.
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Loading the samples…"));
        QTimer::singleShot(0, this, [this] {
            (void)m_session.pattern();
            update();
        });
        return;
    }
    if (!pattern || pattern->channels().empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No instrument is on"));
        return;
    }
    const int cycle = std::min(pattern->cycleSteps(), 128);
    constexpr int kLabel = 96;
    const double cell = static_cast<double>(width() - kLabel - 2) / cycle;
    const int rowHeight = 22;
    const QColor accent(accentColor());
    const int perBeat = core::beats::stepsPerBeat(machine.flavor);
    const int playing = m_playhead >= 0 ? static_cast<int>(std::floor(m_playhead)) % cycle : -1;
    int row = 0;
    for (const auto& channel : pattern->channels()) {
        const auto& instrument = machine.instruments[static_cast<size_t>(channel.mixerChannel)];
        const int y = 18 + row * rowHeight;
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(0, y, kLabel - 6, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                         QString::fromStdString(instrument.title));
        for (int step = 0; step < cycle; ++step) {
            const QRectF box(kLabel + step * cell + 1, y + 3, cell - 2, rowHeight - 6);
            const int loopStep = step % channel.loopLength;
            const bool loopStart = loopStep == 0;
            QColor background = (step / perBeat) % 2 == 0 ? palette().color(QPalette::AlternateBase) : palette().color(QPalette::Base);
            if (step == playing) {
                background = QColor(accent.red(), accent.green(), accent.blue(), 70);
            }
            painter.fillRect(box, background);
            // A note the kit has no sound for is not lit (MIDI out still sends it).
            const auto begin = channel.events.begin() + channel.stepStart[static_cast<size_t>(loopStep)];
            const auto end = channel.events.begin() + channel.stepStart[static_cast<size_t>(loopStep) + 1];
            if (std::any_of(begin, end, [](const audio::PatternEvent& event) { return event.sample >= 0; })) {
                painter.fillRect(box.adjusted(2, 2, -2, -2), step < channel.loopLength ? accent : accent.lighter(135));
            }
            if (loopStart && step > 0) {
                painter.setPen(QPen(palette().color(QPalette::Text), 1.5));
                painter.drawLine(QPointF(box.left() - 1, y + 1), QPointF(box.left() - 1, y + rowHeight - 1));
            }
        }
        ++row;
    }
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRect(kLabel, 0, width() - kLabel, 16), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("%1 steps until every loop starts together; lighter cells repeat a shorter loop").arg(cycle));
}

}  // namespace bandmate::ui
