# Windows: builds target\installer\Groundtruth-<version>.msi with a jlinked runtime (JDK 17 + WiX 3 on PATH):
#   mvn -B -Pinstaller -DskipTests package
# Keep only the Windows FFmpeg natives in the jar: build with -Dnative.platform=windows-x86_64.
param([Parameter(Mandatory = $true)][string]$Version)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$Version = $Version.Split("-")[0]
Remove-Item -Recurse -Force target\jpackage, target\installer -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force target\jpackage\input, target\installer | Out-Null
Copy-Item target\groundtruth.jar target\jpackage\input\
Copy-Item -Recurse maps target\jpackage\input\maps
$modules = (Get-Content packaging\modules.txt -Raw).Trim()
jlink --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress=2 --output target\jpackage\runtime
jpackage --type msi --dest target\installer --name Groundtruth --app-version $Version --vendor Groundtruth `
  --input target\jpackage\input --main-jar groundtruth.jar --main-class org.groundtruth.Launcher `
  --runtime-image target\jpackage\runtime --icon icons\groundtruth.ico `
  --win-menu --win-menu-group Groundtruth --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid 6f1f3c0e-6a0b-4c55-9a8e-3d1f0c2b7a41 `
  --add-launcher groundtruth=packaging\windows\cli-launcher.properties `
  --java-options "-Dfile.encoding=UTF-8" --license-file LICENSE
