import LiqCore

/// The recent events, newest first, scrollable.
enum EventsPanel {
    static let descriptor = PanelDescriptor(
        panel: .events, column: nil, weight: 1,
        rowCount: { snapshot, _ in Reducer.shownEvents(snapshot).count }, render: render)

    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        let inner = Widgets.box(&buffer, rect, title: "Events", focused: view.focus == .events)
        guard inner.height > 0 else { return }
        let events = Reducer.shownEvents(snapshot)
        if events.isEmpty {
            buffer.put(
                "nothing yet: faults, shocks, oracle updates and liquidations show here", x: inner.x, y: inner.y,
                style: Style(.dim), clip: inner)
        }
        for (offset, event) in events.dropFirst(view.eventScroll).prefix(inner.height).enumerated() {
            let role: ColorRole =
                switch event.kind {
                case .liquidation: .good
                case .failedLiquidation: .warn
                case .deficit, .fault, .finalityStalled, .missedSlot: .critical
                case .shock, .price: .alert
                case .recovery, .finalized, .governance: .accent
                default: .dim
                }
            let used = buffer.put(
                Widgets.clock(event.timeMs) + " ", x: inner.x, y: inner.y + offset, style: Style(.dim), clip: inner)
            buffer.put(
                sanitized(Addresses.shortened(event.message)), x: inner.x + used, y: inner.y + offset,
                style: Style(role), clip: inner)
        }
    }
}
