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
            "practice and shows add up over the weeks."),
         {tr("Current roadmap stage and the next three actions"),
          tr("Trend lines for every metric you track"),
          tr("A 26-week consistency heat-map and a weekly streak"),
          tr("Achievements earned along the way")}},
        {PageId::Roadmap, QStringLiteral("roadmap"), tr("Roadmap"),
         QStringLiteral(":/icons/roadmap.svg"),
         tr("Path to Stardom: guided career roadmaps, from first songs to touring, broken into "
            "stages and concrete tasks."),
         {tr("Roadmaps for singer-songwriters, producers, touring bands and Latin percussionists"),
          tr("Checklists, tracked metrics and guidance for every task"),
          tr("Tasks that complete themselves when a metric reaches its target"),
          tr("Your own roadmaps, imported and exported as JSON")}},
        {PageId::BeatMachine, QStringLiteral("beats"), tr("Beat Machine"),
         QStringLiteral(":/icons/beats.svg"),
         tr("Salsa, merengue and their cousins: play a groove, shape it instrument by "
            "instrument, and practise with it."),
         {tr("Clave 2-3 or 3-2, key, tempo and swing"),
          tr("A step editor for every instrument's programs, with undo"),
          tr("Export to WAV and MIDI"),
          tr("A tempo trainer that records your practice")}},
        {PageId::Library, QStringLiteral("library"), tr("Library"),
         QStringLiteral(":/icons/library.svg"),
         tr("Your repertoire and its audio files: search it, play it, and keep track of what "
            "is gig-ready."),
         {tr("Watched music folders, read with their tags"),
          tr("Search by artist, key, tempo, tags and more"),
          tr("Chord charts, readiness and play history per song"),
          tr("Playback with a queue")}},
        {PageId::Setlists, QStringLiteral("setlists"), tr("Setlists"),
         QStringLiteral(":/icons/setlists.svg"),
         tr("Shows, sets and encores, with a run-sheet that tells you when each song starts."),
         {tr("Drag-and-drop sets with breaks and notes"),
          tr("Warnings for overlong sets and big tempo or key jumps"),
          tr("Stage and band sheets to print or save as PDF"),
          tr("Import and export of plain-text setlists")}},
        {PageId::Sync, QStringLiteral("sync"), tr("Sync"),
         QStringLiteral(":/icons/sync.svg"),
         tr("Optional: keep your data on several machines in step through a Bandmate server. "
            "Bandmate works fully offline without it."),
         {tr("Sign up or sign in to your own Bandmate server"),
          tr("Edits made offline on each machine merged without losing any"),
          tr("Credentials kept in the system keychain"),
          tr("A log of conflicting edits you can restore from")}},
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
