; factory-grader's Windows installer (NSIS 3, Unicode). Built by packaging/windows_bundle.py:
;   makensis -INPUTCHARSET UTF8 -DVERSION=… -DVERSION4=a.b.c.d -DSOURCE=<staged folder>
;            -DOUTFILE=… -DICON=… installer.nsi
; Per-user: no administrator rights, installs to %LOCALAPPDATA%\Programs\factory-grader. The
; user's data (%LOCALAPPDATA%\factory-grader) is never touched, on install or uninstall. No file
; associations are registered: double-clicking a workbook still opens Excel or WPS.
; 64-bit like the app (and so it runs under a wine64-only test prefix); Unicode
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 32

!include "MUI2.nsh"
!include "WinVer.nsh"
!include "LogicLib.nsh"

!define APP_ZH "智能工厂梯度评估"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\factory-grader"
; Windows 10 1903: Qt 6 needs Windows 10, and the Qt in this build uses the ICU that Windows
; ships from 1903 on (icuuc.dll)
!define MIN_BUILD 18362

Name "${APP_ZH} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\factory-grader"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "factory-grader ${VERSION}"
VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "factory-grader"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_ZH} 安装程序 / factory-grader setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "factory-grader"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
; the language chosen at install is the uninstaller's too
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\factory-grader"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\factory-grader-gui.exe"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Chinese first: it is the installer's language unless the user picks English
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

; shown before a language is chosen, so in both
!define TOO_OLD "${APP_ZH} 需要 Windows 10（1903 版）或更新的 Windows，此电脑的 Windows 版本过旧，无法安装。$\r$\n$\r$\nfactory-grader needs Windows 10 (version 1903) or later; this PC's Windows is too old."
LangString Running ${LANG_SIMPCHINESE} "${APP_ZH} 正在运行。请先关闭它，再点“重试”。"
LangString Running ${LANG_ENGLISH} "factory-grader is running. Close it, then click Retry."
LangString NotOurs ${LANG_SIMPCHINESE} "所选文件夹不是空的，也不是 ${APP_ZH} 的安装文件夹。请选择一个新的文件夹。"
LangString NotOurs ${LANG_ENGLISH} "The folder chosen is neither empty nor a factory-grader installation. Choose a new folder."
LangString SecApp ${LANG_SIMPCHINESE} "${APP_ZH}（必需）"
LangString SecApp ${LANG_ENGLISH} "factory-grader (required)"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString DataKept ${LANG_SIMPCHINESE} "您的评估数据保留在 $LOCALAPPDATA\factory-grader，未被删除。"
LangString DataKept ${LANG_ENGLISH} "Your assessment data stays in $LOCALAPPDATA\factory-grader; it was not removed."

Function .onInit
  ${IfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "${TOO_OLD}" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; $0 = 1 when the folder holds anything at all
Function DirHasFiles
  StrCpy $0 0
  ClearErrors
  FindFirst $1 $2 "$INSTDIR\*.*"
  ${DoUntil} ${Errors}
    ${If} $2 != "."
    ${AndIf} $2 != ".."
    ${AndIf} $2 != ""
      StrCpy $0 1
      ${Break}
    ${EndIf}
    FindNext $1 $2
  ${Loop}
  FindClose $1
FunctionEnd

; Only an empty (or new) folder or an earlier install of ours: the installer replaces and the
; uninstaller removes python\ and licenses\ wholesale, which in another folder (D:\ typed
; on the directory page) could be someone else's. $0 = 1 when the folder is safe.
Function SafeInstDir
  ${If} ${FileExists} "$INSTDIR\uninstall.exe"
  ${AndIf} ${FileExists} "$INSTDIR\factory-grader.exe"
    StrCpy $0 1
    Return
  ${EndIf}
  Call DirHasFiles
  ${If} $0 == 1
    StrCpy $0 0
  ${Else}
    StrCpy $0 1
  ${EndIf}
FunctionEnd

Function .onVerifyInstDir
  Call SafeInstDir
  ${If} $0 != 1
    Abort  ; the Next button stays grey
  ${EndIf}
FunctionEnd

; An update while the app runs would leave old and new files mixed: a running app holds its
; python313.dll open, so opening that for writing fails.
Function WaitUntilClosed
  ${DoWhile} ${FileExists} "$INSTDIR\python\python313.dll"
    ClearErrors
    FileOpen $0 "$INSTDIR\python\python313.dll" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 4
    Quit
    retry:
  ${Loop}
FunctionEnd

Section "!$(SecApp)" SecApp
  SectionIn RO
  Call SafeInstDir  ; a silent install (/D=…) is held to the same rule
  ${If} $0 != 1
    MessageBox MB_OK|MB_ICONSTOP "$(NotOurs)" /SD IDOK
    SetErrorLevel 5
    Quit
  ${EndIf}
  Call WaitUntilClosed
  ; an update replaces the program files wholesale (no stale modules from the last version);
  ; a portable marker or data someone put in the install folder stays
  ${If} ${FileExists} "$INSTDIR\uninstall.exe"
    RMDir /r "$INSTDIR\python"
    RMDir /r "$INSTDIR\licenses"
  ${EndIf}
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP_ZH}.lnk" "$INSTDIR\factory-grader-gui.exe" "" "$INSTDIR\factory-grader-gui.exe" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_ZH} (factory-grader)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "factory-grader"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\factory-grader-gui.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(SecDesktop)" SecDesktop
  CreateShortCut "$DESKTOP\${APP_ZH}.lnk" "$INSTDIR\factory-grader-gui.exe" "" "$INSTDIR\factory-grader-gui.exe" 0
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  ; only what the installer put there: the user's data folder is elsewhere and stays
  ${IfNot} ${FileExists} "$INSTDIR\factory-grader.exe"
    Abort  ; not our folder after all: remove nothing
  ${EndIf}
  Delete "$SMPROGRAMS\${APP_ZH}.lnk"
  Delete "$DESKTOP\${APP_ZH}.lnk"
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\licenses"
  Delete "$INSTDIR\factory-grader.exe"
  Delete "$INSTDIR\factory-grader-gui.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "$(DataKept)"
SectionEnd
