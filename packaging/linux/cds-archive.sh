#!/usr/bin/env bash
# Builds the app's class-data archive (AppCDS) beside its jar, in LIB/app/groundtruth.jsa, with the runtime in
# LIB/runtime, by running one command that loads the common classes. With a display (a desktop, or the build run
# under xvfb-run) that is a window start: the demo investigation opened and the map drawn, then exit
# (-Dgroundtruth.startupProbe=exit), so the archive covers JavaFX and the views too (docs/decisions/1370);
# without one, init of a scratch investigation (picocli, SQLite, migrations, Jackson). The archive is valid only
# for the jar at this path.
set -euo pipefail
lib="${1:?usage: cds-archive.sh APP_IMAGE_LIB_DIR}"
training=$(mktemp -d)
rm -f "$lib/app/groundtruth.jsa"
archive=(-XX:ArchiveClassesAtExit="$lib/app/groundtruth.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
if [[ -n "${DISPLAY:-}" ]] && XDG_CONFIG_HOME="$training/config" XDG_DATA_HOME="$training/data" \
        "$lib/runtime/bin/java" "${archive[@]}" -Dfile.encoding=UTF-8 -Dgroundtruth.startupProbe=exit \
        -cp "$lib/app/groundtruth.jar" org.groundtruth.Launcher > /dev/null 2>&1; then
    : # trained on the window
else
    rm -f "$lib/app/groundtruth.jsa"
    "$lib/runtime/bin/java" "${archive[@]}" -cp "$lib/app/groundtruth.jar" org.groundtruth.Launcher \
        --workspace "$training/ws" init > /dev/null
fi
rm -rf "$training"
