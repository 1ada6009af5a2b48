import LiqCore

/// Per asset: true price against the oracle's, the oracle's age with a STALE badge past its heartbeat,
/// change over the window, a sparkline and DEX depth.
enum MarketPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Market", focused: view.focus == .market)
        guard inner.height > 0 else { return }
        buffer.put("ASSET        TRUE     ORACLE     AGE          CHG  TREND         DEX DEPTH", x: inner.x, y: inner.y,
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
            cell(Widgets.right((change >= 0 ? "+" : "−") + Widgets.fixed(abs(change), 1) + " %", 8), 42, change < -2 ? .critical : change < 0 ? .warn : .good)
            cell(Widgets.sparkline(row.sparkline, width: 12), 51, .accent)
            cell(Widgets.right(row.dexDepthUSD.map(Widgets.usd) ?? "—", 10), 64, .dim)
        }
    }

    static func age(_ seconds: Int64) -> String {
        seconds < 120 ? "\(seconds)s" : seconds < 3_600 ? "\(seconds / 60)m" : "\(seconds / 3_600)h\(seconds / 60 % 60)m"
    }
}

/// The health-factor distribution around 1.0, totals per asset, and the liquidations-versus-price curve.
enum CollateralPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Collateral ratios", focused: view.focus == .collateral)
        guard inner.height > 0 else { return }
        let halves = inner.columns(inner.width < 60 ? [0.4, 0.6] : [0.5, 0.5])
        let left = halves[0], right = Rect(x: halves[1].x + 1, y: inner.y, width: halves[1].width - 1, height: inner.height)
        // Histogram of health factors (accounts with debt), coloured healthy → at risk → liquidatable.
        buffer.put(left.width >= 24 ? "HEALTH FACTOR  ACCOUNTS" : "HF        ACCOUNTS", x: left.x, y: left.y,
                   style: Style(.header, bold: true), clip: left)
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
        // Right: totals (shorter lines when narrow), then the curve for the selected asset.
        var y = right.y
        let utilisation = snapshot.totalSuppliedUSD == 0 ? 0 : snapshot.totalBorrowedUSD / snapshot.totalSuppliedUSD
        let deficitStyle = Style(snapshot.totalDeficitUSD > 0 ? .critical : .good, bold: true)
        if right.width >= 48 {
            buffer.put("supplied \(Widgets.usd(snapshot.totalSuppliedUSD))  borrowed \(Widgets.usd(snapshot.totalBorrowedUSD))",
                       x: right.x, y: y, style: Style(.text), clip: right)
            y += 1
            let used = buffer.put("utilisation \(Widgets.fixed(utilisation * 100, 1)) %  deficit ", x: right.x, y: y, style: Style(.text), clip: right)
            buffer.put(Widgets.usd(snapshot.totalDeficitUSD), x: right.x + used, y: y, style: deficitStyle, clip: right)
            y += 1
        } else {
            buffer.put("supplied \(Widgets.usd(snapshot.totalSuppliedUSD))", x: right.x, y: y, style: Style(.text), clip: right)
            buffer.put("borrowed \(Widgets.usd(snapshot.totalBorrowedUSD))", x: right.x, y: y + 1, style: Style(.text), clip: right)
            let used = buffer.put("util \(Widgets.fixed(utilisation * 100, 1)) % deficit ", x: right.x, y: y + 2, style: Style(.text), clip: right)
            buffer.put(Widgets.usd(snapshot.totalDeficitUSD), x: right.x + used, y: y + 2, style: deficitStyle, clip: right)
            y += 3
        }
        // The liquidations-versus-price curve of the asset selected in Market, from today's price down.
        let price = snapshot.market.first { $0.symbol == snapshot.curveAsset }.map { Double($0.oraclePrice) / 1e8 } ?? 0
        buffer.put((right.width >= 40 ? "collateral " : "") + "liquidatable if \(snapshot.curveAsset) falls", x: right.x, y: y,
                   style: Style(.header, bold: true), clip: right)
        y += 1
        let most2 = max(1, snapshot.liquidationCurve.map(\.collateralUSD).max() ?? 1)
        let rowsForCurve = max(0, right.maxY - y)
        let step = max(1, (snapshot.liquidationCurve.count + rowsForCurve - 1) / max(1, rowsForCurve))
        for (index, point) in snapshot.liquidationCurve.enumerated() where index % step == 0 && y < right.maxY {
            let width = max(1, right.width - 26)
            let length = Int(point.collateralUSD / most2 * Double(width))
            let label = point.dropPercent == 0 ? "now" : "−\(point.dropPercent)%"
            let at = Widgets.price(price * (1 - Double(point.dropPercent) / 100))
            buffer.put(Widgets.right(label, 4) + " " + Widgets.right(at, 9), x: right.x, y: y,
                       style: Style(point.dropPercent == 0 ? .accent : .dim, bold: point.dropPercent == 0), clip: right)
            buffer.put(String(repeating: "▬", count: length), x: right.x + 15, y: y, style: Style(point.dropPercent <= 10 ? .alert : .warn), clip: right)
            buffer.put(Widgets.right(Widgets.usd(point.collateralUSD), 9), x: right.maxX - 9, y: y, style: Style(.text), clip: right)
            y += 1
        }
        guard y + 1 < right.maxY else { return }
        buffer.put("ASSET   COLLATERAL      DEBT   BORROW APR", x: right.x, y: y, style: Style(.header, bold: true), clip: right)
        y += 1
        for (index, asset) in snapshot.assets.enumerated() where y < right.maxY {
            let selected = view.focus == .collateral && index == view.selected(.collateral)
            let line = "\(Widgets.left(asset.symbol, 6)) \(Widgets.right(Widgets.usd(asset.collateralUSD), 11)) \(Widgets.right(Widgets.usd(asset.borrowedUSD), 9)) \(Widgets.right(Widgets.fixed(asset.borrowRate, 2), 10)) %"
            buffer.put(line, x: right.x, y: y, style: selected ? Style(.selection, reverse: true) : Style(.dim), clip: right)
            y += 1
        }
    }
}

