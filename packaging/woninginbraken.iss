; Inno Setup script: a per-user install that needs no administrator rights.
;
; Build the bundle first (packaging\build.ps1), then compile this script with Inno Setup 6:
;   iscc /DAppVersion=0.1.0 packaging\woninginbraken.iss
; The installer goes to dist\installer\. Sign the bundle's .exe and .dll files before compiling
; and the installer afterwards (docs/installatie-it.md). For a central install in Program Files
; IT runs the installer elevated with /ALLUSERS, or copies dist\woninginbraken\ itself.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B4E0B53-8C7E-4F44-9A3C-2F0E8D5B7A61}
AppName=Aanpak Woninginbraken
AppVersion={#AppVersion}
AppPublisher=RSIV
AppVerName=Aanpak Woninginbraken {#AppVersion}
; Per user: {autopf} is %LOCALAPPDATA%\Programs for a non-elevated install, Program Files when
; an administrator installs for all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\Aanpak Woninginbraken
DefaultGroupName=Aanpak Woninginbraken
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..
OutputDir=dist\installer
OutputBaseFilename=woninginbraken-{#AppVersion}-setup
SetupIconFile=resources\icons\woninginbraken.ico
UninstallDisplayIcon={app}\woninginbraken.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The program keeps its data in %LOCALAPPDATA%\RSIV\woninginbraken; an uninstall leaves it.
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\woninginbraken\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Aanpak Woninginbraken"; Filename: "{app}\woninginbraken.exe"
Name: "{autodesktop}\Aanpak Woninginbraken"; Filename: "{app}\woninginbraken.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\woninginbraken.exe"; Description: "{cm:LaunchProgram,Aanpak Woninginbraken}"; Flags: nowait postinstall skipifsilent
