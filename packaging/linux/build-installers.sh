#!/usr/bin/env bash
# Builds target/installer/Groundtruth (app image) and target/installer/groundtruth_<version>_amd64.deb from
# target/groundtruth.jar with a jlinked runtime, so the installed app needs no JDK. Run through Maven:
#   mvn -B -Pinstaller -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:?usage: build-installers.sh VERSION}"
version="${version%%-*}"                       # jpackage wants digits only: 0.1.0-SNAPSHOT -> 0.1.0
out=target/installer
rm -rf target/jpackage "$out"
mkdir -p target/jpackage/input "$out"
cp target/groundtruth.jar target/jpackage/input/
cp -r maps target/jpackage/input/maps          # the offline basemap and gazetteer, beside the jar

# --generate-cds-archive: the runtime gets its own class-data archive for the JDK's classes (without it, a
# jlinked runtime starts slower than the JDK it came from); the app's archive is built below and on install.
jlink --add-modules "$(tr -d '\n' < packaging/modules.txt)" --strip-debug --no-header-files --no-man-pages \
      --compress=2 --generate-cds-archive --output target/jpackage/runtime

common=(--name Groundtruth --app-version "$version" --vendor "Groundtruth"
        --description "OSINT geolocation and verification workbench"
        --input target/jpackage/input --main-jar groundtruth.jar --main-class org.groundtruth.Launcher
        --runtime-image target/jpackage/runtime --icon icons/groundtruth-256.png
        --java-options "-Dfile.encoding=UTF-8"
        # AppCDS (docs/decisions/1301): the app's classes from an archive made where the app is installed;
        # when it is missing or stale the JVM starts without it, and says nothing (stdout carries --json).
        --java-options "-XX:SharedArchiveFile=\$APPDIR/groundtruth.jsa"
        --java-options "-Xlog:cds=off" --java-options "-Xlog:cds+dynamic=off"
        --add-launcher groundtruth=packaging/linux/cli-launcher.properties)

jpackage --type app-image --dest "$out" "${common[@]}"
# The app image's own class-data archive, valid where it stands (an archive names its jar by path).
bash packaging/linux/cds-archive.sh "$(pwd)/$out/Groundtruth/lib"
# Smoke test with the jlinked runtime: a module missing from packaging/modules.txt shows only when a class
# from it is loaded (Batik's org.w3c.dom.css, in jdk.xml.dom, failed the report this way). Exercise the
# command line end to end: demo, export (report, PDF, maps, frames), verify.
smoke=$(mktemp -d)
"$out"/Groundtruth/bin/groundtruth --workspace "$smoke/ws" demo > /dev/null
"$out"/Groundtruth/bin/groundtruth --workspace "$smoke/ws" export --out "$smoke/case.zip" > /dev/null
"$out"/Groundtruth/bin/groundtruth verify "$smoke/case.zip"
rm -rf "$smoke"

jpackage --type deb --dest "$out" "${common[@]}" --linux-package-name groundtruth --linux-app-category science \
         --linux-menu-group "Science;Geography" --linux-shortcut --resource-dir packaging/linux/resources \
         --linux-package-deps "libgtk-3-0, tesseract-ocr-ukr, tesseract-ocr-eng" --license-file LICENSE

echo "Built:"; du -sh "$out"/Groundtruth "$out"/*.deb
