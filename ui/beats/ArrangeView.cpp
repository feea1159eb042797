#include "ui/beats/ArrangeView.h"

#include "core/beats/NoteStream.h"
#include "ui/beats/BeatMachinePageParts.h"
#include "ui/beats/BeatSession.h"

#include <QApplication>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QToolButton>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

namespace bandmate::ui {

using core::beats::Arrangement;
using core::beats::Section;
using core::beats::SectionPart;

namespace {

constexpr int kLabelWidth = 112;
constexpr int kBlockHeight = 48;
constexpr int kLaneHeight = 20;
constexpr int kMinWidth = 240;  ///< the blocks' least width

/// A section without a colour of its own: one of these, by its index.
QColor defaultColour(int section)
{
    static const QColor colours[] = {QColor(0x29, 0x80, 0xb9), QColor(0x27, 0xae, 0x60), QColor(0xc0, 0x39, 0x2b),
                                     QColor(0x8e, 0x44, 0xad), QColor(0xd3, 0x54, 0x00), QColor(0x16, 0xa0, 0x85)};
    return colours[section % 6];
}

/// The colours offered for a section, named.
struct NamedColour {
    const char* name;
    QRgb rgb;
};
constexpr NamedColour kSectionColours[] = {
    {QT_TRANSLATE_NOOP("bandmate::ui::ArrangeView", "Blue"), 0x2980b9},   {QT_TRANSLATE_NOOP("bandmate::ui::ArrangeView", "Green"), 0x27ae60},
    {QT_TRANSLATE_NOOP("bandmate::ui::ArrangeView", "Red"), 0xc0392b},    {QT_TRANSLATE_NOOP("bandmate::ui::ArrangeView", "Purple"), 0x8e44ad},
    {QT_TRANSLATE_NOOP("bandmate::ui::ArrangeView", "Orange"), 0xd35400}, {QT_TRANSLATE_NOOP("bandmate::ui::ArrangeView", "Teal"), 0x16a085},
    {QT_TRANSLATE_NOOP("bandmate::ui::ArrangeView", "Gold"), 0xb7950b},   {QT_TRANSLATE_NOOP("bandmate::ui::ArrangeView", "Grey"), 0x7f8c8d},
};

QIcon swatch(const QColor& colour)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(140), 1));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 3, 3);
    return QIcon(pixmap);
}

QColor sectionColour(const Section& section, int index)
{
    const QColor own(QString::fromStdString(section.colour));
    return own.isValid() ? own : defaultColour(index);
}

/// The program an instrument plays in a section, as a short label; empty: as the machine has it.
QString partLabel(const core::beats::Instrument& instrument, const std::vector<SectionPart>& parts, bool* off)
{
    for (const SectionPart& part : parts) {
        if (part.instrument == instrument.id) {
            *off = part.program < 0 || part.program >= static_cast<int>(instrument.programs.size());
            return *off ? QString() : QString::fromStdString(instrument.programs[static_cast<size_t>(part.program)].title);
        }
    }
    *off = !instrument.enabled;
    return {};
}

}  // namespace

/// The form as blocks on a bar ruler, a lane per instrument under it, and the playhead.
class ArrangeTimeline : public QWidget {
public:
    ArrangeTimeline(BeatSession& session, QWidget* parent) : QWidget(parent), m_session(session)
    {
        setFocusPolicy(Qt::StrongFocus);
        setMouseTracking(true);  // the resize cursor over a block's end
        setAccessibleName(QCoreApplication::translate("bandmate::ui::ArrangeView", "Arrangement timeline"));
    }

    std::function<void(int)> onSelect;
    /// A block dragged to another place: form entry `from` goes to `to` (its index after).
    std::function<void(int from, int to)> onMove;
    /// A block's right end dragged: entry `entry`'s section becomes `bars` bars long.
    std::function<void(int entry, int bars)> onResize;
    std::function<void(int entry, const QPoint& globalPos)> onMenu;
    int arrangement = -1;
    int selected = -1;

    void updateSize()
    {
        const int lanes = static_cast<int>(m_session.machine().instruments.size());
        // As wide as it is given (a long tune's bars get narrower), as high as its lanes.
        setMinimumSize(kLabelWidth + kMinWidth, kBlockHeight + 8 + lanes * kLaneHeight + 8);
        update();
    }

    /// Calls a drag in progress off when the tune changed under it (an edit from the keyboard,
    /// an undo, another arrangement): its block is no longer where it was pressed.
    void checkDrag()
    {
        const Arrangement* arr = shown();
        if (m_pressEntry >= 0 && (arr == nullptr || arrangement != m_pressArrangement || arr->form != m_pressForm)) {
            cancelDrag();
        }
    }

    void cancelDrag()
    {
        if (m_drag != Drag::None || m_pressEntry >= 0) {
            m_drag = Drag::None;
            m_pressEntry = -1;
            unsetCursor();
            update();
        }
    }

