#!/usr/bin/env bash
# Builds the app's class-data archive (AppCDS) beside its jar, in LIB/app/groundtruth.jsa, with the runtime in
# LIB/runtime, by running one command that loads the common classes (init of a scratch investigation: picocli,
# SQLite, migrations, Jackson). The archive is valid only for the jar at this path.
set -euo pipefail
lib="${1:?usage: cds-archive.sh APP_IMAGE_LIB_DIR}"
training=$(mktemp -d)
rm -f "$lib/app/groundtruth.jsa"
"$lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$lib/app/groundtruth.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -cp "$lib/app/groundtruth.jar" org.groundtruth.Launcher --workspace "$training/ws" init > /dev/null
rm -rf "$training"
