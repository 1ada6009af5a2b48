import LiqCore

/// Per asset: true price against the oracle's, the oracle's age with a STALE badge past its heartbeat,
/// change over the window, a sparkline and DEX depth.
enum MarketPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Market", focused: view.focus == .market)
        guard inner.height > 0 else { return }
        buffer.put("ASSET        TRUE     ORACLE     AGE      CHG  TREND         DEX DEPTH", x: inner.x, y: inner.y,
                   style: Style(.header, bold: true), clip: inner)
        for (index, row) in snapshot.market.enumerated() where inner.y + 1 + index < inner.maxY {
            let y = inner.y + 1 + index
            let selected = view.focus == .market && index == view.selected(.market)
            let base = selected ? Style(.selection, reverse: true) : Style()
            if selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: base)) }
            func cell(_ text: String, _ column: Int, _ role: ColorRole, bold: Bool = false) {
                buffer.put(text, x: inner.x + column, y: y, style: selected ? base : Style(role, bold: bold), clip: inner)
            }
            let truePrice = Double(row.truePrice) / 1e8, oracle = Double(row.oraclePrice) / 1e8
            let gap = oracle == 0 ? 0 : abs(truePrice - oracle) / oracle
            cell(Widgets.left(row.symbol, 7), 0, .text, bold: true)
            cell(Widgets.right(Widgets.price(truePrice), 10), 6, .text)
            cell(Widgets.right(Widgets.price(oracle), 10), 17, gap > 0.05 ? .critical : gap > 0.005 ? .warn : .text)
            cell(Widgets.right(age(row.oracleAgeSeconds), 7), 28, row.isStale ? .critical : .dim)
            if row.isFrozen { cell("FROZEN", 36, .critical, bold: true) } else if row.isStale { cell("STALE", 36, .critical, bold: true) }
            let change = Double(row.changeBps) / 100
            cell(Widgets.right((change >= 0 ? "+" : "") + Widgets.fixed(change, 1) + "%", 7), 37, change < -2 ? .critical : change < 0 ? .warn : .good)
            cell(Widgets.sparkline(row.sparkline, width: 12), 46, .accent)
            cell(Widgets.right(row.dexDepthUSD.map(Widgets.usd) ?? "—", 10), 59, .dim)
        }
    }

    static func age(_ seconds: Int64) -> String {
        seconds < 120 ? "\(seconds)s" : seconds < 7_200 ? "\(seconds / 60)m" : "\(seconds / 3_600)h"
    }
}

/// The health-factor distribution around 1.0, totals per asset, and the liquidations-versus-price curve.
enum CollateralPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Collateral ratios", focused: view.focus == .collateral)
        guard inner.height > 0 else { return }
        let halves = inner.columns([0.5, 0.5])
        let left = halves[0], right = Rect(x: halves[1].x + 1, y: inner.y, width: halves[1].width - 1, height: inner.height)
        // Histogram of health factors (accounts with debt), coloured healthy → at risk → liquidatable.
        buffer.put("HEALTH FACTOR  ACCOUNTS", x: left.x, y: left.y, style: Style(.header, bold: true), clip: left)
        let most = max(1, snapshot.healthHistogram.map(\.accounts).max() ?? 1)
        let lows: [Double] = [0, 0.9, 0.95, 1.0, 1.05, 1.1, 1.25, 1.5, 2, 3]
        for (index, bucket) in snapshot.healthHistogram.enumerated() where left.y + 1 + index < left.maxY {
            let y = left.y + 1 + index
            let role = Widgets.healthRole(lows[index] + 0.001)
            buffer.put(Widgets.left(bucket.label, 9), x: left.x, y: y, style: Style(role), clip: left)
            let width = max(1, left.width - 17)
            let length = bucket.accounts == 0 ? 0 : max(1, bucket.accounts * width / most)
            buffer.put(String(repeating: "■", count: length), x: left.x + 10, y: y, style: Style(role), clip: left)
            buffer.put(Widgets.right("\(bucket.accounts)", 6), x: left.maxX - 6, y: y, style: Style(.text), clip: left)
        }
        // Right: totals, then the curve for the selected asset.
        var y = right.y
        let utilisation = snapshot.totalSuppliedUSD == 0 ? 0 : snapshot.totalBorrowedUSD / snapshot.totalSuppliedUSD
        buffer.put("supplied \(Widgets.usd(snapshot.totalSuppliedUSD))  borrowed \(Widgets.usd(snapshot.totalBorrowedUSD))",
                   x: right.x, y: y, style: Style(.text), clip: right)
        y += 1
        buffer.put("utilisation \(Widgets.fixed(utilisation * 100, 1)) %  deficit ", x: right.x, y: y, style: Style(.text), clip: right)
        buffer.put(Widgets.usd(snapshot.totalDeficitUSD), x: right.x + 24 + Widgets.fixed(utilisation * 100, 1).count, y: y,
                   style: Style(snapshot.totalDeficitUSD > 0 ? .critical : .good, bold: true), clip: right)
        y += 1
        for (index, asset) in snapshot.assets.enumerated() where y < right.maxY - 4 {
            let selected = view.focus == .collateral && index == view.selected(.collateral)
            let line = "\(Widgets.left(asset.symbol, 6)) \(Widgets.right(Widgets.usd(asset.collateralUSD), 8)) coll \(Widgets.right(Widgets.usd(asset.borrowedUSD), 8)) debt \(Widgets.right(Widgets.fixed(asset.borrowRate, 2), 5))%"
            buffer.put(line, x: right.x, y: y, style: selected ? Style(.selection, reverse: true) : Style(.dim), clip: right)
            y += 1
        }
        guard y < right.maxY - 1 else { return }
        buffer.put("liquidatable if \(snapshot.curveAsset) falls:", x: right.x, y: y, style: Style(.header, bold: true), clip: right)
        y += 1
        let most2 = max(1, snapshot.liquidationCurve.map(\.collateralUSD).max() ?? 1)
        for point in snapshot.liquidationCurve.dropFirst() where y < right.maxY {
            let width = max(1, right.width - 16)
            let length = Int(point.collateralUSD / most2 * Double(width))
            buffer.put(Widgets.right("−\(point.dropPercent)%", 4), x: right.x, y: y, style: Style(.dim), clip: right)
            buffer.put(String(repeating: "▬", count: length), x: right.x + 5, y: y, style: Style(point.dropPercent <= 10 ? .alert : .warn), clip: right)
            buffer.put(Widgets.right(Widgets.usd(point.collateralUSD), 9), x: right.maxX - 9, y: y, style: Style(.text), clip: right)
            y += 1
        }
    }
}