    /// The x of bar `bar` (0-based, fractional) of the tune.
    [[nodiscard]] double xOfBar(double bar) const
    {
        const Arrangement* arr = shown();
        const int bars = arr != nullptr ? std::max(1, totalBars(*arr)) : 1;
        return kLabelWidth + bar * (width() - kLabelWidth - 12) / bars;
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QPalette& pal = palette();
        painter.fillRect(rect(), pal.color(QPalette::Base));
        const Arrangement* arr = shown();
        const auto& machine = m_session.machine();
        if (arr == nullptr || arr->form.empty()) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(rect(), Qt::AlignCenter,
                             arr == nullptr ? QCoreApplication::translate("bandmate::ui::ArrangeView", "No arrangement yet: New… makes one from this machine")
                                            : QCoreApplication::translate("bandmate::ui::ArrangeView", "No sections: Add section (Insert) puts the first one in"));
            return;
        }
        // Lane labels.
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        painter.setFont(small);
        for (size_t i = 0; i < machine.instruments.size(); ++i) {
            const int y = kBlockHeight + 8 + static_cast<int>(i) * kLaneHeight;
            painter.setPen(pal.color(QPalette::Text));
            painter.drawText(QRect(6, y, kLabelWidth - 10, kLaneHeight), Qt::AlignVCenter | Qt::AlignLeft,
                             QString::fromStdString(machine.instruments[i].title));
            painter.setPen(QPen(pal.color(QPalette::Mid), 0.5));
            painter.drawLine(kLabelWidth, y + kLaneHeight, width() - 6, y + kLaneHeight);
        }
        int bar = 0;
        for (size_t e = 0; e < arr->form.size(); ++e) {
            const int index = arr->form[e];
            if (index < 0 || index >= static_cast<int>(arr->sections.size())) {
                continue;
            }
            const Section& section = arr->sections[static_cast<size_t>(index)];
            const int bars = section.bars * section.repeats;
            const QRectF block(xOfBar(bar) + 1, 4, xOfBar(bar + bars) - xOfBar(bar) - 2, kBlockHeight - 4);
            const QColor colour = sectionColour(section, index);
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawRoundedRect(block, 5, 5);
            if (!section.breakParts.empty()) {
                // The break bar: a darker end.
                const double breakX = xOfBar(bar + bars - 1);
                painter.setBrush(colour.darker(160));
                painter.drawRoundedRect(QRectF(breakX, block.top(), block.right() - breakX, block.height()), 5, 5);
            }
            if (static_cast<int>(e) == selected) {
                // A ring that shows on any colour: the text colour outside, white inside.
                painter.setBrush(Qt::NoBrush);
                painter.setPen(QPen(pal.color(QPalette::Text), 3));
                painter.drawRoundedRect(block.adjusted(-2, -2, 2, 2), 6, 6);
                painter.setPen(QPen(Qt::white, 1.5));
                painter.drawRoundedRect(block.adjusted(1, 1, -1, -1), 4, 4);
            }
            // Dark text on light colours (a file's own), white on dark.
            painter.setPen(colour.lightnessF() > 0.6 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
            QFont bold = font();
            bold.setBold(true);
            painter.setFont(bold);
            const QRectF text = block.adjusted(6, 2, -4, -2);
            painter.drawText(text, Qt::AlignLeft | Qt::AlignTop,
                             painter.fontMetrics().elidedText(QString::fromStdString(section.name), Qt::ElideRight,
                                                              static_cast<int>(text.width())));
            painter.setFont(small);
            QString detail = section.bars == 1 ? QCoreApplication::translate("bandmate::ui::ArrangeView", "1 bar") : QCoreApplication::translate("bandmate::ui::ArrangeView", "%1 bars").arg(section.bars);
            if (section.repeats > 1) {
                detail += QStringLiteral(" ×%1").arg(section.repeats);
            }
            if (section.bpm > 0.0) {
                detail += QStringLiteral(" · ") + QCoreApplication::translate("bandmate::ui::ArrangeView", "%1 BPM").arg(section.bpm);
            }
            painter.drawText(text, Qt::AlignLeft | Qt::AlignBottom,
                             painter.fontMetrics().elidedText(detail, Qt::ElideRight, static_cast<int>(text.width())));
            // Lanes: the program each instrument plays here.
            for (size_t i = 0; i < machine.instruments.size(); ++i) {
                bool off = false;
                const QString label = partLabel(machine.instruments[i], section.parts, &off);
                const int y = kBlockHeight + 8 + static_cast<int>(i) * kLaneHeight;
                const QRectF lane(block.left(), y + 3, block.width(), kLaneHeight - 6);
                if (off) {
                    continue;
                }
                QColor fill = colour;
                fill.setAlpha(label.isEmpty() ? 60 : 140);
                painter.setPen(Qt::NoPen);
                painter.setBrush(fill);
                painter.drawRoundedRect(lane, 3, 3);
                painter.setPen(pal.color(QPalette::Text));
                painter.drawText(lane.adjusted(4, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft,
                                 painter.fontMetrics().elidedText(label.isEmpty() ? QCoreApplication::translate("bandmate::ui::ArrangeView", "as the machine") : label, Qt::ElideRight,
                                                                  static_cast<int>(lane.width()) - 6));
            }
            bar += bars;
        }
        // A drag: where the block goes, or where its section now ends, drawn to show on any
        // colour (the text colour, white inside), as the selection is.
        if (m_drag == Drag::Move) {
            const double x = xOfBar(startBar(m_dropBoundary));
            painter.setPen(QPen(pal.color(QPalette::Text), 5, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(x, 2), QPointF(x, height() - 2));
            painter.setPen(QPen(Qt::white, 1.5));
            painter.drawLine(QPointF(x, 2), QPointF(x, height() - 2));
        } else if (m_drag == Drag::Resize && m_pressEntry >= 0 && m_pressEntry < static_cast<int>(arr->form.size())) {
            const int index = arr->form[static_cast<size_t>(m_pressEntry)];
            const Section& section = arr->sections[static_cast<size_t>(index)];
            const double left = xOfBar(startBar(m_pressEntry)) + 1;
            const double right = xOfBar(startBar(m_pressEntry) + m_resizeBars * section.repeats) - 1;
            QColor ghost = sectionColour(section, index);
            ghost.setAlpha(150);
            const QRectF outline(left, 3, std::max(4.0, right - left), kBlockHeight - 2);
            painter.setBrush(ghost);
            painter.setPen(QPen(pal.color(QPalette::Text), 2, Qt::DashLine));
            painter.drawRoundedRect(outline, 5, 5);
            QString length = m_resizeBars == 1 ? QCoreApplication::translate("bandmate::ui::ArrangeView", "1 bar")
                                               : QCoreApplication::translate("bandmate::ui::ArrangeView", "%1 bars").arg(m_resizeBars);
            // A section the form plays more than once changes everywhere it plays: said.
            if (const auto places = std::ranges::count(arr->form, index); places > 1) {
                length += QStringLiteral(" — ") +
                          QCoreApplication::translate("bandmate::ui::ArrangeView", "all %1 places it plays").arg(places);
            }
            painter.setFont(font());
            const QRectF label = QRectF(painter.fontMetrics().boundingRect(length)).adjusted(-5, -2, 5, 2);
            const QRectF placed(std::min(right + 6, width() - label.width() - 4), outline.center().y() - label.height() / 2,
                                label.width(), label.height());
            painter.setPen(QPen(pal.color(QPalette::Text), 1));
            painter.setBrush(pal.color(QPalette::ToolTipBase));
            painter.drawRoundedRect(placed, 4, 4);
            painter.setPen(pal.color(QPalette::ToolTipText));
            painter.drawText(placed, Qt::AlignCenter, length);
        }
        // The playhead, when this arrangement plays.
        if (m_session.playingArrangement() == arrangement) {
            if (const auto* song = m_session.songLayout(); song != nullptr) {
                const int entry = m_session.playingEntry();
                if (entry >= 0) {
                    const auto& placed = song->entries[static_cast<size_t>(entry)];
                    double step = m_session.isPlaying() || m_session.isPaused() ? std::floor(m_session.songStep()) : 0.0;
                    if (step >= song->songSteps) {  // a live break: at its entry's end
                        step = placed.startStep + placed.steps - 1;
                    }
                    const double x = xOfBar(step / song->barSteps);
                    painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
                    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
                }
            }
        }
    }

    bool event(QEvent* event) override
    {
        // Escape calls a drag off, before a shortcut of the page's takes the key.
        if (event->type() == QEvent::ShortcutOverride && m_drag != Drag::None &&
            (QGuiApplication::mouseButtons() & Qt::LeftButton) && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
        // Over a block: its section in full (long tunes have narrow blocks).
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            const int entry = entryAt(help->pos().x());
            const Arrangement* arr = shown();
            if (arr != nullptr && entry >= 0) {
                const Section& section = arr->sections[static_cast<size_t>(arr->form[static_cast<size_t>(entry)])];
                QToolTip::showText(help->globalPos(),
                                   QCoreApplication::translate("bandmate::ui::ArrangeView", "%1: %2 bars ×%3")
                                       .arg(QString::fromStdString(section.name))
                                       .arg(section.bars)
                                       .arg(section.repeats),
                                   this);
            } else {
                QToolTip::hideText();
            }
            return true;
        }
        return QWidget::event(event);
    }

    /// The form entry whose block covers `x`, or -1.
    [[nodiscard]] int entryAt(double x) const
    {
        const Arrangement* arr = shown();
        if (arr == nullptr || x < kLabelWidth) {
            return -1;
        }
        int bar = 0;
        for (size_t e = 0; e < arr->form.size(); ++e) {
            const Section& section = arr->sections[static_cast<size_t>(arr->form[e])];
            bar += section.bars * section.repeats;
            if (x < xOfBar(bar)) {
                return static_cast<int>(e);
            }
        }
        return -1;
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        const double x = event->position().x();
        const int edge = edgeAt(x);
        const int entry = edge >= 0 ? edge : entryAt(x);
        m_drag = Drag::None;
        m_pressEntry = event->button() == Qt::LeftButton ? entry : -1;
        m_pressX = x;
        m_pressOnEdge = edge >= 0;
        m_pressArrangement = arrangement;
        m_pressForm = shown() != nullptr ? shown()->form : std::vector<int>{};
        if (entry >= 0 && onSelect) {
            onSelect(entry);
        }
    }

    void mouseMoveEvent(QMouseEvent* event) override
    {
        const double x = event->position().x();
        if (!(event->buttons() & Qt::LeftButton) || m_pressEntry < 0) {
            if (m_drag != Drag::None) {
                cancelDrag();  // the release went elsewhere (another window took the mouse)
            }
            // The right end of a block takes a drag that changes its length.
            setCursor(edgeAt(x) >= 0 ? Qt::SizeHorCursor : Qt::ArrowCursor);
            return;
        }
        const Arrangement* shownNow = shown();
        if (shownNow == nullptr || m_pressEntry >= static_cast<int>(shownNow->form.size())) {
            m_drag = Drag::None;  // the tune changed under the drag (an undo): it is called off
            m_pressEntry = -1;
            update();
            return;
        }
        if (m_drag == Drag::None && std::abs(x - m_pressX) >= QApplication::startDragDistance()) {
            m_drag = m_pressOnEdge ? Drag::Resize : Drag::Move;
        }
        if (m_drag == Drag::Move) {
            m_dropBoundary = boundaryNear(x);
            setCursor(Qt::ClosedHandCursor);
        } else if (m_drag == Drag::Resize) {
            const Section& section = shownNow->sections[static_cast<size_t>(shownNow->form[static_cast<size_t>(m_pressEntry)])];
            const double end = std::max(0.0, barAt(x) - startBar(m_pressEntry));
            m_resizeBars = std::clamp(static_cast<int>(std::lround(end / section.repeats)), 1,
                                      core::beats::MachineLimits::kMaxSectionBars);
        }
        update();
    }

    void mouseReleaseEvent(QMouseEvent* event) override
    {
        const Arrangement* arr = shown();
        const Drag drag = arr != nullptr && m_pressEntry < static_cast<int>(arr->form.size()) ? m_drag : Drag::None;
        const int entry = m_pressEntry;
        m_drag = Drag::None;
        m_pressEntry = -1;
        setCursor(edgeAt(event->position().x()) >= 0 ? Qt::SizeHorCursor : Qt::ArrowCursor);
        update();
        if (drag == Drag::Move && onMove) {
            // Dropped on a boundary: before the block there, or after the last.
            const int to = m_dropBoundary > entry ? m_dropBoundary - 1 : m_dropBoundary;
            if (to != entry) {
                onMove(entry, to);
            }
        } else if (drag == Drag::Resize && onResize) {
            onResize(entry, m_resizeBars);
        }
    }

    void keyPressEvent(QKeyEvent* event) override
    {
        if (event->key() == Qt::Key_Escape && m_drag != Drag::None) {
            m_drag = Drag::None;  // the drag is called off, nothing changes
            m_pressEntry = -1;
            unsetCursor();
            update();
            return;
        }
        QWidget::keyPressEvent(event);
    }

    void contextMenuEvent(QContextMenuEvent* event) override
    {
        // From the keyboard (the Menu key, Shift+F10): the selected block's menu, under it.
        const bool keyboard = event->reason() == QContextMenuEvent::Keyboard;
        const int entry = keyboard ? selected : entryAt(event->pos().x());
        if (entry < 0) {
            return;
        }
        if (onSelect) {
            onSelect(entry);
        }
        if (onMenu) {
            onMenu(entry, keyboard ? mapToGlobal(QPoint(static_cast<int>(xOfBar(startBar(entry))) + 8, kBlockHeight))
                                   : event->globalPos());
        }
    }

private:
    enum class Drag { None, Move, Resize };

    /// The bar (fractional) under `x`.
    [[nodiscard]] double barAt(double x) const
    {
        const Arrangement* arr = shown();
        const int bars = arr != nullptr ? std::max(1, totalBars(*arr)) : 1;
        return (x - kLabelWidth) * bars / std::max(1, width() - kLabelWidth - 12);
    }

    [[nodiscard]] int startBar(int entry) const
    {
        const Arrangement* arr = shown();
        int bar = 0;
        for (int e = 0; arr != nullptr && e < entry && e < static_cast<int>(arr->form.size()); ++e) {
            const Section& section = arr->sections[static_cast<size_t>(arr->form[static_cast<size_t>(e)])];
            bar += section.bars * section.repeats;
        }
        return bar;
    }

    /// The form entry whose block ends within a few pixels of `x`, or -1.
    [[nodiscard]] int edgeAt(double x) const
    {
        const Arrangement* arr = shown();
        if (arr == nullptr) {
            return -1;
        }
        // Within the block's last few pixels, and only on a block wide enough to be moved too.
        int bar = 0;
        for (size_t e = 0; e < arr->form.size(); ++e) {
            const Section& section = arr->sections[static_cast<size_t>(arr->form[e])];
            const double left = xOfBar(bar);
            bar += section.bars * section.repeats;
            const double right = xOfBar(bar) - 1;
            if (x >= right - 5.0 && x <= right + 1.0 && right - left >= 16.0) {
                return static_cast<int>(e);
            }
        }
        return -1;
    }

    /// The boundary between blocks nearest `x`: 0 before the first … form size after the last.
    [[nodiscard]] int boundaryNear(double x) const
    {
        const Arrangement* arr = shown();
        const int count = arr != nullptr ? static_cast<int>(arr->form.size()) : 0;
        int best = 0;
        for (int b = 1; b <= count; ++b) {
            if (std::abs(x - xOfBar(startBar(b))) < std::abs(x - xOfBar(startBar(best)))) {
                best = b;
            }
        }
        return best;
    }

    [[nodiscard]] const Arrangement* shown() const
    {
        const auto& arrangements = m_session.machine().arrangements;
        return arrangement >= 0 && arrangement < static_cast<int>(arrangements.size()) ? &arrangements[static_cast<size_t>(arrangement)]
                                                                                        : nullptr;
    }

    static int totalBars(const Arrangement& arr)
    {
        int bars = 0;
        for (const int index : arr.form) {
            if (index >= 0 && index < static_cast<int>(arr.sections.size())) {
                bars += arr.sections[static_cast<size_t>(index)].bars * arr.sections[static_cast<size_t>(index)].repeats;
            }
        }
        return bars;
    }


    BeatSession& m_session;
    Drag m_drag = Drag::None;
    int m_pressEntry = -1;
    double m_pressX = 0.0;
    bool m_pressOnEdge = false;
    int m_pressArrangement = -1;
    std::vector<int> m_pressForm;  ///< the form as it was pressed
    int m_dropBoundary = 0;
    int m_resizeBars = 0;
};

ArrangeView::ArrangeView(BeatSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    // Everything scrolls up and down in one area (a small window shows the timeline first), never
    // sideways: the timeline fits its width.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scrollArea = new QScrollArea(this);
    scrollArea->setWidgetResizable(true);
    scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scrollArea->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scrollArea);
    auto* content = new QWidget(scrollArea);
    scrollArea->setWidget(content);
    auto* layout = new QVBoxLayout(content);
    // The content keeps at least its layout's minimum as parts come and go (the scroll area
    // hears of it through the resize).
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    auto* top = new QHBoxLayout;
    m_chooser = new QComboBox(this);
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chooser->setMinimumContentsLength(12);
    m_chooser->setAccessibleName(tr("Arrangement"));
    auto* chooserLabel = new QLabel(tr("&Arrangement:"), this);
    chooserLabel->setBuddy(m_chooser);
    auto* add = new QPushButton(tr("&New…"), this);
    m_rename = new QPushButton(tr("Rena&me…"), this);
    m_delete = new QPushButton(tr("Delete"), this);
    m_playTune = new QPushButton(tr("Play the &tune"), this);
    m_playTune->setCheckable(true);
    m_playTune->setToolTip(tr("Play this arrangement instead of the machine's loop"));
    top->addWidget(chooserLabel);
    top->addWidget(m_chooser, 1);
    top->addWidget(add);
    top->addWidget(m_rename);
    top->addWidget(m_delete);
    top->addWidget(m_playTune);
    layout->addLayout(top);
    m_summary = new QLabel(this);
    layout->addWidget(m_summary);

    m_timeline = new ArrangeTimeline(session, this);
    layout->addWidget(m_timeline);

    // Two rows of commands: editing the form, and playing it live.
    auto* tools = new QHBoxLayout;
    auto* live = new QHBoxLayout;
    const auto button = [&](const QString& text, const QString& tip, const std::function<void()>& action) {
        auto* b = new QPushButton(text, this);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, action);
        tools->addWidget(b);
        return b;
    };
    button(tr("Add section"), tr("A new section after the selected one (Insert)"), [this] {
        selectEntry(m_session.addSection(m_arrangement, m_entry));
    });
    button(tr("Repeat"), tr("The selected section once more right after it (Ctrl+R)"), [this] {
        m_session.repeatEntry(m_arrangement, m_entry);
        selectEntry(m_entry + 1);
    });
    button(tr("Duplicate"), tr("A copy of the selected section to change on its own (Ctrl+D)"), [this] {
        m_session.duplicateEntry(m_arrangement, m_entry);
        selectEntry(m_entry + 1);
    });
    button(tr("Remove"), tr("Take the selected section out of the tune (Delete)"), [this] {
        m_session.removeEntry(m_arrangement, m_entry);
        refresh();
    });
    for (auto* arrow : {button(tr("◀"), tr("Move the selected section earlier (Ctrl+Left)"),
                               [this] {
                                   m_session.moveEntry(m_arrangement, m_entry, m_entry - 1);
                                   selectEntry(m_entry - 1);
                               }),
                        button(tr("▶"), tr("Move the selected section later (Ctrl+Right)"), [this] {
                            m_session.moveEntry(m_arrangement, m_entry, m_entry + 1);
                            selectEntry(m_entry + 1);
                        })}) {
        arrow->setMaximumWidth(arrow->fontMetrics().horizontalAdvance(QStringLiteral("◀")) * 4);
        arrow->setAccessibleName(arrow->toolTip());
    }
    m_loop = button(tr("Lo&op it"), tr("Play the selected section over and over (O); again: the whole tune"), [this] {
        if (m_session.playingArrangement() != m_arrangement) {
            m_session.setPlayingArrangement(m_arrangement);
        }
        const auto loop = m_session.arrangementLoop();
        m_session.setArrangementLoop(loop.first == m_entry ? -1 : m_entry, m_entry);
        refresh();
    });
    m_loop->setCheckable(true);
    tools->addStretch(1);
    layout->addLayout(tools);
    m_live = new QLabel(this);
    m_live->setWordWrap(true);  // what plays and what comes next, in as many lines as it needs
    live->addWidget(m_live, 1);
    tools = live;
    button(tr("Previous"), tr("Live: the previous section at the next bar line (P)"), [this] { m_session.queuePreviousSection(); });
    button(tr("Next section"), tr("Live: the next section at the next bar line (N)"), [this] { m_session.queueNextSection(); });
    button(tr("Break"), tr("Live: the break at the next bar line, then the next section on the one (B)"), [this] {
        m_session.queueBreak();
    });
    layout->addLayout(live);

