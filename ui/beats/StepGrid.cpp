#include "ui/beats/StepGrid.h"

#include "ui/beats/BeatSession.h"
#include "ui/shell/Theme.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <map>

namespace bandmate::ui {

using core::beats::Hand;
using core::beats::Note;
using core::beats::Program;

namespace {

constexpr int kLabelWidth = 96;
constexpr int kHeaderHeight = 20;
constexpr int kPercussionRow = 26;
constexpr int kKeyedRow = 15;
constexpr int kMinCell = 18;

// Names of the articulations of the default kit (resources/kits/default/README.md).
const std::map<std::string, QStringList>& articulationNames()
{
    static const std::map<std::string, QStringList> names{
        {"clave", {QObject::tr("Clave")}},
        {"cowbell", {QObject::tr("Mouth"), QObject::tr("Neck")}},
        {"congas", {QObject::tr("Heel"), QObject::tr("Tip"), QObject::tr("Slap"), QObject::tr("Open"),
                    QObject::tr("Tumba"), QObject::tr("Bass")}},
        {"bongos", {QObject::tr("Macho"), QObject::tr("Hembra"), QObject::tr("Finger"), QObject::tr("Thumb")}},
        {"timbales", {QObject::tr("Macho"), QObject::tr("Hembra"), QObject::tr("Cáscara"), QObject::tr("Bell"),
                      QObject::tr("Rim shot")}},
        {"guiro", {QObject::tr("Short"), QObject::tr("Long")}},
        {"maracas", {QObject::tr("Accent"), QObject::tr("Soft")}},
        {"guira", {QObject::tr("Short"), QObject::tr("Long")}},
        {"tambora", {QObject::tr("Open"), QObject::tr("Rim"), QObject::tr("Palm")}},
        {"quinto", {QObject::tr("Slap"), QObject::tr("Open")}},
        {"segundo", {QObject::tr("Muted"), QObject::tr("Open")}},
        {"salidor", {QObject::tr("Open"), QObject::tr("Muted")}},
        {"palitos", {QObject::tr("High"), QObject::tr("Low")}},
        {"kick", {QObject::tr("Kick")}},
    };
    return names;
}

QString noteName(int midi)
{
    static const char* const names[] = {"C", "C♯", "D", "E♭", "E", "F", "F♯", "G", "A♭", "A", "B♭", "B"};
    return QString::fromUtf8(names[((midi % 12) + 12) % 12]) + QString::number(midi / 12 - 1);
}

}  // namespace

StepGrid::StepGrid(BeatSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("stepGrid"));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Step editor"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(&m_session, &BeatSession::machineChanged, this, [this] {
        rebuildRows();
        updateGeometry();
        update();
    });
    connect(&m_session, &BeatSession::playheadChanged, this, [this](double step) {
        m_playhead = step;
        update();
    });
    rebuildRows();
}

void StepGrid::setInstrument(int index)
{
    m_instrument = index;
    m_cursorStep = 0;
    m_cursorRow = 0;
    rebuildRows();
    updateGeometry();
    update();
}

int StepGrid::programIndex() const
{
    const auto& machine = m_session.machine();
    if (m_instrument < 0 || m_instrument >= static_cast<int>(machine.instruments.size())) {
        return -1;
    }
    return machine.instruments[static_cast<size_t>(m_instrument)].activeProgram;
}

const Program* StepGrid::program() const
{
    const int index = programIndex();
    if (index < 0) {
        return nullptr;
    }
    const auto& instrument = m_session.machine().instruments[static_cast<size_t>(m_instrument)];
    return index < static_cast<int>(instrument.programs.size()) ? &instrument.programs[static_cast<size_t>(index)] : nullptr;
}

