/* factory-grader's Windows launchers: factory-grader.exe (console, the command line) and
 * factory-grader-gui.exe (windowed, the desktop app). Each starts the embeddable CPython that
 * ships beside it (python\python.exe or python\pythonw.exe) with "-I -m factory_grader" and the
 * arguments it was given, so the install folder can move (a portable copy on a USB stick) and no
 * other Python on the machine, nor PYTHON* variables, can change what runs.
 * FACTORY_GRADER_APPDIR tells the app where it is installed (the portable marker is looked for
 * there). The console launcher waits and returns the app's exit code; the windowed one leaves. */
#define WIN32_LEAN_AND_MEAN
#define UNICODE
#define _UNICODE
#include <windows.h>
#include <wchar.h>
#include <stdlib.h>

#ifdef GUI_LAUNCHER
#define PYTHON_EXE L"pythonw.exe"
#else
#define PYTHON_EXE L"python.exe"
#endif

static void fail(const wchar_t *what, const wchar_t *path) {
    wchar_t text[2048];
    DWORD code = GetLastError();
    _snwprintf(text, 2047,
               L"%ls\n%ls\n(Windows error %lu)\n\n"
               L"\x8BF7\x91CD\x65B0\x5B89\x88C5\x667A\x80FD\x5DE5\x5382\x68AF\x5EA6\x8BC4\x4F30\x3002"
               L"\nPlease reinstall factory-grader.",
               what, path, (unsigned long)code);
    text[2047] = 0;
#ifdef GUI_LAUNCHER
    MessageBoxW(NULL, text, L"factory-grader", MB_OK | MB_ICONERROR);
#else
    fwprintf(stderr, L"factory-grader: %ls\n", text);
#endif
}

/* The command line after the program's own name, exactly as it was given (quotes kept). */
static const wchar_t *arguments_after_program(const wchar_t *line) {
    int quoted = 0;
    while (*line && (quoted || (*line != L' ' && *line != L'\t'))) {
        if (*line == L'"') quoted = !quoted;
        line++;
    }
    while (*line == L' ' || *line == L'\t') line++;
    return line;
}

int wmain(void) {
    wchar_t self[32768], python[32768];
    DWORD n = GetModuleFileNameW(NULL, self, 32768);
    if (n == 0 || n >= 32768) { fail(L"cannot find the launcher's folder", L""); return 1; }
    wchar_t *slash = wcsrchr(self, L'\\');
    if (!slash) { fail(L"cannot find the launcher's folder", self); return 1; }
    *slash = 0; /* self is now the install folder */
    SetEnvironmentVariableW(L"FACTORY_GRADER_APPDIR", self);
    _snwprintf(python, 32767, L"%ls\\python\\%ls", self, PYTHON_EXE);
    python[32767] = 0;
    if (GetFileAttributesW(python) == INVALID_FILE_ATTRIBUTES) {
        fail(L"the bundled Python is missing:", python);
        return 1;
    }
    const wchar_t *rest = arguments_after_program(GetCommandLineW());
    size_t size = wcslen(python) + wcslen(rest) + 64;
    wchar_t *command = (wchar_t *)malloc(size * sizeof(wchar_t));
    if (!command) return 1;
    _snwprintf(command, size, L"\"%ls\" -I -m factory_grader %ls", python, rest);
    command[size - 1] = 0;

    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    ZeroMemory(&pi, sizeof pi);
#ifndef GUI_LAUNCHER
    /* Ctrl+C reaches the app (which cleans up); the launcher must not die first. */
    SetConsoleCtrlHandler(NULL, TRUE);
#endif
    if (!CreateProcessW(python, command, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
        fail(L"cannot start", python);
        return 1;
    }
    CloseHandle(pi.hThread);
#ifdef GUI_LAUNCHER
    CloseHandle(pi.hProcess);
    return 0;
#else
    DWORD code = 1;
    WaitForSingleObject(pi.hProcess, INFINITE);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    return (int)code;
#endif
}

#ifdef GUI_LAUNCHER
int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR line, int show) {
    (void)instance; (void)previous; (void)line; (void)show;
    return wmain();
}
#endif
