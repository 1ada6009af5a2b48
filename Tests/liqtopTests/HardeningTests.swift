import Foundation
import Testing

/// What an attacker or a careless user tried (issue 9): each case used to crash, hang, truncate silently,
/// leave a file behind or print raw control bytes. Every input error is one line and exit 2.
@Suite struct HardeningTests {
    func expectOneLineError(
        _ result: CLI.Result, contains fragment: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(result.status == 2, "status \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("liqtop: "), sourceLocation: sourceLocation)
        #expect(
            result.stderr.filter { $0 == "\n" }.count == 1, "one line: \(result.stderr)", sourceLocation: sourceLocation
        )
        #expect(result.stderr.contains(fragment), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{7}"), sourceLocation: sourceLocation)
    }

    /// A long `sim --events` run in a fresh directory, sent `signal` once its partial file exists; a run that
    /// ignores the signal is killed (never hanging the suite) and fails the caller's checks.
    func simWritingEvents(thenSend signal: Int32) throws -> (CLI.Result, String) {
        let directory = try CLI.temporaryDirectory()
        let partial = directory + "/.events.jsonl.partial"
        let result = try CLI.run(["sim", "default", "--ticks", "5000000", "--events", directory + "/events.jsonl"]) {
            pid in
            for _ in 0..<600 where !FileManager.default.fileExists(atPath: partial) { usleep(50_000) }
            usleep(300_000)
            kill(pid, signal)
            for _ in 0..<200 where kill(pid, 0) == 0 { usleep(100_000) }
            kill(pid, SIGKILL)
        }
        return (result, directory)
    }

    /// toml++ 3.4.0 aborted the process (exit 134) on these, in quote, sim, run and --theme.
    @Test(arguments: ["[[", "[[[a]]", "[.a]", "[[ [a]]"])
    func headersThatAbortedTheParserAreOneLineErrors(text: String) throws {
        let file = try CLI.temporaryFile(text)
        for arguments in [["quote", file], ["sim", file, "--ticks", "1"], ["run", file], ["run", "--theme", file]] {
            expectOneLineError(try CLI.run(arguments), contains: "\(file):1: syntax:")
        }
    }

    @Test func aNULByteIsAnErrorNotTheEndOfTheFile() throws {
        let text = interfacesExample + "\u{0}\nfrobnicate = 1\n[[positions]]\nid = \"second\"\n"
        let file = try CLI.temporaryFile(text)
        let line = interfacesExample.filter { $0 == "\n" }.count + 1
        expectOneLineError(try CLI.run(["quote", file]), contains: "\(file):\(line): syntax:")
        let inID = try CLI.temporaryFile(
            interfacesExample.replacingOccurrences(of: "id = \"carol\"", with: "id = \"a\u{0}b\""))
        expectOneLineError(try CLI.run(["quote", inID]), contains: "NUL")
    }

