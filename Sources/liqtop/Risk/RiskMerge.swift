import ArgumentParser
import Foundation
import LiqCore

struct RiskMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the --out files of a run's shards and print its summary.",
        discussion: """
            The files must come from one run (the same liqtop version, scenario text, --set, seed, --paths and
            --horizon) and hold every path exactly once. The summary is the one the unsplit run prints, byte for byte.
            """)

    @Argument(help: ArgumentHelp("The --out files of the shards.", valueName: "file"))
    var files: [String]

    @Flag(help: "Print JSON (one object, or one line per combination of --set).")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("risk merge needs at least one file") }
    }

    func run() throws {
        var runs: [(identity: RiskRunIdentity, outcomes: [Int: PathOutcome])] = []
        var shards: [String: Set<String>] = [:]
        for file in files {
            let text = try ScenarioSource.readText(file)
            var identity: RiskRunIdentity?
            var lineNumber = 0
            // "\r\n" is one Character: lines ended CRLF (a file that passed through Windows) split as well.
            let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            let endsWithNewline = text.unicodeScalars.last == "\n"
            for (index, line) in lines.enumerated() {
                lineNumber += 1
                guard !line.isEmpty else { continue }
                let place = "\(sanitized(file)):\(lineNumber)"
                let record: RiskRecord
                do {
                    record = try RiskRecord(line: String(line), place: place)
                } catch let error as CLIError where index == lines.count - 1 && !endsWithNewline {
                    // The last line without its newline, and unreadable: a copy or a write cut short.
                    throw CLIError("\(error.description) (the file's last line is cut short: an interrupted copy?)")
                }
                switch record {
                case .header(let header, let shard):
                    if let first = runs.first?.identity { try Self.check(header, against: first, place: place) }
                    identity = header
                    if !runs.contains(where: { $0.identity == header }) { runs.append((header, [:])) }
                    let key = header.set.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                    guard shards[key, default: []].insert(shard).inserted else {
                        throw CLIError("\(place): shard \(shard) is given twice")
                    }
                case .path(let outcome):
                    guard let current = identity, let run = runs.firstIndex(where: { $0.identity == current }) else {
                        throw CLIError("\(place): a path before the run's header line; is this a risk --out file?")
                    }
                    guard (0..<current.paths).contains(outcome.path) else {
                        throw CLIError("\(place): path \(outcome.path) is outside the run's \(current.paths) paths")
                    }
                    guard outcome.seed == World.pathSeed(current.seed, path: outcome.path) else {
                        throw CLIError("\(place): path \(outcome.path)'s seed is not the run's; the line was changed")
                    }
                    guard runs[run].outcomes.updateValue(outcome, forKey: outcome.path) == nil else {
                        throw CLIError("\(place): path \(outcome.path) is given twice")
                    }
                }
            }
            guard identity != nil else {
                throw CLIError("\(sanitized(file)): no risk header line; is this a risk --out file?")
            }
        }
        var reports: [(RiskRunIdentity, RiskReport)] = []
        for (identity, outcomes) in runs {
            let missing = (0..<identity.paths).filter { outcomes[$0] == nil }
            guard missing.isEmpty else {
                let set =
                    identity.set.isEmpty
                    ? "" : " (" + identity.set.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
                let verb = missing.count == 1 ? "is" : "are"
                throw CLIError(
                    "risk merge: \(missing.count) of \(identity.paths) paths \(verb) missing\(set), "
                        + "from path \(missing[0]); is a shard's file left out?")
            }
            reports.append((identity, RiskReport(Array(outcomes.values))))
        }
        let sweep = runs.count > 1
        RiskPrinter.print(reports, json: json, sweep: sweep, shard: nil)
    }

    /// Shards of one run share everything but the shard and the swept values.
    static func check(_ header: RiskRunIdentity, against first: RiskRunIdentity, place: String) throws {
        let pairs: [(String, String, String)] = [
            ("liqtop version", header.version, first.version),
            ("scenario", header.scenario, first.scenario),
            ("seed", String(header.seed), String(first.seed)),
            ("paths", String(header.paths), String(first.paths)),
            ("horizon", "\(header.horizonS) s", "\(first.horizonS) s"),
            ("mode", header.fast ? "fast" : "full", first.fast ? "fast" : "full"),
            ("swept keys", header.set.map(\.key).joined(separator: ","), first.set.map(\.key).joined(separator: ",")),
        ]
        for (what, this, that) in pairs where this != that {
            throw CLIError(
                "\(place): \(what) \(this) differs from the first file's \(that); these are not shards of one run")
        }
        if header.digest != first.digest {
            throw CLIError(
                "\(place): the scenario's text differs from the first file's; these are not shards of one run")
        }
    }
}

/// One line of a risk `--out` file, read with `JSONDecoder` (which reads a 64-bit seed exactly).
enum RiskRecord {
    case header(RiskRunIdentity, shard: String)
    case path(PathOutcome)

