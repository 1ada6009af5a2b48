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
            FileHandle.standardError.write(
                Data(
                    ("liqtop: warning: \(sanitized(file)):\(line): the last line is cut short (the recording stopped "
                        + "while writing it); the \(verified.lines) lines before it verify\n").utf8))
        }
        print("verified: \(verified.blocks) blocks, \(verified.commands) commands, head \(verified.head)")
    }

    /// A journal: at most 4 GB of text.
    static func read(_ path: String) throws -> String {
        let data = try ScenarioSource.readFile(path, maximumBytes: Int(UInt32.max))
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError("\(path): not UTF-8 text, so not a liqtop journal")
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
    static func sources(for file: String) -> JournalVerifier.Sources {
        let directory = (file as NSString).deletingLastPathComponent
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
                let path = parent.file.hasPrefix("/") || directory.isEmpty ? parent.file : directory + "/" + parent.file
                let text = try read(path)
                let verified: JournalVerifier.Verified
                do {
                    verified = try JournalVerifier.verify(
                        text, sources: sources(for: path), through: parent.line, tick: parent.tick)
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