/// Liquidatable accounts, most urgent first, with selection, sort and filter.
enum LiquidationsPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let title = "Pending liquidations (\(snapshot.liquidatableAccounts)) · sort \(view.sort.label)"
            + (view.filter.isEmpty && !view.filtering ? "" : " · /\(view.filter)\(view.filtering ? "▏" : "")")
        let inner = Widgets.box(&buffer, rect, title: title, focused: view.focus == .liquidations)
        guard inner.height > 0 else { return }
        buffer.put("ACCOUNT        HF      COLL      DEBT  MAX REPAY       BONUS   PROFIT  STATUS", x: inner.x, y: inner.y,
                   style: Style(.header, bold: true), clip: inner)
        let rows = Reducer.liquidationRows(snapshot, view)
        if rows.isEmpty {
            buffer.put(snapshot.botsEnabled ? "nothing liquidatable right now" : "nothing liquidatable right now (bots off: a)",
                       x: inner.x, y: inner.y + 1, style: Style(.dim), clip: inner)
            return
        }
        let visible = max(0, inner.height - 1)
        let first = max(0, min(view.selected(.liquidations) - visible + 1, rows.count - visible))
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = inner.y + 1 + offset
            let selected = view.focus == .liquidations && first + offset == view.selected(.liquidations)
            let base = selected ? Style(.selection, reverse: true) : Style()
            if selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: base)) }
            func cell(_ text: String, _ column: Int, _ role: ColorRole) {
                buffer.put(text, x: inner.x + column, y: y, style: selected ? base : Style(role), clip: inner)
            }
            let quote = row.quote
            cell(Widgets.left(sanitized(row.accountID), 10), 0, .text)
            cell(Widgets.right(Widgets.fixed(row.healthFactor.approximateValue, 4), 8), 10, Widgets.healthRole(row.healthFactor.approximateValue))
            cell(Widgets.right(Widgets.usd(row.collateralUSD), 9), 19, .text)
            cell(Widgets.right(Widgets.usd(row.debtUSD), 9), 29, .text)
            let debtValue = Double(quote.debtRepaid) * Double(quote.debtPrice) / 1e8 / pow10(quote)
            cell(Widgets.right(Widgets.usd(debtValue), 10), 39, .text)
            cell(Widgets.right(Widgets.fixed(Double(quote.liquidationBonusBps) / 100 - 100, 1) + "%", 7), 51, .dim)
            cell(Widgets.right(Widgets.usd(row.estimatedProfitUSD), 9), 58, row.estimatedProfitUSD > 0 ? .good : .critical)
            let status: (String, ColorRole) = switch row.status {
            case .pending: ("pending", .warn)
            case .inMempool: ("in mempool", .accent)
            case .failed(let reason): ("failed " + reason, .critical)
            }
            cell(status.0, 69, status.1)
        }
    }

    /// 10^decimals of the quote's debt asset, from its request (prices and units travel with the quote).
    static func pow10(_ quote: LiquidationQuote) -> Double {
        guard quote.userReserveDebt > 0 else { return 1 }
        // userReserveDebtBase = debt · price / unit, so unit = debt · price / base.
        let base = Double(quote.userReserveDebtBase)
        return base == 0 ? 1 : Double(quote.userReserveDebt) * Double(quote.debtPrice) / base
    }
}

/// The recent events, newest first, scrollable.
enum EventsPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Events", focused: view.focus == .events)
        guard inner.height > 0 else { return }
        let events = snapshot.recentEvents.filter { $0.kind != .block && $0.kind != .justified }.reversed()
        for (offset, event) in events.dropFirst(view.eventScroll).prefix(inner.height).enumerated() {
            let role: ColorRole = switch event.kind {
            case .liquidation: .good
            case .failedLiquidation: .warn
            case .deficit, .fault, .finalityStalled, .missedSlot: .critical
            case .shock, .price: .alert
            case .recovery, .finalized: .accent
            default: .dim
            }
            let used = buffer.put(Widgets.clock(event.timeMs) + " ", x: inner.x, y: inner.y + offset, style: Style(.dim), clip: inner)
            buffer.put(sanitized(event.message), x: inner.x + used, y: inner.y + offset, style: Style(role), clip: inner)
        }
    }
}
