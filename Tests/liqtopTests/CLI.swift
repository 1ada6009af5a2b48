import Foundation

/// Runs the built `liqtop` binary and captures what a user or script sees.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("liqtop")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        // Fallback: the package's debug build folder.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/liqtop")
    }

    /// Runs liqtop with `arguments`; `environment` adds to the test's own. `whileRunning` is called once
    /// the process has started (to send it a signal, say), on another thread.
    static func run(
        _ arguments: [String], environment: [String: String] = [:],
        whileRunning: (@Sendable (Int32) -> Void)? = nil
    ) throws -> Result {
        try launch(binary, arguments, environment: environment, whileRunning: whileRunning)
    }

    /// Runs a shell command line with `$LIQTOP` set to the binary (for limits such as `ulimit -f`).
    static func shell(_ script: String) throws -> Result {
        try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script], environment: ["LIQTOP": binary.path])
    }

    private static func launch(
        _ executable: URL, _ arguments: [String], environment: [String: String],
        whileRunning: (@Sendable (Int32) -> Void)? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let whileRunning {
            let pid = process.processIdentifier
            Thread.detachNewThread { whileRunning(pid) }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// This test process's scratch folder: every temporary directory below it, and all of it removed when
    /// the process exits (the first use registers the removal).
    static let scratch: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("liqtop-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        atexit { try? FileManager.default.removeItem(at: CLI.scratch) }
        return root
    }()

    /// A fresh, empty temporary directory.
    static func temporaryDirectory() throws -> String {
        let directory = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "scenario.toml") throws -> String {
        let directory = URL(fileURLWithPath: try temporaryDirectory())
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
