#include "ui/shell/Pages.h"

#include <QCoreApplication>

namespace bandmate::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("bandmate::ui::Pages", text);
}

QList<PageInfo> buildPages()
{
    return {
        {PageId::Dashboard, QStringLiteral("dashboard"), tr("Dashboard"),
         QStringLiteral(":/icons/dashboard.svg"),
         tr("Where your music career stands today: the current stage, the next actions, and how "
            "practice and shows add up over the weeks.")},
        {PageId::Roadmap, QStringLiteral("roadmap"), tr("Roadmap"),
         QStringLiteral(":/icons/roadmap.svg"),
         tr("Path to Stardom: guided career roadmaps, from first songs to touring, broken into "
            "stages and concrete tasks.")},
        {PageId::BeatMachine, QStringLiteral("beats"), tr("Beat Machine"),
         QStringLiteral(":/icons/beats.svg"),
         tr("Salsa, merengue and their cousins: play a groove, shape it instrument by "
            "instrument, and practise with it.")},
        {PageId::Library, QStringLiteral("library"), tr("Library"),
         QStringLiteral(":/icons/library.svg"),
         tr("Your repertoire and its audio files: search it, play it, and keep track of what "
            "is gig-ready.")},
        {PageId::Setlists, QStringLiteral("setlists"), tr("Setlists"),
         QStringLiteral(":/icons/setlists.svg"),
         tr("Shows, sets and encores, with a run-sheet that tells you when each song starts.")},
        {PageId::Sync, QStringLiteral("sync"), tr("Sync"),
         QStringLiteral(":/icons/sync.svg"),
         tr("Optional: keep your data on several machines in step through a Bandmate server. "
            "Bandmate works fully offline without it.")},
    };
}

}  // namespace

const QList<PageInfo>& allPages()
{
    // Built on first use, after the translators are installed.
    static const QList<PageInfo> pages = buildPages();
    return pages;
}

std::optional<PageId> pageFromKey(const QString& key)
{
    for (const PageInfo& page : allPages()) {
        if (page.key.compare(key, Qt::CaseInsensitive) == 0) {
            return page.id;
        }
    }
    return std::nullopt;
}

const PageInfo& pageInfo(PageId id)
{
    return allPages().at(static_cast<qsizetype>(id));
}

}  // namespace bandmate::ui