void StepGrid::rebuildRows()
{
    m_rows.clear();
    const auto& machine = m_session.machine();
    if (m_instrument < 0 || m_instrument >= static_cast<int>(machine.instruments.size())) {
        return;
    }
    const auto& instrument = machine.instruments[static_cast<size_t>(m_instrument)];
    int low = instrument.keyed ? -12 : 0;  // keyed: three octaves around the key
    int high = instrument.keyed ? 24 : 0;
    if (!instrument.keyed) {
        const auto names = articulationNames().find(instrument.id);
        high = names != articulationNames().end() ? static_cast<int>(names->second.size()) - 1 : 0;
        if (instrument.id == "instructor") {
            low = 1;
            high = 8;
        }
    }
    for (const auto& program : instrument.programs) {
        for (const auto& note : program.notes) {
            low = std::min(low, note.pitch);
            high = std::max(high, note.pitch);
        }
    }
    // Keyed: high notes on top, like a piano roll. Percussion: articulation 0 on top.
    for (int pitch = low; pitch <= high; ++pitch) {
        if (instrument.keyed) {
            m_rows.prepend(pitch);
        } else {
            m_rows.append(pitch);
        }
    }
    m_cursorRow = std::clamp(m_cursorRow, 0, std::max(0, static_cast<int>(m_rows.size()) - 1));
    if (const Program* current = program()) {
        m_cursorStep = std::clamp(m_cursorStep, 0, std::max(0, current->length - 1));
    }
}

QString StepGrid::rowLabel(int pitch) const
{
    const auto& machine = m_session.machine();
    const auto& instrument = machine.instruments[static_cast<size_t>(m_instrument)];
    if (instrument.keyed) {
        return noteName(instrument.pitchOffset + machine.keyNote + pitch);
    }
    if (instrument.id == "instructor") {
        return tr("Count %1").arg(pitch);
    }
    const auto names = articulationNames().find(instrument.id);
    if (names != articulationNames().end() && pitch >= 0 && pitch < names->second.size()) {
        return names->second.at(pitch);
    }
    return tr("Sound %1").arg(pitch);
}

int StepGrid::rowHeight() const
{
    const bool keyed = m_instrument >= 0 && m_instrument < static_cast<int>(m_session.machine().instruments.size())
                       && m_session.machine().instruments[static_cast<size_t>(m_instrument)].keyed;
    return keyed ? kKeyedRow : kPercussionRow;
}

QSize StepGrid::sizeHint() const
{
    const Program* current = program();
    const int length = current != nullptr ? current->length : 16;
    return {kLabelWidth + length * 34, kHeaderHeight + static_cast<int>(m_rows.size()) * rowHeight() + 2};
}

QSize StepGrid::minimumSizeHint() const
{
    const Program* current = program();
    const int length = current != nullptr ? current->length : 16;
    return {kLabelWidth + length * kMinCell, sizeHint().height()};
}

QRect StepGrid::cellRect(int step, int pitch) const
{
    const Program* current = program();
    const int row = static_cast<int>(m_rows.indexOf(pitch));
    if (current == nullptr || row < 0 || step < 0 || step >= current->length) {
        return {};
    }
    const double cell = static_cast<double>(width() - kLabelWidth - 1) / current->length;
    const int rowHeight = this->rowHeight();
    const int x0 = kLabelWidth + static_cast<int>(std::floor(step * cell));
    const int x1 = kLabelWidth + static_cast<int>(std::floor((step + 1) * cell));
    return {x0, kHeaderHeight + row * rowHeight, x1 - x0, rowHeight};
}

bool StepGrid::cellAt(const QPoint& point, int* step, int* pitch) const
{
    const Program* current = program();
    if (current == nullptr || m_rows.isEmpty() || point.x() < kLabelWidth || point.y() < kHeaderHeight) {
        return false;
    }
    const double cell = static_cast<double>(width() - kLabelWidth - 1) / current->length;
    const int rowHeight = this->rowHeight();
    const int column = static_cast<int>((point.x() - kLabelWidth) / cell);
    const int row = rowHeight > 0 ? (point.y() - kHeaderHeight) / rowHeight : -1;
    if (column < 0 || column >= current->length || row < 0 || row >= m_rows.size()) {
        return false;
    }
    *step = column;
    *pitch = m_rows.at(row);
    return true;
}

