import ArgumentParser
import Foundation
import LiqCore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a journal written with --record: its hash chain, and the run again, line by line.",
        discussion: """
            Exit codes: 0 verified (a last line cut short by a crash is a warning: the lines before it verify),
            1 a line does not hold (FILE:LINE: what), 2 a usage or input error.
            A branch (recorded after 'b' in 'liqtop replay') is verified together with its parent journal.
            """)

    @Argument(help: "The journal.")
    var file: String

    func run() throws {
        let text = try Self.read(file)
        var progress = SimProgress(total: Self.lastTick(text))
        let verified: JournalVerifier.Verified
        do {
            verified = try JournalVerifier.verify(text, sources: Self.sources(for: file)) { tick in
                progress.advance(to: tick)
            }
        } catch {
            progress.clear()
            Liqtop.fail("\(file):\(error.line): \(error.message)", status: 1)
        }
        progress.clear()
        if verified.header.liqtop != Risk.version {
            print(
                "note: written by liqtop \(sanitized(verified.header.liqtop)); this is liqtop \(Risk.version) (journal "
                    + "format \(verified.header.version), which it reads)")
        }
        if let line = verified.cutShort {
            Self.warn(
                "\(sanitized(file)):\(line): the last line is cut short (the recording stopped while writing it); "
                    + "the \(verified.lines) lines before it verify")
        } else if !verified.ended {
            Self.warn(
                "\(sanitized(file)): no end line: the recording stopped without closing the journal (a crash), or "
                    + "lines were cut from its end; the \(verified.lines) lines there verify")
        }
        let parent = verified.header.parent.map {
            " (a branch of \(sanitized($0.file)), whose lines 1–\($0.line) verify with it)"
        }
        print(
            "verified: \(verified.blocks) block\(verified.blocks == 1 ? "" : "s"), \(verified.commands) "
                + "command\(verified.commands == 1 ? "" : "s"), head \(verified.head)\(parent ?? "")")
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("liqtop: warning: \(message)\n".utf8))
    }

    /// A file by its device and inode (the same file by any path), or its path when it cannot be read.
    static func identity(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return path }
        return "\(status.st_dev):\(status.st_ino)"
    }

    /// A journal: at most 4 GB of text, from a regular file (a pipe would wait for ever).
    static func read(_ path: String) throws -> String {
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            throw CLIError("\(path): not a regular file, so not a liqtop journal")
        }
        let data = try ScenarioSource.readFile(path, maximumBytes: Int(UInt32.max))
        guard let text = String(validating: data, as: UTF8.self) else {
            Liqtop.fail("\(path):1: not UTF-8 text, so not a liqtop journal", status: 1)
        }
        if text.contains("\r\n") {
            Liqtop.fail(
                "\(path):1: its lines end in CR LF: it was converted (a journal's lines end in LF alone, and its "
                    + "chain covers every byte); convert it back", status: 1)
        }
        return text
    }

    /// The tick of the journal's last complete line, for the progress line.
    static func lastTick(_ text: String) -> Int {
        guard let line = text.split(separator: "\n").last, let range = line.range(of: "\"tick\": ") else { return 0 }
        return Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    /// The scenario of a header (its market files read again beside it and checked against their SHA-256),
    /// and a branch's parent, read beside the journal and verified to the branch point.
    static func sources(for file: String, chain visited: [String] = []) -> JournalVerifier.Sources {
        let directory = (file as NSString).deletingLastPathComponent
        let visited = visited + [Self.identity(file)]
        return JournalVerifier.Sources(
            scenario: { header in
                let recorded = Dictionary(
                    header.resources.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
                let base = ScenarioSource.resources(for: header.scenarioFile)
                var resources: ScenarioLoader.Resources?
                if let load = base {
                    resources = { @Sendable (path: String) throws(ConfigError) -> (text: String, file: String) in
                        let loaded = try load(path)
                        let sha = sha256Hex(loaded.text)
                        guard recorded[path] == sha else {
                            throw ConfigError(
                                file: loaded.file, line: nil, key: "(whole file)",
                                message: "changed since the recording (its SHA-256 is \(sha.prefix(12))…, the "
                                    + "journal's \((recorded[path] ?? "none").prefix(12))…)")
                        }
                        return loaded
                    }
                }
                return try RiskRun.scenario(
                    header.scenarioText, file: header.scenarioFile, header.sets, resources: resources)
            },
            parent: { parent in
                var path = parent.file.hasPrefix("/") || directory.isEmpty ? parent.file : directory + "/" + parent.file
                // Moved together: a parent named by a path that is gone is looked for beside the branch.
                let beside = (directory.isEmpty ? "" : directory + "/") + (parent.file as NSString).lastPathComponent
                if !FileManager.default.fileExists(atPath: path), FileManager.default.fileExists(atPath: beside) {
                    path = beside
                }
                guard !visited.contains(Self.identity(path)) else {
                    throw CLIError("\(path) is its own ancestor: the parents of this journal go round in a circle")
                }
                guard visited.count < 64 else { throw CLIError("more than 64 generations of branches") }
                let text = try read(path)
                let verified: JournalVerifier.Verified
                do {
                    verified = try JournalVerifier.verify(
                        text, sources: sources(for: path, chain: visited), through: parent.line, tick: parent.tick)
                } catch let failure as JournalVerifier.Failure {
                    throw CLIError("\(path):\(failure.line): \(failure.message)")
                }
                guard verified.lines >= parent.line else {
                    throw CLIError("\(path) has \(verified.lines) lines; the branch starts after line \(parent.line)")
                }
                return (verified.world, verified.head)
            })
    }
}
