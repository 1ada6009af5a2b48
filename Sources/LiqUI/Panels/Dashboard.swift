import LiqCore

/// Composes a whole frame: (Snapshot, ViewState) → ScreenBuffer.
public enum Dashboard {
    public static let minimumSize = (width: 80, height: 24)
    /// From this size up, every panel is on screen at once.
    public static let gridSize = (width: 150, height: 36)
    /// From this size up (below the grid), every panel is on screen too, in tighter columns.
    public static let middleSize = (width: 100, height: 32)

    public static func render(_ snapshot: Snapshot, _ view: ViewState, width: Int, height: Int, frameMicros: Int? = nil) -> ScreenBuffer {
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
                x += buffer.put(label, x: x, y: body.y, style: panel == view.focus ? Style(.accent, bold: true, reverse: true) : Style(.dim))
            }
        }
        for panel in Panel.allCases { if let rect = rects[panel] { draw(panel, snapshot, view, into: &buffer, in: rect) } }
        switch view.overlay {
        case .help: Chrome.help(view, into: &buffer, area: body)
        case .shock(let dialog): Chrome.shock(dialog, snapshot, into: &buffer, area: body)
        case .walkthrough(let walkthrough): WalkthroughPanel.render(walkthrough, snapshot, into: &buffer, area: body)
        case .none: break
        }
        Chrome.hintBar(view, status: view.status, into: &buffer, y: height - 1, width: width)
        return buffer
    }

    /// Where each panel sits at this size: all five from the middle size up, else the focused one (and the
    /// events below it) under a tab strip.
    public static func panelRects(width: Int, height: Int, focus: Panel) -> [Panel: Rect] {
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        if width >= gridSize.width, height >= gridSize.height {
            let eventsHeight = max(6, body.height / 5)
            let rows = body.rows([body.height - eventsHeight, eventsHeight])
            let columns = rows[0].columns([0.46, 0.54])
            let left = columns[0].rows([columns[0].height * 3 / 5, 0])
            let right = columns[1].rows([columns[1].height / 2, 0])
            return [.nodes: left[0], .market: left[1], .collateral: right[0], .liquidations: right[1], .events: rows[1]]
        }
        if width >= middleSize.width, height >= middleSize.height {
            // Middle: nodes | market on top, collateral | liquidations below, events at the bottom.
            let eventsHeight = max(5, body.height / 7)
            let topHeight = min(12, (body.height - eventsHeight) / 2)
            let rows = body.rows([topHeight, body.height - eventsHeight - topHeight, eventsHeight])
            let top = rows[0].columns([0.56, 0.44])
            let middle = rows[1].columns([0.44, 0.56])
            return [.nodes: top[0], .market: top[1], .collateral: middle[0], .liquidations: middle[1], .events: rows[2]]
        }
        let eventsHeight = focus == .events ? 0 : 6
        let rows = Rect(x: 0, y: body.y + 1, width: width, height: body.height - 1).rows([body.height - 1 - eventsHeight, eventsHeight])
        return eventsHeight > 0 ? [focus: rows[0], .events: rows[1]] : [focus: rows[0]]
    }

    /// Rows a page key moves in the focused panel: its height less the border and the column header.
    public static func pageRows(width: Int, height: Int, focus: Panel) -> Int {
        max(1, (panelRects(width: width, height: height, focus: focus)[focus]?.height ?? 12) - 3)
    }

    static func draw(_ panel: Panel, _ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        switch panel {
        case .nodes: NodeHealthPanel.render(snapshot, view, into: &buffer, in: rect)
        case .market: MarketPanel.render(snapshot, view, into: &buffer, in: rect)
        case .collateral: CollateralPanel.render(snapshot, view, into: &buffer, in: rect)
        case .liquidations: LiquidationsPanel.render(snapshot, view, into: &buffer, in: rect)
        case .events: EventsPanel.render(snapshot, view, into: &buffer, in: rect)
        }
    }
}