    private struct Header: Decodable {
        var liqtopRisk: Int
        var version: String
        var scenario: String
        var scenarioSha256: String
        var seed: UInt64
        var paths: Int
        var horizonS: Int
        var mode: String
        var underwaterAtStartUsd: String
        var source: String
        var scriptedEvents: Int
        var shard: String
        var set: [[String]]
    }

    private struct Path: Decodable {
        struct Fault: Decodable {
            var kind: String
            var target: String
            var startS: Int
            var durationS: Int
        }
        struct Move: Decodable {
            var asset: String
            var percent: Double
        }
        var path: Int
        var seed: String
        var realisedBadDebtUsd: String
        var unrealisedBadDebtUsd: String
        var liquidations: Int
        var liquidatedDebtUsd: String
        var maxOracleStalenessS: Int
        var finalityStalled: Bool
        var faults: [Fault]
        var moves: [Move]
    }

    /// A path's seed: a decimal string (a JSON number would lose digits past 2^53 in most readers).
    static func seed(_ text: String, _ place: String) throws -> UInt64 {
        guard let value = UInt64(text) else { throw CLIError("\(place): seed \(quoted(text)) is not a path seed") }
        return value
    }

    /// Up to $10^15: more than any market holds, and a figure that prints as a whole number of dollars.
    static func usd(_ text: String, _ key: String, _ place: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value >= 0, value <= 1e15 else {
            throw CLIError("\(place): \(key) \(quoted(text)) is not an amount")
        }
        return value
    }

    private struct Format: Decodable { var liqtopRisk: Int? }

    init(line: String, place: String) throws {
        let data = Data(line.utf8)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let format = try? decoder.decode(Format.self, from: data) else {
            throw CLIError("\(place): not a JSON object; is this a risk --out file?")
        }
        do {
            if let version = format.liqtopRisk {
                guard version == 1 else {
                    throw CLIError("\(place): a risk file of format \(version); this liqtop reads format 1")
                }
                let header = try decoder.decode(Header.self, from: data)
                guard header.set.allSatisfy({ $0.count == 2 }) else { throw CLIError("\(place): set is not valid") }
                // What `liqtop risk` itself accepts, so that a hostile or damaged header cannot make merge trap
                // or try to hold a billion paths.
                guard (1...10_000_000).contains(header.paths) else {
                    throw CLIError("\(place): paths \(header.paths) is not from 1 to 10000000")
                }
                guard (1...366 * 86_400).contains(header.horizonS) else {
                    throw CLIError("\(place): horizon_s \(header.horizonS) is not from 1 s to 366 days")
                }
                guard ["full", "fast"].contains(header.mode) else {
                    throw CLIError("\(place): mode \(quoted(header.mode)) is neither \"full\" nor \"fast\"")
                }
                let identity = RiskRunIdentity(
                    version: header.version, scenario: header.scenario, digest: header.scenarioSha256,
                    seed: header.seed, paths: header.paths, horizonS: header.horizonS, fast: header.mode == "fast",
                    underwaterAtStartUSD: try Self.usd(header.underwaterAtStartUsd, "underwater_at_start_usd", place),
                    source: header.source, scriptedEvents: max(0, header.scriptedEvents),
                    set: header.set.map { ($0[0], $0[1]) })
                self = .header(identity, shard: header.shard)
                return
            }
            guard data.count > 2, line.contains("\"path\"") else {
                throw CLIError("\(place): not a line of a risk --out file (no \"liqtop_risk\" header, no \"path\")")
            }
            let path = try decoder.decode(Path.self, from: data)
            for (key, value) in [
                ("path", path.path), ("liquidations", path.liquidations),
                ("max_oracle_staleness_s", path.maxOracleStalenessS),
            ] where !(0...1_000_000_000_000).contains(value) {
                throw CLIError("\(place): \(key) \(value) is out of range")
            }
            func usd(_ text: String, _ key: String) throws -> Double { try Self.usd(text, key, place) }
            self = .path(
                PathOutcome(
                    path: path.path, seed: try Self.seed(path.seed, place),
                    realisedBadDebtUSD: try usd(path.realisedBadDebtUsd, "realised_bad_debt_usd"),
                    unrealisedBadDebtUSD: try usd(path.unrealisedBadDebtUsd, "unrealised_bad_debt_usd"),
                    liquidations: path.liquidations,
                    liquidatedDebtUSD: try usd(path.liquidatedDebtUsd, "liquidated_debt_usd"),
                    maxOracleStalenessS: path.maxOracleStalenessS, finalityStalled: path.finalityStalled,
                    faults: path.faults.map {
                        PathOutcome.Fault(
                            kind: $0.kind, target: $0.target, startS: $0.startS, durationS: $0.durationS)
                    },
                    moves: path.moves.map { PathOutcome.PriceMove(asset: $0.asset, percent: $0.percent) }))
        } catch let error as CLIError {
            throw error
        } catch DecodingError.keyNotFound(let key, _) {
            throw CLIError("\(place): \(key.stringValue) is missing")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw CLIError("\(place): \(key) is not valid")
        } catch {
            throw CLIError("\(place): not a risk line")
        }
    }
}
