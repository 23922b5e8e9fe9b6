/* factory-grader's Windows launchers: factory-grader.exe (console, the command line) and
 * factory-grader-gui.exe (windowed, the desktop app). Each starts the embeddable CPython that
 * ships beside it (python\python.exe or python\pythonw.exe) with "-I -m factory_grader" and the
 * arguments it was given, so the install folder can move (a portable copy on a USB stick) and no
 * other Python on the machine, nor PYTHON* variables, can change what runs.
 * FACTORY_GRADER_APPDIR tells the app where it is installed (the portable marker is looked for
 * there). The console launcher waits and returns the app's exit code; the windowed one leaves. */
#define WIN32_LEAN_AND_MEAN
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <wchar.h>
#include <stdlib.h>

#ifdef GUI_LAUNCHER
#define PYTHON_EXE L"pythonw.exe"
#else
#define PYTHON_EXE L"python.exe"
#endif

/* Said on stderr (the console as UTF-16, a file or pipe as UTF-8: the C runtime's "C" locale
 * would print Chinese as '?') or, windowed, in a message box. */
static void say(const wchar_t *text) {
#ifdef GUI_LAUNCHER
    MessageBoxW(NULL, text, L"factory-grader", MB_OK | MB_ICONERROR);
#else
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    DWORD mode, written;
    if (err == NULL || err == INVALID_HANDLE_VALUE) return;
    if (GetConsoleMode(err, &mode)) {
        WriteConsoleW(err, text, (DWORD)wcslen(text), &written, NULL);
        WriteConsoleW(err, L"\r\n", 2, &written, NULL);
    } else {
        char bytes[8192];
        int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, bytes, sizeof bytes - 2, NULL, NULL);
        if (n > 0) {
            bytes[n - 1] = '\n';
            WriteFile(err, bytes, (DWORD)n, &written, NULL);
        }
    }
#endif
}

static void fail(const wchar_t *what, const wchar_t *path) {
    wchar_t text[2048];
    DWORD code = GetLastError();
    _snwprintf(text, 2047,
               L"factory-grader: %ls\n%ls\n(Windows error %lu)\n\n"
               L"\x8BF7\x91CD\x65B0\x5B89\x88C5\x667A\x80FD\x5DE5\x5382\x68AF\x5EA6\x8BC4\x4F30\x3002"
               L"\nPlease reinstall factory-grader.",
               what, path, (unsigned long)code);
    text[2047] = 0;
    say(text);
}

#ifndef GUI_LAUNCHER
/* Ctrl+C and Ctrl+Break reach the app too, which stops cleanly; the launcher stays to pass on
 * its exit code. A handler function, not SetConsoleCtrlHandler(NULL, TRUE): that one would be
 * inherited, and the app would ignore Ctrl+C as well. */
static BOOL WINAPI ignore_ctrl(DWORD kind) {
    (void)kind;
    return TRUE;
}
#endif

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
#ifdef GUI_LAUNCHER
    if (!CreateProcessW(python, command, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        fail(L"cannot start", python);
        return 1;
    }
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return 0;
#else
    SetConsoleCtrlHandler(ignore_ctrl, TRUE);
    /* The app (and compare's worker processes) end with the launcher: killed from Task Manager
     * or by a caller's time-out, it must not leave Python running with the database open. */
    HANDLE job = CreateJobObjectW(NULL, NULL);
    if (job) {
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
        ZeroMemory(&limits, sizeof limits);
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
    }
    if (!CreateProcessW(python, command, NULL, NULL, TRUE, CREATE_SUSPENDED, NULL, NULL, &si,
                        &pi)) {
        fail(L"cannot start", python);
        return 1;
    }
    if (job) AssignProcessToJobObject(job, pi.hProcess); /* fails harmlessly in a strict job */
    ResumeThread(pi.hThread);
    CloseHandle(pi.hThread);
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
