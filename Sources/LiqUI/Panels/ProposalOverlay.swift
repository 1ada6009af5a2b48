import LiqCore

/// The governance proposal form: today's parameters beside the typed ones, the exact effect if it executed
/// now, and how long governance takes before it does.
extension Chrome {
    static func proposal(_ form: ProposalForm, _ snapshot: Snapshot, into buffer: inout ScreenBuffer, area: Rect) {
        let rect = centered(78, 16, in: area)
        buffer.fill(rect)
        let inner = Widgets.box(&buffer, rect, title: "Governance proposal", focused: true)
        func line(_ text: String, _ y: Int, _ style: Style, x: Int = 1) {
            buffer.put(text, x: inner.x + x, y: inner.y + y, style: style, clip: inner)
        }
        let row = form.asset < snapshot.market.count ? snapshot.market[form.asset] : nil
        line("asset  ◂ \(row?.symbol ?? "?") ▸   (←/→ to change)", 0, Style(.text))
        line(
            Widgets.left("PARAMETER", 24) + Widgets.right("NOW", 9) + "   PROPOSED", 2, Style(.header, bold: true),
            x: 3)
        for (index, parameter) in RiskParameter.allCases.enumerated() {
            let focused = index == form.field
            let now = index < form.current.count ? parameter.text(form.current[index]) : "?"
            let typed = form.texts[index]
            let unit = parameter == .paused ? (focused ? "  (1: pause, 0: unpause)" : "") : " %"
            let shown = typed.map { text in
                parameter == .paused ? ProposalForm.value(text, for: parameter).map(parameter.text) ?? text : text
            }
            let proposed = (shown.map { $0 + (focused ? "▏" : "") } ?? (focused ? "▏" : "")) + unit
            let changed = form.changes[parameter] != nil
            line(focused ? "▸" : " ", 3 + index, Style(.accent, bold: true))
            line(
                Widgets.left(parameter.label, 24) + Widgets.right(now, 9) + "   ", 3 + index,
                Style(focused ? .text : .dim), x: 3)
            line(
                typed == nil && !focused ? "unchanged" : proposed, 3 + index,
                Style(
                    typed.map { ProposalForm.value($0, for: parameter) == nil } == true
                        ? .critical : changed ? .accent : .dim,
                    bold: focused), x: 39)
        }
        let y = 4 + RiskParameter.allCases.count
        if let problem = form.problem {
            line(problem, y, Style(form.changes.isEmpty ? .dim : .critical))
        } else if let preview = snapshot.proposalPreview, preview.proposal == form.proposal {
            if let problem = preview.problem {
                line("refused: \(problem)", y, Style(.critical))
            } else {
                let newly = preview.newlyLiquidatable
                line(
                    "if it executed now: \(Widgets.count(newly)) account\(newly == 1 ? "" : "s") liquidatable at once"
                        + (preview.noLongerLiquidatable > 0
                            ? ", \(Widgets.count(preview.noLongerLiquidatable)) no longer" : ""),
                    y, Style(newly > 0 ? .warn : .good))
                if preview.blockedByPause > 0 || form.changes[.paused] == 1 {
                    line(
                        "the pause blocks the liquidation of \(Widgets.count(preview.blockedByPause)) account"
                            + "\(preview.blockedByPause == 1 ? "" : "s") liquidatable now", y + 1,
                        Style(preview.blockedByPause > 0 ? .critical : .good))
                } else {
                    line("collateral at risk (today)  \(Widgets.usd(preview.collateralAtRiskUSD))", y + 1, Style(.warn))
                }
            }
        } else {
            line("computing the exact effect …", y, Style(.dim))
        }
        let times = snapshot.governance
        line(
            "takes \(duration(times.votingDelaySeconds + times.votingSeconds + times.timelockSeconds)): "
                + "vote in \(duration(times.votingDelaySeconds)) for \(duration(times.votingSeconds)), "
                + "timelock \(duration(times.timelockSeconds)), \(duration(times.graceSeconds)) to execute",
            inner.height - 2, Style(.dim))
        line("enter proposes · s: by the risk steward, within its bounds · esc · ?", inner.height - 1, Style(.dim))
    }

    /// Seconds as the largest whole units: "3 d", "1 d 12 h", "45 min", "30 s".
    static func duration(_ seconds: Int) -> String {
        if seconds >= 86_400 {
            let hours = seconds % 86_400 / 3_600
            return "\(seconds / 86_400) d" + (hours > 0 ? " \(hours) h" : "")
        }
        if seconds >= 3_600 {
            return "\(seconds / 3_600) h" + (seconds % 3_600 >= 60 ? " \(seconds % 3_600 / 60) min" : "")
        }
        if seconds >= 60 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }

    /// `g` in a replay: the moment typed, and the recording's length.
    static func goTo(_ text: String, _ snapshot: Snapshot, into buffer: inout ScreenBuffer, area: Rect) {
        let rect = centered(52, 5, in: area)
        buffer.fill(rect)
        let inner = Widgets.box(&buffer, rect, title: "Go to", focused: true)
        let end = snapshot.replay.map { Widgets.clock(Int64($0.endTick) * snapshot.tickMs) } ?? "?"
        buffer.put(
            "moment  \(text)▏   (of \(end))", x: inner.x + 1, y: inner.y, style: Style(.accent, bold: true), clip: inner
        )
        buffer.put(
            "hh:mm:ss, mm:ss or seconds · enter goes · esc", x: inner.x + 1, y: inner.y + 2, style: Style(.dim),
            clip: inner)
    }
}
