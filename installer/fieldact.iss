; Inno Setup 6 script of the fieldact installer: packs the PyInstaller bundle dist\fieldact\ (installer/fieldact.spec).
;
; Built by `python installer/build.py` on Windows, which passes the version and absolute paths:
;   ISCC /DAppVersion=0.1.0 /DFileVersion=0.1.0.0 /DBundleDir=...\dist\fieldact /O...\dist\installer fieldact.iss
; Compiled by hand from this folder, the defaults below find the bundle at ..\dist\fieldact.
;
; Per-machine install under Program Files; a Start-menu shortcut; optional desktop shortcut and start at log-on
; (kiosk tablets). Uninstalling keeps the technician's database (%LOCALAPPDATA%\fieldact: visits, signed acts
; not yet synced, backups) unless the box offered by the uninstaller is ticked.

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

[Setup]
; The AppId ties upgrades and the uninstaller to one product: never change it.
AppId={{C4054C8B-5CBA-4BA3-B54E-E10BDE410FFD}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
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
; A running app is closed before its files are replaced (Restart Manager), and not restarted by Setup.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ru.KioskGroup=Планшет техника:
en.KioskGroup=Technician's tablet:
ru.AutoStart=Запускать fieldact при входе в Windows (режим киоска)
en.AutoStart=Start fieldact when anyone logs on to Windows (kiosk)
ru.RemoveDataCaption=Удаление fieldact
en.RemoveDataCaption=Uninstall fieldact
ru.RemoveDataNote=Программа будет удалена. База данных техника (визиты, подписанные акты, ещё не отправленные в офис, резервные копии) останется в папке:%n%1
en.RemoveDataNote=The program will be removed. The technician's database (visits, signed acts not yet sent to the office, backups) stays in the folder:%n%1
ru.RemoveDataBox=Удалить и базу данных (акты, не отправленные в офис, будут потеряны)
en.RemoveDataBox=Delete the database too (acts not yet sent to the office are lost)
ru.RemoveDataSure=Удалить базу данных %1 без возможности восстановления?
en.RemoveDataSure=Delete the database %1 for good?
ru.ContinueButton=Продолжить
en.ContinueButton=Continue

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "{cm:AutoStart}"; GroupDescription: "{cm:KioskGroup}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle whole: a module left over from an older version must not be imported.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon
Name: "{autostartup}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: autostart

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
var
  RemoveData: Boolean;

function DataDir(): String;
begin
  { platformdirs' user_data_dir("fieldact") on Windows: the database, its backups and central.toml. }
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

function AskRemoveData(): Integer;
var
  Form: TSetupForm;
  Note: TNewStaticText;
  Box: TNewCheckBox;
  ContinueButton, CancelButton: TNewButton;
begin
  Form := CreateCustomForm();
  try
    Form.ClientWidth := ScaleX(460);
    Form.ClientHeight := ScaleY(170);
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
begin
  RemoveData := False;
  Result := True;
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
