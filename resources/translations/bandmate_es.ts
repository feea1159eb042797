<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ConflictList</name>
    <message>
        <location filename="../../ui/sync/ConflictList.cpp" line="+25"/>
        <source>Song</source>
        <translation>Canción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show</source>
        <translation>Concierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setlist entry</source>
        <translation>Entrada del setlist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To-do</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Roadmap task</source>
        <translation>Tarea de la hoja de ruta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>notes</source>
        <translation>notas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chart</source>
        <translation>cifrado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>goals</source>
        <translation>metas</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <location filename="../../ui/shell/QtStrings.cpp" line="+57"/>
        <source>&amp;Select All</source>
        <translation>&amp;Seleccionar todo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Step up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="-17"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Seleccionar todo</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="-8"/>
        <source>Show Details...</source>
        <translation>Mostrar detalles...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>Ocultar detalles...</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/beats/StepGrid.cpp" line="+33"/>
        <source>Clave</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mouth</source>
        <translation>Boca</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Neck</source>
        <translation>Cuello</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heel</source>
        <translation>Talón</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tip</source>
        <translation>Punta</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Slap</source>
        <translation>Tapado</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+8"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Tumba</source>
        <translation>Tumba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bass</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Macho</source>
        <translation>Macho</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Hembra</source>
        <translation>Hembra</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Finger</source>
        <translation>Dedo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thumb</source>
        <translation>Pulgar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cáscara</source>
        <translation>Cáscara</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bell</source>
        <translation>Campana</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rim shot</source>
        <translation>Golpe de aro</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Short</source>
        <translation>Corto</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>Long</source>
        <translation>Largo</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Accent</source>
        <translation>Acento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Soft</source>
        <translation>Suave</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rim</source>
        <translation>Aro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Palm</source>
        <translation>Palma</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Muted</source>
        <translation>Apagado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>Agudo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Low</source>
        <translation>Grave</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kick</source>
        <translation>Bombo</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/DashboardPage.cpp" line="+44"/>
        <source>Consistency over the last 26 weeks</source>
        <translation>Constancia en las últimas 26 semanas</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <location filename="../../ui/roadmap/RoadmapPage.cpp" line="+50"/>
        <source>Checklist</source>
        <translation>Lista de control</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Track a number</source>
        <translation>Seguir una cifra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <location filename="../../app/gui/main.cpp" line="+110"/>
        <source>Bandmate cannot open its database</source>
        <translation>Bandmate no puede abrir su base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1

Nothing was changed. Start Bandmate with --db PATH to use another file.</source>
        <translation>%1

