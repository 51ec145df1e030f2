; Inno Setup 6 script: the Windows installer of the exhibition kiosk.
;
; Build on Windows (Python 3.11 and Inno Setup 6 installed):
;   .venv\Scripts\python packaging\build.py          -> dist\tiexi-kiosk\ and build\version.iss
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\tiexi-kiosk.iss
;                                                    -> dist\tiexi-kiosk-<version>-windows-x64-setup.exe
; Install: run the setup as an administrator; silently: setup.exe /VERYSILENT /KIOSKUSER=kiosk
; (/KIOSKUSER limits the log-on task to that account; without it, any user who logs on starts it).
;
; Where things go:
;   C:\Program Files\TiexiKiosk\            the program (kiosk.exe for commands, kioskw.exe without a
;                                           console for the log-on task), the fonts (media\fonts), and
;                                           content.shipped\ (the content this version came with)
;   C:\ProgramData\TiexiKiosk\content\      the exhibition curators edit (shortcut in the Start menu)
;   C:\ProgramData\TiexiKiosk\media\        its images and maps
;   C:\ProgramData\TiexiKiosk\config\       settings.yaml of this PC (content_dir, media_dir, PIN ...)
;   C:\ProgramData\TiexiKiosk\logs\         kiosk.log, supervise.log
; The kiosk finds content\ and media\ through settings.yaml: on a first install, setup runs
; `kiosk config set content_dir ...` and `... media_dir ...` (an upgrade keeps what is set, so a
; technician who moved the content elsewhere keeps that). Nothing under ProgramData is ever
; overwritten by an upgrade (onlyifdoesntexist) or removed by uninstalling (uninsneveruninstall).

#define AppName "Tiexi Exhibition Kiosk"
#define AppId "FE94CF3B-DFE9-4D71-8A17-84CE8A9FD1AE"
#define TaskName "TiexiKiosk"
#define Dist "..\..\dist\tiexi-kiosk"
#define DataDir "{commonappdata}\TiexiKiosk"
; build\version.iss is written by packaging\build.py: AppVersion and AppCommit of the build in dist\.
#include "..\..\build\version.iss"

