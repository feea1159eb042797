#include "ui/shell/Pages.h"

#include <QCoreApplication>

namespace bandmate::ui {

namespace {

/// The translation context of the page names and blurbs.
struct Pages {
    Q_DECLARE_TR_FUNCTIONS(bandmate::ui::Pages)
};

}  // namespace

QList<PageInfo> allPages()
{
    return {
        {PageId::Dashboard, QStringLiteral("dashboard"), Pages::tr("Dashboard"),
         QStringLiteral(":/icons/dashboard.svg"),
         Pages::tr("Where your music career stands today: the current stage, the next actions, and how "
                   "practice and shows add up over the weeks.")},
        {PageId::Roadmap, QStringLiteral("roadmap"), Pages::tr("Roadmap"),
         QStringLiteral(":/icons/roadmap.svg"),
         Pages::tr("Path to Stardom: guided career roadmaps, from first songs to touring, broken into "
                   "stages and concrete tasks.")},
        {PageId::BeatMachine, QStringLiteral("beats"), Pages::tr("Beat Machine"),
         QStringLiteral(":/icons/beats.svg"),
         Pages::tr("Salsa, merengue and their cousins: play a groove, shape it instrument by "
                   "instrument, and practise with it.")},
        {PageId::Library, QStringLiteral("library"), Pages::tr("Library"),
         QStringLiteral(":/icons/library.svg"),
         Pages::tr("Your repertoire and its audio files: search it, play it, and keep track of what "
                   "is gig-ready.")},
        {PageId::Setlists, QStringLiteral("setlists"), Pages::tr("Setlists"),
         QStringLiteral(":/icons/setlists.svg"),
         Pages::tr("Shows, sets and encores, with a run-sheet that tells you when each song starts.")},
        {PageId::Sync, QStringLiteral("sync"), Pages::tr("Sync"),
         QStringLiteral(":/icons/sync.svg"),
         Pages::tr("Optional: keep your data on several machines in step through a Bandmate server. "
                   "Bandmate works fully offline without it.")},
    };
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

PageInfo pageInfo(PageId id)
{
    return allPages().at(static_cast<qsizetype>(id));
}

}  // namespace bandmate::ui
