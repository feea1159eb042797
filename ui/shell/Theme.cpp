#include "ui/shell/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace bandmate::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2a, 0x28, 0x33);
    const QColor base(0x1f, 0x1d, 0x26);
    const QColor text(0xe9, 0xe6, 0xf2);
    const QColor disabled(0x85, 0x80, 0x94);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x25, 0x30));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x32, 0x40));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x42, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x37, 0x45));
    p.setColor(QPalette::Mid, QColor(0x2e, 0x2c, 0x37));
    p.setColor(QPalette::Dark, QColor(0x18, 0x17, 0x1e));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0b, 0x10));
    p.setColor(QPalette::Highlight, QColor(accentColor()));
    p.setColor(QPalette::HighlightedText, QColor(0x1a, 0x12, 0x0c));
    p.setColor(QPalette::Link, QColor(0xff, 0xa0, 0x70));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}

QPalette lightPalette(const QStyle& fusion)
{
    QPalette p = fusion.standardPalette();
    p.setColor(QPalette::Window, QColor(0xf6, 0xf5, 0xf8));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf1, 0xef, 0xf5));
    p.setColor(QPalette::Highlight, QColor(accentColor()));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

}  // namespace

QString accentColor()
{
    return QStringLiteral("#f0713a");
}

void applyColorScheme(QApplication& app, Settings::ColorScheme scheme)
{
    // The platform's style, remembered before Light or Dark replace it with Fusion.
    static const QString systemStyle = app.style()->name();
    switch (scheme) {
    case Settings::ColorScheme::System:
        if (app.style()->name() != systemStyle) {
            app.setStyle(QStyleFactory::create(systemStyle));
        }
        // An empty palette pins no colour: the platform's own (light or dark, and its changes
        // while Bandmate runs) shows through. The style's standard palette would pin light.
        app.setPalette(QPalette());
        break;
    case Settings::ColorScheme::Light:
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(lightPalette(*app.style()));
        break;
    case Settings::ColorScheme::Dark:
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(darkPalette());
        break;
    }
}

}  // namespace bandmate::ui
