; Inno Setup script of the fieldact installer: packs the PyInstaller bundle dist\fieldact\ (installer/fieldact.spec):
; fieldact.exe (the app, windowed) and fieldact-cli.exe (the same program with a console, for support).
;
; Built by `python installer/build.py` on Windows, which passes the version, absolute paths and, when a
; certificate is configured, the signing tool:
;   ISCC /DAppVersion=0.1.0 /DFileVersion=0.1.0.0 /DBundleDir=...\dist\fieldact /O...\dist\installer
;        [/Sfieldactsign="signtool.exe sign ... $f" /DSignWith=fieldactsign] fieldact.iss
; Compiled by hand from this folder, the defaults below find the bundle at ..\dist\fieldact.
;
; Two setup types. "Technician's tablet": the app, and optionally the kiosk lock for a named kiosk account
; (kiosk.ps1: Shell Launcher v2 or a log-on task for that account only, the policies, the data folder's ACL).
; "Office PC": the app with the `fieldact office` shortcut. The database is per machine, in
; %ProgramData%\fieldact; uninstalling keeps it unless the box offered by the uninstaller is ticked.
;
; Needs Inno Setup 6.3 or newer (x64compatible, this file is UTF-8 without a BOM); 6.6 changed CreateCustomForm.

#if Ver < EncodeVer(6, 3, 0)
  #error fieldact.iss needs Inno Setup 6.3 or newer (x64compatible, UTF-8 without BOM): install a current Inno Setup 6
#endif

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef FileVersion
  #define FileVersion "0.1.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\fieldact"
#endif
#define AppName "fieldact"
#define AppExe "fieldact.exe"
#define CliExe "fieldact-cli.exe"
; The AppId ties upgrades and the uninstaller to one product: never change it.
#define AppGuid "C4054C8B-5CBA-4BA3-B54E-E10BDE410FFD"
; Created by the running app (fieldact.ui.instance.APP_MUTEXES).
#define AppMutexes "fieldact-app,Global\fieldact-app"

[Setup]
AppId={{{#AppGuid}}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 1809 (build 17763) and newer.
MinVersion=10.0.17763
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=fieldact.ico
OutputDir=..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running app is asked to close first (InitializeSetup: `fieldact-cli close`), and Restart Manager closes what
; is left (the app accepts the session-end request); Setup starts it again afterwards ([Run], WasRunning).
AppMutex={#AppMutexes}
CloseApplications=yes
RestartApplications=no
#ifdef SignWith
SignTool={#SignWith}
SignedUninstaller=yes
#endif
ShowLanguageDialog=auto

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ru.TypeTablet=Планшет техника
en.TypeTablet=Technician's tablet
ru.TypeOffice=Компьютер офиса
en.TypeOffice=Office PC
ru.AppComponent=Программа fieldact
en.AppComponent=The fieldact program
ru.KioskComponent=Режим киоска для учётной записи техника
en.KioskComponent=Kiosk mode for the technician's account
ru.OfficeComponent=Ярлык «fieldact office» (окно офиса)
en.OfficeComponent=The "fieldact office" shortcut (the office window)
ru.OfficeShortcut=fieldact office
en.OfficeShortcut=fieldact office
ru.KioskPageCaption=Учётная запись киоска
en.KioskPageCaption=Kiosk account
ru.KioskPageDescription=Под какой учётной записью Windows техник работает на планшете?
en.KioskPageDescription=Which Windows account does the technician use on this tablet?
ru.KioskPageNote=fieldact будет запускаться только для этой учётной записи и вместо рабочего стола (Shell Launcher), с отключёнными жестами от краёв, диспетчером задач и клавишей Windows. Учётная запись должна существовать и не быть администратором.
en.KioskPageNote=fieldact starts for this account only, in place of the desktop (Shell Launcher), with edge swipes, Task Manager and the Windows key turned off. The account must exist and must not be an administrator.
ru.KioskAccountLabel=Имя учётной записи:
en.KioskAccountLabel=Account name:
ru.KioskAccountMissing=Укажите имя учётной записи техника.
en.KioskAccountMissing=Enter the technician's account name.
ru.KioskFailed=Настройка киоска не выполнена (код %1). Подробности в журнале %2. Программа установлена; повторите настройку: powershell -ExecutionPolicy Bypass -File "%3" -Account %4
en.KioskFailed=The kiosk configuration failed (code %1). Details are in the log %2. The program is installed; run the configuration again: powershell -ExecutionPolicy Bypass -File "%3" -Account %4
ru.RemoveDataCaption=Удаление fieldact
en.RemoveDataCaption=Uninstall fieldact
ru.RemoveDataNote=Программа будет удалена. База данных планшета (визиты, подписанные акты, ещё не отправленные в офис, резервные копии) — одна на компьютер — останется в папке:%n%1
en.RemoveDataNote=The program will be removed. The tablet's database (visits, signed acts not yet sent to the office, backups) — one per computer — stays in the folder:%n%1
ru.RemoveDataBox=Удалить и базу данных (акты, не отправленные в офис, будут потеряны)
en.RemoveDataBox=Delete the database too (acts not yet sent to the office are lost)
ru.RemoveDataSure=Удалить базу данных %1 без возможности восстановления?
en.RemoveDataSure=Delete the database %1 for good?
ru.ContinueButton=Продолжить
en.ContinueButton=Continue

[Types]
Name: "tablet"; Description: "{cm:TypeTablet}"
Name: "office"; Description: "{cm:TypeOffice}"

[Components]
Name: "app"; Description: "{cm:AppComponent}"; Types: tablet office; Flags: fixed
Name: "kiosk"; Description: "{cm:KioskComponent}"; Types: tablet
Name: "office"; Description: "{cm:OfficeComponent}"; Types: office

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Dirs]
; One database per machine (fieldact.store.db.data_dir). Without the kiosk any local user may write it; with the
; kiosk, kiosk.ps1 narrows it to the kiosk account, Administrators and SYSTEM.
Name: "{commonappdata}\{#AppName}"; Permissions: users-modify; Flags: uninsneveruninstall; Components: not kiosk
Name: "{commonappdata}\{#AppName}"; Flags: uninsneveruninstall; Components: kiosk

[InstallDelete]
; An upgrade replaces the bundle whole: a module left over from an older version must not be imported. The app
; has been closed by then (InitializeSetup, then Restart Manager), so nothing in _internal is in use.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "kiosk.ps1"; DestDir: "{app}\kiosk"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Components: not office
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; Components: not office
Name: "{autoprograms}\{cm:OfficeShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "office"; Components: office
Name: "{autodesktop}\{cm:OfficeShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "office"; Tasks: desktopicon; Components: office

[Run]
; The app that was running before the upgrade starts again (the kiosk account's own start comes from
; Shell Launcher or its log-on task; a second copy only brings the first to the front).
Filename: "{app}\{#AppExe}"; Flags: nowait runasoriginaluser; Check: WasRunning
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser; Components: not kiosk; Check: not WasRunning

[UninstallRun]
; The kiosk account must not be left with a shell that no longer exists.
Filename: "{sys}\WindowsPowerShell\v1.0\powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\kiosk\kiosk.ps1"" -Remove"; Flags: runhidden waituntilterminated; RunOnceId: "RemoveKiosk"

[Code]
var
  RemoveData: Boolean;
  AppWasRunning: Boolean;
  KioskPage: TInputQueryWizardPage;

function DataDir(): String;
begin
  { fieldact.store.db.data_dir() on Windows: the database, its backups and central.toml, one per machine. }
  Result := ExpandConstant('{commonappdata}\{#AppName}');
end;

function PreviousAppDir(): String;
begin
  Result := '';
  if not RegQueryStringValue(HKLM64, 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{' + '{#AppGuid}' + '}_is1',
    'InstallLocation', Result) then
    Result := '';
end;

{ Ask the running app to close through its own command (it commits every answer as it is given), so that the
  AppMutex check finds it gone and a silent upgrade does not stop on "fieldact is running". }
procedure CloseRunningApp();
var
  Cli: String;
  Code: Integer;
begin
  AppWasRunning := CheckForMutexes('{#AppMutexes}');
  if not AppWasRunning then
    Exit;
  Cli := AddBackslash(PreviousAppDir()) + '{#CliExe}';
  if FileExists(Cli) then
    Exec(Cli, 'close', '', SW_HIDE, ewWaitUntilTerminated, Code);
end;

function InitializeSetup(): Boolean;
begin
  CloseRunningApp();
  Result := True;
end;

function WasRunning(): Boolean;
begin
  Result := AppWasRunning;
end;

procedure InitializeWizard();
begin
  KioskPage := CreateInputQueryPage(wpSelectComponents, CustomMessage('KioskPageCaption'),
    CustomMessage('KioskPageDescription'), CustomMessage('KioskPageNote'));
  KioskPage.Add(CustomMessage('KioskAccountLabel'), False);
  KioskPage.Values[0] := ExpandConstant('{param:KIOSKACCOUNT|fieldact}');
end;

function ShouldSkipPage(PageID: Integer): Boolean;
begin
  Result := (PageID = KioskPage.ID) and not WizardIsComponentSelected('kiosk');
end;

function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = KioskPage.ID) and (Trim(KioskPage.Values[0]) = '') then
  begin
    MsgBox(CustomMessage('KioskAccountMissing'), mbError, MB_OK);
    Result := False;
  end;
end;

function KioskAccount(): String;
begin
  Result := Trim(KioskPage.Values[0]);
end;

procedure ConfigureKiosk();
var
  Script, Log, Params: String;
  Code: Integer;
begin
  Script := ExpandConstant('{app}\kiosk\kiosk.ps1');
  Log := ExpandConstant('{app}\kiosk\kiosk.log');
  Params := '-NoProfile -ExecutionPolicy Bypass -File "' + Script + '" -Account "' + KioskAccount() +
    '" -AppPath "' + ExpandConstant('{app}\{#AppExe}') + '" -DataDir "' + DataDir() + '" -LogFile "' + Log + '"';
  if not Exec(ExpandConstant('{sys}\WindowsPowerShell\v1.0\powershell.exe'), Params, '', SW_HIDE,
    ewWaitUntilTerminated, Code) or (Code <> 0) then
    SuppressibleMsgBox(FmtMessage(CustomMessage('KioskFailed'), [IntToStr(Code), Log, Script, KioskAccount()]),
      mbError, MB_OK, IDOK);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep = ssPostInstall) and WizardIsComponentSelected('kiosk') then
    ConfigureKiosk();
end;

function AskRemoveData(): Integer;
var
  Form: TSetupForm;
  Note: TNewStaticText;
  Box: TNewCheckBox;
  ContinueButton, CancelButton: TNewButton;
begin
#if Ver >= EncodeVer(6, 6, 0)
  { Inno Setup 6.6+: the size is given here and read-only afterwards. }
  Form := CreateCustomForm(ScaleX(460), ScaleY(170), False, False);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(460);
  Form.ClientHeight := ScaleY(170);
#endif
  try
    Form.Caption := CustomMessage('RemoveDataCaption');
    Form.BorderStyle := bsDialog;
    Form.Position := poScreenCenter;

    Note := TNewStaticText.Create(Form);
    Note.Parent := Form;
    Note.Left := ScaleX(16);
    Note.Top := ScaleY(16);
    Note.Width := Form.ClientWidth - ScaleX(32);
    Note.AutoSize := False;
    Note.Height := ScaleY(64);
    Note.WordWrap := True;
    Note.Caption := FmtMessage(CustomMessage('RemoveDataNote'), [DataDir()]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16);
    Box.Top := ScaleY(88);
    Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('RemoveDataBox');
    Box.Checked := False;

    ContinueButton := TNewButton.Create(Form);
    ContinueButton.Parent := Form;
    ContinueButton.Width := ScaleX(100);
    ContinueButton.Height := ScaleY(26);
    ContinueButton.Left := Form.ClientWidth - ScaleX(16 + 100 + 8 + 100);
    ContinueButton.Top := Form.ClientHeight - ScaleY(26 + 14);
    ContinueButton.Caption := CustomMessage('ContinueButton');
    ContinueButton.ModalResult := mrOk;
    ContinueButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Width := ScaleX(100);
    CancelButton.Height := ScaleY(26);
    CancelButton.Left := Form.ClientWidth - ScaleX(16 + 100);
    CancelButton.Top := ContinueButton.Top;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    Form.ActiveControl := ContinueButton;
    Result := Form.ShowModal();
    RemoveData := (Result = mrOk) and Box.Checked;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
var
  Code: Integer;
begin
  RemoveData := False;
  Result := True;
  if CheckForMutexes('{#AppMutexes}') then
    Exec(ExpandConstant('{app}\{#CliExe}'), 'close', '', SW_HIDE, ewWaitUntilTerminated, Code);
  { A silent uninstall (IT tools, upgrades by script) never deletes the database. }
  if UninstallSilent() or not DirExists(DataDir()) then
    Exit;
  Result := AskRemoveData() = mrOk;
  if RemoveData then
    RemoveData := MsgBox(FmtMessage(CustomMessage('RemoveDataSure'), [DataDir()]),
      mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveData then
    DelTree(DataDir(), True, True, True);
end;
