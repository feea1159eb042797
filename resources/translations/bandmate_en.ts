<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>bandmate::ui::SetlistsPage</name>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="+766"/>
        <source>Imported %n song(s).</source>
        <translation>
            <numerusform>Imported %n song.</numerusform>
            <numerusform>Imported %n songs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>Marked performed: %n play(s) recorded, and the show counts on your roadmap.</source>
        <translation>
            <numerusform>Marked performed: %n play recorded, and the show counts on your roadmap.</numerusform>
            <numerusform>Marked performed: %n plays recorded, and the show counts on your roadmap.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Count the %n song(s) of “%1” as played on %2, and the show on your roadmap? This is done once per show.</source>
        <translation>
            <numerusform>Count the %n song of “%1” as played on %2, and the show on your roadmap? This is done once per show.</numerusform>
            <numerusform>Count the %n songs of “%1” as played on %2, and the show on your roadmap? This is done once per show.</numerusform>
        </translation>
    </message>
</context>
</TS>
