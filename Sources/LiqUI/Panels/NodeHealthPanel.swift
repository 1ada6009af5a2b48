import LiqCore

/// Node health: a row per region (or per node of the opened region), the online-stake gauge against
/// the 2/3 line, and the propagation histogram.
enum NodeHealthPanel {
    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        // The open region's nodes (the snapshot carries that region's list when one is open).
        let regionNodes = view.expandedRegion.map { region in snapshot.nodes.filter { $0.region == region } } ?? []
        let title = view.expandedRegion.map { region in
            "Node health · \(region.name) · \(min(view.selected(.nodes) + 1, regionNodes.count)) of \(regionNodes.count) (esc: back)"
        } ?? "Node health"
        let inner = Widgets.box(&buffer, rect, title: title, focused: view.focus == .nodes)
        guard inner.height > 0 else { return }
        var y = inner.y
        // Online stake against the 2/3 needed for finality.
        let gaugeWidth = max(10, min(30, inner.width - 34))
        var gauge = Array(Widgets.bar(snapshot.onlineStake, width: gaugeWidth))
        let mark = min(gaugeWidth - 1, Int(Double(gaugeWidth) * 2 / 3))
        gauge[mark] = "│"
        let stakeRole: ColorRole = snapshot.onlineStake >= 2.0 / 3 ? .good : .critical
        let used = buffer.put("stake online ", x: inner.x, y: y, style: Style(.dim), clip: inner)
        buffer.put(String(gauge), x: inner.x + used, y: y, style: Style(stakeRole), clip: inner)
        buffer.put(" \(Widgets.fixed(snapshot.onlineStake * 100, 1)) % (2/3 line)", x: inner.x + used + gaugeWidth, y: y, style: Style(stakeRole), clip: inner)
        y += 1
        let histogramRows = inner.height >= 10 ? 2 : 0
        let tableBottom = inner.maxY - histogramRows
        if view.expandedRegion != nil {
            let nodes = regionNodes
            buffer.put("NODE                 STATUS   DC            PEERS   LAT  HEAD LAG   PROP  LAST BLOCKS", x: inner.x, y: y, style: Style(.header, bold: true), clip: inner)
            y += 1
            let visible = max(0, tableBottom - y)
            let first = max(0, min(view.selected(.nodes) - visible + 1, nodes.count - visible))
            for (offset, node) in nodes.dropFirst(first).prefix(visible).enumerated() {
                let selected = view.focus == .nodes && first + offset == view.selected(.nodes)
                drawNode(node, into: &buffer, x: inner.x, y: y, clip: inner, selected: selected)
                y += 1
            }
        } else {
            buffer.put("REGION     UP/ALL   LAT  LAG PEERS  P50ms  P90ms UPTIME  STAKE", x: inner.x, y: y, style: Style(.header, bold: true), clip: inner)
            y += 1
            for (index, row) in snapshot.regions.enumerated() where y < tableBottom {
                let selected = view.focus == .nodes && index == view.selected(.nodes)
                let links = snapshot.links[row.region.rawValue].enumerated().filter { $0.offset != row.region.rawValue }.map(\.element)
                // A region is CUT or SLOW when at least half its links are (cutting one region's links touches
                // one link of every other region, which does not make them cut off).
                let cut = links.filter(\.cut).count, slow = links.filter { $0.cut || $0.latencyFactor > 1 }.count
                let flag = snapshot.regionDown[row.region.rawValue] ? "DOWN" : cut * 2 >= max(1, links.count) ? "CUT"
                    : slow * 2 >= max(1, links.count) ? "SLOW" : ""
                drawRegion(row, flag: flag, into: &buffer, x: inner.x, y: y, clip: inner, selected: selected)
                y += 1
            }
        }
        if histogramRows > 0 {
            let width = min(40, inner.width - 14)
            let counts = compress(snapshot.propagationHistogram, to: width).map(Double.init)
            buffer.put("propagation", x: inner.x, y: inner.maxY - 2, style: Style(.dim), clip: inner)
            // A zero appended and dropped pins the sparkline's floor at 0 blocks.
            let bars = String(Widgets.sparkline(counts + [0], width: width + 1).dropLast())
            buffer.put(bars, x: inner.x + 12, y: inner.maxY - 2, style: Style(.accent), clip: inner)
            buffer.put("0 s" + String(repeating: " ", count: max(0, width - 7)) + "10 s", x: inner.x + 12, y: inner.maxY - 1, style: Style(.dim), clip: inner)
        }
    }

    static func compress(_ bins: [Int], to width: Int) -> [Int] {
        guard width > 0, !bins.isEmpty else { return [] }
        return (0..<width).map { column in
            let from = column * bins.count / width, to = max(from + 1, (column + 1) * bins.count / width)
            return bins[from..<min(to, bins.count)].reduce(0, +)
        }
    }

    static func drawRegion(_ row: Snapshot.RegionRow, flag: String, into buffer: inout ScreenBuffer, x: Int, y: Int, clip: Rect, selected: Bool) {
        let base = selected ? Style(.selection, reverse: true) : Style()
        func cell(_ text: String, _ column: Int, _ role: ColorRole) {
            buffer.put(text, x: x + column, y: y, style: selected ? base : Style(role), clip: clip)
        }
        if selected { buffer.fill(Rect(x: clip.x, y: y, width: clip.width, height: 1), with: Cell(" ", style: base)) }
        cell(Widgets.left("\(row.region.id) \(flag)", 8), 0, flag.isEmpty ? .text : .critical)
        cell(Widgets.right("\(row.nodesUp)/\(row.nodesTotal)", 9), 8, Thresholds.activeRatio(Double(row.nodesUp) / Double(max(1, row.nodesTotal))))
        // With no node up there is nothing to measure: dashes, not zeros that read as healthy.
        let up = row.nodesUp > 0
        cell(Widgets.right(up ? "\(row.medianLatencyMs)" : "-", 6), 17, up ? Thresholds.latency(row.medianLatencyMs) : .dim)
        cell(Widgets.right(up ? "\(row.medianLagBlocks)" : "-", 4), 24, up ? Thresholds.lag(row.medianLagBlocks) : .dim)
        cell(Widgets.right(up ? Widgets.fixed(row.averagePeers, 1) : "-", 5), 29, up ? Thresholds.peers(Int(clamping: row.averagePeers)) : .dim)
        cell(Widgets.right(up ? "\(row.propagationP50Ms)" : "-", 6), 35, up ? Thresholds.propagation(row.propagationP50Ms) : .dim)
        cell(Widgets.right(up ? "\(row.propagationP90Ms)" : "-", 6), 42, up ? Thresholds.propagation(row.propagationP90Ms) : .dim)
        cell(Widgets.right(Widgets.fixed(row.uptimePercent, 1) + "%", 7), 49, Thresholds.uptime(row.uptimePercent))
        cell(Widgets.right(Widgets.fixed(row.stakeShare * 100, 0) + "%", 5), 57, row.stakeOnline < 1 ? .alert : .text)
    }

    static func drawNode(_ node: Snapshot.NodeRow, into buffer: inout ScreenBuffer, x: Int, y: Int, clip: Rect, selected: Bool) {
        let base = selected ? Style(.selection, reverse: true) : Style()
        func cell(_ text: String, _ column: Int, _ role: ColorRole) {
            buffer.put(text, x: x + column, y: y, style: selected ? base : Style(role), clip: clip)
        }
        if selected { buffer.fill(Rect(x: clip.x, y: y, width: clip.width, height: 1), with: Cell(" ", style: base)) }
        let statusRole: ColorRole = switch node.status {
        case .up: .good
        case .degraded: .warn
        case .syncing: .alert
        case .down: .critical
        }
        let roles = (node.roles.contains(.validator) ? "v" : "") + (node.roles.contains(.oracleReporter) ? "o" : "")
            + (node.roles.contains(.liquidatorHost) ? "b" : "")
        cell(Widgets.left(sanitized(node.name) + (roles.isEmpty ? "" : " " + roles), 20), 0, .text)
        cell(Widgets.left(node.crashed ? "crashed" : node.status.rawValue, 8), 21, statusRole)
        cell(Widgets.left(node.dataCenter + (node.dataCenterPowered ? "" : "!"), 13), 30, node.dataCenterPowered ? .dim : .critical)
        cell(Widgets.right(node.status == .down ? "-" : "\(node.peers)", 5), 44, node.status == .down ? .dim : Thresholds.peers(node.peers))
        cell(Widgets.right("\(node.latencyMs)", 5), 50, Thresholds.latency(node.latencyMs))
        cell(Widgets.right("\(node.head)", 5), 56, .text)
        cell(Widgets.right("\(node.lag)", 3), 62, Thresholds.lag(node.lag))
        cell(Widgets.right("\(node.lastPropagationMs)", 6), 66, Thresholds.propagation(node.lastPropagationMs))
        cell(Widgets.sparkline(node.propagationHistory.map(Double.init), width: 12), 74, .accent)
    }
}
