#include "ui/beats/LiveTakeView.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace bandmate::ui {

namespace {

const QColor kGood(46, 160, 67);
const QColor kFair(210, 153, 34);
const QColor kOff(207, 34, 46);

QColor offsetColour(double offsetMs, double toleranceMs)
{
    const double size = std::abs(offsetMs);
    return size <= toleranceMs / 2.0 ? kGood : size <= toleranceMs ? kFair : kOff;
}

}  // namespace

LiveTakeView::LiveTakeView(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Hits as you play"));
}

QSize LiveTakeView::sizeHint() const
{
    return {560, minimumSizeHint().height()};
}

QSize LiveTakeView::minimumSizeHint() const
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    return {240, QFontMetrics(big).height() + 8 + 84 + fontMetrics().height() + 6};
}

void LiveTakeView::setProgress(const audio::LiveProgress& progress)
{
    const size_t hits = static_cast<size_t>(std::count_if(progress.marks.begin(), progress.marks.end(),
                                                          [](const auto& hit) { return hit.offsetMs.has_value(); }))
                        + progress.extrasMs.size();
    if (hits != m_hitsSeen) {
        m_hitsSeen = hits;
        m_sinceNewHits.start();
        m_pendingMark = true;
    }
    m_progress = progress;
    m_has = true;
    setAccessibleDescription(tallyText());
    update();
}

void LiveTakeView::clear()
{
    m_progress = {};
    m_has = false;
    m_hitsSeen = 0;
    m_pendingMark = false;
    setAccessibleDescription({});
    update();
}

QString LiveTakeView::tallyText() const
{
    const core::coach::TakeScore& tally = m_progress.tally;
    if (!m_has || tally.matched + tally.missed == 0) {
        return tr("Listening… play from the one.");
    }
    const long mean = std::lround(tally.meanOffsetMs);
    const QString feel = tally.matched == 0 ? tr("nothing on the grid yet")
                         : mean < 0          ? tr("you rush by %1 ms").arg(-mean)
                         : mean > 0          ? tr("you drag by %1 ms").arg(mean)
                                             : tr("right on the beat");
    QString text = tr("%1 % within ±%2 ms — %3").arg(std::lround(tally.accuracy * 100.0)).arg(std::lround(tally.toleranceMs)).arg(feel);
    if (tally.matched > 1) {
        text += QStringLiteral(" ") + tr("(spread %1 ms)").arg(std::lround(tally.spreadMs));
    }
    if (tally.extra > 0) {
        text += QStringLiteral(" · ") + tr("%n extra", "", tally.extra);
    }
    return text;
}

