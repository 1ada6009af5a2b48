import Foundation

/// Swift's crash reporter asks for a key (and waits 30 s) when stdin and stdout are a terminal: right for
/// a developer, wrong for a dashboard or a script. The runtime reads `SWIFT_BACKTRACE` before `main`, so
/// the only way to set it for this process is to run it again with the setting; a user's own setting wins.
enum Backtracing {
    static let variable = "SWIFT_BACKTRACE"

    static func neverInteractive() {
        guard getenv(variable) == nil else { return }
        setenv(variable, "interactive=no", 1)
        let arguments = CommandLine.unsafeArgv
        execv("/proc/self/exe", arguments)
        // exec failed (no /proc): carry on; the crash handlers still keep the reporter off the terminal.
    }
}