    @Test func wholeFileErrorsNameALine() throws {
        let directory = try CLI.temporaryDirectory()
        let file = directory + "/latin1.toml"
        var bytes = Array("name = \"ok\"\n# caf".utf8)
        bytes += [0xE9, 0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        expectOneLineError(
            try CLI.run(["quote", file]), contains: "\(file):2: (whole file): not UTF-8 text (byte 0xE9)")
        let empty = try CLI.temporaryFile("")
        expectOneLineError(try CLI.run(["quote", empty]), contains: "\(empty):1: name: is required")
    }

    @Test func overLongValuesAreRefusedAndTheMessageSurvives() throws {
        let key = String(repeating: "k", count: 10_000)
        let unknown = try CLI.temporaryFile(interfacesExample + "\n\(key) = 1\n")
        expectOneLineError(try CLI.run(["quote", unknown]), contains: "unknown key")
        let description = try CLI.temporaryFile(
            "description = \"\(String(repeating: "d", count: 10_000_000))\"\n" + interfacesExample)
        expectOneLineError(try CLI.run(["quote", description]), contains: "longer than 65536 bytes")
    }

    @Test func pricesAboveTenToTheTwentyTwoDollarsAreRefused() throws {
        let file = try CLI.temporaryFile(
            interfacesExample.replacingOccurrences(of: "price_usd = \"2100\"", with: "price_usd = \"1e23\""))
        expectOneLineError(try CLI.run(["quote", file]), contains: "assets[0].price_usd: must be at most")
    }

    @Test func ticksAreBounded() throws {
        expectOneLineError(
            try CLI.run(["sim", "default", "--ticks", "1000000000000000000"]),
            contains: "--ticks must be at most 100000000")
    }

    /// A file-size limit stands in for a full disk: the write fails, the partial file goes, one plain line.
    @Test func aFailedWriteRemovesThePartialFileAndSaysWhy() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.shell(
            "ulimit -f 64; exec \"$LIQTOP\" sim default --ticks 4000 --events \(directory)/events.jsonl")
        expectOneLineError(
            result, contains: "--events: file too large writing \(directory)/events.jsonl; nothing was written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test(arguments: [(SIGINT, Int32(130), "SIGINT (Ctrl-C)"), (SIGTERM, Int32(143), "SIGTERM")])
    func anInterruptedRunLeavesNothingBehind(signal: Int32, status: Int32, name: String) throws {
        let (result, directory) = try simWritingEvents(thenSend: signal)
        #expect(result.status == status)
        #expect(result.stderr.contains("interrupted by \(name) at tick"), "\(result.stderr)")
        #expect(result.stderr.contains("events.jsonl was not written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    /// Any other signal that ends the run (USR1, ALRM, QUIT, a crash) removes the partial file too, says
    /// which signal it was, and ends the process by it.
    @Test(arguments: [
        (SIGUSR1, "stopped by SIGUSR1"), (SIGALRM, "stopped by SIGALRM"), (SIGQUIT, "stopped by SIGQUIT"),
        (SIGSEGV, "crashed with SIGSEGV"),
    ])
    func everySignalThatEndsARunRemovesThePartialFile(signal: Int32, note: String) throws {
        let (result, directory) = try simWritingEvents(thenSend: signal)
        // Ended by the signal itself (a shell shows 128 + the signal; Process reports the signal).
        #expect(result.status == signal)
        #expect(result.stderr.hasPrefix("liqtop: \(note)"), "\(result.stderr.prefix(300))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    /// With nowhere to write an error, the exit status still says what happened (no trap); output that
    /// cannot be written is an error, not a silent success.
    @Test func unwritableStreamsAreErrorsNotCrashes() throws {
        let noStderr = try CLI.shell("exec \"$LIQTOP\" quote no-such-scenario 2>/dev/full")
        #expect(noStderr.status == 2)
        let noStdout = try CLI.shell("exec \"$LIQTOP\" quote default >/dev/full")
        #expect(noStdout.status == 2)
        #expect(noStdout.stderr == "liqtop: cannot write the output: no space left on device\n")
    }

    @Test func eventsNeverReplaceTheScenarioFile() throws {
        let file = try CLI.temporaryFile(interfacesExample)
        let result = try CLI.run(["sim", file, "--ticks", "10", "--events", file])
        expectOneLineError(
            result, contains: "--events: \(file) is the scenario file; choose another name for the output")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == interfacesExample)
    }

    @Test func aLogThatCannotBeOpenedIsSaidAtOnce() throws {
        let result = try CLI.run(["run", "default", "--log", "/nonexistent/dir/x.log"])
        expectOneLineError(result, contains: "--log: cannot open /nonexistent/dir/x.log: no such file or directory")
    }

    @Test func namesMayNotHoldLineSeparators() throws {
        let file = try CLI.temporaryFile(
            interfacesExample.replacingOccurrences(of: "id = \"carol\"", with: "id = \"ca\u{2028}rol\""))
        let result = try CLI.run(["quote", file])
        expectOneLineError(result, contains: "positions[0].id: contains control characters")
    }

    @Test func themesListsRegularFilesOnly() throws {
        let home = try CLI.temporaryDirectory()
        let themes = home + "/liqtop/themes"
        try FileManager.default.createDirectory(atPath: themes + "/folder.toml", withIntermediateDirectories: true)
        try "name = \"ok\"\n".write(toFile: themes + "/ok.toml", atomically: true, encoding: .utf8)
        symlink(themes + "/missing", themes + "/dangling.toml")
        mkfifo(themes + "/pipe.toml", 0o644)
        let result = try CLI.run(["themes"], environment: ["XDG_CONFIG_HOME": home])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ok.toml"))
        for name in ["folder", "dangling", "pipe"] { #expect(!result.stdout.contains(name), "\(result.stdout)") }
    }

    @Test func themeFileNamesAreEscaped() throws {
        let home = try CLI.temporaryDirectory()
        let themes = home + "/liqtop/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        let hostile = themes + "/evil\u{1B}]0;owned\u{7}.toml"
        try "name = \"evil\"\n".write(toFile: hostile, atomically: true, encoding: .utf8)
        let result = try CLI.run(["themes"], environment: ["XDG_CONFIG_HOME": home])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{7}"))
        #expect(result.stdout.contains("evil\\u{1B}]0;owned\\u{7}"))
    }

    @Test func quoteTableAlignsWideCharacters() throws {
        let text =
            interfacesExample
            + "\n[[positions]]\nid = \"日本の口座\"\ncollateral = { WETH = \"12\" }\ndebt = { USDC = \"21000\" }\n"
        let result = try CLI.run(["quote", try CLI.temporaryFile(text)])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("carol") || $0.hasPrefix("日本") }
        #expect(rows.count == 2)
        // The health factor starts at the same column on both rows: 日本の口座 takes ten columns.
        let columns = rows.map { row -> Int in
            let before = row[..<row.range(of: "0.9960")!.lowerBound]
            return before.reduce(0) { $0 + (($1.unicodeScalars.first!.value >= 0x3000) ? 2 : 1) }
        }
        #expect(columns[0] == columns[1], "\(rows)")
    }

    @Test func aHundredThousandPositionsLoad() throws {
        var text = interfacesExample + "\n"
        for index in 0..<100_000 {
            text +=
                "[[positions]]\nid = \"p\(index)\"\ncollateral = { WETH = \"1.\(index % 97)\" }\ndebt = { USDC = "
                + "\"\(2_000 + index % 1_000)\" }\n"
        }
        let result = try CLI.run(["quote", try CLI.temporaryFile(text), "--position", "p99999", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"id\": \"p99999\""))
    }
}
