# Build the one-folder program dist\woninginbraken\ on Windows: `powershell -File packaging\build.ps1`.
#
# Works from a clean clone: makes its own virtual environment in build\venv, installs the
# pinned dependencies from packaging/requirements.lock, and runs PyInstaller on the same spec as Linux.
# -Python chooses the interpreter (default: the py launcher's Python 3.11).
param([string]$Python = "py -3.11")

$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$venv = "build\venv"

function Invoke-Checked([string]$Executable, [string[]]$Arguments) {
    & $Executable @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Executable $Arguments faalde (code $LASTEXITCODE)" }
}

if (-not (Test-Path "$venv\Scripts\python.exe")) {
    Write-Host "Bouwomgeving maken in $venv"
    $launcher, $launcherArguments = $Python -split " "
    Invoke-Checked $launcher ($launcherArguments + @("-m", "venv", $venv))
}
Write-Host "Vastgepinde afhankelijkheden installeren (packaging/requirements.lock)"
Invoke-Checked "$venv\Scripts\python.exe" @("-m", "pip", "install", "--quiet",
    "--disable-pip-version-check", "--constraint", "packaging/requirements.lock", ".[build,postgres]")

Write-Host "PyInstaller draaien"
if (Test-Path "dist\woninginbraken") { Remove-Item -Recurse -Force "dist\woninginbraken" }
Invoke-Checked "$venv\Scripts\python.exe" @("-m", "PyInstaller", "--noconfirm", "--clean",
    "--log-level", "WARN", "--distpath", "dist", "--workpath", "build\pyinstaller",
    "packaging\woninginbraken.spec")

$bytes = (Get-ChildItem -Recurse -File "dist\woninginbraken" | Measure-Object -Sum Length).Sum
Write-Host ("Klaar: dist\woninginbraken ({0:N0} MB)" -f ($bytes / 1MB))
