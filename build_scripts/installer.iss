; Inno Setup 6 script: the Windows installer of evaldesk.
;   1. python build_scripts\build.py            (makes dist\evaldesk\ with evaldesk.exe + evaldesk-cli.exe)
;   2. iscc /DAppVersion=0.1.0 build_scripts\installer.iss
;      (build.py --installer does both; the version defaults to evaldesk.exe's version resource,
;      which build_scripts\version_info.py took from pyproject.toml)
; Output: dist\evaldesk-VERSION-setup.exe. See build_scripts\README.md.
;
; Installs per user by default (no administrator needed on locked-down office PCs); an administrator
; can choose "all users" in the first dialog. Start-menu entry, optional desktop icon, optional
; "用 evaldesk 打开" for .xlsx files (added to the right-click menu and the 打开方式 list; Excel/WPS
; stay the default program), and a normal uninstaller in 设置 → 应用.

#define AppName "evaldesk"
#define AppTitle "evaldesk 预算项目绩效自评表"
; /DBundle=... and ISCC's /O... let a bench build elsewhere (build_scripts/windows/bench.sh).
#ifndef Bundle
  #define Bundle AddBackslash(SourcePath) + "..\dist\evaldesk"
#endif
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(Bundle + "\evaldesk.exe")
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{0E080C4E-6166-4294-969F-BF6A34F7C5EE}
AppName={#AppTitle}
AppVersion={#AppVersion}
AppVerName={#AppTitle} {#AppVersion}
AppPublisher=evaldesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppTitle}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; Qt 6 runs on 64-bit Windows 10 1809 and later only.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#AddBackslash(SourcePath)}..\dist
OutputBaseFilename=evaldesk-{#AppVersion}-setup
SetupIconFile=linux\evaldesk.ico
UninstallDisplayIcon={app}\evaldesk.exe
UninstallDisplayName={#AppTitle}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
; Upgrading over a running copy would leave a half-replaced _internal folder.
CloseApplications=force
ShowLanguageDialog=no

[Languages]
; Chinese, from our own messages file beside this script (Inno Setup ships no Chinese one).
; Default.isl first: a message a newer Inno Setup adds is then English rather than missing.
Name: "chinesesimplified"; MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："
Name: "xlsxopenwith"; Description: "在 .xlsx 文件的右键菜单中加入“用 evaldesk 打开”"; GroupDescription: "文件关联："

[Files]
; The whole folder build: both programs and the shared _internal folder.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version's _internal replaces the old one whole: stale DLLs must not shadow new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\evaldesk.exe"; Comment: "填写、检查、保存和打印预算项目绩效自评表"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\evaldesk.exe"; Tasks: desktopicon

[Registry]
; A ProgID of our own for .xlsx, offered in 打开方式 beside Excel/WPS without taking the default.
Root: HKA; Subkey: "Software\Classes\evaldesk.xlsx"; ValueType: string; ValueName: ""; ValueData: "预算项目绩效自评表 (Excel 工作簿)"; Flags: uninsdeletekey; Tasks: xlsxopenwith
Root: HKA; Subkey: "Software\Classes\evaldesk.xlsx\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\evaldesk.exe"",0"; Tasks: xlsxopenwith
Root: HKA; Subkey: "Software\Classes\evaldesk.xlsx\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\evaldesk.exe"" ""%1"""; Tasks: xlsxopenwith
Root: HKA; Subkey: "Software\Classes\.xlsx\OpenWithProgids"; ValueType: string; ValueName: "evaldesk.xlsx"; ValueData: ""; Flags: uninsdeletevalue; Tasks: xlsxopenwith
Root: HKA; Subkey: "Software\Classes\Applications\evaldesk.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppTitle}"; Flags: uninsdeletekey; Tasks: xlsxopenwith
Root: HKA; Subkey: "Software\Classes\Applications\evaldesk.exe\SupportedTypes"; ValueType: string; ValueName: ".xlsx"; ValueData: ""; Tasks: xlsxopenwith
; The right-click verb "用 evaldesk 打开" on every .xlsx, whichever program is the default.
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.xlsx\shell\evaldesk"; ValueType: string; ValueName: ""; ValueData: "用 evaldesk 打开"; Flags: uninsdeletekey; Tasks: xlsxopenwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.xlsx\shell\evaldesk"; ValueType: string; ValueName: "Icon"; ValueData: """{app}\evaldesk.exe"",0"; Tasks: xlsxopenwith
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.xlsx\shell\evaldesk\command"; ValueType: string; ValueName: ""; ValueData: """{app}\evaldesk.exe"" ""%1"""; Tasks: xlsxopenwith

[Run]
Filename: "{app}\evaldesk.exe"; Description: "启动 evaldesk"; Flags: nowait postinstall skipifsilent