    buildEditor();
    layout->addWidget(m_editor);

    connect(m_chooser, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_refreshing) {
            setArrangement(index);
        }
    });
    connect(add, &QPushButton::clicked, this, &ArrangeView::addArrangement);
    connect(m_rename, &QPushButton::clicked, this, &ArrangeView::renameArrangement);
    connect(m_delete, &QPushButton::clicked, this, [this] { m_session.removeArrangement(m_arrangement); });
    connect(m_playTune, &QPushButton::toggled, this, [this](bool on) {
        if (!m_refreshing) {
            m_session.setPlayingArrangement(on ? m_arrangement : -1);
            refreshLive();
        }
    });
    m_timeline->onSelect = [this](int entry) { selectEntry(entry); };
    m_timeline->onMove = [this](int from, int to) {
        m_session.moveEntry(m_arrangement, from, to);
        selectEntry(to);
    };
    m_timeline->onResize = [this](int entry, int bars) {
        const auto& arrangements = m_session.machine().arrangements;
        const auto& arr = arrangements[static_cast<size_t>(m_arrangement)];
        const int section = arr.form[static_cast<size_t>(entry)];
        if (arr.sections[static_cast<size_t>(section)].bars != bars) {
            m_session.editSection(m_arrangement, section, tr("Section length"), [bars](Section& s) { s.bars = bars; });
        }
    };
    m_timeline->onMenu = [this](int, const QPoint& at) {
        QMenu menu(this);
        menu.addAction(tr("Repeat"), this, [this] {
            m_session.repeatEntry(m_arrangement, m_entry);
            selectEntry(m_entry + 1);
        });
        menu.addAction(tr("Duplicate"), this, [this] {
            m_session.duplicateEntry(m_arrangement, m_entry);
            selectEntry(m_entry + 1);
        });
        menu.addAction(tr("Remove"), this, [this] {
            m_session.removeEntry(m_arrangement, m_entry);
            refresh();
        });
        menu.addSeparator();
        QMenu* colours = menu.addMenu(tr("Section colour"));
        fillColourMenu(colours);
        menu.exec(at);
    };
    connect(&session, &BeatSession::machineChanged, this, &ArrangeView::refresh);
    connect(&session, &BeatSession::playingChanged, this, [this] { refreshLive(); });

    const auto shortcut = [this](const QKeySequence& keys, const std::function<void()>& action) {
        auto* s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, action);
    };
    shortcut(QKeySequence(Qt::Key_Insert), [this] { selectEntry(m_session.addSection(m_arrangement, m_entry)); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_D), [this] {
        m_session.duplicateEntry(m_arrangement, m_entry);
        selectEntry(m_entry + 1);
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), [this] {
        m_session.repeatEntry(m_arrangement, m_entry);
        selectEntry(m_entry + 1);
    });
    shortcut(QKeySequence(Qt::Key_Delete), [this] {
        m_session.removeEntry(m_arrangement, m_entry);
        refresh();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Left), [this] {
        m_session.moveEntry(m_arrangement, m_entry, m_entry - 1);
        selectEntry(m_entry - 1);
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Right), [this] {
        m_session.moveEntry(m_arrangement, m_entry, m_entry + 1);
        selectEntry(m_entry + 1);
    });
    shortcut(QKeySequence(Qt::Key_Left), [this] { selectEntry(std::max(0, m_entry - 1)); });
    shortcut(QKeySequence(Qt::Key_Right), [this] { selectEntry(m_entry + 1); });
    shortcut(QKeySequence(Qt::Key_N), [this] { m_session.queueNextSection(); });
    shortcut(QKeySequence(Qt::Key_P), [this] { m_session.queuePreviousSection(); });
    shortcut(QKeySequence(Qt::Key_B), [this] { m_session.queueBreak(); });
    shortcut(QKeySequence(Qt::Key_O), [this] { m_loop->click(); });  // L is the page's Link

    m_poll = new QTimer(this);
    m_poll->setInterval(40);
    connect(m_poll, &QTimer::timeout, this, [this] {
        m_timeline->update();
        refreshLive();
    });
    refresh();
}

