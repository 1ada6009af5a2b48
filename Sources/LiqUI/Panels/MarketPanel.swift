import LiqCore

/// Per asset: true price against the oracle's, the oracle's age with a STALE or FROZEN badge, the change
/// over the window, a sparkline and DEX depth.
enum MarketPanel {
    static let descriptor = PanelDescriptor(
        panel: .market, column: 0, weight: 2, preferredHeight: 12,
        keys: [
            KeyMap.key(
                [.char("1")], "1/2/3", "−5/+5/−20 %", "shock the selected asset −5 % / +5 % / −20 %", .shockDown5,
                panel: .market),
            KeyMap.key(
                [.char("2")], "2", "+5 %", "+5 % on the selected asset", .shockUp5, panel: .market, bar: false,
                inHelp: false),
            KeyMap.key(
                [.char("3")], "3", "−20 %", "−20 % on the selected asset", .shockDown20, panel: .market, bar: false,
                inHelp: false),
        ],
        rowCount: { snapshot, _ in snapshot.market.count }, render: render)

    /// The trend gives way before DEX depth does: it shrinks first, and drops first.
    static let table = Table([
        .init("ASSET", .fixed(6), gap: 0), .init("TRUE", .fixed(10), .right, gap: 0),
        .init("ORACLE", .fixed(10), .right),
        .init("AGE", .fixed(7), .right), .init("", .fixed(6), priority: 5), .init("CHG", .fixed(8), .right, gap: 0),
        .init("TREND", .flexible(min: 5, max: 12), priority: 2), .init("DEX DEPTH", .fixed(10), .right, priority: 3),
    ])

    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Market", focused: view.focus == .market)
        let trendWidth = table.layout(width: inner.width).first { $0.column == 6 }?.width ?? 0
        let rows = snapshot.market.map { row -> [Table.Cell] in
            let truePrice = Double(row.truePrice) / 1e8, oracle = Double(row.oraclePrice) / 1e8
            let gap = oracle == 0 ? 0 : abs(truePrice - oracle) / oracle
            let change = Double(row.changeBps) / 100
            let paused =
                RiskParameter.allCases.firstIndex(of: .paused).map {
                    $0 < row.riskParameters.count && row.riskParameters[$0] != 0
                } ?? false
            let badge =
                paused ? "PAUSED" : row.isManipulated ? "FORGED" : row.isFrozen ? "FROZEN" : row.isStale ? "STALE" : ""
            return [
                .init(row.symbol, Style(.text, bold: true)), .init(Widgets.price(truePrice)),
                .init(Widgets.price(oracle), Style(gap > 0.05 ? .critical : gap > 0.005 ? .warn : .text)),
                .init(age(row.oracleAgeSeconds), Style(row.isStale ? .critical : .dim)),
                .init(badge, Style(.critical, bold: true)),
                .init(changeText(change), Style(change < -2 ? .critical : change < 0 ? .warn : .good)),
                .init(Widgets.sparkline(row.sparkline, width: trendWidth), Style(.accent)),
                .init(row.dexDepthUSD.map(Widgets.usd) ?? "—", Style(.dim)),
            ]
        }
        table.render(rows, selected: view.focus == .market ? view.selected(.market) : nil, into: &buffer, in: inner)
    }

    /// "+3.4 %", "−34.8 %"; beyond ±9,999 % (a price set from nothing), "+>9999 %" rather than digits cut off.
    static func changeText(_ percent: Double) -> String {
        let sign = percent >= 0 ? "+" : "−"
        guard abs(percent) < 9_999.95 else { return sign + ">9999 %" }
        return sign + Widgets.fixed(abs(percent), abs(percent) >= 1_000 ? 0 : 1) + " %"
    }

    static func age(_ seconds: Int64) -> String {
        seconds < 120
            ? "\(seconds)s" : seconds < 3_600 ? "\(seconds / 60)m" : "\(seconds / 3_600)h\(seconds / 60 % 60)m"
    }
}
