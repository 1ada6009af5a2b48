import LiqCore

/// The hint bar and the overlays (help, shock dialog, too small); the header is in Header.swift.
enum Chrome {
    /// "engine behind: ×2.4" when the driver could not keep the asked speed.
    static func behind(_ snapshot: Snapshot) -> String? {
        snapshot.achievedSpeed.map { "engine behind: ×\(Widgets.fixed($0, $0 < 1 ? 2 : $0 < 10 ? 1 : 0))" }
    }

    /// The keys of the mode the view is in, from the keymap: a status first, if any.
    static func hintBar(_ view: ViewState, status: String?, into buffer: inout ScreenBuffer, y: Int, width: Int) {
        var x = 0
        if let status {
            // Short of the last column: the terminal's bottom-right cell is never written (it would scroll), and
            // a status cut there must still show its "…".
            x += buffer.put(
                " \(status)  ", x: 0, y: y, style: Style(.warn, bold: true),
                clip: Rect(x: 0, y: y, width: width - 1, height: 1))
        }
        for binding in KeyMap.hintBar(for: view.mode, focus: view.focus) {
            let label = " \(binding.label) "
            guard x + label.count + binding.hint.count + 1 < width else { break }
            x += buffer.put(label, x: x, y: y, style: Style(.accent, bold: true, reverse: true))
            x += buffer.put(binding.hint + " ", x: x, y: y, style: Style(.dim))
        }
    }

