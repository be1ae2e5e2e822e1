# Dot-sourced by run-app.ps1 and run-tests.ps1: setup.sh's work on Windows. Creates .venv\
# (Scripts\, not bin\), installs the Python and npm packages and builds the screens, each only
# when missing or out of date. Windows needs no system libraries: WebView2 comes with Windows
# 11 and current Windows 10 (the installer adds it where it is missing).
$Root = Split-Path -Parent $PSScriptRoot
$Venv = Join-Path $Root ".venv"

function Stamp-Differs($Stamp, $Print) {
  return -not ((Test-Path $Stamp) -and ((Get-Content $Stamp -Raw).Trim() -eq $Print))
}

function Setup-All($Purpose) {
  if (-not (Get-Command py -ErrorAction SilentlyContinue) -and -not (Get-Command python -ErrorAction SilentlyContinue)) {
    throw "Python 3.11+ is needed: https://www.python.org/downloads/windows/"
  }
  if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { throw "Node.js 20.19+ with npm is needed." }
  if (-not (Test-Path "$Venv\Scripts\python.exe")) {
    Write-Host "==> Creating the virtual environment in .venv\"
    if (Get-Command py -ErrorAction SilentlyContinue) { py -3 -m venv $Venv } else { python -m venv $Venv }
  }
  $print = (Get-FileHash "$Root\pyproject.toml").Hash.Substring(0, 16) + "-" + $Purpose
  if (Stamp-Differs "$Venv\.setup-stamp" $print) {
    Write-Host "==> Installing Python packages"
    & "$Venv\Scripts\python.exe" -m pip install -q --upgrade pip
    $target = if ($Purpose -eq "test") { "$Root[dev]" } elseif ($Purpose -eq "bundle") { "$Root[dev,bundle]" } else { $Root }
    & "$Venv\Scripts\python.exe" -m pip install -q -e $target
    if ($LASTEXITCODE) { throw "pip install failed" }
    Set-Content "$Venv\.setup-stamp" $print
  }
  $lock = (Get-FileHash "$Root\frontend\package-lock.json").Hash.Substring(0, 16)
  if (Stamp-Differs "$Root\frontend\node_modules\.setup-stamp" $lock) {
    Write-Host "==> Installing npm packages"
    Push-Location "$Root\frontend"; npm ci --no-audit --no-fund --loglevel=error; Pop-Location
    Set-Content "$Root\frontend\node_modules\.setup-stamp" $lock
  }
  if (-not (Test-Path "$Root\backend\judo_manager\web\index.html")) {
    Write-Host "==> Building the screens (Vite)"
    Push-Location "$Root\frontend"; npm run --silent build; Pop-Location
  }
}
