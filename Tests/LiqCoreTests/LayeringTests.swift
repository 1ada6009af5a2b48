import Foundation
import Testing

/// The layering rule: LiqCore has no I/O, no wall clock and no curses; LiqUI renders without curses or I/O;
/// only LiqTerminal touches curses and signals. Checked on the sources themselves.
@Suite struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    static func files(_ module: String) throws -> [(name: String, text: String)] {
        let root = sources.appendingPathComponent(module)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return try walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map {
            (
                $0.path.replacingOccurrences(of: sources.path + "/", with: ""),
                try String(contentsOf: $0, encoding: .utf8)
            )
        }
    }

    static func imports(_ text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.count >= 2, words[0] == "import" else { return nil }
                return String(words[1])
            })
    }

    /// Code that reads the clock, touches files or the terminal, or draws randomness from the system.
    static let forbiddenInCore = [
        "Date(", "DispatchTime", "DispatchWallTime", "clock_gettime", "gettimeofday", "FileManager",
        "fopen(", "FileHandle", "print(", "readLine(", "SystemRandomNumberGenerator", "random(",
        "getenv(", "ProcessInfo",
    ]

    /// Whether `text` uses `token` as a name of its own (not as the end of a longer one: `numberOrDate(`).
    static func uses(_ text: String, _ token: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: token, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            if !(before.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }

    @Test func liqCoreImportsOnlyItsPureDependencies() throws {
        let allowed: Set<String> = ["Crypto", "HeapModule", "Dispatch"] // Dispatch: concurrentPerform for scans
        let files = try Self.files("LiqCore")
        #expect(files.count > 50)
        for file in files {
            #expect(
                Self.imports(file.text).subtracting(allowed).isEmpty, "\(file.name) imports \(Self.imports(file.text))")
            for token in Self.forbiddenInCore {
                #expect(!Self.uses(file.text, token), "\(file.name) uses \(token)")
            }
        }
    }

    @Test func liqUIImportsOnlyLiqCore() throws {
        let files = try Self.files("LiqUI")
        #expect(files.count > 10)
        for file in files {
            #expect(
                Self.imports(file.text).subtracting(["LiqCore"]).isEmpty,
                "\(file.name) imports \(Self.imports(file.text))")
            for token in ["FileManager", "fopen(", "print(", "Date(", "DispatchTime", "getenv("] {
                #expect(!Self.uses(file.text, token), "\(file.name) uses \(token)")
            }
        }
    }

    /// Curses only in LiqTerminal; signal handling there and in the executable (sim's Ctrl-C), never below.
    @Test func onlyLiqTerminalTouchesCursesAndNoLibraryHandlesSignals() throws {
        for module in ["LiqCore", "LiqUI", "LiqBench", "liqtop"] {
            for file in try Self.files(module) {
                let imported = Self.imports(file.text)
                #expect(!imported.contains("CNCurses") && !imported.contains("CTerminalGuard"), "\(file.name)")
                if module != "liqtop" {
                    #expect(!Self.uses(file.text, "signal(") && !Self.uses(file.text, "sigaction"), "\(file.name)")
                }
            }
        }
    }

    /// Files stay small enough to read in one sitting: none over 300 lines.
    @Test func noSourceFileIsOver300Lines() throws {
        for module in ["LiqCore", "LiqUI", "LiqTerminal", "LiqBench", "liqtop"] {
            for file in try Self.files(module) {
                let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(lines <= 301, "\(file.name) has \(lines) lines")
            }
        }
    }
}
