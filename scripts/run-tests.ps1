# Windows: sets up whatever is missing, then runs the linters and the tests (scripts/run-tests'
# twin). Arguments go to pytest, e.g.  scripts\run-tests.ps1 tests\unit -q
$ErrorActionPreference = "Stop"
. "$PSScriptRoot\setup.ps1"
Setup-All "test"
Set-Location $Root
& "$Venv\Scripts\ruff.exe" check; if ($LASTEXITCODE) { exit $LASTEXITCODE }
& "$Venv\Scripts\ruff.exe" format --check; if ($LASTEXITCODE) { exit $LASTEXITCODE }
Push-Location frontend; npm run --silent lint; $lint = $LASTEXITCODE; Pop-Location
if ($lint) { exit $lint }
& "$Venv\Scripts\pytest.exe" @args
exit $LASTEXITCODE
