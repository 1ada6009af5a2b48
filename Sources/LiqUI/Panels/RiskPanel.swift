import LiqCore

/// The Risk view: a Monte Carlo of bad debt from a moment of the live world, drawn as it runs: progress,
/// the histogram of bad debt across paths with VaR 95 and EVaR 99 marked, the summary with the split by
/// faults, and the worst paths (enter watches one).
enum RiskPanel {
    static func render(_ overlay: RiskOverlay, _ snapshot: Snapshot, into buffer: inout ScreenBuffer, area: Rect) {
        // The whole body on a narrow screen (no stray borders of the panels beside it), 132 columns at most.
        let width = min(area.width, 132)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y, width: width, height: area.height)
        buffer.fill(rect)
        let inner = Widgets.box(&buffer, rect, title: "Risk · Monte Carlo of bad debt", focused: true)
        guard let risk = snapshot.risk else {
            buffer.put("starting…", x: inner.x + 1, y: inner.y, style: Style(.dim), clip: inner)
            return
        }
        var y = inner.y
        func line(_ text: String, _ style: Style = Style(.text), x: Int = 1) {
            guard y < inner.maxY else { return }
            buffer.put(text, x: inner.x + x, y: y, style: style, clip: inner)
            y += 1
        }
        // On a short screen the blank lines and the description go first, so the worst paths stay on it.
        let compact = inner.height < 24
        let gap = compact ? 0 : 1
        line(progress(risk), Style(risk.state == .running ? .accent : .text, bold: true))
        if let path = risk.watching {
            let run = risk.watchingEarlierRun ? "the run before" : "this run"
            let text = "the dashboard shows path \(path) of \(run) · l goes back to the live world"
            line(text, Style(.warn, bold: true))
        } else if !compact {
            line("each path: its own market, gossip and bids, and faults drawn from [faults]", Style(.dim))
        }
        y += gap
        let report = risk.report
        // Under the bins: the histogram's title, a gap, five summary lines, a gap, the worst paths' title and rows.
        let below = 1 + gap + 6 + gap + 1 + min(5, report.worst.count) + (risk.comparison == nil ? 0 : 2)
        let bins = max(2, min(12, inner.maxY - y - below))
        histogram(risk, bins: bins, into: &buffer, inner: inner, y: &y)
        y += gap
        guard report.paths > 0 else { return }
        // Two lines on a narrow screen: every figure stays whole.
        let averages = "mean \(Widgets.usd(report.meanBadDebtUSD))  median \(Widgets.usd(report.p50BadDebtUSD))"
        let tail =
            "VaR 95 \(Widgets.usd(report.var95USD))  EVaR 99 \(Widgets.usd(report.evar99USD))  "
            + "CVaR 95 \(Widgets.usd(report.cvar95USD))"
        if averages.count + 2 + tail.count <= inner.width - 1 {
            line(averages + "  " + tail, Style(.text, bold: true))
        } else {
            line(averages, Style(.text, bold: true))
            line(tail, Style(.text, bold: true))
        }
        line(
            "bad debt over $1 in \(percent(report.pAnyBadDebt)) of paths · "
                + "\(liquidations(report.liquidationsMean)) liquidations a path")
        line(
            "finality stalled in \(percent(report.finalityStallShare)) of paths · oracle staleness p95 "
                + "\(Int(report.maxOracleStalenessSp95)) s")
        line("drew faults  " + split(report.withFaults))
        line("drew none    " + split(report.withoutFaults))
        if let comparison = risk.comparison { compare(comparison, with: report, paths: risk.paths, line) }
        y += gap
        line(
            "worst paths (enter watches the selected one from \(Widgets.clock(risk.fromMs)))", Style(.title, bold: true)
        )
        for (index, outcome) in report.worst.enumerated() {
            let selected = index == overlay.selection
            let moves = outcome.moves.prefix(2).map { "\($0.asset) \(signed($0.percent)) %" }.joined(separator: ", ")
            let faults =
                outcome.faults.isEmpty
                ? "no faults"
                : outcome.faults.prefix(2).map { "\($0.kind.replacingOccurrences(of: "_", with: " ")) \($0.target)" }
                    .joined(separator: ", ") + (outcome.faults.count > 2 ? " +\(outcome.faults.count - 2)" : "")
            let text =
                "\(selected ? "▶" : " ") path \(Widgets.left(String(outcome.path), 5)) "
                + "\(Widgets.right(Widgets.usd(outcome.badDebtUSD), 9))  \(moves) · \(faults)"
            line(text, selected ? Style(.selection, reverse: true) : Style(.text), x: 0)
        }
    }

    /// The same paths with the open proposals executed first: the figures beside this run's, with the change.
    static func compare(
        _ comparison: RiskStatus.Comparison, with report: RiskReport, paths: Int, _ line: (String, Style, Int) -> Void
    ) {
        let title = "with \(comparison.label), the same paths"
        guard comparison.report.paths > 0 else {
            line(title + ": they run once this run has finished", Style(.dim), 1)
            return
        }
        let after = comparison.report
        func change(_ new: Double, _ old: Double) -> String {
            let delta = new - old
            return Widgets.usd(new) + " (" + (delta < 0 ? "−" : "+") + Widgets.usd(abs(delta)) + ")"
        }
        let done = comparison.done < paths ? " · \(comparison.done)/\(paths) paths" : ""
        line(title + done, Style(.title, bold: true), 1)
        line(
            "mean \(change(after.meanBadDebtUSD, report.meanBadDebtUSD))  VaR 95 \(change(after.var95USD, report.var95USD))"
                + "  EVaR 99 \(change(after.evar99USD, report.evar99USD))  liquidations a path "
                + "\(liquidations(report.liquidationsMean)) → \(liquidations(after.liquidationsMean))",
            Style(after.var95USD > report.var95USD ? .warn : .good, bold: true), 1)
    }

    static func progress(_ risk: RiskStatus) -> String {
        let runs = risk.comparison == nil ? 1 : 2
        let head =
            "from \(Widgets.clock(risk.fromMs)) · \(risk.paths) paths\(runs == 2 ? " × 2" : "") of "
            + Widgets.duration(seconds: Int(risk.horizonMs / 1_000)) + (risk.fast ? ", fast mode" : "")
        let done = risk.done + (risk.comparison?.done ?? 0)
        let perSecond = risk.elapsedSeconds > 0 ? Double(done) / risk.elapsedSeconds : 0
        let rate = Widgets.fixed(perSecond, 1)
        switch risk.state {
        case .running:
            let elapsed = Int(risk.elapsedSeconds.rounded())
            guard done > 0 else { return head + " · the first paths are running, \(elapsed) s so far" }
            let left = Double(risk.paths * runs - done) / perSecond
            return head + " · \(done) done, \(rate)/s, \(Int(left.rounded())) s left"
        case .finished: return head + " · done in \(Int(risk.elapsedSeconds.rounded())) s (r runs again)"
        case .stopped: return head + " · stopped at \(risk.done) (r runs again)"
        case .failed(let message): return head + " · failed: \(message)"
        }
    }

    /// Bins as rows, a bar each; the rows holding VaR 95 and EVaR 99 are marked.
    static func histogram(
        _ risk: RiskStatus, bins: Int, into buffer: inout ScreenBuffer, inner: Rect, y: inout Int
    ) {
        buffer.put(
            "bad debt at the end of each path", x: inner.x + 1, y: y, style: Style(.title, bold: true), clip: inner)
        y += 1
        let histogram = risk.histogram(bins: bins)
        guard !histogram.counts.isEmpty else {
            buffer.put("no path has finished yet", x: inner.x + 1, y: y, style: Style(.dim), clip: inner)
            y += 1
            return
        }
        let top = max(1, histogram.counts.max() ?? 1)
        let varBin = histogram.bin(of: risk.report.var95USD), evarBin = histogram.bin(of: risk.report.evar99USD)
        // Room after the longest bar for its count and the marks ("  ◀ VaR 95 $1.23M · EVaR 99 $4.56M").
        let barWidth = max(5, min(60, inner.width - 23 - 8 - 38))
        for (index, count) in histogram.counts.enumerated() {
            let range =
                histogram.counts.count == 1
                ? "all " + Widgets.usd(histogram.edges[0])
                : "\(Widgets.usd(histogram.edges[index]))–\(Widgets.usd(histogram.edges[index + 1]))"
            var marks: [String] = []
            if index == varBin { marks.append("VaR 95 \(Widgets.usd(risk.report.var95USD))") }
            if index == evarBin { marks.append("EVaR 99 \(Widgets.usd(risk.report.evar99USD))") }
            let filled = count == 0 ? 0 : max(1, Int((Double(count) / Double(top) * Double(barWidth)).rounded()))
            var x = inner.x + 1
            x += buffer.put(Widgets.left(range, 23), x: x, y: y, style: Style(.dim), clip: inner)
            x += buffer.put(
                String(repeating: "█", count: filled), x: x, y: y,
                style: Style(marks.isEmpty ? .accent : .warn), clip: inner)
            x += buffer.put(" \(count)", x: x, y: y, style: Style(.text), clip: inner)
            if !marks.isEmpty {
                let text = "  ◀ " + marks.joined(separator: " · ")
                buffer.put(text, x: x, y: y, style: Style(.warn, bold: true), clip: inner)
            }
            y += 1
        }
    }

    static func split(_ split: RiskReport.Split) -> String {
        guard split.paths > 0 else { return "no path" }
        let paths = split.paths == 1 ? "1 path" : "\(split.paths) paths"
        return "\(paths) · mean \(Widgets.usd(split.meanBadDebtUSD)) · VaR 95 \(Widgets.usd(split.var95USD))"
    }

    static func liquidations(_ mean: Double) -> String {
        mean >= 100 ? Widgets.count(Int(mean.rounded())) : Widgets.fixed(mean, 1)
    }

    static func percent(_ share: Double) -> String { Widgets.fixed(share * 100, 1) + " %" }
    static func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + Widgets.fixed(value, 1) }
}
