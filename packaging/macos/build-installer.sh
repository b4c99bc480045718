#!/usr/bin/env bash
# macOS: builds target/installer/Groundtruth-<version>.dmg with a jlinked runtime (run on a Mac with JDK 17):
#   mvn -B -Pinstaller -DskipTests package
# Keep only the macOS FFmpeg natives in the jar: build with -Dnative.platform=macosx-arm64 (or macosx-x86_64).
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:?usage: build-installer.sh VERSION}"; version="${version%%-*}"
out=target/installer
rm -rf target/jpackage "$out"; mkdir -p target/jpackage/input "$out"
cp target/groundtruth.jar target/jpackage/input/; cp -r maps target/jpackage/input/maps
jlink --add-modules "$(tr -d '\n' < packaging/modules.txt)" --strip-debug --no-header-files --no-man-pages \
      --compress=2 --output target/jpackage/runtime
jpackage --type dmg --dest "$out" --name Groundtruth --app-version "$version" --vendor Groundtruth \
         --input target/jpackage/input --main-jar groundtruth.jar --main-class org.groundtruth.Launcher \
         --runtime-image target/jpackage/runtime --icon icons/groundtruth.icns \
         --mac-package-identifier org.groundtruth.workbench --mac-package-name Groundtruth \
         --java-options "-Dfile.encoding=UTF-8" --license-file LICENSE