No se cambió nada. Inicia Bandmate con --db RUTA para usar otro archivo.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/shell/QtStrings.cpp" line="-29"/>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>Guardar todo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>Sí a &amp;todo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>N&amp;o a todo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Interrumpir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Ignorar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Restaurar valores predeterminados</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <location line="+32"/>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift</source>
        <translation>Mayús</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Del</source>
        <translation>Supr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backspace</source>
        <translation>Retroceso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return</source>
        <translation>Intro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ins</source>
        <translation>Insert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PgUp</source>
        <translation>RePág</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PgDown</source>
        <translation>AvPág</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Izquierda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>Derecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Arriba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Abajo</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="-31"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Seleccionar todo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link Location</source>
        <translation>Copiar la &amp;dirección del enlace</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location line="-26"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Siguiente &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commit</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>bandmate::sync::SyncClient</name>
    <message>
        <location filename="../../sync/client/SyncClient.cpp" line="+49"/>
        <source>%1 of your %2 songs</source>
        <translation>%1 de tus %2 canciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 shows</source>
        <translation>%1 de tus %2 conciertos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 beat machines</source>
        <translation>%1 de tus %2 máquinas de ritmos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 roadmaps</source>
        <translation>%1 de tus %2 hojas de ruta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 to-dos</source>
        <translation>%1 de tus %2 pendientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of your %2 playlists</source>
        <translation>%1 de tus %2 listas de reproducción</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The server could not be reached (%1). Nothing was lost; Bandmate tries again later.</source>
        <translation>No se pudo contactar con el servidor (%1). No se perdió nada; Bandmate lo volverá a intentar más tarde.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server no longer knows this session: sign in again.</source>
        <translation>El servidor ya no reconoce esta sesión: vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>This Bandmate and the server speak different sync versions; update the older one.</source>
        <translation>Este Bandmate y el servidor usan versiones de sincronización distintas; actualiza el más antiguo.</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The server is busy: Bandmate tries again in a moment.</source>
        <translation>El servidor está ocupado: Bandmate lo vuelve a intentar en un momento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the sync (%1): %2</source>
        <translation>El servidor rechazó la sincronización (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent an answer Bandmate cannot read (%1 at byte %2). Nothing was changed; Bandmate tries again later.</source>
        <translation>El servidor envió una respuesta que Bandmate no puede leer (%1 en el byte %2). No se cambió nada; Bandmate lo volverá a intentar más tarde.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This computer&apos;s clock is %1 minutes off the server&apos;s: set the clock right, then sync again.</source>
        <translation>El reloj de este equipo difiere %1 minutos del reloj del servidor: pon el reloj en hora y vuelve a sincronizar.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not back up the database before its first sync: %1</source>
        <translation>No se pudo hacer una copia de seguridad de la base de datos antes de su primera sincronización: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Could not prepare the database for this server: %1</source>
        <translation>No se pudo preparar la base de datos para este servidor: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Could not record what was sent: %1</source>
        <translation>No se pudo registrar lo enviado: %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Could not save what was received: %1</source>
        <translation>No se pudo guardar lo recibido: %1</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+43"/>
        <source>The server sent something this Bandmate cannot read: %1</source>
        <translation>El servidor envió algo que este Bandmate no puede leer: %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Could not apply what was deleted on another computer: %1</source>
        <translation>No se pudo aplicar lo que se eliminó en otro equipo: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::AboutDialog</name>
    <message>
        <location filename="../../ui/shell/AboutDialog.cpp" line="+19"/>
        <source>Windows, widgets, charts, playback, networking, database access</source>
        <translation>Ventanas, widgets, gráficos, reproducción, red, acceso a la base de datos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio engine, audio devices and audio files</source>
        <translation>Motor de audio, dispositivos de audio y archivos de audio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your data, in one file</source>
        <translation>Tus datos, en un solo archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FLAC audio files</source>
        <translation>Archivos de audio FLAC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ogg Vorbis audio files</source>
        <translation>Archivos de audio Ogg Vorbis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync credentials in the system keychain</source>
        <translation>Credenciales de sincronización en el llavero del sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sync server&apos;s HTTP core</source>
        <translation>El núcleo HTTP del servidor de sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTPS on the sync server</source>
        <translation>HTTPS en el servidor de sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password hashing on the sync server</source>
        <translation>Hash de contraseñas en el servidor de sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s web pages</source>
        <translation>Las páginas web del servidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR codes of fan votes</source>
        <translation>Códigos QR de las votaciones de fans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading tags of your audio files</source>
        <translation>Lectura de las etiquetas de tus archivos de audio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telling your audio files apart quickly</source>
        <translation>Distinguir rápidamente tus archivos de audio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hearing the hits of a take for the timing coach</source>
        <translation>Oír los golpes de una toma para el entrenador de tiempo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playing in time with other apps on the network</source>
        <translation>Tocar a tiempo con otras apps de la red</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ableton Link&apos;s networking</source>
        <translation>Comunicación en red de Ableton Link</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Large sync servers</source>
        <translation>Servidores de sincronización grandes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The instrument samples of the built-in kit</source>
        <translation>Las muestras de instrumentos del kit integrado</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Testing (not shipped)</source>
        <translation>Pruebas (no se distribuye)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About Bandmate</source>
        <translation>Acerca de Bandmate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h2&gt;Bandmate %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bandmate %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Career roadmaps, a salsa beat machine, a song library and setlists for working musicians. Works fully offline.&lt;br&gt;&lt;br&gt;Bandmate is free software under the GNU General Public License, version 3 or any later version (GPL-3.0-or-later), because it uses JUCE&apos;s GPL modules. It comes with no warranty.</source>
        <translation>Hojas de ruta profesionales, una máquina de ritmos de salsa, una biblioteca de canciones y setlists para músicos en activo. Funciona totalmente sin conexión.&lt;br&gt;&lt;br&gt;Bandmate es software libre bajo la Licencia Pública General de GNU, versión 3 o cualquier versión posterior (GPL-3.0-or-later), porque usa los módulos GPL de JUCE. Se ofrece sin ninguna garantía.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Component</source>
        <translation>Componente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used for</source>
        <translation>Se usa para</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::AchievementsModel</name>
    <message>
        <location filename="../../ui/dashboard/DashboardModels.cpp" line="+120"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ArrangeView</name>
    <message>
        <location filename="../../ui/beats/ArrangeView.cpp" line="+111"/>
        <source>Arrangement timeline</source>
        <translation>Línea de tiempo del arreglo</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No arrangement yet: New… makes one from this machine</source>
        <translation>Aún no hay arreglos: Nuevo… crea uno con esta máquina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No sections: Add section (Insert) puts the first one in</source>
        <translation>Sin secciones: Añadir sección (Insert) pone la primera</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+49"/>
        <source>1 bar</source>
        <translation>1 compás</translation>
    </message>
    <message>
        <location line="-49"/>
        <location line="+50"/>
        <source>%1 bars</source>
        <translation>%1 compases</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>%1 BPM</source>
        <translation>%1 BPM</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>as the machine</source>
        <translation>como la máquina</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1: %2 bars ×%3</source>
        <translation>%1: %2 compases ×%3</translation>
    </message>
    <message>
        <location line="+237"/>
        <source>Arrangement</source>
        <translation>Arreglo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arrangement:</source>
        <translation>&amp;Arreglo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rena&amp;me…</source>
        <translation>Reno&amp;mbrar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the &amp;tune</source>
        <translation>&amp;Tocar el tema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play this arrangement instead of the machine&apos;s loop</source>
        <translation>Tocar este arreglo en lugar del bucle de la máquina</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Add section</source>
        <translation>Añadir sección</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A new section after the selected one (Insert)</source>
        <translation>Una sección nueva tras la elegida (Insert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+78"/>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>The selected section once more right after it (Ctrl+R)</source>
        <translation>La sección elegida otra vez justo después (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+78"/>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>A copy of the selected section to change on its own (Ctrl+D)</source>
        <translation>Una copia de la sección elegida para cambiarla aparte (Ctrl+D)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+78"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Take the selected section out of the tune (Delete)</source>
        <translation>Sacar la sección elegida del tema (Supr)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected section earlier (Ctrl+Left)</source>
        <translation>Mover la sección elegida antes (Ctrl+Izquierda)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move the selected section later (Ctrl+Right)</source>
        <translation>Mover la sección elegida después (Ctrl+Derecha)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live: the previous section at the next bar line (P)</source>
        <translation>En vivo: la sección anterior en la próxima barra de compás (P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next section</source>
        <translation>Sección siguiente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live: the next section at the next bar line (N)</source>
        <translation>En vivo: la sección siguiente en la próxima barra de compás (N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break</source>
        <translation>Corte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Live: the break at the next bar line, then the next section on the one (B)</source>
        <translation>En vivo: el corte en la próxima barra de compás y luego la sección siguiente en el uno (B)</translation>
    </message>
    <message>
        <location line="+111"/>
        <source> bars</source>
        <translation> compases</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>the machine&apos;s</source>
        <translation>el de la máquina</translation>
    </message>
    <message>
        <location line="-2"/>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ends on a &amp;break (its last bar)</source>
        <translation>Termina con un &amp;corte (su último compás)</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Lo&amp;op it</source>
        <translation>En b&amp;ucle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the selected section over and over (O); again: the whole tune</source>
        <translation>Tocar la sección elegida una y otra vez (O); otra vez: el tema entero</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Section name:</source>
        <translation>Nombre de la sección:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Length:</source>
        <translation>&amp;Longitud:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeats:</source>
        <translation>&amp;Repeticiones:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tem&amp;po:</source>
        <translation>Tem&amp;po:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key:</source>
        <translation>Tonalida&amp;d:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Rename section</source>
        <translation>Renombrar sección</translation>
    </message>
    <message>
        <location line="-128"/>
        <location line="+132"/>
        <source>Section length</source>
        <translation>Longitud de la sección</translation>
    </message>
    <message>
        <location line="-736"/>
        <source>Blue</source>
        <translation>Azul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>Rojo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Purple</source>
        <translation>Morado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>Naranja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Teal</source>
        <translation>Verde azulado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gold</source>
        <translation>Dorado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>all %1 places it plays</source>
        <translation>en los %1 sitios donde suena</translation>
    </message>
    <message>
        <location line="+409"/>
        <location line="+80"/>
        <location line="+84"/>
        <location line="+24"/>
        <source>Section colour</source>
        <translation>Color de la sección</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>Colo&amp;ur:</source>
        <translation>C&amp;olor:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Section repeats</source>
        <translation>Repeticiones de la sección</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Section tempo</source>
        <translation>Tempo de la sección</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Section key</source>
        <translation>Tonalidad de la sección</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a break</source>
        <translation>Añadir un corte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the break</source>
        <translation>Quitar el corte</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+158"/>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Other colour…</source>
        <translation>Otro color…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>1 section, %1 bars, %2 at the machine&apos;s tempo</source>
        <translation>1 sección, %1 compases, %2 al tempo de la máquina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 sections, %2 bars, %3 at the machine&apos;s tempo</source>
        <translation>%1 secciones, %2 compases, %3 al tempo de la máquina</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A whole tune from this machine&apos;s sections: intro, verse, montuno, mambo, breaks.</source>
        <translation>Un tema entero con las secciones de esta máquina: intro, verso, montuno, mambo, cortes.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&lt;b&gt;Part&lt;/b&gt;</source>
        <translation>&lt;b&gt;Parte&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Plays&lt;/b&gt;</source>
        <translation>&lt;b&gt;Toca&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;In the break&lt;/b&gt;</source>
        <translation>&lt;b&gt;En el corte&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 plays</source>
        <translation>%1 toca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the machine (%1)</source>
        <translation>Como la máquina (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As the machine (off)</source>
        <translation>Como la máquina (apagado)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off</source>
        <translation>Apagado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Section part</source>
        <translation>Parte de la sección</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 in the break</source>
        <translation>%1 en el corte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rests</source>
        <translation>Descansa</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Break figure</source>
        <translation>Figura del corte</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>“%1” plays. “Play the tune” plays this one instead.</source>
        <translation>Suena «%1». «Tocar el tema» toca este en su lugar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The machine&apos;s loop plays. “Play the tune” plays this arrangement instead.</source>
        <translation>Suena el bucle de la máquina. «Tocar el tema» toca este arreglo en su lugar.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Playing: %1</source>
        <translation>Sonando: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plays this tune from the top</source>
        <translation>Toca este tema desde el principio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · next bar line: the break, then %1</source>
        <translation> · en la próxima barra: el corte, luego %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · next bar line: %1</source>
        <translation> · en la próxima barra: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · looping %1</source>
        <translation> · en bucle: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New arrangement</source>
        <translation>Arreglo nuevo</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>Name of the tune:</source>
        <translation>Nombre del tema:</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Tune</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rename arrangement</source>
        <translation>Renombrar arreglo</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::AudioSettingsPanel</name>
    <message>
        <location filename="../../ui/shell/AudioSettingsPanel.cpp" line="+35"/>
        <source>no click came back: is the input connected and unmuted, and are the speakers on?</source>
        <translation>no volvió ningún clic: ¿está la entrada conectada y sin silenciar, y los altavoces encendidos?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>too few clicks came back clearly: turn the speakers or the input up, or calibrate somewhere quieter.</source>
        <translation>volvieron muy pocos clics con claridad: sube los altavoces o la entrada, o calibra en un lugar más silencioso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the clicks came back at two delays alike: an echo or a steady sound in the room confuses them.</source>
        <translation>los clics volvieron con dos retardos parecidos: un eco o un sonido constante en la sala los confunde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audio dropped out: close other programs or choose a larger buffer, and try again.</source>
        <translation>el audio se cortó: cierra otros programas o elige un búfer mayor, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audio device stopped.</source>
        <translation>el dispositivo de audio se detuvo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the computer fell behind and lost part of the take: close other programs and play it again.</source>
        <translation>el ordenador se retrasó y perdió parte de la toma: cierra otros programas y vuelve a tocarla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopped before a whole bar was played.</source>
        <translation>se paró antes de tocar un compás entero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the built-in sample kit is not installed here.</source>
        <translation>el kit de sonidos incluido no está instalado aquí.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>choose the input you play into in Preferences › Audio.</source>
        <translation>elige en Preferencias › Audio la entrada en la que tocas.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Automatic (the first that works)</source>
        <translation>Automático (el primero que funcione)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Driver:</source>
        <translation>&amp;Controlador:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Output:</source>
        <translation>&amp;Salida:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+9"/>
        <source>Device default</source>
        <translation>Predeterminado del dispositivo</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sample rate:</source>
        <translation>&amp;Frecuencia de muestreo:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 frames</source>
        <translation>%1 muestras</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smaller buffers answer faster; raise it if you hear crackles</source>
        <translation>Los búferes pequeños responden más rápido; súbelo si oyes chasquidos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Buffer:</source>
        <translation>&amp;Búfer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play a test sound</source>
        <translation>Reproducir un sonido de prueba</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Play the test sound to measure the output latency.</source>
        <translation>Reproduce el sonido de prueba para medir la latencia de salida.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Listening, for the timing coach</source>
        <translation>Escucha, para el entrenador de ritmo</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+75"/>
        <source>The microphone or interface input the timing coach listens on while you play along</source>
        <translation>La entrada del micrófono o de la interfaz que escucha el entrenador de ritmo mientras tocas</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>channel </source>
        <translation>canal </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input channel</source>
        <translation>Canal de entrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Input:</source>
        <translation>&amp;Entrada:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (not connected)</source>
        <translation>%1 (no conectada)</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Input level</source>
        <translation>Nivel de entrada</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The input&apos;s level while the test sound or the calibration plays</source>
        <translation>El nivel de la entrada mientras suena el sonido de prueba o la calibración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level:</source>
        <translation>Nivel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Calibrate latency</source>
        <translation>Ca&amp;librar la latencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plays eight clicks and listens for them on the input: how late your setup hears what it plays. The timing coach takes it off every hit.</source>
        <translation>Toca ocho clics y los escucha en la entrada: cuánto tarda tu equipo en oír lo que toca. El entrenador de ritmo lo descuenta de cada golpe.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The driver&apos;s default</source>
        <translation>El predeterminado del controlador</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a driver first: the input comes from the same one as the output</source>
        <translation>Elige primero un controlador: la entrada viene del mismo que la salida</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>To play along with the timing coach, choose a driver (not Automatic), then the input you play into.</source>
        <translation>Para tocar con el entrenador de ritmo, elige un controlador (no Automático) y luego la entrada en la que tocas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the input you play into to calibrate the timing coach.</source>
        <translation>Elige la entrada en la que tocas para calibrar el entrenador de ritmo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calibrated: your setup hears what it plays %1 ms later.</source>
        <translation>Calibrado: tu equipo oye lo que toca %1 ms después.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not calibrated for this setup yet: the timing coach cannot tell your timing from your setup&apos;s delay until it is.</source>
        <translation>Aún sin calibrar para este equipo: hasta entonces el entrenador de ritmo no puede separar tu tiempo del retardo del equipo.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No sound: %1</source>
        <translation>Sin sonido: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Playing through %1 “%2”: %3 Hz, %4-frame buffer. Output latency %5 ms.</source>
        <translation>Sonando por %1 “%2”: %3 Hz, búfer de %4 muestras. Latencia de salida %5 ms.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The input could not be opened: %1</source>
        <translation>No se pudo abrir la entrada: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the input you play into first.</source>
        <translation>Elige primero la entrada en la que tocas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not open the devices: %1</source>
        <translation>No se pudieron abrir los dispositivos: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not calibrate: %1</source>
        <translation>No se pudo calibrar: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listening for eight clicks… Keep the room quiet and the speakers on.</source>
        <translation>Escuchando ocho clics… Mantén la sala en silencio y los altavoces encendidos.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not calibrated: %1</source>
        <translation>Sin calibrar: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calibrated: your setup hears what it plays %1 ms later (%2 of %3 clicks came back).</source>
        <translation>Calibrado: tu equipo oye lo que toca %1 ms después (volvieron %2 de %3 clics).</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::BeatIndicator</name>
    <message>
        <location filename="../../ui/beats/BeatViews.cpp" line="+18"/>
        <source>Beat</source>
        <translation>Pulso</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::BeatMachinePage</name>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+51"/>
        <source>❚❚  Pause</source>
        <translation>❚❚  Pausa</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>▶  Continue</source>
        <translation>▶  Continuar</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+32"/>
        <source>▶  Play</source>
        <translation>▶  Reproducir</translation>
    </message>
    <message>
        <location line="+330"/>
        <source>MIDI: waiting</source>
        <translation>MIDI: esperando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIDI: paused</source>
        <translation>MIDI: en pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIDI: clock lost</source>
        <translation>MIDI: reloj perdido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MIDI: %1 BPM</source>
        <translation>MIDI: %1 BPM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Link: %1 BPM</source>
        <translation>Link: %1 BPM</translation>
    </message>
    <message>
        <location line="-2"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+102"/>
        <source>Trainer: %1 BPM</source>
        <translation>Entrenador: %1 BPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JACK: %1 BPM</source>
        <translation>JACK: %1 BPM</translation>
    </message>
    <message numerus="yes">
        <location line="-324"/>
        <source>The kit has no sound for %n instrument(s) of this machine, so they play silent: %1.</source>
        <translation>
            <numerusform>El kit no tiene sonido para %n instrumento de esta máquina, así que suena en silencio: %1.</numerusform>
            <numerusform>El kit no tiene sonido para %n instrumentos de esta máquina, así que suenan en silencio: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-11"/>
        <source>▶  Waiting…</source>
        <translation>▶  Esperando…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Practice recorded: %1 minutes.</source>
        <translation>Práctica registrada: %1 minutos.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Beat Machine</source>
        <translation>Máquina de ritmos</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Machine</source>
        <translation>Máquina</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+88"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+89"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Redo: %1</source>
        <translation>Rehacer: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undo: %1</source>
        <translation>Deshacer: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as one of your machines (Ctrl+S); every save keeps a version</source>
        <translation>Guardar como una de tus máquinas (Ctrl+S); cada guardado conserva una versión</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Machine ▾</source>
        <translation>Máquina ▾</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/beats/BeatMachinePageEditor.cpp" line="+52"/>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/beats/BeatMachinePageEditor.cpp" line="-5"/>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions…</source>
        <translation>Versiones…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to trash</source>
        <translation>Mover a la papelera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trash…</source>
        <translation>Papelera…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import machine XML…</source>
        <translation>Importar máquina XML…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export machine XML…</source>
        <translation>Exportar máquina XML…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+59"/>
        <source>Export WAV…</source>
        <translation>Exportar WAV…</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Export MIDI…</source>
        <translation>Exportar MIDI…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+57"/>
        <source>Share…</source>
        <translation>Compartir…</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Shared grooves…</source>
        <translation>Grooves compartidos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tempo trainer…</source>
        <translation>Entrenador de tempo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score a take…</source>
        <translation>Puntuar una toma…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+174"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Link On or Off</source>
        <translation>Link encendido o apagado</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>Waiting for the MIDI clock&apos;s sender to start. </source>
        <translation>Esperando a que arranque quien envía el reloj MIDI. </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The MIDI clock&apos;s ticks stopped coming: waiting for its Start or Continue. </source>
        <translation>Dejaron de llegar los pulsos del reloj MIDI: esperando su Start o Continue. </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following the MIDI clock of %1 (Preferences › Sync &amp; MIDI): its sender starts, stops and sets the tempo; Pause here stands still until Play.</source>
        <translation>Siguiendo el reloj MIDI de %1 (Preferencias › Sincronía y MIDI): quien lo envía arranca, para y marca el tempo; Pausa aquí lo detiene hasta Reproducir.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>JACK transport is on (Preferences › Sync &amp; MIDI): turn it off to use Ableton Link.</source>
        <translation>El transporte de JACK está activado (Preferencias › Sincronía y MIDI): apágalo para usar Ableton Link.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A MIDI clock is followed (Preferences › Sync &amp; MIDI): turn it off to use Ableton Link.</source>
        <translation>Se sigue un reloj MIDI (Preferencias › Sincronía y MIDI): apágalo para usar Ableton Link.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play in time with other apps on your network (Ableton Link): one tempo, bars lined up. Preferences › Sync &amp; MIDI has its choices.</source>
        <translation>Toca a tiempo con otras apps de tu red (Ableton Link): un solo tempo, compases alineados. Sus opciones están en Preferencias › Sincronía y MIDI.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No count-in while linked: the session&apos;s bar line is the count</source>
        <translation>Sin conteo con Link: el compás de la sesión es la cuenta</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="-34"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link: no other app</source>
        <translation>Link: ninguna otra app</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Link: %n other app(s)</source>
        <translation>
            <numerusform>Link: %n otra app</numerusform>
            <numerusform>Link: %n otras apps</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="-65"/>
        <source>Play, pause, continue (Space)</source>
        <translation>Reproducir, pausar, continuar (Espacio)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>■  Stop</source>
        <translation>■  Detener</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop and go back to the start (Esc)</source>
        <translation>Detener y volver al principio (Esc)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageFiles.cpp" line="+388"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+6"/>
        <location line="+103"/>
        <location line="+1"/>
        <location line="+1"/>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="-104"/>
        <source>Tempo: + and − change it by 5, T taps it</source>
        <translation>Tempo: + y − lo cambian de 5 en 5, T lo marca con toques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tap</source>
        <translation>Tap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap the tempo (T)</source>
        <translation>Marca el tempo con toques (T)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key</source>
        <translation>Tono</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Key of piano and bass: K goes up a fifth, Shift+K up a fourth</source>
        <translation>Tono del piano y el bajo: K sube una quinta, Mayús+K sube una cuarta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clave</source>
        <translation>Clave</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>2-3</source>
        <translation>2-3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3-2</source>
        <translation>3-2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Swing</source>
        <translation>Swing</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Swing: 0 % straight, 100 % a triplet feel</source>
        <translation>Swing: 0 % recto, 100 % sensación de tresillo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count-in</source>
        <translation>Cuenta previa</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="-2"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+2"/>
        <source>One bar of clicks before the groove starts</source>
        <translation>Un compás de clics antes de que empiece el ritmo</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+32"/>
        <source>Instructor</source>
        <translation>Instructor</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Norwegian</source>
        <translation>Noruego</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The language the instructor counts in (turn the Instructor on below)</source>
        <translation>El idioma en que cuenta el instructor (activa el Instructor abajo)</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="-249"/>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="+15"/>
        <source>Instruments</source>
        <translation>Instrumentos</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageEditor.cpp" line="-1"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add an empty program</source>
        <translation>Añadir un programa vacío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this program</source>
        <translation>Copiar este programa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename this program</source>
        <translation>Renombrar este programa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename program</source>
        <translation>Renombrar programa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Program name:</source>
        <translation>Nombre del programa:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete this program</source>
        <translation>Eliminar este programa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Both hands</source>
        <translation>Ambas manos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left hand</source>
        <translation>Mano izquierda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right hand</source>
        <translation>Mano derecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which hand new piano notes play</source>
        <translation>Con qué mano suenan las notas nuevas del piano</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="+42"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All instruments</source>
        <translation>Todos los instrumentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Arrange</source>
        <translation>Arreglo</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+1"/>
        <source>Play / Pause</source>
        <translation>Reproducir / Pausa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tap Tempo</source>
        <translation>Marcar el tempo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Faster (+5 BPM)</source>
        <translation>Más rápido (+5 BPM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slower (−5 BPM)</source>
        <translation>Más lento (−5 BPM)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key Up a Fifth</source>
        <translation>Subir el tono una quinta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key Up a Fourth</source>
        <translation>Subir el tono una cuarta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Instrument %1 On or Off</source>
        <translation>Activar o desactivar el instrumento %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Instrument %1: Next Program</source>
        <translation>Instrumento %1: programa siguiente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save Machine</source>
        <translation>Guardar máquina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import Machine…</source>
        <translation>Importar máquina…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="-12"/>
        <source>On or off</source>
        <translation>Activar o desactivar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On or off (%1)</source>
        <translation>Activar o desactivar (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on</source>
        <translation>%1 activado</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+24"/>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="+7"/>
        <source>Edit this instrument&apos;s program below</source>
        <translation>Edita abajo el programa de este instrumento</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageMixer.cpp" line="+4"/>
        <source>Program (Alt+%1 for the next)</source>
        <translation>Programa (Alt+%1 para el siguiente)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 volume</source>
        <translation>Volumen de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Solo</source>
        <translation>Solo</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="-1"/>
        <source>The kit has no sound for some of this instrument&apos;s notes: they play silent</source>
        <translation>El kit no tiene sonido para algunas notas de este instrumento: suenan en silencio</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageFiles.cpp" line="-369"/>
        <source>%1 — not saved</source>
        <translation>%1 — sin guardar</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (mine)</source>
        <translation>%1 (mía)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>● unsaved changes</source>
        <translation>● cambios sin guardar</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>“%1” tiene cambios sin guardar. ¿Guardarlos primero?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sharing needs a Bandmate server: sign in on the Sync page first.</source>
        <translation>Compartir necesita un servidor Bandmate: primero inicia sesión en la página Sincronizar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the machine first (Ctrl+S): the shared copy is the machine as saved.</source>
        <translation>Guarda primero la máquina (Ctrl+S): la copia compartida es la máquina tal como está guardada.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>That is not a shared groove&apos;s link: %1</source>
        <translation>Eso no es el enlace de un groove compartido: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Taking a copy of %1…</source>
        <translation>Tomando una copia de %1…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Could not take a copy: %1</source>
        <translation>No se pudo tomar una copia: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“%1” is one of your machines now: a copy of %2.</source>
        <translation>“%1” ya es una de tus máquinas: una copia de %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not save: %1</source>
        <translation>No se pudo guardar: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved “%1”.</source>
        <translation>Se guardó “%1”.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename machine</source>
        <translation>Renombrar máquina</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (copy)</source>
        <translation> (copia)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Only your own saved machines can go to the trash.</source>
        <translation>Solo tus propias máquinas guardadas pueden ir a la papelera.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is in the trash (Machine ▸ Trash… restores it).</source>
        <translation>“%1” está en la papelera (Máquina ▸ Papelera… la restaura).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+39"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+9"/>
        <source>Empty trash</source>
        <translation>Vaciar la papelera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete these machines for good?</source>
        <translation>¿Eliminar estas máquinas definitivamente?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Versions are kept for your saved machines; save this one first.</source>
        <translation>Las versiones se conservan para tus máquinas guardadas; guarda esta primero.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Versions of “%1”</source>
        <translation>Versiones de “%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Version restored; save to keep it (Ctrl+Z undoes it).</source>
        <translation>Versión restaurada; guárdala para conservarla (Ctrl+Z la deshace).</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+12"/>
        <source>Import machine</source>
        <translation>Importar máquina</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+46"/>
        <source>Beat machines (*.xml)</source>
        <translation>Máquinas de ritmos (*.xml)</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>This file is not a machine Bandmate can read. Nothing was changed. %1</source>
        <translation>Este archivo no es una máquina que Bandmate pueda leer. No se cambió nada. %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported “%1”; save it to keep it among your machines.</source>
        <translation>Se importó “%1”; guárdala para conservarla entre tus máquinas.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Export machine</source>
        <translation>Exportar máquina</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export MIDI</source>
        <translation>Exportar MIDI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export WAV</source>
        <translation>Exportar WAV</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The machine&apos;s loop</source>
        <translation>El bucle de la máquina</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tune “%1”, whole</source>
        <translation>El tema «%1», entero</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What:</source>
        <translation>Qué:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="+43"/>
        <source> bars</source>
        <translation> compases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>Duración:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tempo:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One bar of clicks first</source>
        <translation>Primero un compás de clics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seamless loop (ringing notes wrap to the start)</source>
        <translation>Bucle continuo (las notas que resuenan pasan al principio)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count-in:</source>
        <translation>Cuenta previa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loop:</source>
        <translation>Bucle:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>MIDI files (*.mid)</source>
        <translation>Archivos MIDI (*.mid)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WAV files (*.wav)</source>
        <translation>Archivos WAV (*.wav)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wrote %1 (%2 notes).</source>
        <translation>Se escribió %1 (%2 notas).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not exported: the tune “%1” has no sections.</source>
        <translation>No se exportó: el tema «%1» no tiene secciones.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rendering “%1”…</source>
        <translation>Renderizando “%1”…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Wrote %1.</source>
        <translation>Se escribió %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not exported: %1</source>
        <translation>No se exportó: %1</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePageTransport.cpp" line="-20"/>
        <source>Tempo trainer</source>
        <translation>Entrenador de tempo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the tempo while I play</source>
        <translation>Cambiar el tempo mientras toco</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Start at:</source>
        <translation>Empezar en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go towards:</source>
        <translation>Ir hacia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change by:</source>
        <translation>Cambiar en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every:</source>
        <translation>Cada:</translation>
    </message>
    <message>
        <location filename="../../ui/beats/BeatMachinePage.cpp" line="+82"/>
        <source>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Play / pause / continue&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Stop and go back to the start&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tap the tempo&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;+&lt;/b&gt; / &lt;b&gt;−&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tempo up / down by 5 BPM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt; / &lt;b&gt;Shift+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Key up a fifth / up a fourth&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt; … &lt;b&gt;9&lt;/b&gt;, &lt;b&gt;0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Turn instrument 1 … 10 on or off&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1&lt;/b&gt; … &lt;b&gt;Alt+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Next program of instrument 1 … 10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Undo / redo&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Save as one of your machines&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+I&lt;/b&gt; / &lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Import a machine / export WAV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Arrows&lt;/b&gt;, &lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the step editor: move, add or remove a note&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Up&lt;/b&gt; / &lt;b&gt;Ctrl+Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;In the step editor: louder / softer note&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mouse wheel&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Over a note: its velocity&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt; or &lt;b&gt;?&lt;/b&gt;&lt;/td&gt;&lt;td&gt;This list&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;&lt;b&gt;Espacio&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Reproducir / pausar / continuar&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Detener y volver al principio&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Marcar el tempo con toques&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;+&lt;/b&gt; / &lt;b&gt;−&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Tempo arriba / abajo de 5 en 5 BPM&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;K&lt;/b&gt; / &lt;b&gt;Mayús+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Subir el tono una quinta / una cuarta&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt; … &lt;b&gt;9&lt;/b&gt;, &lt;b&gt;0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Activar o desactivar los instrumentos 1 … 10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1&lt;/b&gt; … &lt;b&gt;Alt+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Programa siguiente de los instrumentos 1 … 10&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Mayús+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Deshacer / rehacer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Guardar como una de tus máquinas&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+I&lt;/b&gt; / &lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Importar una máquina / exportar WAV&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Flechas&lt;/b&gt;, &lt;b&gt;Intro&lt;/b&gt;&lt;/td&gt;&lt;td&gt;En el editor de pasos: moverse, añadir o quitar una nota&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Arriba&lt;/b&gt; / &lt;b&gt;Ctrl+Abajo&lt;/b&gt;&lt;/td&gt;&lt;td&gt;En el editor de pasos: nota más fuerte / más suave&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Rueda del ratón&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Sobre una nota: su velocidad&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt; o &lt;b&gt;?&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Esta lista&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Beat Machine shortcuts</source>
        <translation>Atajos de la máquina de ritmos</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::BeatSession</name>
    <message>
        <location filename="../../ui/beats/BeatSession.cpp" line="+142"/>
        <source>The built-in sample kit could not be loaded (%1); the beat plays silently.</source>
        <translation>No se pudo cargar el kit de muestras integrado (%1); el ritmo suena en silencio.</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Restore version</source>
        <translation>Restaurar versión</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Turn on %1</source>
        <translation>Activar %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn off %1</source>
        <translation>Desactivar %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose program</source>
        <translation>Elegir programa</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Change volume</source>
        <translation>Cambiar volumen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change tempo</source>
        <translation>Cambiar tempo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change key</source>
        <translation>Cambiar tono</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clave 3-2</source>
        <translation>Clave 3-2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clave 2-3</source>
        <translation>Clave 2-3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change master volume</source>
        <translation>Cambiar volumen general</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit step</source>
        <translation>Editar paso</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Change velocity</source>
        <translation>Cambiar velocidad</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Change program length</source>
        <translation>Cambiar la longitud del programa</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Add program</source>
        <translation>Añadir programa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New program %1</source>
        <translation>Programa nuevo %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duplicate program</source>
        <translation>Duplicar programa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (copy)</source>
        <translation> (copia)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rename program</source>
        <translation>Renombrar programa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An instrument keeps at least one program.</source>
        <translation>Un instrumento conserva al menos un programa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete program</source>
        <translation>Eliminar programa</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>New arrangement</source>
        <translation>Arreglo nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tune</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Another arrangement is called “%1”.</source>
        <translation>Otro arreglo ya se llama «%1».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename arrangement</source>
        <translation>Renombrar arreglo</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete arrangement</source>
        <translation>Borrar arreglo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add section</source>
        <translation>Añadir sección</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Repeat section</source>
        <translation>Repetir sección</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Duplicate section</source>
        <translation>Duplicar sección</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete section</source>
        <translation>Borrar sección</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Move section</source>
        <translation>Mover sección</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>No section of this arrangement has a break to play.</source>
        <translation>Ninguna sección de este arreglo tiene un corte que tocar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename machine</source>
        <translation>Renombrar máquina</translation>
    </message>
    <message>
        <location line="+389"/>
        <source>MIDI out goes through JACK: choose the JACK driver in Preferences › Audio.</source>
        <translation>La salida MIDI va por JACK: elige el controlador JACK en Preferencias › Audio.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MIDI clock out</source>
        <translation>Reloj MIDI de salida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MIDI notes out</source>
        <translation>Notas MIDI de salida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MIDI out is off: %1</source>
        <translation>La salida MIDI está apagada: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>MIDI out is there on Linux only for now.</source>
        <translation>Por ahora la salida MIDI solo existe en Linux.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Ableton Link is on: turn it off to follow a MIDI clock (one clock at a time).</source>
        <translation>Ableton Link está activado: apágalo para seguir un reloj MIDI (un reloj cada vez).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JACK transport is on: turn it off to follow a MIDI clock (one clock at a time).</source>
        <translation>El transporte de JACK está activado: apágalo para seguir un reloj MIDI (un reloj cada vez).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A MIDI clock is followed through JACK: choose the JACK driver in Preferences › Audio.</source>
        <translation>Un reloj MIDI se sigue por JACK: elige el controlador JACK en Preferencias › Audio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MIDI clock in</source>
        <translation>Reloj MIDI de entrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following the MIDI clock is off: %1</source>
        <translation>Seguir el reloj MIDI está apagado: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Following a MIDI clock is there on Linux only for now.</source>
        <translation>Por ahora seguir un reloj MIDI solo existe en Linux.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Pedal for the sections</source>
        <translation>Pedal para las secciones</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pedal&apos;s notes do not move the arrangement: %1</source>
        <translation>Las notas del pedal no mueven el arreglo: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The pedal %1 is not there now: its notes move the arrangement once it is.</source>
        <translation>El pedal %1 no está ahora: sus notas moverán el arreglo en cuanto esté.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A pedal&apos;s MIDI notes are heard on Linux only for now.</source>
        <translation>Por ahora las notas MIDI de un pedal solo se oyen en Linux.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The JACK server went away: the pedal&apos;s notes no longer move the arrangement.</source>
        <translation>El servidor JACK se ha ido: las notas del pedal ya no mueven el arreglo.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The JACK server went away: following the MIDI clock is off.</source>
        <translation>El servidor JACK se ha ido: seguir el reloj MIDI está apagado.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The MIDI clock was lost: its ticks stopped coming while it played. The groove waits for its Start or Continue.</source>
        <translation>Se perdió el reloj MIDI: dejaron de llegar sus pulsos mientras sonaba. El groove espera su Start o Continue.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Ableton Link is on: turn it off to follow JACK&apos;s transport (one clock at a time).</source>
        <translation>Ableton Link está activado: apágalo para seguir el transporte de JACK (un solo reloj a la vez).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A MIDI clock is followed: turn it off to use JACK&apos;s transport (one clock at a time).</source>
        <translation>Se sigue un reloj MIDI: apágalo para usar el transporte de JACK (un reloj cada vez).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JACK&apos;s transport is followed through the JACK driver: choose it in Preferences › Audio.</source>
        <translation>El transporte de JACK se sigue con el controlador JACK: elígelo en Preferencias › Audio.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>JACK transport is off: %1</source>
        <translation>El transporte de JACK está apagado: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>JACK transport is there on Linux only.</source>
        <translation>El transporte de JACK solo existe en Linux.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The JACK server went away: JACK transport is off.</source>
        <translation>El servidor JACK se fue: el transporte de JACK está apagado.</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>The JACK server went away: MIDI out is off.</source>
        <translation>El servidor JACK se ha ido: la salida MIDI está apagada.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The audio engine missed some changes (tempo, play or stop): press Stop, then Play, to start afresh.</source>
        <translation>El motor de audio se perdió algunos cambios (tempo, reproducir o parar): pulsa Detener y luego Reproducir para empezar de nuevo.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Could not record the practice session: %1</source>
        <translation>No se pudo registrar la sesión de práctica: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not count the practice for your roadmap: %1</source>
        <translation>No se pudo contar la práctica para tu hoja de ruta: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ConflictList</name>
    <message>
        <location filename="../../ui/sync/ConflictList.cpp" line="+18"/>
        <source>Edits that lost to another computer</source>
        <translation>Ediciones que perdieron frente a otro equipo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kept text</source>
        <translation>Texto conservado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Written</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kept from the other edit:</source>
        <translation>Conservado de la otra edición:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the item now:</source>
        <translation>En el elemento ahora:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Restore this text</source>
        <translation>&amp;Restaurar este texto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the kept text back in the item; the text it replaces is kept here in turn</source>
        <translation>Vuelve a poner el texto conservado en el elemento; el texto que reemplaza se conserva aquí a su vez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget the kept text; the item stays as it is</source>
        <translation>Olvidar el texto conservado; el elemento queda como está</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not read the conflict log: %1</source>
        <translation>No se pudo leer el registro de conflictos: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None. When the same notes, chart or description are changed on two computers before they sync, the newer text is kept and the other one appears here.</source>
        <translation>Ninguna. Cuando las mismas notas, cifrado o descripción se cambian en dos equipos antes de sincronizar, se conserva el texto más reciente y el otro aparece aquí.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One text was changed on two computers at once. The newer edit was kept; the other one is here to bring back if it was the one you wanted.</source>
        <translation>Un texto se cambió en dos equipos a la vez. Se conservó la edición más reciente; la otra está aquí por si era la que querías.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 texts were changed on two computers at once. The newer edits were kept; the others are here to bring back if they were the ones you wanted.</source>
        <translation>%1 textos se cambiaron en dos equipos a la vez. Se conservaron las ediciones más recientes; las otras están aquí por si eran las que querías.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Could not restore the text: %1</source>
        <translation>No se pudo restaurar el texto: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not dismiss it: %1</source>
        <translation>No se pudo descartar: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/DashboardPage.cpp" line="+72"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;h3&gt;Your dashboard starts with a roadmap&lt;/h3&gt;&lt;p&gt;Open the &lt;b&gt;Roadmap&lt;/b&gt; page (Ctrl+2) and start one of the career roadmaps — singer-songwriter, producer, touring band or Latin percussionist — or run &lt;code&gt;bandmate-cli roadmap start latin-percussionist&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;Practice on the &lt;b&gt;Beat Machine&lt;/b&gt; counts by itself; other progress you log as you go. Trends, a consistency map, your streak and achievements appear here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tu panel empieza con una hoja de ruta&lt;/h3&gt;&lt;p&gt;Abre la página &lt;b&gt;Hoja de ruta&lt;/b&gt; (Ctrl+2) y empieza una de las hojas de ruta profesionales — cantautor, productor, banda de gira o percusionista latino — o ejecuta &lt;code&gt;bandmate-cli roadmap start latin-percussionist&lt;/code&gt;.&lt;/p&gt;&lt;p&gt;La práctica en la &lt;b&gt;Máquina de ritmos&lt;/b&gt; cuenta sola; el resto del progreso lo registras sobre la marcha. Aquí aparecen las tendencias, un mapa de constancia, tu racha y tus logros.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Today: due to-dos and the next roadmap actions</source>
        <translation>Hoy: pendientes que vencen y las próximas acciones de la hoja de ruta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today — due to-dos and your next actions:</source>
        <translation>Hoy — pendientes que vencen y tus próximas acciones:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Streak</source>
        <translation>Racha</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Progress per stage</source>
        <translation>Progreso por etapa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What went well this week? What is the one thing for next week?</source>
        <translation>¿Qué salió bien esta semana? ¿Cuál es la única cosa para la semana que viene?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A few lines are enough.</source>
        <translation>Bastan unas líneas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done my weekly review</source>
        <translation>Hice mi repaso semanal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weekly review</source>
        <translation>Repaso semanal</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Trends</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Achievements</source>
        <translation>Logros</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Consistency, last 26 weeks</source>
        <translation>Constancia, últimas 26 semanas</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 — %2 % done</source>
        <translation>%1 — %2 % hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 — %3 % done</source>
        <translation>%1 · %2 — %3 % hecho</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Done %</source>
        <translation>% hecho</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>1 day</source>
        <translation>1 día</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active since %1; best %2 days. One day off in a row is a rest day and keeps it.</source>
        <translation>Activa desde el %1; la mejor, %2 días. Un solo día libre cuenta como descanso y la mantiene.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practise or log something today to start a streak (best so far: %1 days).</source>
        <translation>Practica o registra algo hoy para empezar una racha (la mejor hasta ahora: %1 días).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Practice minutes</source>
        <translation>Minutos de práctica</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practice sessions</source>
        <translation>Sesiones de práctica</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows played</source>
        <translation>Conciertos tocados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paid shows</source>
        <translation>Conciertos pagados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Songs added</source>
        <translation>Canciones añadidas</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>As measured</source>
        <translation>Según lo medido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running total</source>
        <translation>Total acumulado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved. See you next week.</source>
        <translation>Guardado. Hasta la semana que viene.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::EntryDialog</name>
    <message>
        <location filename="../../ui/setlists/EntryDialog.cpp" line="+18"/>
        <source>Break</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Song in the set</source>
        <translation>Canción del set</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Song:</source>
        <translation>Canción:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the song&apos;s own length</source>
        <translation>la duración propia de la canción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>L&amp;ength:</source>
        <translation>D&amp;uración:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>L&amp;ength here:</source>
        <translation>D&amp;uración aquí:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> semitones</source>
        <translation> semitonos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Transpose:</source>
        <translation>&amp;Transponer:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cover, guest, tape, segue…</source>
        <translation>versión, invitado, pista, enlace…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FanVoteDialog</name>
    <message>
        <location filename="../../ui/setlists/FanVoteDialog.cpp" line="+64"/>
        <source>Fan vote — %1</source>
        <translation>Votación de fans — %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Fans scan a QR code or type a short code, vote on their phones (no app, no account) and watch the tally move. You see it here live.</source>
        <translation>Los fans escanean un código QR o escriben un código corto, votan desde el móvil (sin app ni cuenta) y ven moverse el recuento. Tú lo ves aquí en directo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Which songs should we play in the encore?</source>
        <translation>¿Qué canciones tocamos en el bis?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Question:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+508"/>
        <location line="+368"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="-866"/>
        <source>Find a song (Ctrl+F)</source>
        <translation>Buscar una canción (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Songs to vote on:</source>
        <translation>&amp;Canciones a votar:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> per fan</source>
        <translation> por fan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Votes:</source>
        <translation>&amp;Votos:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fans see the tally at once</source>
        <translation>Los fans ven el recuento desde el principio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fans see the tally after they vote</source>
        <translation>Los fans ven el recuento después de votar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fans see the tally when the vote closes</source>
        <translation>Los fans ven el recuento cuando cierre la votación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the band sees the tally</source>
        <translation>Solo la banda ve el recuento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Results:</source>
        <translation>&amp;Resultados:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fans may suggest songs (you list them before anyone can vote for them)</source>
        <translation>Los fans pueden sugerir canciones (tú las apruebas antes de que se puedan votar)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Opens:</source>
        <translation>&amp;Abre:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>At a time</source>
        <translation>A una hora</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>When I open it</source>
        <translation>Cuando yo la abra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;loses:</source>
        <translation>C&amp;ierra:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When I close it</source>
        <translation>Cuando yo la cierre</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+258"/>
        <location line="+69"/>
        <source>Create the vote</source>
        <translation>Crear la votación</translation>
    </message>
    <message>
        <location line="-322"/>
        <source>Discard the kept vote</source>
        <translation>Descartar la votación guardada</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The link is on the clipboard.</source>
        <translation>El enlace está en el portapapeles.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save QR code…</source>
        <translation>Guardar código QR…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code and QR code, big, for a projector (Esc to leave)</source>
        <translation>El código y el código QR, en grande, para un proyector (Esc para salir)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print poster…</source>
        <translation>Imprimir cartel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A page with the question, a large QR code, the link and the code, for the venue&apos;s walls</source>
        <translation>Una página con la pregunta, un código QR grande, el enlace y el código, para las paredes del local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fan vote %1</source>
        <translation>Votación de fans %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The poster could not be printed: the printer (or the file) refused it.</source>
        <translation>No se pudo imprimir el cartel: la impresora (o el archivo) lo rechazó.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open voting</source>
        <translation>Abrir la votación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close voting</source>
        <translation>Cerrar la votación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset…</source>
        <translation>Reiniciar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes back every fan&apos;s votes</source>
        <translation>Retira los votos de todos los fans</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset the vote?</source>
        <translation>¿Reiniciar la votación?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take back every fan&apos;s votes? The vote stays open and fans can vote again. This cannot be undone.</source>
        <translation>¿Retirar los votos de todos los fans? La votación sigue abierta y los fans pueden volver a votar. No se puede deshacer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New vote…</source>
        <translation>Nueva votación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare another vote for this show (this one stays on your server)</source>
        <translation>Preparar otra votación para este concierto (esta se queda en tu servidor)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggestions waiting for you (fans vote for them once you list them):</source>
        <translation>Sugerencias pendientes (los fans las votan cuando las apruebes):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>List it</source>
        <translation>Aprobarla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fans can vote for it from now on</source>
        <translation>Los fans pueden votarla a partir de ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide it</source>
        <translation>Ocultarla</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a suggestion first.</source>
        <translation>Elige primero una sugerencia.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Use the result: the top</source>
        <translation>Usar el resultado: las</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No votes yet.</source>
        <translation>Todavía no hay votos.</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Your server cannot be reached now (%1); the code and QR code work, and the tally comes when it answers.</source>
        <translation>Ahora no se puede llegar a tu servidor (%1); el código y el código QR funcionan, y el recuento llega cuando responda.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This show&apos;s vote (code %1) is not on your server any more. Create it again, or make a new one.</source>
        <translation>La votación de este concierto (código %1) ya no está en tu servidor. Créala de nuevo o haz una nueva.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Publish the vote</source>
        <translation>Publicar la votación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your server refused this vote: %1. Change it and publish it again, or discard it.</source>
        <translation>Tu servidor rechazó esta votación: %1. Cámbiala y vuelve a publicarla, o descártala.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>This vote is kept on this computer. It goes to your server when you are signed in and online, or now with Publish.</source>
        <translation>Esta votación está guardada en este ordenador. Pasa a tu servidor cuando hayas iniciado sesión y tengas conexión, o ahora con Publicar.</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>songs into</source>
        <translation>canciones a</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the encore</source>
        <translation>el bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use result</source>
        <translation>Usar el resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Puts them into the show (Ctrl+Z on the Setlists page takes them out again)</source>
        <translation>Las pone en el concierto (Ctrl+Z en la página de setlists las quita de nuevo)</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n song(s) placed in %1.</source>
        <translation>
            <numerusform>%n canción puesta en %1.</numerusform>
            <numerusform>%n canciones puestas en %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Those songs are in %1 already.</source>
        <translation>Esas canciones ya están en %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The songs could not be placed: the Setlists page says why.</source>
        <translation>No se pudieron poner las canciones: la página de setlists dice por qué.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Looking for this show&apos;s vote on your server…</source>
        <translation>Buscando la votación de este concierto en tu servidor…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>On your server: code %1</source>
        <translation>En tu servidor: código %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The kept vote could not be discarded: %1</source>
        <translation>No se pudo descartar la votación guardada: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kept vote is discarded (on your other computers too, after they sync).</source>
        <translation>La votación guardada se descartó (también en tus otros ordenadores, cuando sincronicen).</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Tick at least one song for the fans to vote on.</source>
        <translation>Marca al menos una canción para que voten los fans.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask the fans something.</source>
        <translation>Pregúntales algo a los fans.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The closing time has passed: pick a later one, or close it by hand.</source>
        <translation>La hora de cierre ya pasó: elige una más tarde o ciérrala a mano.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>This vote was published from another computer meanwhile; the changes here were not applied.</source>
        <translation>Esta votación se publicó mientras tanto desde otro ordenador; los cambios hechos aquí no se aplicaron.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The vote could not be kept: %1</source>
        <translation>No se pudo guardar la votación: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The vote is kept on this computer and goes to your server when you are signed in and online (%1).</source>
        <translation>La votación está guardada en este ordenador y pasa a tu servidor cuando hayas iniciado sesión y tengas conexión (%1).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This vote was published from another computer before; that one stands and the changes here were not applied.</source>
        <translation>Esta votación ya se había publicado desde otro ordenador; esa se mantiene y los cambios hechos aquí no se aplicaron.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The vote is on your server. Show fans the code or the QR code.</source>
        <translation>La votación está en tu servidor. Enseña a los fans el código o el código QR.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n song(s) ticked, %1 of them not shown by the search</source>
        <translation>
            <numerusform>%n canción marcada, %1 de ellas no se ve por la búsqueda</numerusform>
            <numerusform>%n canciones marcadas, %1 de ellas no se ven por la búsqueda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n song(s) ticked</source>
        <translation>
            <numerusform>%n canción marcada</numerusform>
            <numerusform>%n canciones marcadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+143"/>
        <source>This vote is no longer on your server (or belongs to another account).</source>
        <translation>Esta votación ya no está en tu servidor (o es de otra cuenta).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Open: fans are voting</source>
        <translation>Abierta: los fans están votando</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not open yet</source>
        <translation>Aún no está abierta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for your server</source>
        <translation>Esperando a tu servidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · reconnecting to your server…</source>
        <translation>%1 · reconectando con tu servidor…</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n fan(s) voted</source>
        <translation>
            <numerusform>%n fan votó</numerusform>
            <numerusform>%n fans votaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n vote(s) in the last minute</source>
        <translation>
            <numerusform>%n voto en el último minuto</numerusform>
            <numerusform>%n votos en el último minuto</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Votes came in during the last ten seconds</source>
        <translation>Llegaron votos en los últimos diez segundos</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Every vote was taken back; the vote goes on.</source>
        <translation>Se retiraron todos los votos; la votación sigue.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan with your phone, or open</source>
        <translation>Escanea con el móvil, o abre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the QR code</source>
        <translation>Guardar el código QR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fan-vote-%1.png</source>
        <translation>votacion-fans-%1.png</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Imagen PNG (*.png);;Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not save %1: %2</source>
        <translation>No se pudo guardar %1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Vote at %1 — code %2</source>
        <translation>Vota en %1 — código %2</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedDownloadsPanel</name>
    <message>
        <location filename="../../ui/library/FeedDownloadsPanel.cpp" line="+50"/>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Song</source>
        <translation>Canción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+255"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clean up now</source>
        <translation>Limpiar ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the played downloads past their days, and those of posts you removed</source>
        <translation>Quitar las descargas escuchadas que pasaron sus días, y las de entradas que quitaste</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where downloads go</source>
        <translation>Dónde van las descargas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove played downloads after</source>
        <translation>Quitar las descargas escuchadas tras</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counted from when the post was played; starred posts and songs you added to the library stay</source>
        <translation>Contado desde que se escuchó la entrada; las entradas con estrella y las canciones que añadiste a la biblioteca se quedan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Downloads go to</source>
        <translation>Las descargas van a</translation>
    </message>
    <message>
        <location line="+62"/>
        <location line="+181"/>
        <source>In your library</source>
        <translation>En tu biblioteca</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>Downloaded %1</source>
        <translation>Descargada el %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped (goes on at the next start, or Try again)</source>
        <translation>Detenida (sigue en el próximo inicio, o con Reintentar)</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop it and throw away what came (Delete)</source>
        <translation>Detenerla y tirar lo que llegó (Supr)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the downloaded file (Delete)</source>
        <translation>Borrar el archivo descargado (Supr)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cancel the download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forget this download and throw away what came so far?</source>
        <translation>¿Olvidar esta descarga y tirar lo que llegó hasta ahora?</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>No downloads yet: pick a post&apos;s song and press Download (Ctrl+D).</source>
        <translation>Aún no hay descargas: elige la canción de una entrada y pulsa Descargar (Ctrl+D).</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Remove the download</source>
        <translation>Quitar la descarga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget this download? Its file stays: your library has it.
%1</source>
        <translation>¿Olvidar esta descarga? El archivo se queda: lo tiene tu biblioteca.
%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the downloaded file?
%1</source>
        <translation>¿Borrar el archivo descargado?
%1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>New downloads go to %1; those made stay where they are.</source>
        <translation>Las nuevas descargas van a %1; las ya hechas se quedan donde están.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing to clean up.</source>
        <translation>Nada que limpiar.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n download(s) removed (%1).</source>
        <translation>
            <numerusform>%n descarga quitada (%1).</numerusform>
            <numerusform>%n descargas quitadas (%1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not remove: %1</source>
        <translation>No se pudo quitar: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedItemModel</name>
    <message>
        <location filename="../../ui/library/FeedItemModel.cpp" line="+63"/>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starred</source>
        <translation>Con estrella</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Played</source>
        <translation>Escuchada</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Songs</source>
        <translation>Canciones</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedStream</name>
    <message>
        <location filename="../../ui/library/FeedStream.cpp" line="+76"/>
        <source>Cannot play it: %1</source>
        <translation>No se puede reproducir: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::FeedsView</name>
    <message>
        <location filename="../../ui/library/FeedsView.cpp" line="+86"/>
        <source>Follow a feed…</source>
        <translation>Seguir un feed…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A music blog&apos;s or podcast&apos;s address, or its web page (Ctrl+Shift+F)</source>
        <translation>La dirección de un blog de música o un pódcast, o su página web (Ctrl+Mayús+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Follow a feed</source>
        <translation>Seguir un feed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The feed&apos;s address, or the web page of a blog or podcast:</source>
        <translation>La dirección del feed, o la página web de un blog o pódcast:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask every feed for new posts now (F5)</source>
        <translation>Pedir ya a cada feed sus entradas nuevas (F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1129"/>
        <source>Mark all seen</source>
        <translation>Marcar todo como visto</translation>
    </message>
    <message>
        <location line="-1127"/>
        <source>Nothing shown here is new any more</source>
        <translation>Nada de lo que se ve aquí será nuevo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%v of %m feeds</source>
        <translation>%v de %m feeds</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search posts and songs — feed:name new:yes starred:yes artist:…</source>
        <translation>Buscar entradas y canciones — feed:nombre new:yes starred:yes artist:…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+64"/>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+61"/>
        <location line="+502"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location line="-561"/>
        <source>Star or unstar</source>
        <translation>Marcar o desmarcar con estrella</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark new or seen</source>
        <translation>Marcar como nueva o vista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the post</source>
        <translation>Abrir la entrada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Song</source>
        <translation>Canción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posted by</source>
        <translation>Publicada por</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Songs in the post</source>
        <translation>Canciones de la entrada</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stream the song (Enter); it goes on from where you left it</source>
        <translation>Escuchar la canción (Intro); sigue desde donde la dejaste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to library</source>
        <translation>Añadir a la biblioteca</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In your library now.</source>
        <translation>Ya está en tu biblioteca.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to show…</source>
        <translation>Añadir a un concierto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Star</source>
        <translation>Estrella</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Songs</source>
        <translation>Canciones</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+64"/>
        <location line="+401"/>
        <location line="+477"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location line="-1119"/>
        <source>Stop refreshing</source>
        <translation>Dejar de actualizar</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+70"/>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>In your library now, with its downloaded file.</source>
        <translation>Ya está en tu biblioteca, con su archivo descargado.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Stop playing</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Resume</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Downloaded: %1</source>
        <translation>Descargada: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not download %1: %2</source>
        <translation>No se pudo descargar %1: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Could not remove old downloads: %1</source>
        <translation>No se pudieron quitar descargas antiguas: %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>All feeds (%1 new)</source>
        <translation>Todos los feeds (%1 nuevos)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All feeds</source>
        <translation>Todos los feeds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nuevas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starred</source>
        <translation>Con estrella</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Picked by several feeds</source>
        <translation>Elegidas por varios feeds</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Songs that two or more of your feeds posted</source>
        <translation>Canciones que publicaron dos o más de tus feeds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloads (%1)</source>
        <translation>Descargas (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Songs downloaded from your feeds, and those on their way</source>
        <translation>Canciones descargadas de tus feeds, y las que vienen en camino</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> — paused</source>
        <translation> — en pausa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tries again %1</source>
        <translation>Lo intentará de nuevo %1</translation>
    </message>
    <message>
        <location line="+121"/>
        <location line="+117"/>
        <location line="+24"/>
        <source>  (in your library)</source>
        <translation>  (en tu biblioteca)</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>No song was posted by two of your feeds yet.</source>
        <translation>Ninguna canción ha salido aún en dos de tus feeds.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Nothing here yet. Follow a blog or a podcast, or refresh.</source>
        <translation>Aún no hay nada. Sigue un blog o un pódcast, o actualiza.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No posts here.</source>
        <translation>No hay entradas aquí.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>played</source>
        <translation>escuchada</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>downloaded</source>
        <translation>descargada</translation>
    </message>
    <message>
        <location line="-401"/>
        <location line="+408"/>
        <source>downloading</source>
        <translation>descargando</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This post has no song file to download (a player&apos;s song is heard on its site).</source>
        <translation>Esta entrada no tiene un archivo de canción que descargar (la canción de un reproductor se escucha en su sitio).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Downloaded already: %1</source>
        <translation>Ya descargada: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Downloading to %1…</source>
        <translation>Descargando en %1…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Remove post</source>
        <translation>Quitar la entrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove “%1”? It stays removed, also when its feed lists it again.</source>
        <translation>¿Quitar «%1»? Seguirá quitada aunque su feed la vuelva a publicar.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No show yet: make one in Setlists first.</source>
        <translation>Aún no hay conciertos: crea uno primero en Setlists.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add to show</source>
        <translation>Añadir a un concierto</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This show has no set yet: add one in Setlists.</source>
        <translation>Este concierto aún no tiene ningún set: añade uno en Setlists.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show</source>
        <translation>Concierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added to %1, %2.</source>
        <translation>Añadida a %1, %2.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Playing: %1</source>
        <translation>Sonando: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n post(s) marked seen</source>
        <translation>
            <numerusform>%n entrada marcada como vista</numerusform>
            <numerusform>%n entradas marcadas como vistas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Following it once the refresh under way is done.</source>
        <translation>Se seguirá en cuanto termine la actualización en curso.</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>This post has no song to play.</source>
        <translation>Esta entrada no tiene ninguna canción que reproducir.</translation>
    </message>
    <message>
        <location line="-707"/>
        <source>Keep the song&apos;s file on this computer, tagged from its feed (Ctrl+D in the list of posts)</source>
        <translation>Guardar el archivo de la canción en este ordenador, etiquetado desde su feed (Ctrl+D en la lista de entradas)</translation>
    </message>
    <message>
        <location line="+501"/>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>download failed (Downloads says why)</source>
        <translation>la descarga falló (Descargas dice por qué)</translation>
    </message>
    <message>
        <location line="+276"/>
        <source>Cannot follow it: %1</source>
        <translation>No se puede seguir: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n new post(s)</source>
        <translation>
            <numerusform>%n entrada nueva</numerusform>
            <numerusform>%n entradas nuevas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No new posts</source>
        <translation>No hay entradas nuevas</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n feed(s) wait for a server that asked for a pause</source>
        <translation>
            <numerusform>%n feed espera a un servidor que pidió una pausa</numerusform>
            <numerusform>%n feeds esperan a un servidor que pidió una pausa</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n feed(s) had a problem (their ⚠ says what)</source>
        <translation>
            <numerusform>%n feed tuvo un problema (su ⚠ dice cuál)</numerusform>
            <numerusform>%n feeds tuvieron un problema (su ⚠ dice cuál)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stopped; what came in is kept</source>
        <translation>detenido; lo que llegó se conserva</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Rename folder…</source>
        <translation>Renombrar la carpeta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename folder</source>
        <translation>Renombrar la carpeta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove folder (its feeds stay)</source>
        <translation>Quitar la carpeta (sus feeds se quedan)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Refresh this feed</source>
        <translation>Actualizar este feed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rename feed</source>
        <translation>Renombrar el feed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name (empty: the feed&apos;s own):</source>
        <translation>Nombre (vacío: el del propio feed):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move to folder…</source>
        <translation>Mover a una carpeta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(top)</source>
        <translation>(arriba del todo)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move to folder</source>
        <translation>Mover a una carpeta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder (type a new name to make one):</source>
        <translation>Carpeta (escribe un nombre nuevo para crearla):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follow again</source>
        <translation>Seguir de nuevo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open its site</source>
        <translation>Abrir su sitio web</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop following…</source>
        <translation>Dejar de seguir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop following</source>
        <translation>Dejar de seguir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop following “%1”?</source>
        <translation>¿Dejar de seguir «%1»?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep its posts</source>
        <translation>Conservar sus entradas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove its posts too</source>
        <translation>Quitar también sus entradas</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::LibraryPage</name>
    <message>
        <location filename="../../ui/library/LibraryPage.cpp" line="+60"/>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Duplicates…</source>
        <translation>Duplicados…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Files with the same content, songs with the same title and artist</source>
        <translation>Archivos con el mismo contenido, canciones con el mismo título y artista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rescan</source>
        <translation>Reescanear</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read the watched folders again: only what changed</source>
        <translation>Leer de nuevo las carpetas vigiladas: solo lo que cambió</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Watch a music folder and read its audio files</source>
        <translation>Vigilar una carpeta de música y leer sus archivos de audio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a music folder</source>
        <translation>Añadir una carpeta de música</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New song…</source>
        <translation>Canción nueva…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A song without an audio file (Ctrl+N)</source>
        <translation>Una canción sin archivo de audio (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New song</source>
        <translation>Canción nueva</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Search (Ctrl+F): artist:blades key:Am bpm:110-130 -tag:slow</source>
        <translation>Buscar (Ctrl+F): artist:blades key:Am bpm:110-130 -tag:slow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words, &quot;a phrase&quot;, artist:blades, key:Am, bpm:110-130, duration:&lt;4m, -tag:slow, salsa | son</source>
        <translation>Palabras, &quot;una frase&quot;, artist:blades, key:Am, bpm:110-130, duration:&lt;4m, -tag:slow, salsa | son</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole grammar is in resources/library/SEARCH.md</source>
        <translation>La gramática completa está en resources/library/SEARCH.md</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+596"/>
        <source>All songs</source>
        <translation>Todas las canciones</translation>
    </message>
    <message>
        <location line="-595"/>
        <source>Gig-ready</source>
        <translation>Lista para tocar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rehearsed</source>
        <translation>Ensayada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning</source>
        <translation>Aprendiendo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to queue</source>
        <translation>Añadir a la cola</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add to playlist</source>
        <translation>Añadir a la lista de reproducción</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No playlists yet</source>
        <translation>Aún no hay listas de reproducción</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move up in the playlist</source>
        <translation>Subir en la lista de reproducción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down in the playlist</source>
        <translation>Bajar en la lista de reproducción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete song</source>
        <translation>Eliminar canción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete “%1” from the library? Its audio files stay on disk.</source>
        <translation>¿Eliminar “%1” de la biblioteca? Sus archivos de audio se quedan en el disco.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Where is %1 now?</source>
        <translation>¿Dónde está %1 ahora?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New Song</source>
        <translation>Canción nueva</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow a Feed…</source>
        <translation>Seguir un feed…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh Feeds</source>
        <translation>Actualizar los feeds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark All Posts Seen</source>
        <translation>Marcar todas las entradas como vistas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download the Post&apos;s Song</source>
        <translation>Descargar la canción de la entrada</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>1 song</source>
        <translation>1 canción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 songs</source>
        <translation>%1 canciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 gig-ready</source>
        <translation>%1 listas para tocar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 files missing</source>
        <translation>%1 archivos no encontrados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 unreadable</source>
        <translation>%1 ilegibles</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>No music folders yet: add one with Add folder…</source>
        <translation>Aún no hay carpetas de música: añade una con Añadir carpeta…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 files</source>
        <translation>%1 de %2 archivos</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 added, %3 updated, %4 unchanged, %5 found again, %6 missing</source>
        <translation>%1: %2 nuevos, %3 actualizados, %4 sin cambios, %5 reencontrados, %6 no encontrados</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>, %1 unreadable (see each song&apos;s Files tab)</source>
        <translation>, %1 ilegibles (mira la pestaña Archivos de cada canción)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 folders could not be read: %2</source>
        <translation>No se pudieron leer %1 carpetas: %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Found the file again.</source>
        <translation>Se volvió a encontrar el archivo.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Found %1 files again in %2.</source>
        <translation>Se volvieron a encontrar %1 archivos en %2.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This song has no audio file to play.</source>
        <translation>Esta canción no tiene archivo de audio para reproducir.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Playlists</source>
        <translation>Listas de reproducción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete playlist…</source>
        <translation>Eliminar lista de reproducción…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete playlist</source>
        <translation>Eliminar lista de reproducción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete “%1”? Its songs stay in the library.</source>
        <translation>¿Eliminar “%1”? Sus canciones se quedan en la biblioteca.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save search…</source>
        <translation>Guardar búsqueda…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the search as a smart playlist: it always shows what the search finds now</source>
        <translation>Guardar la búsqueda como lista inteligente: siempre muestra lo que la búsqueda encuentra ahora</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save search</source>
        <translation>Guardar búsqueda</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>New playlist…</source>
        <translation>Lista de reproducción nueva…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New playlist</source>
        <translation>Lista de reproducción nueva</translation>
    </message>
    <message>
        <location line="-355"/>
        <location line="+420"/>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Music blogs and podcasts you follow: new songs to hear, keep, or put on a setlist</source>
        <translation>Blogs de música y pódcasts que sigues: canciones nuevas para escuchar, guardar o poner en un setlist</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved search: %1</source>
        <translation>Búsqueda guardada: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Playlist</source>
        <translation>Lista de reproducción</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Added to the playlist.</source>
        <translation>Añadida a la lista de reproducción.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 files with the same content</source>
        <translation>%1 archivos con el mismo contenido</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 songs called “%2”</source>
        <translation>%1 canciones llamadas “%2”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No duplicates.</source>
        <translation>No hay duplicados.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::LiveTakeView</name>
    <message>
        <location filename="../../ui/beats/LiveTakeView.cpp" line="+28"/>
        <source>Hits as you play</source>
        <translation>Golpes mientras tocas</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Listening… play from the one.</source>
        <translation>Escuchando… toca desde el uno.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing on the grid yet</source>
        <translation>nada en la rejilla todavía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you rush by %1 ms</source>
        <translation>te adelantas %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>you drag by %1 ms</source>
        <translation>te atrasas %1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right on the beat</source>
        <translation>justo a tiempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % within ±%2 ms — %3</source>
        <translation>%1 % a ±%2 ms — %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(spread %1 ms)</source>
        <translation>(dispersión %1 ms)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n extra</source>
        <translation>
            <numerusform>%n de más</numerusform>
            <numerusform>%n de más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::MainWindow</name>
    <message>
        <location filename="../../ui/shell/MainWindow.cpp" line="+78"/>
        <location line="+120"/>
        <source>Bandmate</source>
        <translation>Bandmate</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Database: %1 (schema %2)</source>
        <translation>Base de datos: %1 (esquema %2)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Your music career, in time</source>
        <translation>Tu carrera musical, a tempo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version %1 · works offline</source>
        <translation>Versión %1 · funciona sin conexión</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save a &amp;Copy of the Database…</source>
        <translation>Guardar una &amp;copia de la base de datos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Welcome…</source>
        <translation>&amp;Bienvenida…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Bandmate</source>
        <translation>&amp;Acerca de Bandmate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No machine files opened yet</source>
        <translation>Aún no se abrió ningún archivo de máquina</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear Menu</source>
        <translation>Vaciar el menú</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bandmate closed unexpectedly last time. Nothing was lost: every change is saved as you make it.</source>
        <translation>Bandmate se cerró inesperadamente la última vez. No se perdió nada: cada cambio se guarda al hacerlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bandmate closed unexpectedly</source>
        <translation>Bandmate se cerró inesperadamente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate closed unexpectedly last time. Nothing was lost: every change is saved as you make it.

Go back to the %1 page, where you were?</source>
        <translation>Bandmate se cerró inesperadamente la última vez. No se perdió nada: cada cambio se guarda al hacerlo.

¿Volver a la página %1, donde estabas?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reopen %1</source>
        <translation>Volver a %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stay here</source>
        <translation>Quedarme aquí</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The database file is damaged</source>
        <translation>El archivo de la base de datos está dañado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate&apos;s weekly check found damage in the file that holds your library, machines and roadmaps:
%1

What you see is still there, but parts of the file may not read back.</source>
        <translation>La revisión semanal de Bandmate encontró daños en el archivo que guarda tu biblioteca, máquinas y hojas de ruta:
%1

Lo que ves sigue ahí, pero partes del archivo podrían no poder leerse.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close Bandmate and keep a copy of the file. Bandmate keeps a copy from before each upgrade beside it (files ending in .backup); if you sync, another computer or the server has your data too.</source>
        <translation>Cierra Bandmate y guarda una copia del archivo. Bandmate guarda a su lado una copia de antes de cada actualización (archivos que terminan en .backup); si sincronizas, otro ordenador o el servidor también tiene tus datos.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync is paused until Bandmate starts again: the database file is damaged.</source>
        <translation>La sincronización está en pausa hasta que Bandmate vuelva a arrancar: el archivo de la base de datos está dañado.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Bandmate saves again: its disk has room.</source>
        <translation>Bandmate vuelve a guardar: su disco tiene espacio.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The disk is full</source>
        <translation>El disco está lleno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate cannot save to %1: its disk is full.

%2</source>
        <translation>Bandmate no puede guardar en %1: su disco está lleno.

%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you change now is not saved until there is room. Free some space on that disk: Bandmate then saves again by itself and says so below.</source>
        <translation>Lo que cambies ahora no se guarda hasta que haya espacio. Libera espacio en ese disco: Bandmate volverá a guardar por sí solo y lo dirá abajo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sync is paused: Bandmate cannot save to its database file.</source>
        <translation>La sincronización está en pausa: Bandmate no puede guardar en su archivo de base de datos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is not there any more (was its disk or USB stick removed?).</source>
        <translation>El archivo ya no está (¿se quitó su disco o memoria USB?).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be written any more: it became read-only, or it was moved or replaced (by a sync tool such as Dropbox?).</source>
        <translation>El archivo ya no se puede escribir: pasó a ser de solo lectura, o se movió o se sustituyó (¿por una herramienta de sincronización como Dropbox?).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The disk reports an error reading or writing the file (%1).</source>
        <translation>El disco informa de un error al leer o escribir el archivo (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bandmate cannot save any more</source>
        <translation>Bandmate ya no puede guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file that holds your library, machines and roadmaps can no longer be written:
%1

%2</source>
        <translation>El archivo que guarda tu biblioteca, tus máquinas y tus rutas ya no se puede escribir:
%1

%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything saved before this moment is in that file (if its disk comes back). What you change from now on is not saved, and sync is paused. Save a copy of what Bandmate has open now, then close Bandmate and look at the disk.</source>
        <translation>Todo lo guardado antes de este momento está en ese archivo (si su disco vuelve). Lo que cambies a partir de ahora no se guarda, y la sincronización está en pausa. Guarda una copia de lo que Bandmate tiene abierto ahora, cierra Bandmate y revisa el disco.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a Copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Bandmate copy %1.sqlite</source>
        <translation>Copia de Bandmate %1.sqlite</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Save a Copy of the Database</source>
        <translation>Guardar una copia de la base de datos</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Bandmate database (*.sqlite)</source>
        <translation>Base de datos de Bandmate (*.sqlite)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The copy could not be saved: %1</source>
        <translation>No se pudo guardar la copia: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved a copy of the database: %1</source>
        <translation>Copia de la base de datos guardada: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::NowPlayingBar</name>
    <message>
        <location filename="../../ui/library/NowPlayingBar.cpp" line="+29"/>
        <source>Previous in the queue</source>
        <translation>Anterior en la cola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play or pause (Space in the song list)</source>
        <translation>Reproducir o pausar (Espacio en la lista de canciones)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next in the queue</source>
        <translation>Siguiente en la cola</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+123"/>
        <source>Nothing playing</source>
        <translation>No suena nada</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>This file cannot be played here.</source>
        <translation>Este archivo no se puede reproducir aquí.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1  (%2 of %3)</source>
        <translation>%1  (%2 de %3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot open %1</source>
        <translation>No se puede abrir %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::Pages</name>
    <message>
        <location filename="../../ui/shell/Pages.cpp" line="+19"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where your music career stands today: the current stage, the next actions, and how practice and shows add up over the weeks.</source>
        <translation>Dónde está hoy tu carrera musical: la etapa actual, las próximas acciones y cómo suman la práctica y los conciertos semana a semana.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roadmap</source>
        <translation>Hoja de ruta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path to Stardom: guided career roadmaps, from first songs to touring, broken into stages and concrete tasks.</source>
        <translation>Camino al estrellato: hojas de ruta profesionales guiadas, de las primeras canciones a las giras, divididas en etapas y tareas concretas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beat Machine</source>
        <translation>Máquina de ritmos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salsa, merengue and their cousins: play a groove, shape it instrument by instrument, and practise with it.</source>
        <translation>La salsa, el merengue y sus primos: toca un ritmo, dale forma instrumento a instrumento y practica con él.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your repertoire and its audio files: search it, play it, and keep track of what is gig-ready.</source>
        <translation>Tu repertorio y sus archivos de audio: búscalo, reprodúcelo y sigue qué está listo para tocar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setlists</source>
        <translation>Setlists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows, sets and encores, with a run-sheet that tells you when each song starts.</source>
        <translation>Conciertos, sets y bises, con una escaleta que te dice cuándo empieza cada canción.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: keep your data on several machines in step through a Bandmate server. Bandmate works fully offline without it.</source>
        <translation>Opcional: mantén tus datos al día en varios equipos a través de un servidor Bandmate. Bandmate funciona totalmente sin conexión sin él.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::PolymeterView</name>
    <message>
        <location filename="../../ui/beats/BeatViews.cpp" line="+51"/>
        <source>All instruments</source>
        <translation>Todos los instrumentos</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading the samples…</source>
        <translation>Cargando las muestras…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No instrument is on</source>
        <translation>Ningún instrumento está activado</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 steps until every loop starts together; lighter cells repeat a shorter loop</source>
        <translation>%1 pasos hasta que todos los bucles empiezan juntos; las celdas más claras repiten un bucle más corto</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::PractiseDialog</name>
    <message>
        <location filename="../../ui/setlists/PractiseDialog.cpp" line="+19"/>
        <source>Practise %1</source>
        <translation>Practicar %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page Up</source>
        <translation>RePág</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play groove</source>
        <translation>Tocar el ritmo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page Down</source>
        <translation>AvPág</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No songs in this show yet</source>
        <translation>Aún no hay canciones en este concierto</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Key %1</source>
        <translation>Tono %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 BPM</source>
        <translation>%1 BPM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starts %1</source>
        <translation>empieza a las %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no groove linked (choose one in the Library)</source>
        <translation>sin ritmo enlazado (elige uno en la Biblioteca)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>groove: %1</source>
        <translation>ritmo: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::PreferencesDialog</name>
    <message>
        <location filename="../../ui/shell/PreferencesDialog.cpp" line="+62"/>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Follow the system</source>
        <translation>Seguir el sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Colour scheme:</source>
        <translation>&amp;Esquema de colores:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Follow the system (%1)</source>
        <translation>Seguir el sistema (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The page I used last</source>
        <translation>La última página que usé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dashboard</source>
        <translation>El panel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On &amp;start, open:</source>
        <translation>Al &amp;iniciar, abrir:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Russian</source>
        <translation>Ruso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Norwegian</source>
        <translation>Noruego</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Instructor counts in:</source>
        <translation>El i&amp;nstructor cuenta en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beat machine</source>
        <translation>Máquina de ritmos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Play in time with other apps (Ableton &amp;Link)</source>
        <translation>Tocar a tiempo con otras apps (Ableton &amp;Link)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Live, Bitwig, Traktor, phone apps and other Bandmates on your network share one tempo, and their bars line up.</source>
        <translation>Live, Bitwig, Traktor, apps del móvil y otros Bandmate de tu red comparten un tempo, y sus compases se alinean.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every bar (4 beats)</source>
        <translation>Cada compás (4 tiempos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every clave cycle (8 beats)</source>
        <translation>Cada ciclo de clave (8 tiempos)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line &amp;up:</source>
        <translation>&amp;Alinear:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start and stop &amp;together with the others</source>
        <translation>Arrancar y parar &amp;junto con los demás</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+99"/>
        <source>Off</source>
        <translation>Apagado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow it</source>
        <translation>Seguirlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead it (timebase master)</source>
        <translation>Dirigirlo (maestro de tiempo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linux: play while JACK&apos;s transport rolls, from where it is (Ardour, Hydrogen, QjackCtl). Needs the JACK driver under Audio.</source>
        <translation>Linux: toca mientras corre el transporte de JACK, desde donde está (Ardour, Hydrogen, QjackCtl). Necesita el controlador JACK en Audio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;JACK transport:</source>
        <translation>&amp;Transporte de JACK:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Sync &amp;&amp; MIDI</source>
        <translation>Sincronía y MIDI</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Database file:</source>
        <translation>Archivo de base de datos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schema version:</source>
        <translation>Versión del esquema:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start Bandmate with --db PATH to use another database file.</source>
        <translation>Inicia Bandmate con --db RUTA para usar otro archivo de base de datos.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;MIDI out&lt;/b&gt; (Linux, through JACK)</source>
        <translation>&lt;b&gt;Salida MIDI&lt;/b&gt; (Linux, por JACK)</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>%1 (not there now)</source>
        <translation>%1 (no está ahora)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Linux: play in time with a DAW&apos;s or a drum machine&apos;s MIDI clock (its tempo, Start, Stop and Song Position). Needs the JACK driver under Audio.</source>
        <translation>Linux: toca a tiempo con el reloj MIDI de una DAW o una caja de ritmos (su tempo, Start, Stop y Song Position). Necesita el controlador JACK en Audio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow the MIDI clock of:</source>
        <translation>Seguir el reloj MIDI &amp;de:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Linux: a MIDI foot switch or pads move through the arrangement that plays, at the next bar line: C the next section, D its break, E the previous one (any octave).</source>
        <translation>Linux: un pedal MIDI o unos pads recorren el arreglo que suena, en la siguiente barra de compás: Do la sección siguiente, Re su corte, Mi la anterior (en cualquier octava).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pedal for the &amp;sections:</source>
        <translation>&amp;Pedal para las secciones:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>24 ticks a beat, Start, Stop and Song Position, at the tempo the groove plays: a synth, drum machine or DAW following MIDI clock plays in time with it.</source>
        <translation>24 pulsos por tiempo, Start, Stop y Song Position, al tempo del groove: un sintetizador, caja de ritmos o DAW que sigue el reloj MIDI toca a tiempo con él.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MIDI &amp;clock to:</source>
        <translation>&amp;Reloj MIDI a:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The groove&apos;s notes, each on its exact frame, to drive your own drum rack or synth.</source>
        <translation>Las notas del groove, cada una en su muestra exacta, para tocar tu propia batería o sintetizador.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes to:</source>
        <translation>&amp;Notas a:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each instrument its own (General MIDI, drums on 10)</source>
        <translation>Cada instrumento el suyo (General MIDI, percusión en el 10)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All on channel %1</source>
        <translation>Todo en el canal %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mute Bandmate&apos;s own sound while the notes go out</source>
        <translation>&amp;Silenciar el sonido de Bandmate mientras salen las notas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No JACK server is running, or it has no MIDI inputs: start JACK (with a2j for hardware MIDI) and open Preferences again.</source>
        <translation>No hay un servidor JACK en marcha, o no tiene entradas MIDI: arranca JACK (con a2j para MIDI de hardware) y vuelve a abrir Preferencias.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs the JACK driver under Audio. Messages leave one JACK period after the sound they go with.</source>
        <translation>Necesita el controlador JACK en Audio. Los mensajes salen un periodo de JACK después del sonido que acompañan.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Bandmate speaks %1 from its next start.</source>
        <translation>Bandmate hablará %1 a partir del próximo inicio.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ProfileDialog</name>
    <message>
        <location filename="../../ui/roadmap/ProfileDialog.cpp" line="+15"/>
        <source>Your profile</source>
        <translation>Tu perfil</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The name you perform and release under</source>
        <translation>El nombre con el que actúas y publicas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Artist name:</source>
        <translation>Nombre &amp;artístico:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>congas, bongó, voice</source>
        <translation>congas, bongó, voz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Instruments:</source>
        <translation>&amp;Instrumentos:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>salsa, son, Latin jazz</source>
        <translation>salsa, son, jazz latino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Genres:</source>
        <translation>&amp;Géneros:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where you want to be in a year, in your own words</source>
        <translation>Dónde quieres estar dentro de un año, con tus propias palabras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>G&amp;oals:</source>
        <translation>&amp;Metas:</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::RoadmapEditor</name>
    <message>
        <location filename="../../ui/roadmap/RoadmapEditor.cpp" line="+68"/>
        <source>Edit roadmap</source>
        <translation>Editar hoja de ruta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Roadmap &amp;title:</source>
        <translation>&amp;Título de la hoja de ruta:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stages and tasks; drag to reorder</source>
        <translation>Etapas y tareas; arrastra para reordenar</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+234"/>
        <source>Add stage</source>
        <translation>Añadir etapa</translation>
    </message>
    <message>
        <location line="-233"/>
        <location line="+247"/>
        <source>Add task</source>
        <translation>Añadir tarea</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>T&amp;itle:</source>
        <translation>Tít&amp;ulo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checklist</source>
        <translation>Lista de control</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Track a number</source>
        <translation>Seguir una cifra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;ipo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What to do, why, and how to know it is done</source>
        <translation>Qué hacer, por qué y cómo saber que está hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One checklist item per line</source>
        <translation>Un punto de la lista por línea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check&amp;list:</source>
        <translation>&amp;Lista:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Medida:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unit:</source>
        <translation>U&amp;nidad:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no target</source>
        <translation>sin objetivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tar&amp;get:</source>
        <translation>Ob&amp;jetivo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entries add up (minutes, shows)</source>
        <translation>Las entradas se suman (minutos, conciertos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest entry counts (listeners)</source>
        <translation>Cuenta la entrada más reciente (oyentes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;unting:</source>
        <translation>&amp;Cómputo:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New stage</source>
        <translation>Etapa nueva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First task</source>
        <translation>Primera tarea</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>Describe what to do.</source>
        <translation>Describe qué hacer.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New task</source>
        <translation>Tarea nueva</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete task</source>
        <translation>Eliminar tarea</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete stage</source>
        <translation>Eliminar etapa</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move task</source>
        <translation>Mover tarea</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Move stage</source>
        <translation>Mover etapa</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reorder</source>
        <translation>Reordenar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the roadmap</source>
        <translation>la hoja de ruta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved yet: %1</source>
        <translation>Aún sin guardar: %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::RoadmapPage</name>
    <message>
        <location filename="../../ui/roadmap/RoadmapPage.cpp" line="+16"/>
        <location line="+102"/>
        <source>Roadmap</source>
        <translation>Hoja de ruta</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Profile…</source>
        <translation>Perfil…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your artist name, instruments, genres and goals</source>
        <translation>Tu nombre artístico, instrumentos, géneros y metas</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Start a roadmap…</source>
        <translation>Empezar una hoja de ruta…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start a roadmap</source>
        <translation>Empezar una hoja de ruta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roadmap:</source>
        <translation>Hoja de ruta:</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Roadmap ▾</source>
        <translation>Hoja de ruta ▾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start, write, edit, import, export or stop a roadmap; your profile</source>
        <translation>Empezar, escribir, editar, importar, exportar o dejar una hoja de ruta; tu perfil</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Follow one of the roadmaps that come with Bandmate</source>
        <translation>Seguir una de las hojas de ruta que trae Bandmate</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New…</source>
        <translation>Nueva…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write a roadmap of your own</source>
        <translation>Escribe una hoja de ruta propia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit this roadmap (a built-in one becomes your own copy)</source>
        <translation>Editar esta hoja de ruta (una integrada se convierte en tu propia copia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start a custom roadmap from a JSON file (see resources/roadmaps/README.md)</source>
        <translation>Empezar una hoja de ruta personalizada desde un archivo JSON (ver resources/roadmaps/README.md)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import roadmap</source>
        <translation>Importar hoja de ruta</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+370"/>
        <source>Roadmaps (*.json)</source>
        <translation>Hojas de ruta (*.json)</translation>
    </message>
    <message>
        <location line="-365"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save this roadmap with its texts as a JSON file</source>
        <translation>Guardar esta hoja de ruta con sus textos como archivo JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop…</source>
        <translation>Dejar…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop following this roadmap (its progress is removed)</source>
        <translation>Dejar de seguir esta hoja de ruta (se elimina su progreso)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stages</source>
        <translation>Etapas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>To-dos</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;h3&gt;Choose the road you are on&lt;/h3&gt;&lt;p&gt;Each roadmap is a set of stages with concrete tasks: checklists, numbers to track and things worth knowing. Tasks that track a number complete themselves when you reach the target; Beat Machine practice counts by itself.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Elige el camino en que estás&lt;/h3&gt;&lt;p&gt;Cada hoja de ruta es un conjunto de etapas con tareas concretas: listas de control, cifras que seguir y cosas que vale la pena saber. Las tareas que siguen una cifra se completan solas cuando alcanzas el objetivo; la práctica en la Máquina de ritmos cuenta sola.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%3 stages · %4 tasks&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;%3 etapas · %4 tareas&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Your roadmap has a new version of its template; your progress is kept.</source>
        <translation>Tu hoja de ruta tiene una versión nueva de su plantilla; tu progreso se conserva.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 (custom)</source>
        <translation>%1 (personalizada)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 % done</source>
        <translation>%1 % hecho</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1. %2
%3 % done</source>
        <translation>%1. %2
%3 % hecho</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 of %2 %3</source>
        <translation>%1 de %2 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record today&apos;s measurement</source>
        <translation>Registrar la medición de hoy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add to the total, dated today</source>
        <translation>Sumar al total, con fecha de hoy</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Completed on %1.</source>
        <translation>Completada el %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed by itself on %1, from 1 entry.</source>
        <translation>Completada sola el %1, con 1 entrada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed by itself on %1, from %2 entries.</source>
        <translation>Completada sola el %1, con %2 entradas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Notes…</source>
        <translation>Notas…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Started “%1”. Begin with the first stage.</source>
        <translation>Empezaste “%1”. Comienza por la primera etapa.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not imported, nothing changed: %1</source>
        <translation>No se importó, no cambió nada: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported “%1”.</source>
        <translation>Se importó “%1”.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export roadmap</source>
        <translation>Exportar hoja de ruta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported to %1.</source>
        <translation>Exportada a %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved “%1”.</source>
        <translation>Se guardó “%1”.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>My roadmap</source>
        <translation>Mi hoja de ruta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First stage</source>
        <translation>Primera etapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First task</source>
        <translation>Primera tarea</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Describe what to do, why, and how you know it is done.</source>
        <translation>Describe qué hacer, por qué y cómo sabes que está hecho.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (mine)</source>
        <translation>%1 (mía)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Stop roadmap</source>
        <translation>Dejar la hoja de ruta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop following “%1”? Its progress is removed; your logged numbers stay.</source>
        <translation>¿Dejar de seguir “%1”? Se elimina su progreso; tus cifras registradas se quedan.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::RunSheetTree</name>
    <message>
        <location filename="../../ui/setlists/RunSheetTree.cpp" line="+23"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>Tono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Run-sheet</source>
        <translation>Escaleta</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Length unknown: counted as %1</source>
        <translation>Duración desconocida: cuenta como %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>transpose %1%2</source>
        <translation>transponer %1%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>1 song</source>
        <translation>1 canción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 songs</source>
        <translation>%1 canciones</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ScanJob</name>
    <message>
        <location filename="../../ui/library/ScanJob.cpp" line="+59"/>
        <source>Scan cancelled; what was read so far is kept.</source>
        <translation>Escaneo cancelado; lo leído hasta ahora se conserva.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SetlistsPage</name>
    <message>
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="+21"/>
        <source>Setlists</source>
        <translation>Setlists</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New show…</source>
        <translation>Concierto nuevo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan a new show (Ctrl+N)</source>
        <translation>Planificar un concierto nuevo (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A plain-text setlist: one title per line, a blank line before an encore</source>
        <translation>Un setlist en texto plano: un título por línea, una línea en blanco antes de un bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import Setlist…</source>
        <translation>Importar setlist…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Shows</source>
        <translation>Conciertos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete show…</source>
        <translation>Eliminar concierto…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New Show…</source>
        <translation>Concierto nuevo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print Band Sheet…</source>
        <translation>Imprimir la hoja de la banda…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a Song…</source>
        <translation>Añadir una canción…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No show selected</source>
        <translation>Ningún concierto seleccionado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan a show with &lt;b&gt;New show…&lt;/b&gt;, or import a plain-text setlist with &lt;b&gt;Import…&lt;/b&gt;.&lt;br&gt;Add songs from your library, drag them into order, and Bandmate tells you when each one starts, whether the set fits the slot, and where the tempo or key jumps.</source>
        <translation>Planifica un concierto con &lt;b&gt;Concierto nuevo…&lt;/b&gt;, o importa un setlist en texto plano con &lt;b&gt;Importar…&lt;/b&gt;.&lt;br&gt;Añade canciones de tu biblioteca, arrástralas para ordenarlas, y Bandmate te dice cuándo empieza cada una, si el set cabe en el horario y dónde salta el tempo o el tono.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Details…</source>
        <translation>Detalles…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark performed…</source>
        <translation>Marcar como tocado…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count every song as played on the show&apos;s date, and the show on your roadmap</source>
        <translation>Contar cada canción como tocada en la fecha del concierto, y el concierto en tu hoja de ruta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the band sheet (Ctrl+P)</source>
        <translation>Imprimir la hoja de la banda (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="+109"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Band sheet as PDF…</source>
        <translation>Hoja de la banda en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage sheet as PDF (large type)…</source>
        <translation>Hoja de escenario en PDF (letra grande)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text (setlist.fm)…</source>
        <translation>Texto plano (setlist.fm)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Practise…</source>
        <translation>Practicar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step through the songs with each one&apos;s groove at its tempo</source>
        <translation>Recorre las canciones con el ritmo de cada una a su tempo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fan vote…</source>
        <translation>Votación de fans…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audience votes on this show&apos;s songs from their phones (on your Bandmate server)</source>
        <translation>El público vota las canciones de este concierto desde el móvil (en tu servidor Bandmate)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show Details…</source>
        <translation>Detalles del concierto…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add a song: type a title and press Enter (Ctrl+L)</source>
        <translation>Añadir una canción: escribe un título y pulsa Intro (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+112"/>
        <source>Add break</source>
        <translation>Añadir descanso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A pause between songs (10 minutes; double-click to change)</source>
        <translation>Una pausa entre canciones (10 minutos; doble clic para cambiarla)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+19"/>
        <source>Add set</source>
        <translation>Añadir set</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Another set after the last one</source>
        <translation>Otro set después del último</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+0"/>
        <source>Add encore</source>
        <translation>Añadir bis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An encore after the last set</source>
        <translation>Un bis después del último set</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+22"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected song, break or set (Delete)</source>
        <translation>Quitar la canción, el descanso o el set seleccionado (Supr)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Move set</source>
        <translation>Mover set</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Performed</source>
        <translation>Tocado</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>starts %1</source>
        <translation>empieza a las %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1-minute slot</source>
        <translation>horario de %1 minutos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>performed</source>
        <translation>tocado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 song</source>
        <translation>1 canción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 songs</source>
        <translation>%1 canciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · total %1</source>
        <translation> · total %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="+29"/>
        <source> of a %1-minute slot</source>
        <translation> de un horario de %1 minutos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> of %1 min — %2 to spare</source>
        <translation> de %1 min — sobran %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · ends about %1</source>
        <translation> · termina hacia las %1</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="-94"/>
        <source>“%1” was not in your library: added it as a new song.</source>
        <translation>“%1” no estaba en tu biblioteca: se añadió como canción nueva.</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="+44"/>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+5"/>
        <source>Set 1</source>
        <translation>Set 1</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageEditing.cpp" line="+14"/>
        <source>Add song</source>
        <translation>Añadir canción</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Break</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="+187"/>
        <source>Encore</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Encore %1</source>
        <translation>Bis %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="-125"/>
        <source>Set %1</source>
        <translation>Set %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Remove set</source>
        <translation>Quitar set</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+2"/>
        <source>Rename set</source>
        <translation>Renombrar set</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="-12"/>
        <source>New show</source>
        <translation>Concierto nuevo</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Edit show</source>
        <translation>Editar concierto</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete show</source>
        <translation>Eliminar concierto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “%1” with its sets? Songs stay in your library, and plays already counted stay counted.</source>
        <translation>¿Eliminar “%1” con sus sets? Las canciones se quedan en tu biblioteca y lo ya tocado sigue contado.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="-104"/>
        <source>Imported %n song(s).</source>
        <translation>
            <numerusform>Se importó %n canción.</numerusform>
            <numerusform>Se importaron %n canciones.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New in your library: %1.</source>
        <translation>Nuevas en tu biblioteca: %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import a setlist</source>
        <translation>Importar un setlist</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plain-text setlists (*.txt);;All files (*)</source>
        <translation>Setlists en texto plano (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Saved %1</source>
        <translation>Se guardó %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>setlist</source>
        <translation>setlist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> - band sheet</source>
        <translation> - hoja de la banda</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source> - stage sheet</source>
        <translation> - hoja de escenario</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain text (*.txt)</source>
        <translation>Texto plano (*.txt)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/setlists/SetlistsPage.cpp" line="+26"/>
        <source>Marked performed: %n play(s) recorded, and the show counts on your roadmap.</source>
        <translation>
            <numerusform>Marcado como tocado: se registró %n interpretación, y el concierto cuenta en tu hoja de ruta.</numerusform>
            <numerusform>Marcado como tocado: se registraron %n interpretaciones, y el concierto cuenta en tu hoja de ruta.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark performed</source>
        <translation>Marcar como tocado</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Count the %n song(s) of “%1” as played on %2, and the show on your roadmap? This is done once per show.</source>
        <translation>
            <numerusform>¿Contar la %n canción de “%1” como tocada el %2, y el concierto en tu hoja de ruta? Esto se hace una vez por concierto.</numerusform>
            <numerusform>¿Contar las %n canciones de “%1” como tocadas el %2, y el concierto en tu hoja de ruta? Esto se hace una vez por concierto.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="-23"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>The fan vote for “%1” is on your server now: fans open %2 (code %3).</source>
        <translation>La votación de fans de “%1” ya está en tu servidor: los fans abren %2 (código %3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The fan vote for “%1” was published from another computer before; the changes made here were not applied.</source>
        <translation>La votación de fans de “%1” ya se había publicado desde otro ordenador; los cambios hechos aquí no se aplicaron.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your server refused the fan vote for “%1”: %2. Open Fan vote… on the show to change or discard it.</source>
        <translation>Tu servidor rechazó la votación de fans de “%1”: %2. Abre Votación de fans… en el concierto para cambiarla o descartarla.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fan votes you prepared still wait for your server: %1</source>
        <translation>Las votaciones de fans que preparaste siguen esperando a tu servidor: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>That set is not in the show any more: choose another place for the fans&apos; songs.</source>
        <translation>Ese set ya no está en el concierto: elige otro sitio para las canciones de los fans.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Use the fans&apos; vote</source>
        <translation>Usar la votación de los fans</translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageFiles.cpp" line="+25"/>
        <source>Start</source>
        <comment>sheet column: planned start time</comment>
        <translation>Inicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Tono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>transpose %1</source>
        <comment>%1: +2, -3 semitones</comment>
        <translation>transponer %1</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n song(s) · total %1</source>
        <translation>
            <numerusform>%n canción · total %1</numerusform>
            <numerusform>%n canciones · total %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/setlists/SetlistsPageVotes.cpp" line="-103"/>
        <source>the encore</source>
        <translation>el bis</translation>
    </message>
    <message numerus="yes">
        <location line="+126"/>
        <source>The fans&apos; %n song(s) are in %1 (Ctrl+Z takes them out).</source>
        <translation>
            <numerusform>%n canción de los fans está en %1 (Ctrl+Z la quita).</numerusform>
            <numerusform>Las %n canciones de los fans están en %1 (Ctrl+Z las quita).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ShareDialog</name>
    <message>
        <location filename="../../ui/beats/ShareDialog.cpp" line="+37"/>
        <source>Unlisted: only people with the link</source>
        <translation>Oculto: solo quien tenga el enlace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public: listed, anyone may find it</source>
        <translation>Público: en la lista, cualquiera puede encontrarlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private: the link opens for nobody</source>
        <translation>Privado: el enlace no se abre para nadie</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CC BY 4.0 (others may use it, naming you)</source>
        <translation>CC BY 4.0 (otros pueden usarlo, citándote)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC BY-SA 4.0 (others may use it, naming you, under the same licence)</source>
        <translation>CC BY-SA 4.0 (otros pueden usarlo, citándote, con la misma licencia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC0 (no rights reserved)</source>
        <translation>CC0 (sin derechos reservados)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All rights reserved</source>
        <translation>Todos los derechos reservados</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Share “%1”</source>
        <translation>Compartir “%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This machine</source>
        <translation>Esta máquina</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The name shown as the author</source>
        <translation>El nombre que aparece como autor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it is, how to play along (optional)</source>
        <translation>Qué es y cómo tocar encima (opcional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>salsa, son montuno</source>
        <translation>salsa, son montuno</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Allow copies (XML and MIDI downloads, Open in Bandmate)</source>
        <translation>Permitir copias (descargas XML y MIDI, Abrir en Bandmate)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>&amp;Etiquetas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Licence:</source>
        <translation>&amp;Licencia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Who can open it:</source>
        <translation>&amp;Quién puede abrirlo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The page plays the machine as saved, in any browser, without an account. Later changes are shared with Update shared copy.</source>
        <translation>La página toca la máquina tal como está guardada, en cualquier navegador y sin cuenta. Los cambios posteriores se comparten con Actualizar copia compartida.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Copy link</source>
        <translation>&amp;Copiar enlace</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The link is on the clipboard.</source>
        <translation>El enlace está en el portapapeles.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open page</source>
        <translation>Abrir &amp;página</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who can open it:</source>
        <translation>Quién puede abrirlo:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Now: %1.</source>
        <translation>Ahora: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Update shared copy</source>
        <translation>Act&amp;ualizar copia compartida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share the machine as saved now as a new version under the same link (every version keeps its own link)</source>
        <translation>Comparte la máquina tal como está guardada ahora como una versión nueva con el mismo enlace (cada versión conserva su propio enlace)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>U&amp;nshare…</source>
        <translation>Dejar de compar&amp;tir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+47"/>
        <source>Unshare</source>
        <translation>Dejar de compartir</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Take “%1” off line? Its link will say it was removed. You can share it again.</source>
        <translation>¿Retirar “%1”? Su enlace dirá que se retiró. Puedes volver a compartirlo.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who can open it</source>
        <translation>Quién puede abrirlo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plays</source>
        <translation>Escuchas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copies</source>
        <translation>Copias</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy link</source>
        <translation>Copiar enlace</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who can open the chosen one</source>
        <translation>Quién puede abrir el elegido</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete this shared groove and every version of it for good? Its link will say it was removed.</source>
        <translation>¿Eliminar para siempre este groove compartido y todas sus versiones? Su enlace dirá que se retiró.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Everything I shared</source>
        <translation>Todo lo que compartí</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Share</source>
        <translation>&amp;Compartir</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your Bandmate server could not be reached. Check the connection and try again.</source>
        <translation>No se pudo contactar con tu servidor Bandmate. Revisa la conexión e inténtalo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused: %1</source>
        <translation>El servidor lo rechazó: %1</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Shared privately: the link opens for nobody until you choose who can open it.</source>
        <translation>Compartido en privado: el enlace no se abre para nadie hasta que elijas quién puede abrirlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared. Anyone with the link can listen.</source>
        <translation>Compartido. Cualquiera con el enlace puede escucharlo.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Asking the server…</source>
        <translation>Consultando al servidor…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&lt;b&gt;%1&lt;/b&gt; is shared: version %2, %3 plays, %4 copies.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; está compartido: versión %2, %3 escuchas, %4 copias.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1&lt;/b&gt; was unshared: its link says it was removed. Choose who can open it to share it again.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; ya no se comparte: su enlace dice que se retiró. Elige quién puede abrirlo para volver a compartirlo.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Version %1 is shared under the same link.</source>
        <translation>La versión %1 se comparte con el mismo enlace.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing changed since the shared version: no new version.</source>
        <translation>Nada cambió desde la versión compartida: no hay versión nueva.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unshared.</source>
        <translation>Ya no se comparte.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unshared</source>
        <translation>Sin compartir</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a shared groove in the list first.</source>
        <translation>Primero elige un groove compartido en la lista.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::ShowDialog</name>
    <message>
        <location filename="../../ui/setlists/ShowDialog.cpp" line="+17"/>
        <source>New show</source>
        <translation>Concierto nuevo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show details</source>
        <translation>Detalles del concierto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Friday at Café Oslo</source>
        <translation>Viernes en el Café Oslo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Starts at:</source>
        <translation>&amp;Empieza a las:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Venue:</source>
        <translation>&amp;Lugar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;City:</source>
        <translation>&amp;Ciudad:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;lot length:</source>
        <translation>D&amp;uración del horario:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unpaid</source>
        <translation>sin cobrar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A fee makes the show count as a paid show on your roadmap.</source>
        <translation>Un caché hace que el concierto cuente como concierto pagado en tu hoja de ruta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fee:</source>
        <translation>Ca&amp;ché:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SongEditor</name>
    <message>
        <location filename="../../ui/library/SongEditor.cpp" line="+52"/>
        <source>The cover embedded in the audio file</source>
        <translation>La portada incrustada en el archivo de audio</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Artist:</source>
        <translation>&amp;Artista:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Al&amp;bum:</source>
        <translation>Ál&amp;bum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Genre:</source>
        <translation>&amp;Género:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <location line="+8"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>&amp;Year:</source>
        <translation>A&amp;ño:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tra&amp;ck:</source>
        <translation>N.º de &amp;pista:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key:</source>
        <translation>T&amp;ono:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Am, C#, Bb…</source>
        <translation>Am, C#, Bb…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;BPM:</source>
        <translation>BP&amp;M:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ime:</source>
        <translation>Compá&amp;s:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;gs:</source>
        <translation>Eti&amp;quetas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>salsa, opener</source>
        <translation>salsa, apertura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Readiness:</source>
        <translation>Pr&amp;eparación:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ★</source>
        <translation> ★</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no rating</source>
        <translation>sin valoración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Loved</source>
        <translation>&amp;Favorita</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>R&amp;ating:</source>
        <translation>&amp;Valoración:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A groove of the Beat Machine to practise this song with</source>
        <translation>Un ritmo de la Máquina de ritmos para practicar esta canción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gr&amp;oove:</source>
        <translation>&amp;Ritmo:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Transpose down a semitone (on screen)</source>
        <translation>Bajar un semitono (en pantalla)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transpose up a semitone (on screen)</source>
        <translation>Subir un semitono (en pantalla)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit chart</source>
        <translation>Editar cifrado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{title: Chan Chan}
{key: Dm}
[Dm]De Alto [F]Cedro voy para [Gm]Marcané…</source>
        <translation>{title: Chan Chan}
{key: Dm}
[Dm]De Alto [F]Cedro voy para [Gm]Marcané…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Chart</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Locate missing file…</source>
        <translation>Localizar el archivo perdido…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revert</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the song (Ctrl+S)</source>
        <translation>Guardar la canción (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>missing</source>
        <translation>no encontrado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unreadable: %1</source>
        <translation>ilegible: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No audio file: this song lives in the library only.</source>
        <translation>Sin archivo de audio: esta canción solo vive en la biblioteca.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 (yours)</source>
        <translation>%1 (tuya)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>as written</source>
        <translation>como está escrito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1%2 semitones</source>
        <translation>%1%2 semitonos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p style=&quot;color: #777;&quot;&gt;No chart yet. Press &lt;b&gt;Edit chart&lt;/b&gt; and write the lyrics with chords in brackets: &lt;code&gt;[Am]Dime que [E7]sí&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;color: #777;&quot;&gt;Aún no hay cifrado. Pulsa &lt;b&gt;Editar cifrado&lt;/b&gt; y escribe la letra con los acordes entre corchetes: &lt;code&gt;[Am]Dime que [E7]sí&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SongTableModel</name>
    <message>
        <location filename="../../ui/library/SongTableModel.cpp" line="+15"/>
        <source>Rehearsed</source>
        <translation>Ensayada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gig-ready</source>
        <translation>Lista para tocar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learning</source>
        <translation>Aprendiendo</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>The audio file is missing: right-click to locate it</source>
        <translation>Falta el archivo de audio: haz clic derecho para localizarlo</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Artist</source>
        <translation>Artista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Album</source>
        <translation>Álbum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Tono</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Readiness</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rating</source>
        <translation>Valoración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plays</source>
        <translation>Tocada</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::StageProgressModel</name>
    <message>
        <location filename="../../ui/dashboard/DashboardModels.cpp" line="-24"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done %</source>
        <translation>% hecho</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::StepGrid</name>
    <message>
        <location filename="../../ui/beats/StepGrid.cpp" line="+17"/>
        <source>Step editor</source>
        <translation>Editor de pasos</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Count %1</source>
        <translation>Tiempo %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sound %1</source>
        <translation>Sonido %1</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>No program</source>
        <translation>Sin programa</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::SyncPage</name>
    <message>
        <location filename="../../ui/sync/SyncPage.cpp" line="+41"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: keep your roadmaps, machines, songs and setlists in step on several computers through a Bandmate server. Bandmate works fully offline without it; edits made offline are sent the next time.</source>
        <translation>Opcional: mantén tus hojas de ruta, máquinas, canciones y setlists al día en varios equipos a través de un servidor Bandmate. Bandmate funciona totalmente sin conexión sin él; lo editado sin conexión se envía la próxima vez.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>Corr&amp;eo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create account</source>
        <translation>Crear cuenta</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send and receive changes now (Ctrl+R)</source>
        <translation>Enviar y recibir cambios ahora (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync Now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Syncing… %p%</source>
        <translation>Sincronizando… %p%</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delete them</source>
        <translation>Eliminarlos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep them</source>
        <translation>Conservarlos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep them here and bring them back on your other computers</source>
        <translation>Conservarlos aquí y recuperarlos en tus otros equipos</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Enter the server&apos;s address, such as https://sync.example.com.</source>
        <translation>Escribe la dirección del servidor, por ejemplo https://sync.example.com.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Signed in. There is no keychain on this system, so the session lasts until Bandmate quits.</source>
        <translation>Sesión iniciada. Este sistema no tiene llavero, así que la sesión dura hasta que cierres Bandmate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as %1.</source>
        <translation>Sesión iniciada como %1.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Signed out. Your data stays on this computer.</source>
        <translation>Sesión cerrada. Tus datos se quedan en este equipo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign in on the Sync page first: fan votes and shared grooves live on your Bandmate server.</source>
        <translation>Primero inicia sesión en la página Sincronizar: las votaciones de fans y los grooves compartidos están en tu servidor Bandmate.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your Bandmate server could not be reached: %1</source>
        <translation>No se pudo contactar con tu servidor Bandmate: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync is not possible right now.</source>
        <translation>Ahora mismo no se puede sincronizar.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Waiting for another Bandmate program that is signing in to this server…</source>
        <translation>Esperando a otro programa de Bandmate que está iniciando sesión en este servidor…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The new session could not be saved in the keychain (%1). Bandmate keeps it until it quits and tries again at the next sync.</source>
        <translation>No se pudo guardar la nueva sesión en el llavero (%1). Bandmate la conserva hasta que se cierre y lo vuelve a intentar en la próxima sincronización.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Last sync %1: %2 sent, %3 received%4.</source>
        <translation>Última sincronización %1: %2 enviados, %3 recibidos%4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, 1 edit made on two computers at once (the newer one kept)</source>
        <translation>, 1 edición hecha en dos equipos a la vez (se conservó la más reciente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 edits made on two computers at once (the newer ones kept)</source>
        <translation>, %1 ediciones hechas en dos equipos a la vez (se conservaron las más recientes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A newer Bandmate on another computer wrote data this version cannot show yet; update Bandmate to see it.</source>
        <translation>Un Bandmate más reciente en otro ordenador guardó datos que esta versión aún no puede mostrar; actualiza Bandmate para verlos.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Next try at %1.</source>
        <translation>Próximo intento a las %1.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>&lt;b&gt;This sync would delete %1.&lt;/b&gt; They were deleted on another computer; nothing is deleted here until you say so. Keep them to bring them back on every computer.</source>
        <translation>&lt;b&gt;Esta sincronización eliminaría %1.&lt;/b&gt; Se eliminaron en otro equipo; aquí no se elimina nada hasta que lo digas. Consérvalos para recuperarlos en todos los equipos.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deleted 1 item, as on your other computer.</source>
        <translation>Se eliminó 1 elemento, como en tu otro equipo.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deleted %1 items, as on your other computer.</source>
        <translation>Se eliminaron %1 elementos, como en tu otro equipo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept 1 item; it comes back on your other computers at their next sync.</source>
        <translation>Se conservó 1 elemento; vuelve a tus otros equipos en su próxima sincronización.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept %1 items; they come back on your other computers at their next sync.</source>
        <translation>Se conservaron %1 elementos; vuelven a tus otros equipos en su próxima sincronización.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Syncing with %1…</source>
        <translation>Sincronizando con %1…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Sesión iniciada en %1 como %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not signed in.</source>
        <translation>Sin sesión iniciada.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TakeDialog</name>
    <message>
        <location filename="../../ui/beats/TakeDialog.cpp" line="+72"/>
        <source>Offset by step of the loop</source>
        <translation>Desfase por paso del ciclo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: missed</source>
        <translation>%1: fallado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 ms</source>
        <translation>%1: %2 ms</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Score a take</source>
        <translation>Puntuar una toma</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1, channel %2, calibrated: %3 ms (Preferences › Audio)</source>
        <translation>%1, canal %2, calibrado: %3 ms (Preferencias › Audio)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, channel %2, not calibrated: every hit will look late by your setup&apos;s delay. Calibrate latency in Preferences › Audio first.</source>
        <translation>%1, canal %2, sin calibrar: cada golpe parecerá tarde por el retardo de tu equipo. Calibra primero la latencia en Preferencias › Audio.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A WAV, FLAC, AIFF or Ogg recording, or a MIDI file</source>
        <translation>Una grabación WAV, FLAC, AIFF u Ogg, o un archivo MIDI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Recording:</source>
        <translation>&amp;Grabación:</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1 (%n hit(s) a loop)</source>
        <translation>
            <numerusform>%1 (%n golpe por ciclo)</numerusform>
            <numerusform>%1 (%n golpes por ciclo)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Part you played:</source>
        <translation>&amp;Parte que tocaste:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>every note (a keyboard, or pads for this part only)</source>
        <translation>cada nota (un teclado, o pads solo para esta parte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The notes your pads or keys send for this part, e.g. 75 or 62-64, 60. Remembered for each part.</source>
        <translation>Las notas que envían tus pads o teclas para esta parte, p. ej. 75 o 62-64, 60. Se recuerdan para cada parte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General MIDI</source>
        <translation>General MIDI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The part&apos;s notes in General MIDI (as Export MIDI writes them)</source>
        <translation>Las notas de la parte en General MIDI (como las escribe Exportar MIDI)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This part is played on keys: every note counts.</source>
        <translation>Esta parte se toca con teclas: cuenta cada nota.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;MIDI notes:</source>
        <translation>Notas MIDI que &amp;cuentan:</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+59"/>
        <location line="+5"/>
        <source> BPM</source>
        <translation> BPM</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>&amp;Tempo:</source>
        <translation>&amp;Tempo:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recording &amp;latency:</source>
        <translation>&amp;Latencia de grabación:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>±%1 ms</source>
        <translation>±%1 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;In time within:</source>
        <translation>A tiempo &amp;dentro de:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sensitivity</source>
        <translation>Sensibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Higher finds softer hits (and more of the room&apos;s noise). Remembered for each part.</source>
        <translation>Más alta encuentra golpes más suaves (y más ruido de la sala). Se recuerda para cada parte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> dB</source>
        <translation> dB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise gate</source>
        <translation>Puerta de ruido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hits quieter than this are not hits: raise it in a noisy room. Remembered for each part.</source>
        <translation>Los golpes más suaves que esto no son golpes: súbela en una sala ruidosa. Se recuerda para cada parte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>noise gate</source>
        <translation>puerta de ruido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sensiti&amp;vity:</source>
        <translation>Sensibilidad de escuc&amp;ha:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take o&amp;ff the machine&apos;s other parts heard from the speakers</source>
        <translation>&amp;Quitar las otras partes de la máquina que se oyen por los altavoces</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What you played, from the first beat on, to listen to or score again later. Only kept when you tick this.</source>
        <translation>Lo que tocaste, desde el primer tiempo, para escucharlo o puntuarlo de nuevo más tarde. Solo se guarda si marcas esto.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tempo trainer</source>
        <translation>Entrenador de tempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The tempo trainer, listening: after a take that holds the mark the next one starts by itself, faster; under the mark it plays again at the same tempo. Takes that hold the mark are kept, with their recording when Keep take also keeps the recording is ticked.</source>
        <translation>El entrenador de tempo, escuchando: tras una toma que alcanza la marca, la siguiente empieza sola y más rápida; por debajo de la marca se repite al mismo tempo. Las tomas que alcanzan la marca se guardan, con su grabación si está marcado «Guardar toma guarda también la grabación».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Share of hits in time a take needs</source>
        <translation>Parte de golpes a tiempo que necesita una toma</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>by</source>
        <translation>en</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+391"/>
        <location line="+183"/>
        <source>Scoring</source>
        <translation>Puntuando</translation>
    </message>
    <message>
        <location line="-570"/>
        <source>What the input hears: it should move with your playing, and stay short of the end</source>
        <translation>Lo que oye la entrada: debe moverse con lo que tocas y no llegar al final</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Each hit beside its step: left is early, right is late; the band is the tolerance. A ring is a hit off the part&apos;s steps, a cross a missed one.</source>
        <translation>Cada golpe junto a su paso: a la izquierda es pronto, a la derecha es tarde; la franja es la tolerancia. Un aro es un golpe fuera de los pasos de la parte; una cruz, uno fallado.</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>The trainer stopped. That take was at %1 BPM; the tempo is set to %2 BPM for the next.</source>
        <translation>El entrenador se detuvo. Esa toma fue a %1 BPM; el tempo queda en %2 BPM para la siguiente.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 % in time at %2 BPM: the mark held.</source>
        <translation>%1 % a tiempo a %2 BPM: alcanzaste la marca.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 % in time at %2 BPM, under the %3 % mark.</source>
        <translation>%1 % a tiempo a %2 BPM, por debajo de la marca del %3 %.</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Next take at %1 BPM in %n s…</source>
        <translation>
            <numerusform>Siguiente toma a %1 BPM en %n s…</numerusform>
            <numerusform>Siguiente toma a %1 BPM en %n s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Once more at %1 BPM in %n s…</source>
        <translation>
            <numerusform>Otra vez a %1 BPM en %n s…</numerusform>
            <numerusform>Otra vez a %1 BPM en %n s…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+28"/>
        <source>Pla&amp;y and record</source>
        <translation>Tocar y gra&amp;bar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Stop</source>
        <translation>Pa&amp;rar</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Listening to the take again with the new settings…</source>
        <translation>Escuchando la toma otra vez con los nuevos ajustes…</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Not calibrated: times are as recorded, late by your setup&apos;s delay.</source>
        <translation>Sin calibrar: los tiempos son los grabados, tarde por el retardo de tu equipo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The devices opened differently from when they were calibrated (%1, was %2): calibrate again in Preferences › Audio.</source>
        <translation>Los dispositivos se abrieron distinto que al calibrarlos (%1, antes %2): vuelve a calibrar en Preferencias › Audio.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Recording</source>
        <translation>Grabando</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+16"/>
        <source>Count-in at %1 BPM: listen to the clicks, then play from the one.</source>
        <translation>Entrada a %1 BPM: escucha los clics y toca desde el uno.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Stopped before a whole bar was played: nothing was scored.</source>
        <translation>Se paró antes de tocar un compás entero: no se puntuó nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The built-in sample kit is not installed here, so the machine&apos;s other parts cannot be taken off: untick that box and score again.</source>
        <translation>El kit de sonidos incluido no está instalado aquí, así que no se pueden quitar las otras partes de la máquina: desmarca esa casilla y vuelve a puntuar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not there any more.</source>
        <translation>%1 ya no está.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not score %1: %2</source>
        <translation>No se pudo puntuar %1: %2</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Keep the take?</source>
        <translation>¿Guardar la toma?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This live take is not kept, and it cannot be played again. Keep it before closing?</source>
        <translation>Esta toma en vivo no está guardada y no se puede volver a tocar. ¿Guardarla antes de cerrar?</translation>
    </message>
    <message>
        <location line="-755"/>
        <source>Each step of the part&apos;s loop, on average: up is late, down is early; the lines are the tolerance.</source>
        <translation>Cada paso del ciclo de la parte, de media: arriba es tarde, abajo es pronto; las líneas son la tolerancia.</translation>
    </message>
    <message>
        <location line="-215"/>
        <source>Play one part along with this machine, live or in a recording made from the first beat of the part&apos;s first bar, and see each hit: how early or late.</source>
        <translation>Toca una parte junto con esta máquina, en vivo o en una grabación hecha desde el primer tiempo del primer compás de la parte, y mira cada golpe: cuánto antes o después.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Play &amp;along now</source>
        <translation>Tocar &amp;ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A rec&amp;ording</source>
        <translation>Una grabac&amp;ión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take:</source>
        <translation>Toma:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None chosen: choose the input you play into in Preferences › Audio, and calibrate it there.</source>
        <translation>Ninguna elegida: elige la entrada en la que tocas en Preferencias › Audio y calíbrala allí.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Listening on:</source>
        <translation>Escuchando en:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> bars</source>
        <translation> compases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the take is, after a bar of count-in clicks</source>
        <translation>Cuánto dura la toma, tras un compás de clics de entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Len&amp;gth:</source>
        <translation>Duració&amp;n:</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>How late your setup records what you play (its round trip; Calibrate latency in Preferences › Audio measures it). Leave 0 if you do not know: every hit then looks late by the same amount.</source>
        <translation>Cuánto tarda tu equipo en grabar lo que tocas (su ida y vuelta; Calibrar la latencia en Preferencias › Audio lo mide). Deja 0 si no lo sabes: entonces cada golpe parece igual de tarde.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Keep take also keeps the recor&amp;ding (FLAC, in Music › Bandmate takes)</source>
        <translation>Guardar toma guarda ta&amp;mbién la grabación (FLAC, en Música › Bandmate takes)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Faster after each take with</source>
        <translation>Más rápido tras cada toma con</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> % in time</source>
        <translation> % a tiempo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faster by</source>
        <translation>Más rápido en</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Up to</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trai&amp;ner:</source>
        <translation>Entrenador de &amp;velocidad:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Bar.beat</source>
        <translation>Compás.tiempo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due at</source>
        <translation>Previsto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offset</source>
        <translation>Desfase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hits of the take</source>
        <translation>Golpes de la toma</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+262"/>
        <location line="+28"/>
        <source>&amp;Score</source>
        <translation>P&amp;untuar</translation>
    </message>
    <message>
        <location line="-289"/>
        <location line="+738"/>
        <source>&amp;Keep take</source>
        <translation>Guardar t&amp;oma</translation>
    </message>
    <message>
        <location line="-736"/>
        <source>Keep the score: a take with 90 % of its hits within ±30 ms counts for your roadmap</source>
        <translation>Guarda la puntuación: una toma con el 90 % de sus golpes a ±30 ms cuenta para tu hoja de ruta</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This machine has no part to play along with.</source>
        <translation>Esta máquina no tiene ninguna parte con la que tocar.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+138"/>
        <location line="+16"/>
        <location line="+41"/>
        <location line="+360"/>
        <source>The trainer stopped.</source>
        <translation>El entrenador se detuvo.</translation>
    </message>
    <message>
        <location line="-380"/>
        <source>%1 % in time at %2 BPM: you hold the trainer&apos;s target tempo. Well played.</source>
        <translation>%1 % a tiempo a %2 BPM: dominas el tempo objetivo del entrenador. ¡Bien tocado!</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1 % in time at %2 BPM: %n take(s) in a row under the mark. Take a break, or start slower.</source>
        <translation>
            <numerusform>%1 % a tiempo a %2 BPM: %n toma seguida por debajo de la marca. Descansa un poco o empieza más despacio.</numerusform>
            <numerusform>%1 % a tiempo a %2 BPM: %n tomas seguidas por debajo de la marca. Descansa un poco o empieza más despacio.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Choose a recording</source>
        <translation>Elige una grabación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recordings (*.wav *.flac *.aif *.aiff *.ogg *.mid *.midi);;All files (*)</source>
        <translation>Grabaciones (*.wav *.flac *.aif *.aiff *.ogg *.mid *.midi);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The settings changed: score the take again.</source>
        <translation>Los ajustes cambiaron: vuelve a puntuar la toma.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Choose the recording first.</source>
        <translation>Elige primero la grabación.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MIDI notes: “%1” is not a list of notes from 0 to 127 (such as 75, or 62-64, 60).</source>
        <translation>Notas MIDI: «%1» no es una lista de notas de 0 a 127 (como 75, o 62-64, 60).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Listening to the recording…</source>
        <translation>Escuchando la grabación…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the input you play into in Preferences › Audio first (and calibrate it there).</source>
        <translation>Elige primero en Preferencias › Audio la entrada en la que tocas (y calíbrala allí).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not open the audio devices: %1</source>
        <translation>No se pudieron abrir los dispositivos de audio: %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+29"/>
        <source>Could not start the take: %1</source>
        <translation>No se pudo empezar la toma: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Bar %1 of %2</source>
        <translation>Compás %1 de %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Listening to the take…</source>
        <translation>Escuchando la toma…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The take could not be scored: %1</source>
        <translation>No se pudo puntuar la toma: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no hit found on the part&apos;s grid</source>
        <translation>ningún golpe en la rejilla de la parte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you rush by %1 ms</source>
        <translation>te adelantas %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>you drag by %1 ms</source>
        <translation>te atrasas %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>right on the beat on average</source>
        <translation>justo a tiempo de media</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 % of %2 hits within ±%3 ms — %4. %5 missed, %6 extra.</source>
        <translation>%1 % de %2 golpes a ±%3 ms — %4. %5 fallados, %6 de más.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 % of %2 hits within ±%3 ms — %4 (spread %5 ms). %6 missed, %7 extra.</source>
        <translation>%1 % de %2 golpes a ±%3 ms — %4 (dispersión %5 ms). %6 fallados, %7 de más.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>on time</source>
        <translation>a tiempo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms early</source>
        <translation>%1 ms antes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms late</source>
        <translation>%1 ms tarde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missed</source>
        <translation>fallado</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The machine from the speakers was heard %1 ms late and taken off.</source>
        <translation>La máquina se oyó por los altavoces %1 ms tarde y se quitó.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No recording latency given: times are as recorded.</source>
        <translation>Sin latencia de grabación: los tiempos son los grabados.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The take was kept with its first score.</source>
        <translation>La toma se guardó con su primera puntuación.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The audio dropped out %n time(s) during the take: a dropout can read as a hit.</source>
        <translation>
            <numerusform>El audio se cortó %n vez durante la toma: un corte puede parecer un golpe.</numerusform>
            <numerusform>El audio se cortó %n veces durante la toma: un corte puede parecer un golpe.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The recording is in %1.</source>
        <translation>La grabación está en %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recording could not be kept: %1</source>
        <translation>No se pudo guardar la grabación: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not keep the take: %1</source>
        <translation>No se pudo guardar la toma: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept. A clean take at %1 BPM: it counts for your roadmap.</source>
        <translation>Guardada. Una toma limpia a %1 BPM: cuenta para tu hoja de ruta.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept. Takes with 90 % of their hits within ±30 ms also count for your roadmap.</source>
        <translation>Guardada. Las tomas con el 90 % de sus golpes a ±30 ms también cuentan para tu hoja de ruta.</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TodayModel</name>
    <message>
        <location filename="../../ui/dashboard/DashboardModels.cpp" line="+39"/>
        <source>overdue since %1</source>
        <translation>vencido desde el %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due today</source>
        <translation>vence hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>☐ %1 — %2</source>
        <translation>☐ %1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TodoDialog</name>
    <message>
        <location filename="../../ui/roadmap/TodoPanel.cpp" line="+33"/>
        <source>To-do</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>Vence el</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due:</source>
        <translation>Vence:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One item per line; start a line with [x] when it is done</source>
        <translation>Un punto por línea; empieza una línea con [x] cuando esté hecho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Checklist:</source>
        <translation>&amp;Lista:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;ags:</source>
        <translation>Eti&amp;quetas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing</source>
        <translation>Nada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Machine: %1</source>
        <translation>Máquina: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Linked to:</source>
        <translation>&amp;Enlazado a:</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::TodoPanel</name>
    <message>
        <location line="+47"/>
        <source>Add a to-do and press Enter…</source>
        <translation>Añade un pendiente y pulsa Intro…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>tags</source>
        <translation>etiquetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>To-dos</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>  — overdue, was due %1</source>
        <translation>  — vencido, vencía el %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  — due %1</source>
        <translation>  — vence el %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>  [%1/%2]</source>
        <translation>  [%1/%2]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Double-click to edit; Delete removes it</source>
        <translation>Doble clic para editar; Supr lo elimina</translation>
    </message>
</context>
<context>
    <name>bandmate::ui::WelcomeWizard</name>
    <message>
        <location filename="../../ui/shell/WelcomeWizard.cpp" line="+39"/>
        <source>Welcome to Bandmate</source>
        <translation>Bienvenido a Bandmate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start using Bandmate</source>
        <translation>Empezar a usar Bandmate</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate keeps your career plan, your grooves, your songs and your shows in one place, on this computer. Four quick questions, each one optional.</source>
        <translation>Bandmate guarda tu plan de carrera, tus ritmos, tus canciones y tus conciertos en un solo lugar, en este equipo. Cuatro preguntas rápidas, todas opcionales.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What name do you perform under?</source>
        <translation>¿Con qué nombre actúas?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your artist or band name</source>
        <translation>Tu nombre artístico o el de tu banda</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your path</source>
        <translation>Tu camino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A roadmap breaks a music career into stages and tasks, and tracks your progress. You can start or change one any time on the Roadmap page.</source>
        <translation>Una hoja de ruta divide una carrera musical en etapas y tareas, y sigue tu progreso. Puedes empezar o cambiar una en cualquier momento en la página Hoja de ruta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None for now</source>
        <translation>Ninguna por ahora</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Your music</source>
        <translation>Tu música</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandmate can watch a folder of audio files and read their tags into your library. Your files stay where they are and are never changed.</source>
        <translation>Bandmate puede vigilar una carpeta de archivos de audio y leer sus etiquetas en tu biblioteca. Tus archivos se quedan donde están y nunca se modifican.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No folder (you can add one later in the Library)</source>
        <translation>Ninguna carpeta (puedes añadir una más tarde en la Biblioteca)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use %1</source>
        <translation>Usar %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Music folder</source>
        <translation>Carpeta de música</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Beat Machine plays through this output. Play the test sound to hear it and to see the delay it adds.</source>
        <translation>La Máquina de ritmos suena por esta salida. Reproduce el sonido de prueba para oírlo y ver el retardo que añade.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Your name was not saved: %1</source>
        <translation>Tu nombre no se guardó: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The roadmap did not start: %1</source>
        <translation>La hoja de ruta no empezó: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The folder %1 does not exist.</source>
        <translation>La carpeta %1 no existe.</translation>
    </message>
</context>
</TS>