/// Liquidatable accounts, most urgent first, with selection, sort and filter.
enum LiquidationsPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let rows = Reducer.liquidationRows(snapshot, view)
        let filtered = !view.filter.isEmpty || view.filtering
        let count = filtered ? "\(rows.count) of \(snapshot.pendingLiquidations.count) shown" : "\(snapshot.liquidatableAccounts)"
        let title = "Pending liquidations (\(count)) · sort \(view.sort.label)"
            + (filtered ? " · /\(view.filter)\(view.filtering ? "▏" : "") (esc clears)" : "")
        let inner = Widgets.box(&buffer, rect, title: title, focused: view.focus == .liquidations)
        guard inner.height > 0 else { return }
        let narrow = inner.width < 86
        buffer.put(narrow ? "ACCOUNT        HF      DEBT  MAX REPAY   PROFIT  STATUS"
                          : "ACCOUNT        HF      COLL      DEBT  MAX REPAY  BONUS   PROFIT  STATUS", x: inner.x, y: inner.y,
                   style: Style(.header, bold: true), clip: inner)
        if rows.isEmpty {
            let message = filtered && !snapshot.pendingLiquidations.isEmpty ? "no account matches /\(view.filter)"
                : snapshot.botsEnabled ? "nothing liquidatable right now" : "nothing liquidatable right now (bots are off: a turns them on)"
            buffer.put(message, x: inner.x, y: inner.y + 1, style: Style(.dim), clip: inner)
            return
        }
        let cursor = Reducer.liquidationCursor(view, rows: rows)
        let visible = max(0, inner.height - 1)
        let first = max(0, min(cursor - visible + 1, rows.count - visible))
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = inner.y + 1 + offset
            let selected = view.focus == .liquidations && first + offset == cursor
            let base = selected ? Style(.selection, reverse: true) : Style()
            if selected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), with: Cell(" ", style: base)) }
            func cell(_ text: String, _ column: Int, _ role: ColorRole) {
                buffer.put(text, x: inner.x + column, y: y, style: selected ? base : Style(role), clip: inner)
            }
            let quote = row.quote
            cell(Widgets.left(sanitized(row.accountID), 10), 0, .text)
            cell(Widgets.right(Widgets.fixed(row.healthFactor.approximateValue, 4), 8), 10, Widgets.healthRole(row.healthFactor.approximateValue))
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
            case .failed(let reason): ("failed: " + shortReason(reason), .critical)
            }
            cell(status.0, narrow ? 51 : 67, status.1)
        }
    }

    /// A failure reason in a few words (the full name is in the events and `liqtop quote`).
    static func shortReason(_ reason: String) -> String {
        switch reason {
        case "HEALTH_FACTOR_NOT_BELOW_THRESHOLD": "HF ≥ 1 by then"
        case "COLLATERAL_CANNOT_BE_LIQUIDATED": "collateral gone"
        case "SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER": "debt repaid"
        case "MUST_NOT_LEAVE_DUST": "would leave dust"
        case "PRICE_ORACLE_SENTINEL_CHECK_FAILED": "sequencer check"
        case "FLASH_LOAN_NOT_REPAID": "sale short of loan"
        case "INSUFFICIENT_BALANCE", "wallet short of debt asset": "wallet short"
        default: reason.lowercased()
        }
    }

    static func tenTo(_ decimals: Int) -> Double {
        var value = 1.0
        for _ in 0..<decimals { value *= 10 }
        return value
    }
}

/// The recent events, newest first, scrollable.
enum EventsPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Events", focused: view.focus == .events)
        guard inner.height > 0 else { return }
        let events = Reducer.shownEvents(snapshot)
        if events.isEmpty {
            buffer.put("nothing yet: faults, shocks, oracle updates and liquidations show here", x: inner.x, y: inner.y, style: Style(.dim), clip: inner)
        }
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