const Note* StepGrid::noteAt(int step, int pitch) const
{
    const Program* current = program();
    if (current == nullptr) {
        return nullptr;
    }
    for (const auto& note : current->notes) {
        if (note.index == step && note.pitch == pitch) {
            return &note;
        }
    }
    return nullptr;
}

void StepGrid::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    const Program* current = program();
    if (current == nullptr || m_rows.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No program"));
        return;
    }
    const QColor accent(accentColor());
    const QColor grid = pal.color(QPalette::Mid);
    const QColor text = pal.color(QPalette::Text);
    const auto flavor = m_session.machine().flavor;
    const int perBeat = core::beats::stepsPerBeat(flavor);
    const int perBar = core::beats::stepsPerBar(flavor);
    const int playing = m_playhead >= 0 ? static_cast<int>(std::floor(m_playhead)) % current->length : -1;

    // Header: beat numbers ("1 & 2 & …" for salsa, "1 e & a" for merengue).
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    for (int step = 0; step < current->length; ++step) {
        const QRect cell = cellRect(step, m_rows.first());
        const QRect header(cell.x(), 0, cell.width(), kHeaderHeight);
        QString label;
        if (step % perBeat == 0) {
            label = QString::number((step / perBeat) % 8 + 1);
        } else if (perBeat == 2 || step % perBeat == 2) {
            label = QStringLiteral("&");
        }
        painter.setPen(step % perBeat == 0 ? text : pal.color(QPalette::PlaceholderText));
        painter.drawText(header, Qt::AlignCenter, label);
    }

    // Rows.
    for (int row = 0; row < m_rows.size(); ++row) {
        const int pitch = m_rows.at(row);
        const QRect first = cellRect(0, pitch);
        const QRect label(0, first.y(), kLabelWidth - 6, first.height());
        const bool black = m_session.machine().instruments[static_cast<size_t>(m_instrument)].keyed
                           && QStringLiteral("♯♭").contains(rowLabel(pitch).mid(1, 1));
        painter.setPen(black ? pal.color(QPalette::PlaceholderText) : text);
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, rowLabel(pitch));
        for (int step = 0; step < current->length; ++step) {
            const QRect cell = cellRect(step, pitch).adjusted(1, 1, -1, -1);
            QColor background = (step / perBeat) % 2 == 0 ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base);
            if (black) {
                background = background.darker(108);
            }
            if (step == playing) {
                background = QColor(accent.red(), accent.green(), accent.blue(), 60);
            }
            painter.fillRect(cell, background);
            if (const Note* note = noteAt(step, pitch)) {
                QColor fill = accent;
                fill.setAlphaF(static_cast<float>(0.35 + 0.65 * note->velocity));
                painter.setPen(Qt::NoPen);
                painter.setBrush(fill);
                painter.drawRoundedRect(cell.adjusted(2, 2, -2, -2), 4, 4);
                if (note->hand != Hand::Both || note->pianoTonic) {
                    painter.setPen(Qt::white);
                    const QString mark = (note->hand == Hand::Left ? QStringLiteral("L")
                                          : note->hand == Hand::Right ? QStringLiteral("R")
                                                                      : QString())
                                         + (note->pianoTonic ? QStringLiteral("8") : QString());
                    painter.drawText(cell, Qt::AlignCenter, mark);
                }
            }
        }
    }

    // Beat and bar lines.
    for (int step = 0; step <= current->length; ++step) {
        if (step % perBeat != 0) {
            continue;
        }
        const QRect cell = step < current->length ? cellRect(step, m_rows.first()) : cellRect(step - 1, m_rows.first());
        const int x = step < current->length ? cell.x() : cell.right() + 1;
        painter.setPen(QPen(step % perBar == 0 ? text : grid, step % perBar == 0 ? 1.5 : 1.0));
        painter.drawLine(x, kHeaderHeight, x, cellRect(0, m_rows.last()).bottom());
    }

    // Keyboard cursor.
    if (hasFocus()) {
        const QRect cursor = cellRect(m_cursorStep, m_rows.value(m_cursorRow));
        painter.setPen(QPen(text, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cursor.adjusted(1, 1, -1, -1));
    }
}

