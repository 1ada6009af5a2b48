import LiqCore

/// The health-factor distribution around 1.0, totals per asset, and the liquidations-versus-price curve.
enum CollateralPanel {
    static let descriptor = PanelDescriptor(
        panel: .collateral, column: 1, weight: 1,
        rowCount: { snapshot, _ in snapshot.assets.count }, render: render)

    static let assetTable = Table([
        .init("ASSET", .fixed(6), gap: 0), .init("COLLATERAL", .fixed(11), .right), .init("DEBT", .fixed(9), .right),
        .init("BORROW APR", .fixed(12), .right, priority: 5), .init("DEFICIT", .fixed(9), .right, priority: 6),
    ])

    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Collateral ratios", focused: view.focus == .collateral)
        guard inner.height > 0 else { return }
        let halves = inner.columns(inner.width < 60 ? [0.4, 0.6] : [0.5, 0.5])
        let left = halves[0],
            right = Rect(x: halves[1].x + 1, y: inner.y, width: halves[1].width - 1, height: inner.height)
        // Histogram of health factors (accounts with debt), coloured healthy → at risk → liquidatable.
        buffer.put(
            left.width >= 24 ? "HEALTH FACTOR  ACCOUNTS" : "HF        ACCOUNTS", x: left.x, y: left.y,
            style: Style(.header, bold: true), clip: left)
        let most = max(1, snapshot.healthHistogram.map(\.accounts).max() ?? 1)
        for (index, bucket) in snapshot.healthHistogram.enumerated() where left.y + 1 + index < left.maxY {
            let y = left.y + 1 + index
            let role = Thresholds.health(index == 0 ? 0 : HealthBands.edges[index - 1] + 0.001)
            buffer.put(Widgets.left(bucket.label, 9), x: left.x, y: y, style: Style(role), clip: left)
            let width = max(1, left.width - 17)
            let length = bucket.accounts == 0 ? 0 : max(1, bucket.accounts * width / most)
            buffer.put(String(repeating: "■", count: length), x: left.x + 10, y: y, style: Style(role), clip: left)
            buffer.put(
                Widgets.right(Widgets.count(bucket.accounts, width: 6), 6), x: left.maxX - 6, y: y, style: Style(.text),
                clip: left)
        }
        // Right: totals (shorter lines when narrow), then the curve for the selected asset.
        var y = right.y
        let utilisation = snapshot.totalSuppliedUSD == 0 ? 0 : snapshot.totalBorrowedUSD / snapshot.totalSuppliedUSD
        let deficitStyle = Style(snapshot.totalDeficitUSD > 0 ? .critical : .good, bold: true)
        if right.width >= 48 {
            let (supplied, borrowed) = (Widgets.usd(snapshot.totalSuppliedUSD), Widgets.usd(snapshot.totalBorrowedUSD))
            buffer.put("supplied \(supplied)  borrowed \(borrowed)", x: right.x, y: y, style: Style(.text), clip: right)
            y += 1
            let used = buffer.put(
                "utilisation \(Widgets.fixed(utilisation * 100, 1)) %  deficit ", x: right.x, y: y, style: Style(.text),
                clip: right)
            buffer.put(Widgets.usd(snapshot.totalDeficitUSD), x: right.x + used, y: y, style: deficitStyle, clip: right)
            y += 1
        } else {
            buffer.put(
                "supplied \(Widgets.usd(snapshot.totalSuppliedUSD))", x: right.x, y: y, style: Style(.text), clip: right
            )
            buffer.put(
                "borrowed \(Widgets.usd(snapshot.totalBorrowedUSD))", x: right.x, y: y + 1, style: Style(.text),
                clip: right)
            let used = buffer.put(
                "util \(Widgets.fixed(utilisation * 100, 1)) % deficit ", x: right.x, y: y + 2, style: Style(.text),
                clip: right)
            buffer.put(
                Widgets.usd(snapshot.totalDeficitUSD), x: right.x + used, y: y + 2, style: deficitStyle, clip: right)
            y += 3
        }
        // The liquidations-versus-price curve of the asset selected in Market, highest price first.
        let price = snapshot.market.first { $0.symbol == snapshot.curveAsset }.map { Double($0.oraclePrice) / 1e8 } ?? 0
        let followers = snapshot.market.filter { $0.tracks == snapshot.curveAsset }.map(\.symbol)
        let moving = ([snapshot.curveAsset] + followers).joined(separator: "+")
        let verb = snapshot.liquidationCurve.contains { $0.movePercent > 0 } ? "moves" : "falls"
        let labels = [
            "collateral liquidatable if \(moving) \(verb)", "liquidatable if \(moving) \(verb)", "if \(moving) \(verb)",
        ]
        buffer.put(
            labels.first { $0.count <= right.width } ?? labels[2], x: right.x, y: y,
            style: Style(.header, bold: true), clip: right)
        y += 1
        let most2 = max(1, snapshot.liquidationCurve.map(\.collateralUSD).max() ?? 1)
        let rowsForCurve = max(1, right.maxY - y)
        // Every step-th point counted from today's price, so "now" is always a row.
        let now = snapshot.liquidationCurve.firstIndex { $0.movePercent == 0 } ?? 0
        let step = max(1, (snapshot.liquidationCurve.count + rowsForCurve - 1) / rowsForCurve)
        for (index, point) in snapshot.liquidationCurve.enumerated()
        where (index - now) % step == 0 && y < right.maxY {
            let width = max(1, right.width - 26)
            let length = max(0, min(width, Int(clamping: point.collateralUSD / most2 * Double(width))))
            let move = point.movePercent
            let label = move == 0 ? "now" : move > 0 ? "+\(move)%" : "−\(-move)%"
            let at = Widgets.price(price * (1 + Double(move) / 100))
            buffer.put(
                Widgets.right(label, 4) + " " + Widgets.right(at, 9), x: right.x, y: y,
                style: Style(move == 0 ? .accent : .dim, bold: move == 0), clip: right)
            buffer.put(
                String(repeating: "▬", count: length), x: right.x + 15, y: y,
                style: Style(abs(move) <= 10 ? .alert : .warn), clip: right)
            buffer.put(
                Widgets.right(Widgets.usd(point.collateralUSD), 9), x: right.maxX - 9, y: y, style: Style(.text),
                clip: right)
            y += 1
        }
        guard y + 1 < right.maxY else { return }
        let rows = snapshot.assets.map { asset -> [Table.Cell] in
            [
                .init(asset.symbol, Style(.dim)), .init(Widgets.usd(asset.collateralUSD), Style(.dim)),
                .init(Widgets.usd(asset.borrowedUSD), Style(.dim)),
                .init(Widgets.fixed(asset.borrowRate, 2) + " %", Style(.dim)),
                .init(
                    asset.deficitUSD > 0 ? Widgets.usd(asset.deficitUSD) : "-",
                    Style(asset.deficitUSD > 0 ? .critical : .dim)),
            ]
        }
        assetTable.render(
            rows, selected: view.focus == .collateral ? view.selected(.collateral) : nil, into: &buffer,
            in: Rect(x: right.x, y: y, width: right.width, height: right.maxY - y))
    }
}