void ArrangeView::buildEditor()
{
    m_editor = new QWidget(this);
    // The section's settings, then its parts below them: every part's choice gets the width.
    auto* layout = new QVBoxLayout(m_editor);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_name = new QLineEdit(m_editor);
    m_name->setMinimumWidth(260);
    m_bars = new QSpinBox(m_editor);
    m_bars->setRange(1, core::beats::MachineLimits::kMaxSectionBars);
    m_bars->setSuffix(tr(" bars"));
    m_repeats = new QSpinBox(m_editor);
    m_repeats->setRange(1, core::beats::MachineLimits::kMaxRepeats);
    m_repeats->setPrefix(QStringLiteral("×"));
    m_tempo = new QDoubleSpinBox(m_editor);
    // Its lowest value, just below the machine range, reads "the machine's"; one step up is 30.
    m_tempo->setRange(core::beats::MachineLimits::kMinBpm - 1.0, core::beats::MachineLimits::kMaxBpm);
    m_tempo->setDecimals(1);
    m_tempo->setSpecialValueText(tr("the machine's"));
    m_tempo->setSuffix(tr(" BPM"));
    m_key = new QComboBox(m_editor);
    m_key->addItem(tr("the machine's"), -1);
    for (int k = 0; k < 12; ++k) {
        m_key->addItem(QString::fromUtf8(beatpage::kKeyNames[k]), k);  // as the page's key chooser names them
    }
    m_break = new QCheckBox(tr("Ends on a &break (its last bar)"), m_editor);
    m_colour = new QToolButton(m_editor);
    m_colour->setPopupMode(QToolButton::InstantPopup);
    m_colour->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_colour->setAccessibleName(tr("Section colour"));
    auto* colours = new QMenu(m_colour);
    connect(colours, &QMenu::aboutToShow, this, [this, colours] { fillColourMenu(colours); });
    m_colour->setMenu(colours);
    form->addRow(tr("Section name:"), m_name);
    form->addRow(tr("&Length:"), m_bars);
    form->addRow(tr("&Repeats:"), m_repeats);
    form->addRow(tr("Tem&po:"), m_tempo);
    form->addRow(tr("&Key:"), m_key);
    form->addRow(tr("Colo&ur:"), m_colour);
    form->addRow(QString(), m_break);
    layout->addLayout(form);
    auto* partsBox = new QWidget(m_editor);
    m_parts = new QGridLayout(partsBox);
    m_parts->setContentsMargins(0, 6, 0, 0);
    m_parts->setColumnStretch(1, 1);
    m_parts->setColumnStretch(2, 1);
    layout->addWidget(partsBox, 1);

    // Steps of one spin box on one section merge into one undo step (another section's are
    // another step).
    const auto sectionEdit = [this](const QString& description, const std::function<void(Section&)>& change, int kind = -1) {
        if (!m_refreshing) {
            const int merge = kind < 0 ? -1 : (kind << 24) | ((m_arrangement & 0xff) << 16) | (selectedSection() & 0xffff);
            m_session.editSection(m_arrangement, selectedSection(), description, change, merge);
        }
    };
    connect(m_name, &QLineEdit::editingFinished, this, [this, sectionEdit] {
        const std::string name = m_name->text().simplified().toStdString();
        if (!name.empty()) {
            sectionEdit(tr("Rename section"), [name](Section& s) { s.name = name; });
        }
    });
    connect(m_bars, &QSpinBox::valueChanged, this, [sectionEdit](int bars) {
        sectionEdit(tr("Section length"), [bars](Section& s) { s.bars = bars; }, 31);
    });
    connect(m_repeats, &QSpinBox::valueChanged, this, [sectionEdit](int repeats) {
        sectionEdit(tr("Section repeats"), [repeats](Section& s) { s.repeats = repeats; }, 32);
    });
    connect(m_tempo, &QDoubleSpinBox::valueChanged, this, [sectionEdit](double bpm) {
        const double value = bpm < core::beats::MachineLimits::kMinBpm ? 0.0 : bpm;
        sectionEdit(tr("Section tempo"), [value](Section& s) { s.bpm = value; }, 33);
    });
    connect(m_key, &QComboBox::currentIndexChanged, this, [this, sectionEdit](int) {
        const int key = m_key->currentData().toInt();
        sectionEdit(tr("Section key"), [key](Section& s) { s.keyNote = key; });
    });
    connect(m_break, &QCheckBox::toggled, this, [this, sectionEdit](bool on) {
        // A new break: each part that plays in the section hits its break figure (a program
        // called "Cierre…" or "…break…", as the built-in machines have), else the first bar of
        // what it plays there; the others rest. Change them below.
        const auto& machine = m_session.machine();
        sectionEdit(on ? tr("Add a break") : tr("Remove the break"), [on, &machine](Section& s) {
            s.breakParts.clear();
            if (!on) {
                return;
            }
            for (const auto& instrument : machine.instruments) {
                const auto chosen = std::ranges::find(s.parts, instrument.id, &SectionPart::instrument);
                const int plays = chosen != s.parts.end() ? chosen->program : instrument.enabled ? instrument.activeProgram : SectionPart::kOff;
                if (plays < 0 || instrument.id == "instructor") {
                    continue;
                }
                int figure = plays;
                for (size_t p = 0; p < instrument.programs.size(); ++p) {
                    const QString title = QString::fromStdString(instrument.programs[p].title).toLower();
                    if (title.startsWith(QStringLiteral("cierre")) || title.contains(QStringLiteral("break"))) {
                        figure = static_cast<int>(p);
                        break;
                    }
                }
                s.breakParts.push_back(SectionPart{instrument.id, figure});
            }
            if (s.breakParts.empty() && !machine.instruments.empty()) {
                s.breakParts.push_back(SectionPart{machine.instruments.front().id, SectionPart::kOff});  // a full stop
            }
        });
    });
}

