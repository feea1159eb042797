#pragma once

#include "ui/shell/Pages.h"

#include <QWidget>

namespace bandmate::ui {

/// A page whose feature has not landed yet: it says what the page is for and what it will hold,
/// and that it is not available in this version. It shows no sample data.
class PlannedPage : public QWidget {
    Q_OBJECT
public:
    explicit PlannedPage(const PageInfo& page, QWidget* parent = nullptr);
};

}  // namespace bandmate::ui
