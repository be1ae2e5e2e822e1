# Windows: sets up whatever is missing, then opens Judo Manager (scripts/run-app's twin).
# Arguments go to `judo-manager`.   PowerShell:  scripts\run-app.ps1 --data-dir $HOME\judo-test
$ErrorActionPreference = "Stop"
. "$PSScriptRoot\setup.ps1"
Setup-All "app"
& "$Venv\Scripts\judo-manager.exe" @args
exit $LASTEXITCODE
