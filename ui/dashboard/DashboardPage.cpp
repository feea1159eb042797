#include "ui/shell/Heading.h"
#include "ui/dashboard/DashboardPage.h"

#include "core/profile/Profile.h"
#include "core/roadmap/Insights.h"
#include "core/roadmap/ProgressRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Sql.h"
#include "ui/dashboard/DashboardModels.h"
#include "ui/shell/Theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace bandmate::ui {

/// 26 weeks × 7 days of activity, most recent week on the right, like a contribution graph.
class ConsistencyMap : public QWidget {
public:
    explicit ConsistencyMap(QWidget* parent) : QWidget(parent)
    {
        setMinimumSize(26 * 22 + 40, 7 * 22 + 24);
        setAccessibleName(QObject::tr("Consistency over the last 26 weeks"));
    }

    void setActivity(QMap<QDate, int> activity, const QDate& today)
    {
        m_activity = std::move(activity);
        m_today = today;
        update();
    }

protected:
    void paintEvent(QPaintEvent* /*event*/) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing, true);
        const QColor accent(accentColor());
        const int cell = std::min((width() - 40) / 26, (height() - 20) / 7);
        const QDate lastMonday = m_today.addDays(1 - m_today.dayOfWeek());
        const QDate first = lastMonday.addDays(-7 * 25);
        int most = 1;
        for (const int count : m_activity) {
            most = std::max(most, count);
        }
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        painter.setFont(small);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const QStringList days{QObject::tr("Mon"), QObject::tr("Wed"), QObject::tr("Fri")};
        for (int i = 0; i < 3; ++i) {
            painter.drawText(QRect(0, 16 + (i * 2) * cell, 36, cell), Qt::AlignVCenter | Qt::AlignLeft, days.at(i));
        }
        for (int week = 0; week < 26; ++week) {
            const QDate monday = first.addDays(7 * week);
            if (monday.day() <= 7) {
                painter.setPen(palette().color(QPalette::PlaceholderText));
                painter.drawText(QRect(40 + week * cell, 0, cell * 4, 14), Qt::AlignLeft, QLocale().monthName(monday.month(), QLocale::ShortFormat));
            }
            for (int day = 0; day < 7; ++day) {
                const QDate date = monday.addDays(day);
                if (date > m_today) {
                    continue;
                }
                const int count = m_activity.value(date);
                QColor fill = palette().color(QPalette::Mid);
                fill.setAlphaF(0.35f);
                if (count > 0) {
                    fill = accent;
                    fill.setAlphaF(static_cast<float>(0.3 + 0.7 * std::min(1.0, static_cast<double>(count) / most)));
                }
                painter.setPen(Qt::NoPen);
                painter.setBrush(fill);
                painter.drawRoundedRect(QRectF(40 + week * cell + 1, 16 + day * cell + 1, cell - 3, cell - 3), 2, 2);
            }
        }
    }

private:
    QMap<QDate, int> m_activity;
    QDate m_today = QDate::currentDate();
};