void ArrangeView::fillColourMenu(QMenu* menu)
{
    menu->clear();
    const auto recolour = [this](const QString& name) {
        m_session.editSection(m_arrangement, selectedSection(), tr("Section colour"),
                              [colour = name.toStdString()](Section& s) { s.colour = colour; });
    };
    const int section = selectedSection();
    if (section < 0) {
        return;
    }
    const std::string current = m_session.machine().arrangements[static_cast<size_t>(m_arrangement)].sections[static_cast<size_t>(section)].colour;
    QAction* automatic = menu->addAction(swatch(defaultColour(section)), tr("Automatic"), this, [recolour] { recolour({}); });
    automatic->setCheckable(true);
    automatic->setChecked(current.empty());
    for (const NamedColour& named : kSectionColours) {
        const QColor colour = QColor::fromRgb(named.rgb);
        QAction* action = menu->addAction(swatch(colour), tr(named.name), this, [recolour, colour] { recolour(colour.name()); });
        action->setCheckable(true);
        action->setChecked(QColor(QString::fromStdString(current)) == colour);
    }
    menu->addSeparator();
    menu->addAction(tr("Other colour…"), this, [this, recolour] {
        const int now = selectedSection();
        if (now < 0) {
            return;
        }
        const auto& s = m_session.machine().arrangements[static_cast<size_t>(m_arrangement)].sections[static_cast<size_t>(now)];
        const QColor chosen = QColorDialog::getColor(sectionColour(s, now), this, tr("Section colour"));
        if (chosen.isValid()) {
            recolour(chosen.name());
        }
    });
}

