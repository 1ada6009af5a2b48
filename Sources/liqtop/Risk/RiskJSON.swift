import Foundation
import LiqCore

/// What a risk run is, as its files' header lines and its summary name it.
struct RiskRunIdentity: Equatable {
    var version: String
    var scenario: String
    var digest: String
    var seed: UInt64
    var paths: Int
    var horizonS: Int
    /// The fast path mode (`--fast`).
    var fast: Bool
    /// What the accounts already underwater at the start owe beyond their collateral (in every path's figure).
    var underwaterAtStartUSD: Double
    /// The SCENARIO argument as given (a built-in name or a file), for the commands that replay a path.
    var source: String
    /// The scenario's own `[[events]]`: they happen in every path.
    var scriptedEvents: Int
    var set: [(key: String, value: String)]

    static func == (lhs: RiskRunIdentity, rhs: RiskRunIdentity) -> Bool {
        lhs.version == rhs.version && lhs.scenario == rhs.scenario && lhs.digest == rhs.digest && lhs.seed == rhs.seed
            && lhs.paths == rhs.paths && lhs.horizonS == rhs.horizonS && lhs.fast == rhs.fast
            && lhs.set.map(\.key) == rhs.set.map(\.key)
            && lhs.set.map(\.value) == rhs.set.map(\.value)
    }

    var setJSON: JSONValue { .object(set.map { ($0.key, .string($0.value)) }) }
}

/// The JSON of `liqtop risk`: the summary (docs/interfaces.md), and the lines of `--out` that `risk merge` reads.
enum RiskJSON {
    static func usd(_ value: Double) -> JSONValue { .string(String(format: "%.2f", value)) }
    static func share(_ value: Double) -> JSONValue { .number(String(format: "%.4f", value)) }

    static func summary(_ report: RiskReport, _ run: RiskRunIdentity, shard: String?) -> JSONValue {
        func split(_ split: RiskReport.Split) -> JSONValue {
            .object([
                ("paths", .number(String(split.paths))), ("mean_bad_debt_usd", usd(split.meanBadDebtUSD)),
                ("var95_usd", usd(split.var95USD)),
            ])
        }
        var members: [(String, JSONValue)] = [
            ("scenario", .string(run.scenario)), ("seed", .number(String(run.seed))),
            ("paths", .number(String(report.paths))), ("horizon_s", .number(String(run.horizonS))),
            ("mode", .string(run.fast ? "fast" : "full")), ("underwater_at_start_usd", usd(run.underwaterAtStartUSD)),
            ("scripted_events", .number(String(run.scriptedEvents))),
        ]
        if let shard { members.append(("shard", .string(shard))) }
        if !run.set.isEmpty { members.append(("set", run.setJSON)) }
        members += [
            ("mean_bad_debt_usd", usd(report.meanBadDebtUSD)), ("p50_bad_debt_usd", usd(report.p50BadDebtUSD)),
            ("var95_usd", usd(report.var95USD)), ("evar99_usd", usd(report.evar99USD)),
            ("cvar95_usd", usd(report.cvar95USD)), ("p_any_bad_debt", share(report.pAnyBadDebt)),
            ("liquidations_mean", .number(String(format: "%.2f", report.liquidationsMean))),
            ("liquidated_debt_usd_p95", usd(report.liquidatedDebtUSDp95)),
            ("max_oracle_staleness_s_p95", .number(String(Int(report.maxOracleStalenessSp95)))),
            ("finality_stall_share", share(report.finalityStallShare)),
            ("with_faults", split(report.withFaults)), ("without_faults", split(report.withoutFaults)),
            ("worst_paths", .array(report.worst.map { path($0, summary: true) })),
        ]
        return .object(members)
    }

    /// A path as `--out` writes it (and as the summary's worst paths show it, with fewer figures).
    static func path(_ outcome: PathOutcome, summary: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .number(String(outcome.path))), ("seed", .string(String(outcome.seed))),
            ("bad_debt_usd", usd(outcome.badDebtUSD)),
        ]
        if !summary {
            members += [
                ("realised_bad_debt_usd", usd(outcome.realisedBadDebtUSD)),
                ("unrealised_bad_debt_usd", usd(outcome.unrealisedBadDebtUSD)),
                ("liquidations", .number(String(outcome.liquidations))),
                ("liquidated_debt_usd", usd(outcome.liquidatedDebtUSD)),
                ("max_oracle_staleness_s", .number(String(outcome.maxOracleStalenessS))),
                ("finality_stalled", .bool(outcome.finalityStalled)),
            ]
        }
        members += [
            (
                "faults",
                .array(
                    outcome.faults.map { fault in
                        .object([
                            ("kind", .string(fault.kind)), ("target", .string(fault.target)),
                            ("start_s", .number(String(fault.startS))),
                            ("duration_s", .number(String(fault.durationS))),
                        ])
                    })
            ),
            (
                "moves",
                .array(
                    outcome.moves.map { move in
                        .object([
                            ("asset", .string(move.asset)), ("percent", .number(String(format: "%.2f", move.percent))),
                        ])
                    })
            ),
        ]
        return .object(members)
    }

    static func header(_ run: RiskRunIdentity, shard: (index: Int, count: Int)) -> JSONValue {
        .object([
            ("liqtop_risk", .number("1")), ("version", .string(run.version)), ("scenario", .string(run.scenario)),
            ("scenario_sha256", .string(run.digest)), ("seed", .number(String(run.seed))),
            ("paths", .number(String(run.paths))), ("horizon_s", .number(String(run.horizonS))),
            ("mode", .string(run.fast ? "fast" : "full")), ("underwater_at_start_usd", usd(run.underwaterAtStartUSD)),
            ("source", .string(run.source)), ("scripted_events", .number(String(run.scriptedEvents))),
            ("shard", .string("\(shard.index)/\(shard.count)")),
            ("set", .array(run.set.map { .array([.string($0.key), .string($0.value)]) })),
        ])
    }
}