namespace {

/// Axis text and grid in the widget palette's colours (light and dark schemes alike).
void styleAxis(QAbstractAxis* axis, const QPalette& palette)
{
    axis->setLabelsColor(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlphaF(0.5f);
    axis->setGridLineColor(grid);
    axis->setLinePenColor(palette.color(QPalette::Mid));
    axis->setTitleBrush(palette.color(QPalette::Text));
}

QChartView* chartView(QChart* chart, QWidget* parent)
{
    chart->legend()->hide();
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    view->setStyleSheet(QStringLiteral("background: transparent;"));
    return view;
}

}  // namespace

DashboardPage::DashboardPage(core::Database& db, QWidget* parent)
    : QWidget(parent),
      m_db(db),
      m_next(new NextActionsModel(this)),
      m_stages(new StageProgressModel(this)),
      m_achievements(new AchievementsModel(this)),
      m_today(new TodayModel(this))
{
    setObjectName(QStringLiteral("page-dashboard"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 18, 24, 12);
    auto* title = makeHeading(tr("Dashboard"), 17, this);
    title->setObjectName(QStringLiteral("beatTitle"));
    outer->addWidget(title);

    m_content = new QStackedWidget(this);
    outer->addWidget(m_content, 1);

    // Empty state.
    auto* empty = new QLabel(tr("<h3>Your dashboard starts with a roadmap</h3>"
                                "<p>Open the <b>Roadmap</b> page (Ctrl+2) and start one of the career roadmaps — "
                                "singer-songwriter, producer, touring band or Latin percussionist — or run "
                                "<code>bandmate-cli roadmap start latin-percussionist</code>.</p>"
                                "<p>Practice on the <b>Beat Machine</b> counts by itself; other progress you log "
                                "as you go. Trends, a consistency map, your streak and achievements appear here.</p>"),
                             m_content);
    empty->setObjectName(QStringLiteral("dashboardEmpty"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    empty->setMaximumWidth(760);
    m_content->addWidget(empty);

    auto* scroll = new QScrollArea(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* body = new QWidget(scroll);
    auto* grid = new QGridLayout(body);
    grid->setContentsMargins(0, 0, 8, 0);
    grid->setSpacing(14);

    // Current stage and next actions.
    auto* current = new QWidget(body);
    auto* currentLayout = new QVBoxLayout(current);
    currentLayout->setContentsMargins(0, 0, 0, 0);
    m_roadmapTitle = new QLabel(current);
    m_roadmapTitle->setObjectName(QStringLiteral("roadmapTitle"));
    m_stageTitle = new QLabel(current);
    QFont stageFont = m_stageTitle->font();
    stageFont.setPointSizeF(stageFont.pointSizeF() * 1.3);
    stageFont.setWeight(QFont::DemiBold);
    m_stageTitle->setFont(stageFont);
    m_stageProgress = new QProgressBar(current);
    m_stageProgress->setRange(0, 100);
    auto* nextList = new QListView(current);
    nextList->setObjectName(QStringLiteral("today"));
    nextList->setModel(m_today);
    nextList->setFrameShape(QFrame::NoFrame);
    nextList->setMaximumHeight(110);
    nextList->setAccessibleName(tr("Today: due to-dos and the next roadmap actions"));
    currentLayout->addWidget(m_roadmapTitle);
    currentLayout->addWidget(m_stageTitle);
    currentLayout->addWidget(m_stageProgress);
    currentLayout->addWidget(new QLabel(tr("Today — due to-dos and your next actions:"), current));
    currentLayout->addWidget(nextList);
    grid->addWidget(card(tr("Today"), current), 0, 0, 1, 2);

    // Streak.
    auto* streak = new QWidget(body);
    auto* streakLayout = new QVBoxLayout(streak);
    streakLayout->setContentsMargins(0, 0, 0, 0);
    m_streak = new QLabel(streak);
    m_streak->setObjectName(QStringLiteral("streak"));
    QFont big = m_streak->font();
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setWeight(QFont::Bold);
    m_streak->setFont(big);
    m_streakNote = new QLabel(streak);
    m_streakNote->setWordWrap(true);
    streakLayout->addWidget(m_streak);
    streakLayout->addWidget(m_streakNote);
    streakLayout->addStretch(1);
    grid->addWidget(card(tr("Streak"), streak), 0, 2);

    // Progress per stage.
    m_stageChart = new QChart();
    grid->addWidget(card(tr("Progress per stage"), chartView(m_stageChart, body)), 1, 0, 1, 2);

    // Weekly review.
    auto* review = new QWidget(body);
    auto* reviewLayout = new QVBoxLayout(review);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    auto* prompt = new QLabel(tr("What went well this week? What is the one thing for next week?"), review);
    prompt->setWordWrap(true);
    m_review = new QPlainTextEdit(review);
    m_review->setObjectName(QStringLiteral("weeklyReview"));
    m_review->setPlaceholderText(tr("A few lines are enough."));
    m_review->setMaximumHeight(90);
    auto* done = new QPushButton(tr("Done my weekly review"), review);
    connect(done, &QPushButton::clicked, this, &DashboardPage::saveReview);
    m_reviewState = new QLabel(review);
    reviewLayout->addWidget(prompt);
    reviewLayout->addWidget(m_review);
    reviewLayout->addWidget(done);
    reviewLayout->addWidget(m_reviewState);
    grid->addWidget(card(tr("Weekly review"), review), 1, 2);

    // Trends.
    auto* trends = new QWidget(body);
    auto* trendLayout = new QVBoxLayout(trends);
    trendLayout->setContentsMargins(0, 0, 0, 0);
    m_metric = new QComboBox(trends);
    m_metric->setObjectName(QStringLiteral("trendMetric"));
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { showTrend(m_metric->currentData().toString()); });
    m_trendChart = new QChart();
    trendLayout->addWidget(m_metric, 0, Qt::AlignLeft);
    trendLayout->addWidget(chartView(m_trendChart, trends));
    grid->addWidget(card(tr("Trends"), trends), 2, 0, 1, 2);

    // Achievements.
    auto* achievements = new QListView(body);
    achievements->setModel(m_achievements);
    achievements->setFrameShape(QFrame::NoFrame);
    achievements->setAccessibleName(tr("Achievements"));
    grid->addWidget(card(tr("Achievements"), achievements), 2, 2);

    // Consistency.
    m_map = new ConsistencyMap(body);
    grid->addWidget(card(tr("Consistency, last 26 weeks"), m_map), 3, 0, 1, 3);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    scroll->setWidget(body);
    m_content->addWidget(scroll);
    // Filled by showEvent: a page nobody opens costs nothing at start-up.
}

QWidget* DashboardPage::card(const QString& title, QWidget* body)
{
    auto* frame = new QFrame(body->parentWidget());
    frame->setObjectName(QStringLiteral("dashboardCard"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(14, 10, 14, 12);
    auto* label = new QLabel(title.toUpper(), frame);
    label->setStyleSheet(QStringLiteral("color: palette(placeholder-text); font-weight: 600;"));
    layout->addWidget(label);
    body->setParent(frame);
    layout->addWidget(body, 1);
    return frame;
}

void DashboardPage::showEvent(QShowEvent* event)
{
    reload();
    QWidget::showEvent(event);
}

void DashboardPage::reload()
{
    core::roadmap::ProgressRepository progress(m_db);
    auto roadmaps = progress.roadmaps();
    if (!roadmaps || roadmaps->isEmpty()) {
        m_next->setRoadmap(nullptr);
        m_stages->setRoadmap(nullptr);
        m_content->setCurrentIndex(0);
        return;
    }
    m_content->setCurrentIndex(1);
    const core::roadmap::RoadmapState& roadmap = roadmaps->first();
    const QString artist = core::profile::ProfileRepository(m_db).load().value_or(core::profile::Profile{}).artistName;
    m_next->setRoadmap(&roadmap);
    m_stages->setRoadmap(&roadmap);
    m_today->setItems(core::todo::TodoRepository(m_db).due(QDate::currentDate()).value_or(QList<core::todo::Todo>{}), &roadmap,
                      QDate::currentDate());
    m_roadmapTitle->setText(artist.isEmpty() ? tr("%1 — %2 % done").arg(roadmap.title).arg(roadmap.percent())
                                             : tr("%1 · %2 — %3 % done").arg(artist, roadmap.title).arg(roadmap.percent()));
    if (const auto* stage = roadmap.currentStage()) {
        m_stageTitle->setText(stage->title);
        m_stageProgress->setValue(stage->percent());
    }

    // Progress per stage as horizontal bars, first stage on top.
    m_stageChart->removeAllSeries();
    for (auto* axis : m_stageChart->axes()) {
        m_stageChart->removeAxis(axis);
    }
    auto* set = new QBarSet(tr("Done %"));
    set->setColor(QColor(accentColor()));
    QStringList categories;
    for (auto it = roadmap.stages.crbegin(); it != roadmap.stages.crend(); ++it) {
        *set << it->percent();
        categories << it->title;
    }
    auto* bars = new QHorizontalBarSeries();
    bars->append(set);
    m_stageChart->addSeries(bars);
    auto* names = new QBarCategoryAxis();
    names->append(categories);
    styleAxis(names, palette());
    m_stageChart->addAxis(names, Qt::AlignLeft);
    bars->attachAxis(names);
    auto* percent = new QValueAxis();
    percent->setRange(0, 100);
    percent->setLabelFormat(QStringLiteral("%d %"));
    styleAxis(percent, palette());
    m_stageChart->addAxis(percent, Qt::AlignBottom);
    bars->attachAxis(percent);

    // Streak, achievements and the consistency map.
    core::roadmap::Insights insights(m_db);
    const QDate today = QDate::currentDate();
    if (auto streak = insights.streak(today)) {
        m_streak->setText(streak->activeDays == 1 ? tr("1 day") : tr("%1 days").arg(streak->activeDays));
        m_streakNote->setText(streak->alive ? tr("Active since %1; best %2 days. One day off in a row is a rest day and keeps it.")
                                                  .arg(QLocale().toString(streak->since, QLocale::ShortFormat))
                                                  .arg(streak->bestActiveDays)
                                            : tr("Practise or log something today to start a streak (best so far: %1 days).")
                                                  .arg(streak->bestActiveDays));
    }
    m_achievements->setAchievements(insights.achievements().value_or(QList<core::roadmap::Achievement>{}));
    m_map->setActivity(insights.activity(today.addDays(-7 * 27), today).value_or(QMap<QDate, int>{}), today);

    // Trends: the metrics that have entries.
    const QString chosen = m_metric->currentData().toString();
    const QStringList metrics = progress.metrics().value_or(QStringList{});
    {
        const QSignalBlocker block(m_metric);
        m_metric->clear();
        for (const QString& metric : metrics) {
            m_metric->addItem(metricLabel(metric), metric);  // shown in words, kept by its key
        }
        m_metric->setCurrentIndex(std::max(0, static_cast<int>(metrics.indexOf(chosen.isEmpty() ? QStringLiteral("practice_minutes") : chosen))));
    }
    showTrend(m_metric->currentData().toString());
}

QString DashboardPage::metricLabel(const QString& metric)
{
    // What the app itself counts, in the page's language; a roadmap's own metric (its key is
    // data, in the roadmap author's words) with its underscores read as spaces.
    if (metric == QLatin1String("practice_minutes")) {
        return tr("Practice minutes");
    }
    if (metric == QLatin1String("practice_sessions")) {
        return tr("Practice sessions");
    }
    if (metric == QLatin1String("shows_played")) {
        return tr("Shows played");
    }
    if (metric == QLatin1String("paid_shows")) {
        return tr("Paid shows");
    }
    if (metric == QLatin1String("songs_added")) {
        return tr("Songs added");
    }
    QString words = metric;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty()) {
        words[0] = words[0].toUpper();
    }
    return words;
}

void DashboardPage::showTrend(const QString& metric)
{
    m_trendChart->removeAllSeries();
    for (auto* axis : m_trendChart->axes()) {
        m_trendChart->removeAxis(axis);
    }
    if (metric.isEmpty()) {
        return;
    }
    core::roadmap::ProgressRepository progress(m_db);
    const auto entries = progress.series(metric).value_or(QList<core::roadmap::StatEntry>{});
    // Counts (minutes, shows) are drawn as a running total; levels (listeners) as measured.
    auto aggregate = core::sql::scalar(m_db.connection(),
                                       QStringLiteral("SELECT metric_aggregate FROM roadmap_task WHERE metric_key = ? AND deleted = 0 LIMIT 1"),
                                       {metric});
    const bool level = aggregate && aggregate->toString() == QLatin1String("latest");
    auto* line = new QLineSeries();
    line->setColor(QColor(accentColor()));
    double total = 0.0;
    double top = 0.0;
    for (const auto& entry : entries) {
        total = level ? entry.value : total + entry.value;
        top = std::max(top, total);
        line->append(static_cast<qreal>(entry.at.toMSecsSinceEpoch()), total);
    }
    m_trendChart->addSeries(line);
    auto* time = new QDateTimeAxis();
    time->setFormat(QStringLiteral("MMM yyyy"));
    time->setTickCount(6);
    styleAxis(time, palette());
    m_trendChart->addAxis(time, Qt::AlignBottom);
    line->attachAxis(time);
    auto* values = new QValueAxis();
    values->setRange(0, top > 0 ? top * 1.05 : 1);
    values->setLabelFormat(QStringLiteral("%.0f"));
    m_trendChart->setTitle(level ? tr("As measured") : tr("Running total"));
    styleAxis(values, palette());
    m_trendChart->setTitleBrush(palette().color(QPalette::PlaceholderText));
    m_trendChart->addAxis(values, Qt::AlignLeft);
    line->attachAxis(values);
}

void DashboardPage::saveReview()
{
    core::roadmap::ProgressRepository progress(m_db);
    auto saved = progress.addStat(QStringLiteral("weekly_reviews"), 1.0, QDateTime::currentDateTime(), QStringLiteral("manual"), {},
                                  m_review->toPlainText().trimmed());
    m_reviewState->setText(saved ? tr("Saved. See you next week.") : QString::fromStdString(saved.error().toString()));
    if (saved) {
        m_review->clear();
        reload();
    }
}

QString DashboardPage::streakText() const
{
    return m_streak->text();
}

}  // namespace bandmate::ui
