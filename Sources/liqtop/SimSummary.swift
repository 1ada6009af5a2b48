import Foundation
import LiqCore

/// `liqtop sim`'s summary: the JSON keys of docs/interfaces.md, or a few readable lines.
struct SimSummary {
    let world: World
    let ticks: Int
    let seed: UInt64
    let hash: String

    var nodesUp: Int { world.network.nodes.indices.filter { world.network.isUp($0, at: world.nowMs) }.count }
    func usd(_ base: UInt128) -> String { DecimalAmount.format(base, decimals: 8) }

    func json() -> JSONValue {
        .object([
            ("scenario", .string(world.scenarioName)),
            ("seed", .number(String(seed))),
            ("ticks", .number(String(ticks))),
            ("sim_seconds", .number(DecimalAmount.format(UInt128(world.nowMs), decimals: 3))),
            ("blocks_produced", .number(String(world.chain.blocksProduced))),
            ("missed_slots", .number(String(world.chain.missedSlots))),
            ("head_height", .number(String(world.chain.height))),
            ("finalized_height", .number(String(world.chain.finalizedHeight))),
            ("liquidations", .number(String(world.statistics.liquidations))),
            ("failed_liquidations", .number(String(world.statistics.failedLiquidations))),
            ("debt_repaid_usd", .string(usd(world.statistics.debtRepaidBase))),
            ("bad_debt_usd", .string(usd(world.statistics.badDebtBase))),
            ("unrealised_bad_debt_usd", .string(String(format: "%.2f", world.unrealisedBadDebtUSD))),
            ("oracle_updates", .number(String(world.statistics.oracleUpdates))),
            ("max_oracle_staleness_s", .number(String(world.statistics.maxOracleStalenessMs / 1_000))),
            ("nodes_up", .number(String(nodesUp))),
            ("nodes_total", .number(String(world.network.nodes.count))),
            ("events", .number(String(world.eventCount))),
            ("state_hash", .string(hash)),
        ])
    }

    func text(elapsedSeconds: Double) -> String {
        let s = world.statistics
        let minutes = world.nowMs / 60_000
        let chain = world.chain
        let took = String(format: "%.2f", elapsedSeconds)
        let repaid = DecimalAmount.format(s.debtRepaidBase, decimals: 8, places: 2)
        let badDebt = DecimalAmount.format(s.badDebtBase, decimals: 8, places: 2)
        let underwaterCents = (world.unrealisedBadDebtUSD * 100).rounded()
        let underwater = DecimalAmount.format(
            underwaterCents.isFinite && underwaterCents >= 0 && underwaterCents < 1e30 ? UInt128(underwaterCents) : 0,
            decimals: 2, places: 2)
        return """
            \(sanitized(world.scenarioName)) — seed \(seed), \(ticks) ticks = \(minutes / 60) h \(minutes % 60) min \
            simulated in \(took) s
            chain      head \(chain.height), finalized \(chain.finalizedHeight), \(chain.blocksProduced) blocks, \
            \(chain.missedSlots) missed slots
            network    \(nodesUp)/\(world.network.nodes.count) nodes up
            oracles    \(s.oracleUpdates) updates, prices stale for up to \(s.maxOracleStalenessMs / 1_000) s
            lending    \(s.liquidations) liquidations (\(s.failedLiquidations) failed), $\(repaid) repaid, \
            $\(badDebt) bad debt (+ $\(underwater) underwater, not yet liquidated)
            state      \(hash)
            """
    }
}