[Setup]
AppId={{{#AppId}}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion} ({#AppCommit})
AppPublisher=Tiexi exhibition hall
DefaultDirName={autopf}\TiexiKiosk
DisableDirPage=yes
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
DefaultGroupName=Tiexi Kiosk
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=tiexi-kiosk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\kiosk.exe
UninstallDisplayName={#AppName}
CloseApplications=force
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Put a shortcut to the exhibition content folder on the public desktop"; Flags: unchecked

[Dirs]
; The kiosk's accounts write logs and settings (users-modify); curators edit content and media
; without administrator rights. None of these is removed by uninstalling.
Name: "{#DataDir}"; Flags: uninsneveruninstall
Name: "{#DataDir}\content"; Permissions: users-modify; Flags: uninsneveruninstall
Name: "{#DataDir}\media"; Permissions: users-modify; Flags: uninsneveruninstall
Name: "{#DataDir}\config"; Permissions: users-modify; Flags: uninsneveruninstall
Name: "{#DataDir}\logs"; Permissions: users-modify; Flags: uninsneveruninstall

[Files]
; The program: replaced on every upgrade.
Source: "{#Dist}\kiosk.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Dist}\kioskw.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Dist}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Dist}\INSTALL.md"; DestDir: "{app}"; Flags: ignoreversion
; The fonts are part of the program (kiosk\paths.py looks for them beside the executable).
Source: "{#Dist}\media\fonts\*"; DestDir: "{app}\media\fonts"; Flags: ignoreversion recursesubdirs createallsubdirs
; The content this version came with, for reference and for starting over.
Source: "{#Dist}\content\*"; DestDir: "{app}\content.shipped"; Flags: ignoreversion recursesubdirs createallsubdirs
; The curators' copy: written only where no file exists yet, never removed.
Source: "{#Dist}\content\*"; DestDir: "{#DataDir}\content"; Flags: onlyifdoesntexist uninsneveruninstall recursesubdirs createallsubdirs
Source: "{#Dist}\media\*"; Excludes: "\fonts,\fonts\*"; DestDir: "{#DataDir}\media"; Flags: onlyifdoesntexist uninsneveruninstall recursesubdirs createallsubdirs
; The log-on task; WriteTaskXml fills in this PC's paths before [Run] registers it.
Source: "tiexi-kiosk-task.xml"; DestDir: "{app}"; Flags: ignoreversion; AfterInstall: WriteTaskXml

[Icons]
Name: "{group}\Exhibition content (edit here)"; Filename: "{#DataDir}\content"
Name: "{group}\Exhibition media"; Filename: "{#DataDir}\media"
Name: "{group}\Check the content"; Filename: "{sys}\cmd.exe"; Parameters: "/k """"{app}\kiosk.exe"" validate ""{#DataDir}\content"" --media ""{#DataDir}\media"""""; WorkingDir: "{#DataDir}"
Name: "{group}\Kiosk logs"; Filename: "{#DataDir}\logs"
Name: "{group}\Kiosk preview (window)"; Filename: "{app}\kioskw.exe"; Parameters: "run --windowed --size 1920x1080"
Name: "{group}\Set the admin PIN"; Filename: "{app}\kiosk.exe"; Parameters: "config set-pin"
Name: "{group}\Installer's guide"; Filename: "{win}\notepad.exe"; Parameters: """{app}\INSTALL.md"""
Name: "{commondesktop}\Exhibition content"; Filename: "{#DataDir}\content"; Tasks: desktopicon

[Run]
; First install only: point the kiosk at the ProgramData folders (kept as set on upgrades).
Filename: "{app}\kiosk.exe"; Parameters: "config set content_dir ""{#DataDir}\content"""; Flags: runhidden waituntilterminated; StatusMsg: "Pointing the kiosk at its content..."; Check: IsFreshInstall
Filename: "{app}\kiosk.exe"; Parameters: "config set media_dir ""{#DataDir}\media"""; Flags: runhidden waituntilterminated; Check: IsFreshInstall
; Register (or replace) the log-on task.
Filename: "{sys}\schtasks.exe"; Parameters: "/Create /TN ""{#TaskName}"" /XML ""{app}\tiexi-kiosk-task.xml"" /F"; Flags: runhidden waituntilterminated; StatusMsg: "Registering the log-on task..."
Filename: "{app}\kiosk.exe"; Parameters: "config set-pin"; Description: "Set the admin PIN now (without a PIN the admin panel cannot be opened)"; Flags: postinstall skipifsilent waituntilterminated
Filename: "{app}\kioskw.exe"; Parameters: "run --windowed --size 1920x1080"; Description: "Open a preview window"; Flags: postinstall skipifsilent nowait unchecked runasoriginaluser

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/End /TN ""{#TaskName}"""; Flags: runhidden waituntilterminated; RunOnceId: "EndTask"
Filename: "{sys}\taskkill.exe"; Parameters: "/F /T /IM kioskw.exe"; Flags: runhidden waituntilterminated; RunOnceId: "StopKiosk"
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /TN ""{#TaskName}"" /F"; Flags: runhidden waituntilterminated; RunOnceId: "DeleteTask"

[Code]
var
  WasInstalled: Boolean;

function InitializeSetup(): Boolean;
begin
  // Read before anything is installed: by the time [Run] checks, this install has written the key.
  WasInstalled := RegKeyExists(HKLM64, 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{{#AppId}}_is1');
  Result := True;
end;

function IsFreshInstall(): Boolean;
begin
  Result := not WasInstalled;
end;

function PrepareToInstall(var NeedsRestart: Boolean): String;
var
  Code: Integer;
begin
  // An upgrade replaces files the running kiosk holds open: stop it first. It comes back at the
  // next log-on (or start it from the task in Task Scheduler).
  Exec(ExpandConstant('{sys}\schtasks.exe'), '/End /TN "{#TaskName}"', '', SW_HIDE, ewWaitUntilTerminated, Code);
  Exec(ExpandConstant('{sys}\taskkill.exe'), '/F /T /IM kioskw.exe', '', SW_HIDE, ewWaitUntilTerminated, Code);
  Exec(ExpandConstant('{sys}\taskkill.exe'), '/F /T /IM kiosk.exe', '', SW_HIDE, ewWaitUntilTerminated, Code);
  Result := '';
end;

function XmlText(S: String): String;
begin
  Result := S;
  StringChangeEx(Result, '&', '&amp;', True);
  StringChangeEx(Result, '<', '&lt;', True);
  StringChangeEx(Result, '>', '&gt;', True);
  StringChangeEx(Result, '"', '&quot;', True);
end;

procedure WriteTaskXml();
var
  Path, Text, User: String;
  Raw: AnsiString;
  Lines: TArrayOfString;
begin
  Path := ExpandConstant('{app}\tiexi-kiosk-task.xml');
  if not LoadStringFromFile(Path, Raw) then
    RaiseException('Cannot read ' + Path);
  Text := String(Raw);
  User := Trim(ExpandConstant('{param:KIOSKUSER|}'));
  if User <> '' then
    StringChangeEx(Text, '@KIOSK_USER@', '<UserId>' + XmlText(User) + '</UserId>', True)
  else
    StringChangeEx(Text, '@KIOSK_USER@', '', True);
  StringChangeEx(Text, '@KIOSKW_EXE@', XmlText(ExpandConstant('{app}\kioskw.exe')), True);
  StringChangeEx(Text, '@APP_DIR@', XmlText(ExpandConstant('{app}')), True);
  SetArrayLength(Lines, 1);
  Lines[0] := Text;
  if not SaveStringsToUTF8File(Path, Lines, False) then
    RaiseException('Cannot write ' + Path);
end;
