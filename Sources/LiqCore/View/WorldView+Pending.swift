/// Which pending liquidations the dashboard lists: a filter on the account id, an order, and a window of
/// rows. With a million accounts the snapshot cannot carry them all; the engine orders and filters them
/// all and sends the window the screen shows.
public struct PendingQuery: Sendable, Equatable {
    public enum Order: Sendable, Equatable { case urgency, debt, profit }
    /// Case-insensitive substring of the account id; empty matches every account.
    public var filter: String
    public var order: Order
    /// Index of the window's first row in the whole ordering, and its length.
    public var offset: Int
    public var limit: Int

    public init(filter: String = "", order: Order = .urgency, offset: Int = 0, limit: Int = 20) {
        self.filter = filter
        self.order = order
        self.offset = max(0, offset)
        self.limit = max(0, limit)
    }
}

/// A window of the ordering: its accounts in order from `offset`, and how many liquidatable accounts the
/// ordering holds.
public struct PendingWindow: Sendable, Equatable {
    public var version: Int
    public var query: PendingQuery
    public var accounts: [Int]
    public var offset: Int
    public var matching: Int
}

extension World {
    /// Profit needs an exact quote per account, so it ranks only this many of the largest debts.
    public static let profitShortlist = 1_000
}

extension WorldView {
    /// The window for `query`, ordered by one key throughout (urgency: the estimate, then the account; debt:
    /// the largest first, then the account; profit: exact profit among the largest debts). The kept one
    /// while neither the index nor the query has changed. An offset past the end comes back to the last page.
    func pendingWindow(_ world: World, _ query: PendingQuery, summary: RiskSummary) -> PendingWindow {
        let riskIndex = world.riskIndex
        if let kept = keptWindow, kept.version == riskIndex.version, kept.query == query { return kept }
        let needle = query.filter.lowercased()
        let confirmed = Set(summary.confirmed)
        func liquidatable(_ account: Int) -> Bool {
            riskIndex.verdict(account: account) == .liquidatable || confirmed.contains(account)
        }
        func window(_ ordered: [Int], matching: Int) -> PendingWindow {
            let offset = max(0, min(query.offset, matching - query.limit))
            return PendingWindow(
                version: riskIndex.version, query: query,
                accounts: Array(ordered.dropFirst(offset).prefix(query.limit)),
                offset: offset, matching: matching)
        }
        let end = query.offset + query.limit
        // The most urgent without a filter: the summary's shortlist holds them, in the same order.
        if needle.isEmpty, query.order == .urgency {
            let listed = summary.mostUrgent.map(\.account).filter(liquidatable)
            if listed.count >= end || listed.count == summary.liquidatableCount {
                return window(listed, matching: summary.liquidatableCount)
            }
        }
        var matching = 0
        var urgent = Smallest<UrgentEntry>(query.order == .urgency ? end : 0)
        var largest = Smallest<World.LargestDebt>(
            query.order == .debt ? end : query.order == .profit ? World.profitShortlist : 0)
        for account in 0..<riskIndex.count where riskIndex.debtUSD(account: account) > 0 {
            guard liquidatable(account),
                needle.isEmpty || world.pool.accounts.id(at: account).lowercased().contains(needle)
            else { continue }
            matching += 1
            switch query.order {
            case .urgency:
                urgent.insert(UrgentEntry(estimate: riskIndex.healthFactor(account: account), account: account))
            case .debt, .profit:
                largest.insert(World.LargestDebt(debt: riskIndex.debtUSD(account: account), account: account))
            }
        }
        switch query.order {
        case .urgency: return window(urgent.sorted.map(\.account), matching: matching)
        case .debt: return window(largest.sorted.map(\.account), matching: matching)
        case .profit:
            let ranked = largest.sorted.compactMap { entry in
                pendingRow(world, entry.account, inMempool: []).map { (entry.account, $0.estimatedProfitUSD) }
            }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.map(\.0)
            return window(ranked, matching: ranked.count)
        }
    }

    /// The rows of the window, in its order, quoted exactly, each with its position. An account the default
    /// pair cannot liquidate (the dust rule, say) is a blocked row at its position, with the protocol's reason.
    func pendingRows(
        _ world: World, _ query: PendingQuery, summary: RiskSummary
    )
        -> (rows: [Snapshot.PendingLiquidation], blocked: [Snapshot.BlockedLiquidation], offset: Int, matching: Int)
    {
        let window = pendingWindow(world, query, summary: summary)
        var inMempool = Set<Int>()
        for transaction in world.chain.mempool {
            if case .liquidation(_, let account, _) = transaction.kind { inMempool.insert(account) }
        }
        var rows: [Snapshot.PendingLiquidation] = []
        var blocked: [Snapshot.BlockedLiquidation] = []
        for (index, account) in window.accounts.enumerated() {
            guard var row = pendingRow(world, account, inMempool: inMempool) else {
                if let quote = try? world.pool.quotePosition(accountIndex: account),
                    case .failure(let reason) = quote.result
                {
                    blocked.append(
                        Snapshot.BlockedLiquidation(
                            position: window.offset + index, account: account, accountID: quote.accountID,
                            healthFactor: quote.healthFactor,
                            collateralUSD: world.riskIndex.collateralUSD(account: account),
                            debtUSD: world.riskIndex.debtUSD(account: account), reason: reason))
                }
                continue
            }
            row.position = window.offset + index
            rows.append(row)
        }
        return (rows, blocked, window.offset, window.matching)
    }

    /// One account's row: the exact quote, the profit's parts, and its status.
    func pendingRow(_ world: World, _ account: Int, inMempool: Set<Int>) -> Snapshot.PendingLiquidation? {
        let (pool, riskIndex) = (world.pool, world.riskIndex)
        guard let quote = try? pool.quotePosition(accountIndex: account), let liquidation = quote.liquidation else {
            return nil
        }
        let breakdown = try? world.profitBreakdown(liquidation)
        let status: Snapshot.PendingStatus =
            inMempool.contains(account) ? .inMempool : failures[account].map { .failed($0) } ?? .pending
        return Snapshot.PendingLiquidation(
            account: account, accountID: pool.accounts.id(at: account), healthFactor: quote.healthFactor,
            collateralUSD: riskIndex.collateralUSD(account: account), debtUSD: riskIndex.debtUSD(account: account),
            quote: liquidation, estimatedProfitUSD: breakdown.map { Double($0.profit) / 1e8 } ?? 0, status: status,
            saleProceedsUSD: breakdown.map { Double($0.proceeds) / 1e8 } ?? 0,
            debtCostUSD: breakdown.map { Double($0.cost) / 1e8 } ?? 0,
            gasUSD: breakdown.map { Double($0.gas + $0.premium) / 1e8 } ?? 0,
            soldOnDEX: breakdown?.dex ?? false)
    }
}
