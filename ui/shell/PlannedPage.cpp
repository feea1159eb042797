#include "ui/shell/PlannedPage.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace bandmate::ui {

PlannedPage::PlannedPage(const PageInfo& page, QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page-") + page.key);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 40, 48, 40);
    layout->setSpacing(12);

    auto* title = new QLabel(page.title, this);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    title->setAccessibleName(page.title);

    auto* summary = new QLabel(page.summary, this);
    summary->setObjectName(QStringLiteral("pageSummary"));
    summary->setWordWrap(true);
    QFont summaryFont = summary->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.15);
    summary->setFont(summaryFont);
    summary->setMaximumWidth(760);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("plannedCard"));
    card->setMaximumWidth(760);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(24, 20, 24, 20);
    cardLayout->setSpacing(8);

    auto* badge = new QLabel(tr("Not in this version yet"), card);
    badge->setObjectName(QStringLiteral("plannedBadge"));
    QFont badgeFont = badge->font();
    badgeFont.setWeight(QFont::DemiBold);
    badge->setFont(badgeFont);
    cardLayout->addWidget(badge);

    auto* intro = new QLabel(tr("This page is being built. When it lands, it will offer:"), card);
    intro->setWordWrap(true);
    cardLayout->addWidget(intro);
    for (const QString& plan : page.plans) {
        auto* item = new QLabel(QStringLiteral("•  ") + plan, card);
        item->setWordWrap(true);
        item->setContentsMargins(8, 0, 0, 0);
        cardLayout->addWidget(item);
    }

    layout->addWidget(title);
    layout->addWidget(summary);
    layout->addSpacing(16);
    layout->addWidget(card);
    layout->addStretch(1);
}

}  // namespace bandmate::ui