void ArrangeView::setArrangement(int index)
{
    const int count = static_cast<int>(m_session.machine().arrangements.size());
    m_arrangement = count == 0 ? -1 : std::clamp(index, 0, count - 1);
    m_entry = m_arrangement >= 0 && !m_session.machine().arrangements[static_cast<size_t>(m_arrangement)].form.empty() ? 0 : -1;
    refresh();
}

void ArrangeView::selectEntry(int entry)
{
    if (m_arrangement < 0) {
        return;
    }
    const int count = static_cast<int>(m_session.machine().arrangements[static_cast<size_t>(m_arrangement)].form.size());
    m_entry = count == 0 ? -1 : std::clamp(entry, 0, count - 1);
    refresh();
}

int ArrangeView::selectedSection() const
{
    if (m_arrangement < 0 || m_entry < 0) {
        return -1;
    }
    const auto& form = m_session.machine().arrangements[static_cast<size_t>(m_arrangement)].form;
    return m_entry < static_cast<int>(form.size()) ? form[static_cast<size_t>(m_entry)] : -1;
}

void ArrangeView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void ArrangeView::refresh()
{
    // Hidden (another tab), it waits: a tempo dragged or tapped elsewhere changes the machine
    // many times a second.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_refreshing = true;
    const auto& machine = m_session.machine();
    const int count = static_cast<int>(machine.arrangements.size());
    if (m_arrangement < 0 && count > 0) {
        m_arrangement = 0;
    }
    if (m_arrangement >= count) {
        m_arrangement = count - 1;
    }
    m_chooser->clear();
    for (const auto& arrangement : machine.arrangements) {
        m_chooser->addItem(QString::fromStdString(arrangement.name));
    }
    m_chooser->setCurrentIndex(m_arrangement);
    m_chooser->setEnabled(count > 0);
    m_rename->setEnabled(m_arrangement >= 0);
    m_delete->setEnabled(m_arrangement >= 0);
    m_playTune->setEnabled(m_arrangement >= 0);
    m_playTune->setChecked(m_arrangement >= 0 && m_session.playingArrangement() == m_arrangement);
    if (m_arrangement >= 0) {
        const auto& form = machine.arrangements[static_cast<size_t>(m_arrangement)].form;
        m_entry = form.empty() ? -1 : std::clamp(m_entry < 0 ? 0 : m_entry, 0, static_cast<int>(form.size()) - 1);
        const auto stream = core::beats::compileArrangement(machine, machine.arrangements[static_cast<size_t>(m_arrangement)]);
        const double seconds = static_cast<double>(audio::framesForSong(*stream.song, machine.flavor, machine.bpm, machine.bpm, 1000.0)) / 1000.0;
        const int bars = stream.song->songSteps / std::max(1, stream.song->barSteps);
        const QString length = QStringLiteral("%1:%2").arg(static_cast<int>(seconds) / 60).arg(static_cast<int>(seconds) % 60, 2, 10, QLatin1Char('0'));
        m_summary->setText(form.size() == 1 ? tr("1 section, %1 bars, %2 at the machine's tempo").arg(bars).arg(length)
                                            : tr("%1 sections, %2 bars, %3 at the machine's tempo").arg(form.size()).arg(bars).arg(length));
    } else {
        m_entry = -1;
        m_summary->setText(tr("A whole tune from this machine's sections: intro, verse, montuno, mambo, breaks."));
    }
    m_timeline->arrangement = m_arrangement;
    m_timeline->selected = m_entry;
    m_timeline->updateSize();
    m_timeline->checkDrag();
    m_refreshing = false;
    refreshEditor();
    refreshLive();
}