    static func centered(_ width: Int, _ height: Int, in area: Rect) -> Rect {
        let w = min(width, area.width - 2), h = min(height, area.height - 2)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    /// The help's lines: every key of every mode, from the keymap, then what the colours and flags mean.
    static func helpLines() -> [(key: String, text: String, heading: Bool)] {
        var lines: [(key: String, text: String, heading: Bool)] = []
        for mode in Mode.allCases {
            lines.append((mode.title.uppercased(), "", true))
            for binding in KeyMap.bindings(for: mode) where binding.inHelp {
                lines.append((binding.label, binding.help + (binding.panel.map { "  [\($0.title)]" } ?? ""), false))
            }
            lines.append(("", "", false))
        }
        return lines + legend.map { ($0.0, $0.1, false) }
    }

    static func helpRect(_ area: Rect) -> Rect { centered(min(area.width - 4, 120), area.height - 4, in: area) }

    static func help(_ view: ViewState, into buffer: inout ScreenBuffer, area: Rect) {
        let rect = helpRect(area)
        buffer.fill(rect)
        let lines = helpLines()
        let inner = Widgets.box(
            &buffer, rect, title: "Help · every key (esc closes, ↑↓ PgUp PgDn scroll)", focused: true)
        let first = min(view.helpScroll, max(0, lines.count - inner.height))
        for (offset, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            buffer.put(
                Widgets.left(line.key, 14), x: inner.x, y: inner.y + offset,
                style: Style(line.heading ? .title : .accent, bold: true), clip: inner)
            buffer.put(line.text, x: inner.x + 15, y: inner.y + offset, style: Style(.text), clip: inner)
        }
    }

    /// What the colours and flags mean; the health-factor bands come from the thresholds the panels use.
    static var legend: [(String, String)] {
        [
            ("COLOURS", ""),
            ("nodes", "columns follow ethstats: green good, yellow warn, orange worse, red bad"),
            ("HF", Thresholds.healthLegend),
            ("node flags", "v validator, o oracle reporter, b bot's host, s L2 sequencer; slashed: signed two blocks"),
            ("data centers", "aws-eu!: no power; aws-eu*: an intruder controls its nodes until detected (i)"),
            ("region flags", "DOWN outage, CUT links cut (partition), SLOW links degraded"),
            (
                "market",
                "STALE: past its heartbeat; FROZEN: reporter stopped (f); FORGED: reporter intruded (i); PAUSED: by governance (v)"
            ),
            (
                "header",
                "SEQUENCER DOWN, then GRACE mm:ss: an L2's sequencer and sentinel; INTRUSION site: not yet "
                    + "detected; proposal #N STATE hh:mm:ss: to its next step; export DATE: a real market's"
            ),
        ]
    }

    /// The dialog, and the exact preview of its shock once the engine has computed it.
    static func shock(_ dialog: ShockDialog, _ snapshot: Snapshot, into buffer: inout ScreenBuffer, area: Rect) {
        // Wider where the terminal allows: three shortened addresses with their health factors need ~84.
        let rect = centered(max(76, min(90, area.width - 4)), 12, in: area)
        buffer.fill(rect)
        let inner = Widgets.box(&buffer, rect, title: "Price shock", focused: true)
        func line(_ text: String, _ y: Int, _ style: Style) {
            buffer.put(text, x: inner.x + 1, y: inner.y + y, style: style, clip: inner)
        }
        let row = dialog.asset < snapshot.market.count ? snapshot.market[dialog.asset] : nil
        line("asset    ◂ \(row?.symbol ?? "?") ▸   (↑/↓ to change)", 0, Style(.text))
        line(
            "change   \(dialog.text)▏ %" + (dialog.suggested ? "   (type to replace)" : ""), 1,
            Style(dialog.percent == nil ? .critical : .accent, bold: true))
        if let problem = dialog.problem {
            line(problem, 2, Style(.critical))
        } else if let row, let percent = dialog.percent {
            let now = Double(row.truePrice) / 1e8
            // The world stops a price at $10^22 (PriceProcess.maximumUnits); so does the preview.
            let after = min(now * (1 + percent / 100), Double(PriceProcess.maximumUnits) / 1e8)
            line("price    \(Widgets.price(now)) → \(Widgets.price(after))", 2, Style(.text))
        }
        if let row { line(trackingNote(row, snapshot.market), 7, Style(.dim)) }
        if let preview = snapshot.shockPreview, preview.query == dialog.query {
            line(
                "liquidatable once the oracle follows  \(Widgets.count(preview.liquidatable)) "
                    + "account\(preview.liquidatable == 1 ? "" : "s")"
                    + " (\(Widgets.count(preview.newlyLiquidatable)) new)", 3, Style(.warn))
            line("collateral at risk (today)  \(Widgets.usd(preview.collateralAtRiskUSD))", 4, Style(.warn))
            line(
                "expected deficit            \(Widgets.usd(preview.expectedDeficitUSD))", 5,
                Style(preview.expectedDeficitUSD > 0 ? .critical : .good))
            if preview.mostUrgent.isEmpty {
                line("first in line  nobody: no health factor falls below 1", 6, Style(.dim))
            } else {
                // The lowest exact health factors after the shock: who the liquidators reach first.
                var x = inner.x + 1
                x += buffer.put("first in line  ", x: x, y: inner.y + 6, style: Style(.text), clip: inner)
                for (n, urgent) in preview.mostUrgent.enumerated() {
                    let hf = urgent.healthFactor.approximateValue
                    if n > 0 { x += buffer.put(" · ", x: x, y: inner.y + 6, style: Style(.dim), clip: inner) }
                    x += buffer.put(
                        sanitized(Addresses.shortened(urgent.accountID)) + " ", x: x, y: inner.y + 6,
                        style: Style(.text), clip: inner)
                    x += buffer.put(
                        "HF " + Widgets.fixed(hf, 4), x: x, y: inner.y + 6, style: Style(Thresholds.health(hf)),
                        clip: inner)
                }
            }
        } else if dialog.query != nil {
            line("computing the exact effect …", 3, Style(.dim))
        }
        line("enter applies to the true price · esc cancels", inner.height - 1, Style(.dim))
    }

    /// What else the shock moves: the assets that track this one, or, for a tracker, only its ratio.
    static func trackingNote(_ row: Snapshot.MarketRow, _ market: [Snapshot.MarketRow]) -> String {
        if let tracked = row.tracks { return "moves \(row.symbol) against \(tracked) (a depeg); \(tracked) stays" }
        let followers = market.filter { $0.tracks == row.symbol }.map(\.symbol)
        return followers.isEmpty
            ? ""
            : "also moves \(followers.joined(separator: ", ")), which track\(followers.count == 1 ? "s" : "") "
                + "\(row.symbol)"
    }

    static func tooSmall(into buffer: inout ScreenBuffer, minimum: (Int, Int)) {
        let lines = [
            "Terminal too small", "\(buffer.width) × \(buffer.height); liqtop needs \(minimum.0) × \(minimum.1)",
            "enlarge the window, or press q to quit",
        ]
        for (offset, line) in lines.enumerated() {
            let y = buffer.height / 2 - 1 + offset
            buffer.put(
                line, x: max(0, (buffer.width - line.count) / 2), y: max(0, y),
                style: Style(offset == 0 ? .critical : .text, bold: offset == 0))
        }
    }
}
