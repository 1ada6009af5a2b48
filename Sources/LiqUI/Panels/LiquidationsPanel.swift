import LiqCore

/// Liquidatable accounts, most urgent first, with selection, sort and filter.
enum LiquidationsPanel {
    static let descriptor = PanelDescriptor(
        panel: .liquidations, column: 1, weight: 1,
        keys: [
            KeyMap.key(
                [.char("s")], "s", "sort", "sort pending liquidations: HF, debt, profit", .sort, panel: .liquidations)
        ],
        rowCount: { snapshot, _ in snapshot.pendingMatching }, render: render)

    /// Narrow panels drop the collateral and bonus columns first (the walkthrough has them). ACCOUNT fits a
    /// shortened address (`0x1a2b…9f0e`).
    static let table = Table([
        .init("ACCOUNT", .fixed(11), gap: 0), .init("HF", .fixed(7), .right, gap: 0),
        .init("COLL", .fixed(9), .right, priority: 1),
        .init("DEBT", .fixed(9), .right), .init("MAX REPAY", .fixed(10), .right),
        .init("BONUS", .fixed(6), .right, priority: 1),
        .init("PROFIT", .fixed(9), .right), .init("STATUS", .flexible(min: 10, max: 40), gap: 2),
    ])

    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let total = snapshot.pendingMatching
        let filtered = !view.filter.isEmpty || view.filtering
        let count =
            filtered
            ? "\(Widgets.count(total)) of \(Widgets.count(snapshot.liquidatableAccounts)) match"
            : Widgets.count(snapshot.liquidatableAccounts)
        // Profit takes an exact quote per account: it ranks the largest debts only.
        let ranked =
            view.sort == .profit && snapshot.liquidatableAccounts > World.profitShortlist
            ? " of the \(Widgets.count(World.profitShortlist)) largest debts" : ""
        let title =
            "Pending liquidations (\(count)) · sort \(view.sort.label)\(ranked)"
            + (filtered ? " · /\(view.filter)\(view.filtering ? "▏" : "") (esc clears)" : "")
        let inner = Widgets.box(&buffer, rect, title: title, focused: view.focus == .liquidations)
        guard inner.height > 0 else { return }
        if total == 0 {
            table.render([], into: &buffer, in: inner)
            let message =
                filtered
                ? "no liquidatable account matches /\(view.filter)"
                : snapshot.botsEnabled
                    ? "nothing liquidatable right now"
                    : "nothing liquidatable right now (bots are off: a turns them on)"
            buffer.put(message, x: inner.x, y: inner.y + 1, style: Style(.dim), clip: inner)
            return
        }
        // Positions are in the whole ordering; the snapshot holds the rows around the cursor. An account its
        // largest debt and collateral cannot liquidate shows why; a position without a row yet (the frame after
        // a long jump) shows as a placeholder.
        let cursor = Reducer.liquidationCursor(view, snapshot: snapshot)
        let visible = max(0, inner.height - 1)
        let first = max(0, min(cursor - visible + 1, total - visible))
        let byPosition = Dictionary(
            snapshot.pendingLiquidations.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        let blocked = Dictionary(
            snapshot.blockedLiquidations.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = (first..<min(total, first + visible)).map { position in
            byPosition[position].map { cells($0, snapshot) } ?? blocked[position].map(cells)
                ?? [Table.Cell("…", Style(.dim))]
        }
        table.render(rows, selected: view.focus == .liquidations ? cursor - first : nil, into: &buffer, in: inner)
    }

    static func cells(_ row: Snapshot.PendingLiquidation, _ snapshot: Snapshot) -> [Table.Cell] {
        let quote = row.quote
        let decimals =
            quote.request.debtReserve < snapshot.market.count ? snapshot.market[quote.request.debtReserve].decimals : 0
        let debtValue = Double(quote.debtRepaid) / tenTo(decimals) * Double(quote.debtPrice) / 1e8
        let status: (String, ColorRole) =
            switch row.status {
            case .pending: ("pending", .warn)
            case .inMempool: ("in mempool", .accent)
            case .failed(let failure): ("failed: " + failure.summary, .critical)
            }
        let hf = row.healthFactor.approximateValue
        return [
            .init(sanitized(Addresses.shortened(row.accountID))),
            .init(Widgets.fixed(hf, 4), Style(Thresholds.health(hf))),
            .init(Widgets.usd(row.collateralUSD)), .init(Widgets.usd(row.debtUSD)), .init(Widgets.usd(debtValue)),
            .init(Widgets.fixed(Double(quote.liquidationBonusBps) / 100 - 100, 1) + "%", Style(.dim)),
            .init(Widgets.usd(row.estimatedProfitUSD), Style(row.estimatedProfitUSD > 0 ? .good : .critical)),
            .init(status.0, Style(status.1)),
        ]
    }

    /// A liquidatable account its largest pair cannot liquidate: the figures, and the protocol's reason.
    static func cells(_ row: Snapshot.BlockedLiquidation) -> [Table.Cell] {
        let hf = row.healthFactor.approximateValue
        return [
            .init(sanitized(Addresses.shortened(row.accountID))),
            .init(Widgets.fixed(hf, 4), Style(Thresholds.health(hf))),
            .init(Widgets.usd(row.collateralUSD)), .init(Widgets.usd(row.debtUSD)), .init("-", Style(.dim)),
            .init("-", Style(.dim)), .init("-", Style(.dim)),
            .init("cannot: " + LiquidationFailure.reverted(row.reason).summary, Style(.dim)),
        ]
    }

    static func tenTo(_ decimals: Int) -> Double {
        var value = 1.0
        for _ in 0..<decimals { value *= 10 }
        return value
    }
}
