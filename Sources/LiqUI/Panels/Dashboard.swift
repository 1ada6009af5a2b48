import LiqCore

/// Composes a whole frame: (Snapshot, ViewState) → ScreenBuffer.
public enum Dashboard {
    public static let minimumSize = (width: 80, height: 24)
    /// From this size up, every panel is on screen at once.
    public static let gridSize = (width: 150, height: 36)
    /// From this size up (below the grid), every panel is on screen too, in tighter columns.
    public static let middleSize = (width: 100, height: 32)

    public static func render(_ snapshot: Snapshot, _ view: ViewState, width: Int, height: Int,
                              shockPreview: World.ShockPreview? = nil, frameMicros: Int? = nil) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= minimumSize.width, height >= minimumSize.height else {
            Chrome.tooSmall(into: &buffer, minimum: minimumSize)
            return buffer
        }
        Chrome.header(snapshot, frameMicros: frameMicros, into: &buffer, width: width)
        let body = Rect(x: 0, y: 1, width: width, height: height - 2)
        if width >= gridSize.width, height >= gridSize.height {
            let eventsHeight = max(6, body.height / 5)
            let rows = body.rows([body.height - eventsHeight, eventsHeight])
            let columns = rows[0].columns([0.46, 0.54])
            let left = columns[0].rows([columns[0].height * 3 / 5, 0])
            let right = columns[1].rows([columns[1].height / 2, 0])
            NodeHealthPanel.render(snapshot, view, into: &buffer, in: left[0])
            MarketPanel.render(snapshot, view, into: &buffer, in: left[1])
            CollateralPanel.render(snapshot, view, into: &buffer, in: right[0])
            LiquidationsPanel.render(snapshot, view, into: &buffer, in: right[1])
            EventsPanel.render(snapshot, view, into: &buffer, in: rows[1])
        } else if width >= middleSize.width, height >= middleSize.height {
            // Middle: nodes | market on top, collateral | liquidations below, events at the bottom.
            let eventsHeight = max(5, body.height / 7)
            let topHeight = min(12, (body.height - eventsHeight) / 2)
            let rows = body.rows([topHeight, body.height - eventsHeight - topHeight, eventsHeight])
            let top = rows[0].columns([0.56, 0.44])
            let middle = rows[1].columns([0.44, 0.56])
            NodeHealthPanel.render(snapshot, view, into: &buffer, in: top[0])
            MarketPanel.render(snapshot, view, into: &buffer, in: top[1])
            CollateralPanel.render(snapshot, view, into: &buffer, in: middle[0])
            LiquidationsPanel.render(snapshot, view, into: &buffer, in: middle[1])
            EventsPanel.render(snapshot, view, into: &buffer, in: rows[2])
        } else {
            // Compact: a tab strip naming every panel, the focused one large, the events below.
            var x = 0
            for panel in Panel.allCases {
                let label = " \(panel.title) "
                x += buffer.put(label, x: x, y: body.y, style: panel == view.focus ? Style(.accent, bold: true, reverse: true) : Style(.dim))
            }
            let eventsHeight = view.focus == .events ? 0 : 6
            let rows = Rect(x: 0, y: body.y + 1, width: width, height: body.height - 1).rows([body.height - 1 - eventsHeight, eventsHeight])
            draw(view.focus, snapshot, view, into: &buffer, in: rows[0])
            if eventsHeight > 0 { EventsPanel.render(snapshot, view, into: &buffer, in: rows[1]) }
        }
        switch view.overlay {
        case .help: Chrome.help(view, into: &buffer, area: body)
        case .shock(let dialog): Chrome.shock(dialog, snapshot, preview: shockPreview, into: &buffer, area: body)
        case .walkthrough(let walkthrough): WalkthroughPanel.render(walkthrough, snapshot, into: &buffer, area: body)
        case .none: break
        }
        Chrome.hintBar(view, status: view.status, into: &buffer, y: height - 1, width: width)
        return buffer
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
