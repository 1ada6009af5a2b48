import ArgumentParser
import Foundation
import LiqCore

/// The parts of `liqtop risk`'s command line that need more than a type: durations, shards and `--set`.
enum RiskOptions {
    /// `90m`, `6h`, `2d`, `45s` or plain seconds; more than 0 and at most a year.
    static func seconds(_ text: String) throws -> Int {
        let units: [(Character, Int)] = [("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        var number = Substring(text)
        var scale = 1
        if let last = text.last, let unit = units.first(where: { $0.0 == last }) {
            number = text.dropLast()
            scale = unit.1
        }
        let usage = "--horizon: \(quoted(text)) is not a duration; use seconds or 90m, 6h, 2d"
        guard let value = Double(number), value.isFinite else { throw CLIError(usage) }
        let seconds = value * Double(scale)
        guard seconds > 0 else { throw CLIError("--horizon: \(quoted(text)) is not more than zero") }
        guard seconds >= 1 else { throw CLIError("--horizon: \(quoted(text)) is shorter than a second") }
        guard seconds <= 366 * 86_400 else { throw CLIError("--horizon: \(quoted(text)) is longer than a year") }
        return Int(seconds.rounded())
    }

    /// The scenario named on the command line with `--set KEY=VALUE` overrides (one value each).
    static func scenario(_ argument: String, sets: [String]) throws -> Scenario {
        guard !sets.isEmpty else { return try ScenarioSource.load(argument) }
        let (text, file) = try ScenarioSource.text(argument)
        return try RiskRun.scenario(text, file: file, try combination(sets))
    }

    /// `--set KEY=VALUE` values for one world: one value each, no key twice.
    static func combination(_ sets: [String]) throws -> [(key: String, value: String)] {
        var combination: [(key: String, value: String)] = []
        for set in sets {
            let sweep = try Self.sweep(set)
            guard sweep.values.count == 1 else {
                throw CLIError("--set \(quoted(set)): one value here (sweeps are for 'liqtop risk')")
            }
            combination.append((sweep.key, sweep.values[0]))
        }
        if let twice = combination.map(\.key).firstDuplicate { throw CLIError("--set \(twice) is given twice") }
        return combination
    }

    /// `--path` and `--path-seed` name the same thing; one of them at most.
    static func checkPath(_ path: Int?, pathSeed: UInt64?) throws {
        if path != nil, pathSeed != nil { throw ValidationError("--path and --path-seed name the same path; give one") }
        if let path, path < 0 { throw ValidationError("--path must be 0 or more") }
    }

    /// The seed of the path to replay, if one is asked for.
    static func pathSeed(_ path: Int?, pathSeed: UInt64?, seed: UInt64) -> UInt64? {
        pathSeed ?? path.map { World.pathSeed(seed, path: $0) }
    }

    /// `I/N`: shard I (from 0) of N.
    static func shard(_ text: String, paths: Int) throws -> (index: Int, count: Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw CLIError("--shard: \(quoted(text)) is not I/N (as 0/4: the first of four)")
        }
        guard count >= 1 else { throw CLIError("--shard: \(quoted(text)): N must be at least 1") }
        guard index >= 0, index < count else {
            throw CLIError("--shard: \(quoted(text)): I must be from 0 to N − 1")
        }
        guard count <= paths else {
            throw CLIError("--shard: \(count) shards for \(paths) paths; use at most one per path")
        }
        return (index, count)
    }

    /// The paths of shard `index` of `count`: a contiguous block, so that shard files list their paths in order.
    static func paths(_ total: Int, shard: (index: Int, count: Int)) -> Range<Int> {
        (total * shard.index / shard.count)..<(total * (shard.index + 1) / shard.count)
    }

    /// `KEY=V1,V2,…`, split at commas outside quoted strings ("…" with \ escapes, '…') and brackets.
    static func sweep(_ text: String) throws -> (key: String, values: [String]) {
        guard let equals = text.firstIndex(of: "="), equals > text.startIndex else {
            throw CLIError("--set: \(quoted(text)) is not KEY=VALUE[,VALUE…] (as bots.count=1,3,10)")
        }
        let key = String(text[..<equals])
        var values: [String] = []
        var current = "", depth = 0
        var quote: Character? // the quote a TOML string opened with: " (with \ escapes) or ' (literal)
        var escaped = false
        for character in text[text.index(after: equals)...] {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == "\"" && character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                current.append(character)
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "," where depth == 0:
                values.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        values.append(current)
        values = values.map { $0.trimmingCharacters(in: .whitespaces) }
        guard values.allSatisfy({ !$0.isEmpty }) else { throw CLIError("--set \(quoted(text)): a value is empty") }
        return (key, values)
    }

    /// Every combination of the sweeps' values, the first sweep varying slowest.
    static func combinations(_ sweeps: [(key: String, values: [String])]) -> [[(key: String, value: String)]] {
        sweeps.reduce([[]]) { partial, sweep in
            partial.flatMap { prefix in sweep.values.map { prefix + [(sweep.key, $0)] } }
        }
    }
}

extension Array where Element: Hashable {
    /// The first element that appears again later, if any.
    var firstDuplicate: Element? {
        var seen = Set<Element>()
        return first { !seen.insert($0).inserted }
    }
}
