; Inno Setup definition: installs dist\judo-manager\ for the current user, with Start menu
; and desktop shortcuts to the windowed "Judo Manager.exe", and installs Microsoft's WebView2
; runtime first when it is missing (Windows 10 before 2021 may lack it).
;
; Build (the workflow does): download Microsoft's "Evergreen Bootstrapper" to
; build\windows\MicrosoftEdgeWebview2Setup.exe, then
;   iscc build\windows\judo-manager.iss        -> dist\JudoManagerSetup-0.1.0.exe
; Not built or run on the machine this was written on.

#define AppVersion "0.1.0"

[Setup]
AppId={{6C1B7B0E-6E0A-4C0F-9C77-4E5D2B9F1A13}
AppName=Judo Manager
AppVersion={#AppVersion}
AppPublisher=Judo Manager
DefaultDirName={localappdata}\Programs\Judo Manager
DefaultGroupName=Judo Manager
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=JudoManagerSetup-{#AppVersion}
SetupIconFile=..\icons\judo-manager.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\..\dist\judo-manager\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
Source: "MicrosoftEdgeWebview2Setup.exe"; DestDir: "{tmp}"; Flags: deleteafterinstall; Check: NeedsWebView2

[Icons]
Name: "{group}\Judo Manager"; Filename: "{app}\Judo Manager.exe"
Name: "{userdesktop}\Judo Manager"; Filename: "{app}\Judo Manager.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"

[Run]
Filename: "{tmp}\MicrosoftEdgeWebview2Setup.exe"; Parameters: "/silent /install"; StatusMsg: "Installing Microsoft Edge WebView2..."; Check: NeedsWebView2
Filename: "{app}\Judo Manager.exe"; Description: "Start Judo Manager"; Flags: nowait postinstall skipifsilent

[Code]
{ WebView2 is installed when its client key has a version ("pv") other than 0.0.0.0,
  per machine (32- or 64-bit view) or per user: Microsoft's documented check. }
function HasWebView2(Root: Integer; Key: String): Boolean;
var
  Version: String;
begin
  Result := RegQueryStringValue(Root, Key, 'pv', Version) and (Version <> '') and (Version <> '0.0.0.0');
end;

function NeedsWebView2(): Boolean;
var
  Key: String;
begin
  Key := 'SOFTWARE\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}';
  Result := not (HasWebView2(HKLM, 'SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}')
    or HasWebView2(HKLM, Key) or HasWebView2(HKCU, Key));
end;
