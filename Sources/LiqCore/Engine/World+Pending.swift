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

/// A window of the ordering: the accounts in it (not yet quoted), where it starts, and how many
/// liquidatable accounts match in all.
public struct PendingWindow: Sendable, Equatable {
    public var version: Int
    public var query: PendingQuery
    public var accounts: [Int]
    public var offset: Int
    public var matching: Int
}

extension World {
    /// Profit ordering quotes this many accounts beyond the window, taken from the largest debts.
    static let profitShortlistMargin = 100

    /// The window for `query`: the kept one while neither the index nor the query has changed.
    func pendingWindow(_ query: PendingQuery, summary: RiskSummary) -> PendingWindow {
        if let kept = keptPendingWindow, kept.version == riskIndex.version, kept.query == query { return kept }
        let needle = query.filter.lowercased()
        let end = query.offset + query.limit
        // The most urgent without a filter: the summary's shortlist already holds them.
        if needle.isEmpty, query.order == .urgency, end + 20 <= summary.mostUrgent.count {
            return PendingWindow(version: riskIndex.version, query: query, accounts: summary.mostUrgent.map(\.account),
                                 offset: 0, matching: summary.liquidatableCount)
        }
        var matching = 0
        let confirmed = Set(summary.confirmed)
        var urgent = Smallest<UrgentEntry>(query.order == .urgency ? end : 0)
        var largest = Smallest<LargestDebt>(query.order == .urgency ? 0 : end + (query.order == .profit ? Self.profitShortlistMargin : 0))
        let certain = 1 - RiskIndex.certainBelow
        for account in 0..<riskIndex.count where riskIndex.debtUSD(account: account) > 0 {
            let estimate = riskIndex.healthFactor(account: account)
            let liquidatable = estimate < certain && riskIndex.debtUSD(account: account) >= 1 || confirmed.contains(account)
            guard liquidatable, needle.isEmpty || pool.accounts.id(at: account).lowercased().contains(needle) else { continue }
            matching += 1
            switch query.order {
            case .urgency: urgent.insert(UrgentEntry(estimate: estimate, account: account))
            case .debt, .profit: largest.insert(LargestDebt(debt: riskIndex.debtUSD(account: account), account: account))
            }
        }
        let ordered = query.order == .urgency ? urgent.sorted.map(\.account) : largest.sorted.map(\.account)
        switch query.order {
        case .urgency, .debt:
            return PendingWindow(version: riskIndex.version, query: query, accounts: Array(ordered.dropFirst(query.offset)),
                                 offset: query.offset, matching: matching)
        case .profit:
            // Profit needs exact quotes: the largest debts, quoted, ordered by profit; the window is cut after.
            return PendingWindow(version: riskIndex.version, query: query, accounts: ordered, offset: 0, matching: matching)
        }
    }

    /// Keeps the window for `query` until the index or the query changes.
    public mutating func updatePendingWindow(_ query: PendingQuery, curveAsset: Int? = nil) {
        keptPendingWindow = pendingWindow(query, summary: riskSummary(curveAsset: curveAsset ?? defaultCurveAsset))
    }

    /// The rows of the window, quoted exactly; accounts the exact arithmetic finds not liquidatable are left out.
    func pendingRows(_ query: PendingQuery, summary: RiskSummary) -> (rows: [Snapshot.PendingLiquidation], offset: Int, matching: Int) {
        let window = pendingWindow(query, summary: summary)
        var rows: [Snapshot.PendingLiquidation] = []
        // Windows that start at the top are quoted 20 rows beyond their end, so that accounts that turn out
        // not to be liquidatable leave no hole; deeper windows quote just their rows.
        let wanted = window.offset == 0 ? query.offset + query.limit : query.limit
        for account in window.accounts {
            if window.offset == 0, query.order != .profit, rows.count >= wanted + 20 { break }
            if let row = pendingRow(account) { rows.append(row) }
            if window.offset > 0, rows.count >= wanted { break }
        }
        switch query.order {
        case .urgency: rows.sort { ($0.healthFactor, $0.account) < ($1.healthFactor, $1.account) }
        case .debt: rows.sort { ($0.debtUSD, -$0.account) > ($1.debtUSD, -$1.account) }
        case .profit: rows.sort { ($0.estimatedProfitUSD, -$0.account) > ($1.estimatedProfitUSD, -$1.account) }
        }
        if window.offset == 0 { rows = Array(rows.dropFirst(query.offset)) }
        rows = Array(rows.prefix(query.limit))
        // A window that reaches the end of the ordering knows exactly how many rows there are: an account whose
        // quote finds nothing to liquidate (the dust rule, say) is not counted as a row the screen cannot show.
        let reachesEnd = window.offset + window.accounts.count >= window.matching && rows.count < query.limit
        return (rows, query.offset, reachesEnd ? query.offset + rows.count : window.matching)
    }

    /// One account's row: the exact quote, the profit's parts, and its status.
    func pendingRow(_ account: Int) -> Snapshot.PendingLiquidation? {
        guard let quote = try? pool.quotePosition(accountIndex: account), let liquidation = quote.liquidation else { return nil }
        let breakdown = try? profitBreakdown(liquidation)
        let status: Snapshot.PendingStatus = switch liquidationStatus[account] {
        case .inMempool?: .inMempool
        case .failed(let reason)?: .failed(reason)
        case nil: .pending
        }
        return Snapshot.PendingLiquidation(
            account: account, accountID: pool.accounts.id(at: account), healthFactor: quote.healthFactor,
            collateralUSD: riskIndex.collateralUSD(account: account), debtUSD: riskIndex.debtUSD(account: account),
            quote: liquidation, estimatedProfitUSD: breakdown.map { Double($0.profit) / 1e8 } ?? 0, status: status,
            saleProceedsUSD: breakdown.map { Double($0.proceeds) / 1e8 } ?? 0,
            debtCostUSD: breakdown.map { Double($0.cost) / 1e8 } ?? 0,
            gasUSD: breakdown.map { Double($0.gas + $0.premium) / 1e8 } ?? 0,
            saleAmountOut: breakdown?.amountOut, soldOnDEX: breakdown?.dex ?? false)
    }
}
