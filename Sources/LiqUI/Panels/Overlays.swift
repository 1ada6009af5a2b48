import LiqCore

/// The header line, the hint bar and the overlays (help, shock dialog, walkthrough, too small).
enum Chrome {
    static func header(_ snapshot: Snapshot, frameMicros: Int?, into buffer: inout ScreenBuffer, width: Int) {
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(" ", style: Style(.header, reverse: true)))
        var parts = ["liqtop", sanitized(snapshot.scenarioName), Widgets.clock(snapshot.timeMs),
                     (snapshot.paused ? "PAUSED" : "running") + " ×\(Widgets.fixed(snapshot.speed, snapshot.speed < 1 ? 2 : 0))"
                        + (snapshot.paused ? "" : behind(snapshot).map { " (\($0))" } ?? ""),
                     "head \(snapshot.headHeight)", "final \(snapshot.finalizedHeight)"]
        if snapshot.finalityStalledEpochs > 0 { parts.append("finality stalled for \(snapshot.finalityStalledEpochs) epochs") }
        parts.append("bots \(snapshot.botsEnabled ? "on" : "off")")
        parts.append("base fee \(snapshot.baseFeeGwei) gwei")
        if let frameMicros { parts.append("frame \(Widgets.fixed(Double(frameMicros) / 1_000, 1)) ms") }
        buffer.put(" " + parts.joined(separator: " · "), x: 0, y: 0, style: Style(.header, bold: true, reverse: true))
        var alerts: [(String, ColorRole)] = []
        if snapshot.finalityStalledEpochs > 0 { alerts.append(("finality stalled for \(snapshot.finalityStalledEpochs) epochs", .critical)) }
        if !snapshot.paused, let text = behind(snapshot) { alerts.append((text, .alert)) }
        for (text, role) in alerts {
            if let range = buffer.line(0).range(of: text) {
                let x = buffer.line(0).distance(from: buffer.line(0).startIndex, to: range.lowerBound)
                buffer.put(text, x: x, y: 0, style: Style(role, bold: true, reverse: true))
            }
        }
    }

    /// "engine behind: ×2.4" when the driver could not keep the asked speed.
    static func behind(_ snapshot: Snapshot) -> String? {
        snapshot.achievedSpeed.map { "engine behind: ×\(Widgets.fixed($0, $0 < 1 ? 2 : $0 < 10 ? 1 : 0))" }
    }

    static func hintBar(_ view: ViewState, status: String?, into buffer: inout ScreenBuffer, y: Int, width: Int) {
        let bindings: [KeyBinding]
        switch view.overlay {
        case .walkthrough: bindings = KeyMap.walkthroughBindings
        case .shock: bindings = KeyMap.shockBindings
        case .help: bindings = KeyMap.helpBindings
        case .none: bindings = KeyMap.bindings.filter { $0.inHintBar && ($0.panel == nil || $0.panel == view.focus) }
        }
        var x = 0
        if let status {
            x += buffer.put(" \(status)  ", x: 0, y: y, style: Style(.warn, bold: true))
        }
        for binding in bindings {
            let label = " \(binding.label) "
            let short = hint(binding.action)
            guard x + label.count + short.count + 1 < width else { break }
            x += buffer.put(label, x: x, y: y, style: Style(.accent, bold: true, reverse: true))
            x += buffer.put(short + " ", x: x, y: y, style: Style(.dim))
        }
    }

    /// Two words or so for the hint bar.
    static func hint(_ action: Action) -> String {
        switch action {
        case .help: "help"
        case .quit: "quit"
        case .togglePause: "pause"
        case .faster: "speed"
        case .nextPanel: "panel"
        case .open: "open"
        case .toggleBots: "bots"
        case .shockDialog: "shock"
        case .shockDown5: "−5/+5/−20 %"
        case .toggleFreeze: "freeze oracle"
        case .toggleOutage: "outage"
        case .toggleNode: "crash node"
        case .toggleDegrade: "degrade"
        case .toggleCut: "cut links"
        case .filter: "filter"
        case .sort: "sort"
        case .stepBack: "back"
        case .stepForward: "next"
        case .execute: "execute"
        case .close: "close"
        default: ""
        }
    }

    static func centered(_ width: Int, _ height: Int, in area: Rect) -> Rect {
        let w = min(width, area.width - 2), h = min(height, area.height - 2)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    static func help(_ view: ViewState, into buffer: inout ScreenBuffer, area: Rect) {
        let rect = centered(min(area.width - 4, 120), area.height - 4, in: area)
        buffer.fill(rect)
        let inner = Widgets.box(&buffer, rect, title: "Help · every key (esc closes, ↑↓ scroll)", focused: true)
        var lines: [(String, String)] = KeyMap.bindings.filter(\.inHelp).map { ($0.label, $0.help + ($0.panel.map { "  [\($0.title)]" } ?? "")) }
        lines.append(("", ""))
        lines.append(("walkthrough", "←/→ steps, x execute (y confirms), esc closes"))
        lines.append(("shock dialog", "↑/↓ asset, type a percentage, enter applies, esc cancels"))
        lines.append(("", ""))
        lines.append(("colours", "node columns follow ethstats: green good, yellow warn, orange worse, red bad"))
        lines.append(("", "HF: green ≥ 1.25, yellow ≥ 1.05, orange ≥ 1.0, red liquidatable"))
        lines.append(("node flags", "v validator, o oracle reporter, b liquidation bot's host; \"aws-eu!\": that data center has no power"))
        lines.append(("region flags", "DOWN outage, CUT links cut (partition), SLOW links degraded"))
        lines.append(("market", "STALE: the oracle is past its heartbeat; FROZEN: its reporter was stopped (f)"))
        for (offset, line) in lines.dropFirst(view.helpScroll).prefix(inner.height).enumerated() {
            buffer.put(Widgets.left(line.0, 12), x: inner.x, y: inner.y + offset, style: Style(.accent, bold: true), clip: inner)
            buffer.put(line.1, x: inner.x + 13, y: inner.y + offset, style: Style(.text), clip: inner)
        }
    }

    static func shock(_ dialog: ShockDialog, _ snapshot: Snapshot, preview: World.ShockPreview?, into buffer: inout ScreenBuffer, area: Rect) {
        let rect = centered(56, 11, in: area)
        buffer.fill(rect)
        let inner = Widgets.box(&buffer, rect, title: "Price shock", focused: true)
        let row = dialog.asset < snapshot.market.count ? snapshot.market[dialog.asset] : nil
        buffer.put("asset    ◂ \(row?.symbol ?? "?") ▸   (↑/↓ to change)", x: inner.x + 1, y: inner.y, style: Style(.text), clip: inner)
        buffer.put("change   \(dialog.text)▏ %", x: inner.x + 1, y: inner.y + 1, style: Style(dialog.percent == nil ? .critical : .accent, bold: true), clip: inner)
        if let row, let percent = dialog.percent {
            let now = Double(row.truePrice) / 1e8
            buffer.put("price    \(Widgets.price(now)) → \(Widgets.price(now * (1 + percent / 100)))", x: inner.x + 1, y: inner.y + 2, style: Style(.text), clip: inner)
        } else {
            buffer.put(ShockDialog.rangeMessage, x: inner.x + 1, y: inner.y + 2, style: Style(.critical), clip: inner)
        }
        if let preview, dialog.percent != nil {
            buffer.put("would become liquidatable  \(preview.newlyLiquidatable) accounts", x: inner.x + 1, y: inner.y + 3, style: Style(.warn), clip: inner)
            buffer.put("collateral at risk (today) \(Widgets.usd(preview.collateralAtRiskUSD))", x: inner.x + 1, y: inner.y + 4, style: Style(.warn), clip: inner)
            buffer.put("expected deficit           \(Widgets.usd(preview.expectedDeficitUSD))", x: inner.x + 1, y: inner.y + 5,
                       style: Style(preview.expectedDeficitUSD > 0 ? .critical : .good), clip: inner)
        }
        buffer.put("enter applies to the true price · esc cancels", x: inner.x + 1, y: inner.maxY - 1, style: Style(.dim), clip: inner)
    }

    static func tooSmall(into buffer: inout ScreenBuffer, minimum: (Int, Int)) {
        let lines = ["Terminal too small", "\(buffer.width) × \(buffer.height); liqtop needs \(minimum.0) × \(minimum.1)",
                     "enlarge the window, or press q to quit"]
        for (offset, line) in lines.enumerated() {
            let y = buffer.height / 2 - 1 + offset
            buffer.put(line, x: max(0, (buffer.width - line.count) / 2), y: max(0, y), style: Style(offset == 0 ? .critical : .text, bold: offset == 0))
        }
    }
}