void LiveTakeView::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    const int textHeight = QFontMetrics(big).height();
    painter.setFont(big);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(4, 2, width() - 8, textHeight), Qt::AlignLeft | Qt::AlignVCenter, tallyText());
    painter.setFont(font());

    const QRectF lane(4, textHeight + 8, width() - 8, 84);
    painter.fillRect(lane, palette().color(QPalette::Base));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(lane);
    m_marksPainted = 0;
    const core::coach::PartGrid& grid = m_progress.grid;
    const int length = std::max(1, grid.loopLength);
    const int perBeat = std::max(1, grid.stepsPerBeat);
    const double stepWidth = lane.width() / length;
    // Beats: a line at each, darker at each bar, numbered under the lane.
    for (int step = 0; step < length; step += perBeat) {
        const double x = lane.left() + step * stepWidth;
        const bool bar = step % (4 * perBeat) == 0;
        painter.setPen(QPen(palette().color(bar ? QPalette::Dark : QPalette::Midlight), 1));
        painter.drawLine(QPointF(x, lane.top()), QPointF(x, lane.bottom()));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(x, lane.bottom() + 2, perBeat * stepWidth, fontMetrics().height()), Qt::AlignLeft,
                         QString::number(step / perBeat % 4 + 1));
    }
    if (!m_has || grid.stepMs <= 0.0) {
        return;
    }
    const double middle = lane.center().y();
    const auto centre = [&](int loopStep) { return lane.left() + (loopStep + 0.5) * stepWidth; };
    const double tolerance = std::max(1.0, m_progress.tally.toleranceMs);
    // Where a hit goes: beside its tick, ±2 × the tolerance across most of a step.
    const auto offsetX = [&](double offsetMs) { return std::clamp(offsetMs / (2.0 * tolerance), -1.0, 1.0) * 0.45 * stepWidth; };
    // The part's hits: a tick each, in a band as wide as the tolerance.
    QColor band = kGood;
    band.setAlpha(40);
    for (const int step : grid.loopSteps) {
        painter.fillRect(QRectF(centre(step) - offsetX(tolerance), lane.top() + 10, 2.0 * offsetX(tolerance), lane.height() - 20), band);
    }
    painter.setPen(QPen(palette().color(QPalette::Mid), 2));
    for (const int step : grid.loopSteps) {
        painter.drawLine(QPointF(centre(step), lane.top() + 12), QPointF(centre(step), lane.bottom() - 12));
    }
    const double loopMs = length * grid.stepMs;
    const auto passOf = [&](double ms) { return static_cast<int>(std::floor(std::max(0.0, ms) / loopMs)); };
    const int now = passOf(m_progress.heardMs);
    const double radius = std::clamp(stepWidth * 0.18, 4.0, 8.0);
    for (size_t index = 0; index < m_progress.marks.size(); ++index) {
        const auto& hit = m_progress.marks[index];
        const int pass = hit.step / length;
        if (pass != now && pass != now - 1) {
            continue;
        }
        const double x = centre(hit.step % length);
        if (!hit.offsetMs) {
            if (static_cast<int>(index) < m_progress.closed && pass == now) {
                QColor grey = palette().color(QPalette::Mid);
                painter.setPen(QPen(grey, 2));
                painter.drawLine(QPointF(x - 5, middle - 5), QPointF(x + 5, middle + 5));
                painter.drawLine(QPointF(x - 5, middle + 5), QPointF(x + 5, middle - 5));
            }
            continue;
        }
        const QColor colour = offsetColour(*hit.offsetMs, tolerance);
        ++m_marksPainted;
        if (pass != now) {
            // The pass before: small rings below the line, apart from this pass's marks.
            QColor faint = colour;
            faint.setAlpha(110);
            painter.setPen(QPen(faint, 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(QPointF(x + offsetX(*hit.offsetMs), middle + 20), radius * 0.6, radius * 0.6);
            continue;
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        const QPointF at(x + offsetX(*hit.offsetMs), middle);
        if (std::abs(*hit.offsetMs) <= tolerance) {
            painter.drawEllipse(at, radius, radius);
        } else {
            // Beyond the tolerance a diamond, not only another colour.
            const double r = radius * 1.2;
            painter.drawPolygon(QPolygonF({at + QPointF(0, -r), at + QPointF(r, 0), at + QPointF(0, r), at + QPointF(-r, 0)}));
        }
        if (stepWidth >= fontMetrics().horizontalAdvance(QStringLiteral("+888")) + 2) {
            const long offset = std::lround(*hit.offsetMs);
            painter.setPen(colour);
            painter.drawText(QRectF(x - stepWidth / 2.0, lane.top() + 1, stepWidth, fontMetrics().height()), Qt::AlignHCenter,
                             offset > 0 ? QStringLiteral("+%1").arg(offset) : offset < 0 ? QStringLiteral("\u2212%1").arg(-offset) : QStringLiteral("0"));
        }
    }
    // Extras: hollow, where they fell.
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(palette().color(QPalette::Dark), 1.5));
    for (const double ms : m_progress.extrasMs) {
        if (passOf(ms) != now) {
            continue;
        }
        const double position = std::fmod(std::max(0.0, ms), loopMs) / grid.stepMs;
        painter.drawEllipse(QPointF(lane.left() + (position + 0.5) * stepWidth, middle - 18), radius * 0.7, radius * 0.7);
        ++m_marksPainted;
    }
    // What has been heard so far.
    const double heard = std::fmod(m_progress.heardMs, loopMs) / grid.stepMs;
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawLine(QPointF(lane.left() + heard * stepWidth, lane.top()), QPointF(lane.left() + heard * stepWidth, lane.bottom()));
    if (m_pendingMark) {
        m_pendingMark = false;
        m_lastMarkDelayMs = static_cast<double>(m_sinceNewHits.nsecsElapsed()) / 1e6;
    }
}

}  // namespace bandmate::ui
