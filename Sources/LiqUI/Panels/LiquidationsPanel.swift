import LiqCore

/// Liquidatable accounts, most urgent first, with selection, sort and filter.
enum LiquidationsPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let rows = Reducer.liquidationRows(snapshot, view)
        let total = snapshot.pendingMatching
        let filtered = !view.filter.isEmpty || view.filtering
        let count = filtered ? "\(Widgets.count(total)) of \(Widgets.count(snapshot.liquidatableAccounts)) match" : Widgets.count(snapshot.liquidatableAccounts)
        // Profit takes an exact quote per account: it ranks the largest debts only.
        let ranked = view.sort == .profit && snapshot.liquidatableAccounts > World.profitShortlist
            ? " of the \(Widgets.count(World.profitShortlist)) largest debts" : ""
        let title = "Pending liquidations (\(count)) · sort \(view.sort.label)\(ranked)"
            + (filtered ? " · /\(view.filter)\(view.filtering ? "▏" : "") (esc clears)" : "")
        let inner = Widgets.box(&buffer, rect, title: title, focused: view.focus == .liquidations)
        guard inner.height > 0 else { return }
        let narrow = inner.width < 86
        buffer.put(narrow ? "ACCOUNT        HF      DEBT  MAX REPAY   PROFIT  STATUS"
                          : "ACCOUNT        HF      COLL      DEBT  MAX REPAY  BONUS   PROFIT  STATUS", x: inner.x, y: inner.y,
                   style: Style(.header, bold: true), clip: inner)
        if total == 0 {
            let message = filtered ? "no liquidatable account matches /\(view.filter)"
                : snapshot.botsEnabled ? "nothing liquidatable right now" : "nothing liquidatable right now (bots are off: a turns them on)"
            buffer.put(message, x: inner.x, y: inner.y + 1, style: Style(.dim), clip: inner)
            return
        }
        // Positions are in the whole ordering; the snapshot holds the rows around the cursor. A position without
        // a row (not sent yet, the frame after a long jump; or an account its default pair cannot liquidate)
        // shows as a placeholder.
        let cursor = Reducer.liquidationCursor(view, snapshot: snapshot)
        let visible = max(0, inner.height - 1)
        let first = max(0, min(cursor - visible + 1, total - visible))
        let byPosition = Dictionary(rows.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        for position in first..<min(total, first + visible) {
            let y = inner.y + 1 + position - first
            let selected = view.focus == .liquidations && position == cursor
            guard let row = byPosition[position] else {
                buffer.put("…", x: inner.x, y: y, style: Style(selected ? .selection : .dim, reverse: selected), clip: inner)
                continue
            }
            let base = selected ? Style(.selection, reverse: true) : Style()
            if selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: base)) }
            func cell(_ text: String, _ column: Int, _ role: ColorRole) {
                buffer.put(text, x: inner.x + column, y: y, style: selected ? base : Style(role), clip: inner)
            }
            let quote = row.quote
            cell(Widgets.left(sanitized(row.accountID), 10), 0, .text)
            cell(Widgets.right(Widgets.fixed(row.healthFactor.approximateValue, 4), 8), 10, Thresholds.health(row.healthFactor.approximateValue))
            // Narrow panels drop the collateral and bonus columns (the walkthrough has them).
            let shift = narrow ? 10 : 0
            if !narrow { cell(Widgets.right(Widgets.usd(row.collateralUSD), 9), 19, .text) }
            cell(Widgets.right(Widgets.usd(row.debtUSD), 9), 29 - shift, .text)
            let decimals = quote.request.debtReserve < snapshot.market.count ? snapshot.market[quote.request.debtReserve].decimals : 0
            let debtValue = Double(quote.debtRepaid) / tenTo(decimals) * Double(quote.debtPrice) / 1e8
            cell(Widgets.right(Widgets.usd(debtValue), 10), 39 - shift, .text)
            if !narrow { cell(Widgets.right(Widgets.fixed(Double(quote.liquidationBonusBps) / 100 - 100, 1) + "%", 6), 50, .dim) }
            cell(Widgets.right(Widgets.usd(row.estimatedProfitUSD), 9), narrow ? 40 : 56, row.estimatedProfitUSD > 0 ? .good : .critical)
            let status: (String, ColorRole) = switch row.status {
            case .pending: ("pending", .warn)
            case .inMempool: ("in mempool", .accent)
            case .failed(let failure): ("failed: " + failure.summary, .critical)
            }
            cell(status.0, narrow ? 51 : 67, status.1)
        }
    }

    static func tenTo(_ decimals: Int) -> Double {
        var value = 1.0
        for _ in 0..<decimals { value *= 10 }
        return value
    }
}
