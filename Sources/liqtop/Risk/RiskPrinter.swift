import Foundation
import LiqCore
import LiqUI

/// Prints the summaries of a risk run: a table per combination, or JSON (one pretty object for a single run,
/// one compact object per line for a sweep, so that each combination is a line to filter).
enum RiskPrinter {
    static func print(_ reports: [(RiskRunIdentity, RiskReport)], json: Bool, sweep: Bool, shard: String?) {
        if json {
            for (identity, report) in reports {
                let object = RiskJSON.summary(report, identity, shard: shard)
                Swift.print(sweep ? object.compact() : object.rendered())
            }
        } else if sweep {
            Swift.print(sweepTable(reports))
        } else if let (identity, report) = reports.first {
            Swift.print(text(report, identity, shard: shard))
        }
    }

    static func money(_ usd: Double) -> String { "$" + DecimalAmount.grouped(Int(usd.rounded())) }
    static func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
    /// "12.5", or "1,135" from a hundred up.
    static func count(_ value: Double) -> String {
        value >= 100 ? DecimalAmount.grouped(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static func text(_ report: RiskReport, _ run: RiskRunIdentity, shard: String?) -> String {
        var lines = [
            "\(run.scenario): \(paths(report.paths)) of \(Widgets.duration(seconds: run.horizonS)), seed \(run.seed)"
                + (run.fast ? ", fast mode" : "")
                + (shard.map { ", shard \($0)" } ?? ""),
            "",
        ]
        let rows: [(String, String)] = [
            ("bad debt, mean", money(report.meanBadDebtUSD)),
            ("bad debt, median", money(report.p50BadDebtUSD)),
            ("VaR 95 (95th percentile)", money(report.var95USD)),
            ("EVaR 99 (99th percentile)", money(report.evar99USD)),
            ("CVaR 95 (mean of the worst 5 %)", money(report.cvar95USD)),
            ("paths with bad debt over $1", percent(report.pAnyBadDebt)),
            ("liquidations per path, mean", count(report.liquidationsMean)),
            ("debt liquidated, 95th percentile", money(report.liquidatedDebtUSDp95)),
            ("oracle staleness, 95th percentile", "\(Int(report.maxOracleStalenessSp95)) s"),
            ("paths where finality stalled", percent(report.finalityStallShare)),
            ("underwater at the start (in every path)", money(run.underwaterAtStartUSD)),
            ("the scenario's own events (in every path)", "\(run.scriptedEvents)"),
            ("paths that drew faults", split(report.withFaults)),
            ("paths that drew none", split(report.withoutFaults)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        lines += rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        let sets = run.set.map { " --set " + shellQuoted("\($0.key)=\($0.value)") }.joined()
        lines += [
            "",
            "worst paths (watch one: liqtop run \(shellQuoted(run.source)) --seed \(run.seed)\(sets) --path-seed SEED"
                + (run.horizonS == 86_400 ? "" : " --horizon \(run.horizonS)") + (run.fast ? " --fast" : "") + ")",
        ]
        for outcome in report.worst {
            let faults =
                outcome.faults.isEmpty
                ? "no faults"
                : outcome.faults.prefix(3).map(fault).joined(separator: ", ")
                    + (outcome.faults.count > 3 ? ", +\(outcome.faults.count - 3) more" : "")
            let moves = outcome.moves.prefix(2).map { "\($0.asset) \(String(format: "%+.1f", $0.percent)) %" }
            let path = "path \(outcome.path)".padding(toLength: 11, withPad: " ", startingAt: 0)
            let seed = "seed \(outcome.seed)".padding(toLength: 27, withPad: " ", startingAt: 0)
            lines.append("  \(path)\(seed)\(money(outcome.badDebtUSD))  " + (moves + [faults]).joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }

    static func split(_ split: RiskReport.Split) -> String {
        guard split.paths > 0 else { return "none" }
        return "\(paths(split.paths)), mean \(money(split.meanBadDebtUSD)), VaR 95 \(money(split.var95USD))"
    }

    /// `text` as one word for a POSIX shell: as it is when it holds nothing the shell treats specially, else in
    /// single quotes.
    static func shellQuoted(_ text: String) -> String {
        let plain =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "_./:=,+-@%".unicodeScalars.contains(scalar))
            }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// "1 path", "200 paths".
    static func paths(_ count: Int) -> String { count == 1 ? "1 path" : "\(count) paths" }

    static func fault(_ fault: PathOutcome.Fault) -> String {
        let minutes = max(1, fault.durationS / 60)
        let kind = fault.kind.replacingOccurrences(of: "_", with: " ")
        return "\(kind) \(fault.target) \(minutes) min at \(fault.startS / 60) min"
    }

    /// One row per combination of `--set`: the swept values, then the headline figures.
    static func sweepTable(_ reports: [(RiskRunIdentity, RiskReport)]) -> String {
        let keys = reports.first?.0.set.map(\.key) ?? []
        var table = TextTable(
            headers: keys + ["mean", "VaR 95", "EVaR 99", "CVaR 95", "P(bad debt)", "liquidations"],
            alignments: keys.map { _ in .left } + Array(repeating: .right, count: 6))
        for (identity, report) in reports {
            table.rows.append(
                identity.set.map(\.value) + [
                    money(report.meanBadDebtUSD), money(report.var95USD), money(report.evar99USD),
                    money(report.cvar95USD), percent(report.pAnyBadDebt),
                    count(report.liquidationsMean),
                ])
        }
        return table.rendered().trimmingTrailingSpaces()
    }
}