void StepGrid::mousePressEvent(QMouseEvent* event)
{
    int step = 0;
    int pitch = 0;
    if (event->button() != Qt::LeftButton || !cellAt(event->position().toPoint(), &step, &pitch)) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_cursorStep = step;
    m_cursorRow = static_cast<int>(m_rows.indexOf(pitch));
    if (const Note* existing = noteAt(step, pitch)) {
        m_press = {true, false, step, pitch, event->position().toPoint().y(), existing->velocity};
    } else {
        m_session.toggleNote(m_instrument, programIndex(), step, pitch, m_hand);
    }
    event->accept();
}

void StepGrid::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_press.active) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const int dy = m_press.startY - event->position().toPoint().y();
    if (std::abs(dy) >= 3 || m_press.dragged) {
        m_press.dragged = true;  // up is louder: 100 pixels span the whole range
        m_session.setNoteVelocity(m_instrument, programIndex(), m_press.step, m_press.pitch,
                                  m_press.startVelocity + dy / 100.0);
    }
    event->accept();
}

void StepGrid::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_press.active && !m_press.dragged) {
        const Note* existing = noteAt(m_press.step, m_press.pitch);
        m_session.toggleNote(m_instrument, programIndex(), m_press.step, m_press.pitch,
                             existing != nullptr ? existing->hand : m_hand);
    }
    m_press = {};
    event->accept();
}

void StepGrid::changeVelocity(int step, int pitch, double delta)
{
    if (const Note* note = noteAt(step, pitch)) {
        m_session.setNoteVelocity(m_instrument, programIndex(), step, pitch, note->velocity + delta);
    }
}

void StepGrid::wheelEvent(QWheelEvent* event)
{
    int step = 0;
    int pitch = 0;
    if (!cellAt(event->position().toPoint(), &step, &pitch) || noteAt(step, pitch) == nullptr) {
        QWidget::wheelEvent(event);  // scrolls the page instead
        return;
    }
    changeVelocity(step, pitch, event->angleDelta().y() > 0 ? 0.05 : -0.05);
    event->accept();
}

void StepGrid::keyPressEvent(QKeyEvent* event)
{
    const Program* current = program();
    if (current == nullptr || m_rows.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    // The program may have shrunk (or another one be on show) since the cursor last moved.
    m_cursorStep = std::clamp(m_cursorStep, 0, std::max(0, current->length - 1));
    const int pitch = m_rows.value(m_cursorRow);
    const bool ctrl = (event->modifiers() & Qt::ControlModifier) != 0;
    switch (event->key()) {
    case Qt::Key_Left:
        m_cursorStep = (m_cursorStep + current->length - 1) % current->length;
        break;
    case Qt::Key_Right:
        m_cursorStep = (m_cursorStep + 1) % current->length;
        break;
    case Qt::Key_Up:
        if (ctrl) {
            changeVelocity(m_cursorStep, pitch, 0.05);
        } else {
            m_cursorRow = std::max(0, m_cursorRow - 1);
        }
        break;
    case Qt::Key_Down:
        if (ctrl) {
            changeVelocity(m_cursorStep, pitch, -0.05);
        } else {
            m_cursorRow = std::min(static_cast<int>(m_rows.size()) - 1, m_cursorRow + 1);
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const Note* existing = noteAt(m_cursorStep, pitch);
        m_session.toggleNote(m_instrument, programIndex(), m_cursorStep, pitch, existing != nullptr ? existing->hand : m_hand);
        break;
    }
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
    event->accept();
}

}  // namespace bandmate::ui