void ArrangeView::refreshEditor()
{
    const int sectionIndex = selectedSection();
    // The rows are rebuilt only when what they show changed (not for a tempo change).
    QString builtFor = QStringLiteral("%1/%2/").arg(m_arrangement).arg(sectionIndex);
    const auto& shownMachine = m_session.machine();
    if (sectionIndex >= 0) {
        const Section& shown = shownMachine.arrangements[static_cast<size_t>(m_arrangement)].sections[static_cast<size_t>(sectionIndex)];
        builtFor += QString::fromStdString(shown.name) + QStringLiteral("/%1/%2/%3/%4/").arg(shown.bars).arg(shown.repeats).arg(shown.bpm).arg(shown.keyNote)
                    + QString::fromStdString(shown.colour) + QLatin1Char('/');
        for (const auto* parts : {&shown.parts, &shown.breakParts}) {
            for (const SectionPart& part : *parts) {
                builtFor += QString::fromStdString(part.instrument) + QLatin1Char('=') + QString::number(part.program) + QLatin1Char(' ');
            }
            builtFor += QLatin1Char('|');
        }
        for (const auto& instrument : shownMachine.instruments) {
            builtFor += QString::fromStdString(instrument.title) + QString::number(instrument.enabled) + QString::number(instrument.activeProgram);
            for (const auto& program : instrument.programs) {
                builtFor += QString::fromStdString(program.title) + QLatin1Char(',');
            }
        }
    }
    if (builtFor == m_editorBuiltFor) {
        return;
    }
    m_editorBuiltFor = builtFor;
    m_refreshing = true;
    m_editor->setEnabled(sectionIndex >= 0);
    m_partBoxes.clear();
    m_breakBoxes.clear();
    while (auto* item = m_parts->takeAt(0)) {
        if (item->widget() != nullptr) {
            item->widget()->hide();  // gone now; deleted once its signal (if it sent one) returns
            item->widget()->deleteLater();
        }
        delete item;
    }
    if (sectionIndex < 0) {
        m_refreshing = false;
        return;
    }
    const auto& machine = m_session.machine();
    const Section& section = machine.arrangements[static_cast<size_t>(m_arrangement)].sections[static_cast<size_t>(sectionIndex)];
    m_name->setText(QString::fromStdString(section.name));
    m_bars->setValue(section.bars);
    m_repeats->setValue(section.repeats);
    m_tempo->setValue(section.bpm > 0.0 ? section.bpm : m_tempo->minimum());
    m_key->setCurrentIndex(std::clamp(section.keyNote + 1, 0, 12));
    m_break->setChecked(!section.breakParts.empty());
    QString colourName = tr("Automatic");
    if (!section.colour.empty()) {
        colourName = QString::fromStdString(section.colour);
        for (const NamedColour& named : kSectionColours) {
            if (QColor::fromRgb(named.rgb) == QColor(colourName)) {
                colourName = tr(named.name);
            }
        }
    }
    m_colour->setText(colourName);
    m_colour->setIcon(swatch(sectionColour(section, sectionIndex)));
    m_parts->addWidget(new QLabel(tr("<b>Part</b>")), 0, 0);
    m_parts->addWidget(new QLabel(tr("<b>Plays</b>")), 0, 1);
    if (!section.breakParts.empty()) {
        m_parts->addWidget(new QLabel(tr("<b>In the break</b>")), 0, 2);
    }
    for (size_t i = 0; i < machine.instruments.size(); ++i) {
        const auto& instrument = machine.instruments[i];
        const int row = static_cast<int>(i) + 1;
        m_parts->addWidget(new QLabel(QString::fromStdString(instrument.title)), row, 0);
        auto* plays = new QComboBox;
        plays->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        plays->setMinimumContentsLength(10);
        plays->setAccessibleName(tr("%1 plays").arg(QString::fromStdString(instrument.title)));
        plays->addItem(instrument.enabled ? tr("As the machine (%1)").arg(QString::fromStdString(
                                                instrument.programs.empty() ? std::string()
                                                                            : instrument.programs[static_cast<size_t>(std::clamp(
                                                                                  instrument.activeProgram, 0,
                                                                                  static_cast<int>(instrument.programs.size()) - 1))]
                                                                                  .title))
                                          : tr("As the machine (off)"),
                       -2);
        plays->addItem(tr("Off"), SectionPart::kOff);
        for (size_t p = 0; p < instrument.programs.size(); ++p) {
            plays->addItem(QString::fromStdString(instrument.programs[p].title), static_cast<int>(p));
        }
        const auto chosen = std::ranges::find(section.parts, instrument.id, &SectionPart::instrument);
        plays->setCurrentIndex(chosen == section.parts.end() ? 0 : plays->findData(chosen->program));
        const std::string id = instrument.id;
        connect(plays, &QComboBox::currentIndexChanged, this, [this, plays, id](int) {
            if (m_refreshing) {
                return;
            }
            const int program = plays->currentData().toInt();
            m_session.editSection(m_arrangement, selectedSection(), tr("Section part"), [id, program](Section& s) {
                std::erase_if(s.parts, [&](const SectionPart& part) { return part.instrument == id; });
                if (program != -2) {
                    s.parts.push_back(SectionPart{id, program});
                }
            });
        });
        m_parts->addWidget(plays, row, 1);
        m_partBoxes.push_back(plays);
        if (section.breakParts.empty()) {
            continue;
        }
        auto* figure = new QComboBox;
        figure->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        figure->setMinimumContentsLength(8);
        figure->setAccessibleName(tr("%1 in the break").arg(QString::fromStdString(instrument.title)));
        figure->addItem(tr("Rests"), SectionPart::kOff);
        for (size_t p = 0; p < instrument.programs.size(); ++p) {
            figure->addItem(QString::fromStdString(instrument.programs[p].title), static_cast<int>(p));
        }
        const auto hit = std::ranges::find(section.breakParts, instrument.id, &SectionPart::instrument);
        figure->setCurrentIndex(hit == section.breakParts.end() ? 0 : std::max(0, figure->findData(hit->program)));
        connect(figure, &QComboBox::currentIndexChanged, this, [this, figure, id](int) {
            if (m_refreshing) {
                return;
            }
            const int program = figure->currentData().toInt();
            // Resting is a choice too: a break where everybody rests is a full stop.
            m_session.editSection(m_arrangement, selectedSection(), tr("Break figure"), [id, program](Section& s) {
                const auto part = std::ranges::find(s.breakParts, id, &SectionPart::instrument);
                if (part != s.breakParts.end()) {
                    part->program = program;
                } else {
                    s.breakParts.push_back(SectionPart{id, program});
                }
            });
        });
        m_parts->addWidget(figure, row, 2);
        m_breakBoxes.push_back(figure);
    }
    m_refreshing = false;
}

