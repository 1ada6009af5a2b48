import LiqCore

/// Per asset: true price against the oracle's, the oracle's age with a STALE badge past its heartbeat,
/// change over the window, a sparkline and DEX depth.
enum MarketPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Market", focused: view.focus == .market)
        guard inner.height > 0 else { return }
        // The trend gives way before DEX depth does: up to 12 columns of sparkline, then the depth (10) if it fits.
        let trend = max(0, min(12, inner.width - 51 - 11))
        let depthColumn = trend > 0 ? 51 + trend + 1 : 51
        let header = "ASSET        TRUE     ORACLE     AGE          CHG  " + (trend >= 5 ? Widgets.left("TREND", trend + 1) : String(repeating: " ", count: trend > 0 ? trend + 1 : 0))
        buffer.put(header + (inner.width >= depthColumn + 10 ? Widgets.right("DEX DEPTH", 10) : ""), x: inner.x, y: inner.y,
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
            if trend > 0 { cell(Widgets.sparkline(row.sparkline, width: trend), 51, .accent) }
            if inner.width >= depthColumn + 10 { cell(Widgets.right(row.dexDepthUSD.map(Widgets.usd) ?? "—", 10), depthColumn, .dim) }
        }
    }

    static func age(_ seconds: Int64) -> String {
        seconds < 120 ? "\(seconds)s" : seconds < 3_600 ? "\(seconds / 60)m" : "\(seconds / 3_600)h\(seconds / 60 % 60)m"
    }
}
