import Foundation

/// One benchmark's samples and their summary.
struct BenchResult {
    var name: String
    var n: Int
    var unit: String
    var samples: [Double]

    var sorted: [Double] { samples.sorted() }
    var median: Double { sorted.isEmpty ? 0 : sorted[sorted.count / 2] }
    var p90: Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 9 / 10)] }
    var minimum: Double { sorted.first ?? 0 }
    var maximum: Double { sorted.last ?? 0 }

    /// Warms up, then times `runs` calls of `body`, in milliseconds.
    /// `after` sees each sample (ms) once it is taken, outside the timing.
    static func measure(
        _ name: String, n: Int, unit: String, runs: Int, warmup: Int = 2, _ body: () throws -> Void,
        after: (Double) -> Void = { _ in }
    ) throws -> BenchResult {
        for _ in 0..<warmup { try body() }
        let clock = ContinuousClock()
        var samples: [Double] = []
        for _ in 0..<runs {
            let elapsed = try clock.measure(body)
            samples.append(Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15)
            after(samples[samples.count - 1])
        }
        return BenchResult(name: name, n: n, unit: unit, samples: samples)
    }

    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static let header = "BENCHMARK              N  UNIT        MEDIAN        P90        MIN        MAX  RUNS"

    var line: String {
        func number(_ value: Double) -> String { String(format: "%10.3f", value) }
        return
            "\(name.padding(toLength: 15, withPad: " ", startingAt: 0)) \(String(format: "%8d", n))  "
            + "\(unit.padding(toLength: 7, withPad: " ", startingAt: 0)) \(number(median)) \(number(p90)) "
            + "\(number(minimum)) \(number(maximum))  \(samples.count)"
    }

    var json: String {
        func number(_ value: Double) -> JSONValue { .number(String(format: "%.4f", value)) }
        return JSONValue.object([
            ("name", .string(name)), ("n", .number(String(n))), ("unit", .string(unit)),
            ("median", number(median)), ("p90", number(p90)), ("min", number(minimum)),
            ("max", number(maximum)), ("runs", .number(String(samples.count))),
        ]).compact()
    }
}