void ArrangeView::refreshLive()
{
    const bool mine = m_arrangement >= 0 && m_session.playingArrangement() == m_arrangement;
    m_timeline->update();  // the playhead where it is now (or gone)
    {
        const bool was = m_refreshing;
        m_refreshing = true;
        m_playTune->setChecked(mine);
        m_refreshing = was;
    }
    const auto loop = m_session.arrangementLoop();
    m_loop->setChecked(mine && loop.first >= 0 && loop.first == m_entry);
    const bool running = m_session.isPlaying() || m_session.isPaused();
    if (running && mine) {
        m_poll->start();
    } else {
        m_poll->stop();
    }
    if (!mine) {
        const int other = m_session.playingArrangement();
        m_live->setText(m_arrangement < 0 ? QString()
                        : other >= 0 && other < static_cast<int>(m_session.machine().arrangements.size())
                            ? tr("“%1” plays. “Play the tune” plays this one instead.")
                                  .arg(QString::fromStdString(m_session.machine().arrangements[static_cast<size_t>(other)].name))
                            : tr("The machine's loop plays. “Play the tune” plays this arrangement instead."));
        return;
    }
    const auto& machine = m_session.machine();
    const auto& arr = machine.arrangements[static_cast<size_t>(m_arrangement)];
    const auto nameOf = [&](int entry) {
        return entry >= 0 && entry < static_cast<int>(arr.form.size())
                   ? QString::fromStdString(arr.sections[static_cast<size_t>(arr.form[static_cast<size_t>(entry)])].name)
                   : QString();
    };
    QString text = running ? tr("Playing: %1").arg(nameOf(m_session.playingEntry())) : tr("Plays this tune from the top");
    if (const int queued = m_session.queuedEntry(); queued >= 0) {
        text += m_session.breakQueued() ? tr(" · next bar line: the break, then %1").arg(nameOf((queued + 1) % static_cast<int>(arr.form.size())))
                                        : tr(" · next bar line: %1").arg(nameOf(queued));
    }
    if (loop.first >= 0) {
        text += tr(" · looping %1").arg(nameOf(loop.first));
    }
    m_live->setText(text);
}

void ArrangeView::addArrangement()
{
    bool ok = true;
    const QString name = QInputDialog::getText(this, tr("New arrangement"), tr("Name of the tune:"), QLineEdit::Normal, tr("Tune"), &ok);
    if (ok) {
        const int index = m_session.addArrangement(name);
        if (index >= 0) {
            setArrangement(index);
        }
    }
}

void ArrangeView::renameArrangement()
{
    if (m_arrangement < 0) {
        return;
    }
    bool ok = true;
    const QString name = QInputDialog::getText(this, tr("Rename arrangement"), tr("Name of the tune:"), QLineEdit::Normal,
                                               QString::fromStdString(m_session.machine().arrangements[static_cast<size_t>(m_arrangement)].name),
                                               &ok);
    if (ok) {
        m_session.renameArrangement(m_arrangement, name);
    }
}

}  // namespace bandmate::ui
