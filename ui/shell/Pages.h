#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace bandmate::ui {

/// The top-level pages of the main window, in navigation order.
enum class PageId { Dashboard, Roadmap, BeatMachine, Library, Setlists, Sync };

/// What the navigation shows for a page.
struct PageInfo {
    PageId id;
    QString key;          ///< stable name for settings and --screenshot ("beats")
    QString title;        ///< translated navigation label
    QString iconPath;     ///< Qt resource path of the navigation icon
    QString summary;      ///< one translated sentence: what the page is for (the sidebar's tooltip)
};

/// Every page in navigation order, its texts in the language installed now (built on each call,
/// so a test or a language change never sees a stale translation).
[[nodiscard]] QList<PageInfo> allPages();
/// The page whose key is `key` (case-insensitive), if any.
[[nodiscard]] std::optional<PageId> pageFromKey(const QString& key);
/// The info of one page.
[[nodiscard]] PageInfo pageInfo(PageId id);

}  // namespace bandmate::ui
