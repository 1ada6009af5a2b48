import LiqCore

/// Composes a whole frame: (Snapshot, ViewState) → ScreenBuffer.
public enum Dashboard {
    public static let minimumSize = (width: 80, height: 24)
    /// From this size up, every panel is on screen at once.
    public static let gridSize = (width: 150, height: 36)
    /// From this size up (below the grid), every panel is on screen too, in tighter columns.
    public static let middleSize = (width: 100, height: 32)

    public static func render(
        _ snapshot: Snapshot, _ view: ViewState, width: Int, height: Int, frameMicros: Int? = nil
    ) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= minimumSize.width, height >= minimumSize.height else {
            Chrome.tooSmall(into: &buffer, minimum: minimumSize)
            return buffer
        }
        Chrome.header(snapshot, frameMicros: frameMicros, into: &buffer, width: width)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        let rects = panelRects(width: width, height: height, focus: view.focus)
        if rects.count < Panel.allCases.count {
            // Compact: a tab strip naming every panel, the focused one large, the events below.
            var x = 0
            for panel in Panel.allCases {
                let label = " \(panel.title) "
                x += buffer.put(
                    label, x: x, y: body.y,
                    style: panel == view.focus ? Style(.accent, bold: true, reverse: true) : Style(.dim))
            }
        }
        for descriptor in panels {
            if let rect = rects[descriptor.panel] { descriptor.render(snapshot, view, &buffer, rect) }
        }
        switch view.overlay {
        case .help: Chrome.help(view, into: &buffer, area: body)
        case .shock(let dialog): Chrome.shock(dialog, snapshot, into: &buffer, area: body)
        case .proposal(let form): Chrome.proposal(form, snapshot, into: &buffer, area: body)
        case .goTo(let text): Chrome.goTo(text, snapshot, into: &buffer, area: body)
        case .walkthrough(let walkthrough): WalkthroughPanel.render(walkthrough, snapshot, into: &buffer, area: body)
        case .risk(let overlay): RiskPanel.render(overlay, snapshot, into: &buffer, area: body)
        case .none: break
        }
        Chrome.hintBar(view, status: view.status, into: &buffer, y: height - 1, width: width)
        return buffer
    }

    /// Every panel, in focus order (Tab).
    static let panels: [PanelDescriptor] = [
        NodeHealthPanel.descriptor, MarketPanel.descriptor, CollateralPanel.descriptor, LiquidationsPanel.descriptor,
        EventsPanel.descriptor,
    ]

    static func descriptor(_ panel: Panel) -> PanelDescriptor { panels.first { $0.panel == panel }! }

    /// Where each panel sits at this size, from the descriptors: in the grid, each column's panels share its
    /// height by weight and the docked panels run across the bottom; in the middle layout each column's
    /// panels sit side by side in a row; below it, the focused panel (and the docked ones under it) behind a
    /// tab strip.
    public static func panelRects(width: Int, height: Int, focus: Panel) -> [Panel: Rect] {
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        let docked = panels.filter { $0.column == nil }
        let columns = [0, 1].map { column in panels.filter { $0.column == column } }
        var rects: [Panel: Rect] = [:]
        if width >= gridSize.width, height >= gridSize.height {
            let dockHeight = docked.isEmpty ? 0 : max(6, body.height / 5)
            let rows = body.rows([body.height - dockHeight, dockHeight])
            for (column, area) in zip(columns, rows[0].columns([0.46, 0.54])) { stack(column, in: area, into: &rects) }
            for (panel, area) in zip(docked, rows[1].columns(docked.map { _ in 1 / Double(docked.count) })) {
                rects[panel.panel] = area
            }
            return rects
        }
        if width >= middleSize.width, height >= middleSize.height {
            let dockHeight = docked.isEmpty ? 0 : max(5, body.height / 7)
            // Each grid column becomes a row: nodes | market above, collateral | liquidations below.
            let pairs = columns.filter { !$0.isEmpty }
            var remaining = body.height - dockHeight
            var heights: [Int] = []
            for (index, pair) in pairs.enumerated() {
                let fair = remaining / (pairs.count - index)
                let wanted = pair.compactMap(\.preferredHeight).max() ?? fair
                heights.append(index == pairs.count - 1 ? remaining : min(wanted, fair))
                remaining -= heights[heights.count - 1]
            }
            let rows = body.rows(heights + [dockHeight])
            for (index, pair) in pairs.enumerated() {
                // Alternating splits keep the wide tables (pending liquidations) in the wider half.
                let split = index % 2 == 0 ? [0.56, 0.44] : [0.44, 0.56]
                for (panel, area) in zip(pair, rows[index].columns(pair.count == 1 ? [1] : split)) {
                    rects[panel.panel] = area
                }
            }
            for (panel, area) in zip(docked, rows[pairs.count].columns(docked.map { _ in 1 / Double(docked.count) })) {
                rects[panel.panel] = area
            }
            return rects
        }
        let underneath = docked.filter { $0.panel != focus }
        let dockHeight = underneath.isEmpty ? 0 : 6
        let rows = Rect(x: 0, y: body.y + 1, width: width, height: body.height - 1).rows([
            body.height - 1 - dockHeight, dockHeight,
        ])
        rects[focus] = rows[0]
        for (panel, area) in zip(underneath, rows[1].columns(underneath.map { _ in 1 / Double(underneath.count) })) {
            rects[panel.panel] = area
        }
        return rects
    }

    /// A column's panels stacked by weight.
    static func stack(_ column: [PanelDescriptor], in area: Rect, into rects: inout [Panel: Rect]) {
        let total = max(1, column.reduce(0) { $0 + $1.weight })
        let heights = column.map { area.height * $0.weight / total }
        for (panel, rect) in zip(column, area.rows(heights)) { rects[panel.panel] = rect }
    }

    /// Rows a page key moves in the focused panel: its height less the border and the column header.
    /// The rows of help text a screen `height` tall shows: the body (less the header and the hint bar), less
    /// the help box's margin and borders (Chrome.helpRect).
    public static func helpRows(height: Int) -> Int { max(1, height - 8) }

    public static func pageRows(width: Int, height: Int, focus: Panel) -> Int {
        max(1, (panelRects(width: width, height: height, focus: focus)[focus]?.height ?? 12) - 3)
    }
}
