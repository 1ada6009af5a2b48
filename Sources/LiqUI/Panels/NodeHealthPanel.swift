import LiqCore

/// Node health: a row per region (or per node of the opened region), the online-stake gauge against
/// the 2/3 line, and the propagation histogram.
enum NodeHealthPanel {
    static let descriptor = PanelDescriptor(
        panel: .nodes, column: 0, weight: 3, preferredHeight: 12,
        keys: [
            KeyMap.key(
                [.char("o")], "o", "outage",
                "region outage, or power loss at a selected node's data center (again: recover)",
                .toggleOutage, panel: .nodes),
            KeyMap.key(
                [.char("c")], "c", "crash node", "crash or restart the selected node", .toggleNode, panel: .nodes),
            KeyMap.key(
                [.char("i")], "i", "intrusion",
                "intrusion at the selected node's site: bad prices, equivocation; again: detected",
                .toggleIntrusion, panel: .nodes),
            KeyMap.key(
                [.char("d")], "d", "degrade", "degrade or restore the selected region's links", .toggleDegrade,
                panel: .nodes),
            KeyMap.key(
                [.char("x")], "x", "cut links", "cut or restore the selected region's links (partition)", .toggleCut,
                panel: .nodes),
        ],
        rowCount: { snapshot, view in
            view.expandedRegion.map { region in snapshot.nodes.filter { $0.region == region }.count }
                ?? snapshot.regions.count
        },
        render: render)

    static let regionTable = Table([
        .init("REGION", .fixed(8), gap: 0), .init("UP/ALL", .fixed(9), .right, gap: 0),
        .init("LAT", .fixed(6), .right, gap: 0),
        .init("LAG", .fixed(4), .right, priority: 6), .init("PEERS", .fixed(5), .right, priority: 5),
        .init("P50ms", .fixed(6), .right),
        .init("P90ms", .fixed(6), .right, priority: 4), .init("UPTIME", .fixed(7), .right, priority: 3),
        .init("STAKE", .fixed(5), .right, priority: 7),
    ])

    static let nodeTable = Table([
        .init("NODE", .fixed(20), gap: 0), .init("STATUS", .fixed(8)), .init("DC", .fixed(13), priority: 4),
        .init("PEERS", .fixed(5), .right, priority: 5), .init("LAT", .fixed(5), .right, priority: 6),
        .init("HEAD", .fixed(5), .right, priority: 3),
        .init("LAG", .fixed(3), .right), .init("PROP", .fixed(6), .right),
        .init("LAST BLOCKS", .fixed(12), priority: 2, gap: 2),
    ])

    static func render(_ snapshot: Snapshot, _ view: ViewState, into buffer: inout ScreenBuffer, in rect: Rect) {
        // The open region's nodes (the snapshot carries that region's list when one is open).
        let regionNodes = view.expandedRegion.map { region in snapshot.nodes.filter { $0.region == region } } ?? []
        let title =
            view.expandedRegion.map { region in
                "Node health · \(region.name) · \(min(view.selected(.nodes) + 1, regionNodes.count)) of "
                    + "\(regionNodes.count) (esc: back)"
            } ?? "Node health"
        let inner = Widgets.box(&buffer, rect, title: title, focused: view.focus == .nodes)
        guard inner.height > 0 else { return }
        gauge(snapshot, into: &buffer, in: inner)
        let histogramRows = inner.height >= 10 ? 2 : 0
        let area = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1 - histogramRows)
        let selected = view.focus == .nodes ? view.selected(.nodes) : nil
        if view.expandedRegion != nil {
            let visible = max(0, area.height - 1)
            let first = max(0, min(view.selected(.nodes) - visible + 1, regionNodes.count - visible))
            nodeTable.render(regionNodes.map(nodeRow), first: first, selected: selected, into: &buffer, in: area)
        } else {
            regionTable.render(
                snapshot.regions.map { regionRow($0, snapshot) }, selected: selected, into: &buffer, in: area)
        }
        if histogramRows > 0 { histogram(snapshot.propagationHistogram, into: &buffer, in: inner) }
    }

    /// Online stake against the 2/3 needed for finality; then, where there is room, the last block's age
    /// and the slots missed (ethstats' "last block"), which an outage makes grow.
    static func gauge(_ snapshot: Snapshot, into buffer: inout ScreenBuffer, in inner: Rect) {
        let online = snapshot.onlineStake
        let role: ColorRole = online >= 2.0 / 3 ? .good : .critical
        let share = " \(Widgets.fixed(online * 100, 1)) %"
        // The chain's pulse comes first: the gauge gives up width (down to 10) before it is dropped.
        let seconds = snapshot.lastBlockAgeMs.map { "\($0 / 1_000) s" }
        let missed = snapshot.missedSlots == 0 ? "" : " · \(Widgets.count(snapshot.missedSlots)) missed"
        let pulses = [
            "  last block " + (seconds.map { $0 + " ago" } ?? "not yet") + missed,
            "  block " + (seconds ?? "none") + missed, "  " + (seconds ?? "-") + missed,
        ]
        let fixed = "stake online ".count + share.count
        let pulse =
            pulses.first { fixed + 10 + " (2/3 line)".count + $0.count <= inner.width }
            ?? pulses.first { fixed + 10 + $0.count <= inner.width } ?? ""
        let label = fixed + 10 + " (2/3 line)".count + pulse.count <= inner.width ? " (2/3 line)" : ""
        let gaugeWidth = max(10, min(30, inner.width - fixed - label.count - pulse.count))
        var gauge = Array(Widgets.bar(online, width: gaugeWidth))
        gauge[min(gaugeWidth - 1, gaugeWidth * 2 / 3)] = "│"
        var x = inner.x + buffer.put("stake online ", x: inner.x, y: inner.y, style: Style(.dim), clip: inner)
        x += buffer.put(String(gauge), x: x, y: inner.y, style: Style(role), clip: inner)
        x += buffer.put(share + label, x: x, y: inner.y, style: Style(role), clip: inner)
        let slow = (snapshot.lastBlockAgeMs ?? 0) > 2 * snapshot.slotMs
        buffer.put(
            pulse, x: x, y: inner.y, style: Style(slow ? .critical : snapshot.missedSlots > 0 ? .warn : .dim),
            clip: inner)
    }

    /// The last block's propagation times, 0–10 s.
    static func histogram(_ bins: [Int], into buffer: inout ScreenBuffer, in inner: Rect) {
        let width = min(40, inner.width - 14)
        let counts = compress(bins, to: width).map(Double.init)
        buffer.put("propagation", x: inner.x, y: inner.maxY - 2, style: Style(.dim), clip: inner)
        // A zero appended and dropped pins the sparkline's floor at 0 blocks.
        let bars = String(Widgets.sparkline(counts + [0], width: width + 1).dropLast())
        buffer.put(bars, x: inner.x + 12, y: inner.maxY - 2, style: Style(.accent), clip: inner)
        buffer.put(
            "0 s" + String(repeating: " ", count: max(0, width - 7)) + "10 s", x: inner.x + 12, y: inner.maxY - 1,
            style: Style(.dim), clip: inner)
    }

    static func compress(_ bins: [Int], to width: Int) -> [Int] {
        guard width > 0, !bins.isEmpty else { return [] }
        return (0..<width).map { column in
            let from = column * bins.count / width, to = max(from + 1, (column + 1) * bins.count / width)
            return bins[from..<min(to, bins.count)].reduce(0, +)
        }
    }

    static func regionRow(_ row: Snapshot.RegionRow, _ snapshot: Snapshot) -> [Table.Cell] {
        let links = snapshot.links[row.region.rawValue].enumerated().filter { $0.offset != row.region.rawValue }.map(
            \.element)
        // A region is CUT or SLOW when at least half its links are (cutting one region's links touches
        // one link of every other region, which does not make them cut off).
        let cut = links.filter(\.cut).count, slow = links.filter { $0.cut || $0.latencyFactor > 1 }.count
        let flag =
            snapshot.regionDown[row.region.rawValue]
            ? "DOWN"
            : cut * 2 >= max(1, links.count)
                ? "CUT"
                : slow * 2 >= max(1, links.count) ? "SLOW" : ""
        // With no node up there is nothing to measure: dashes, not zeros that read as healthy.
        let up = row.nodesUp > 0
        func measured(_ text: String, _ role: ColorRole) -> Table.Cell {
            up ? .init(text, Style(role)) : .init("-", Style(.dim))
        }
        return [
            .init("\(row.region.id) \(flag)", Style(flag.isEmpty ? .text : .critical)),
            .init(
                upOfAll(row.nodesUp, row.nodesTotal, width: 9),
                Style(Thresholds.activeRatio(Double(row.nodesUp) / Double(max(1, row.nodesTotal))))),
            measured(Widgets.count(row.medianLatencyMs, width: 6), Thresholds.latency(row.medianLatencyMs)),
            measured("\(row.medianLagBlocks)", Thresholds.lag(row.medianLagBlocks)),
            measured(Widgets.fixed(row.averagePeers, 1), Thresholds.peers(Int(clamping: row.averagePeers))),
            measured(Widgets.count(row.propagationP50Ms, width: 6), Thresholds.propagation(row.propagationP50Ms)),
            measured(Widgets.count(row.propagationP90Ms, width: 6), Thresholds.propagation(row.propagationP90Ms)),
            .init(Widgets.fixed(row.uptimePercent, 1) + "%", Style(Thresholds.uptime(row.uptimePercent))),
            .init(Widgets.fixed(row.stakeShare * 100, 0) + "%", Style(row.stakeOnline < 1 ? .alert : .text)),
        ]
    }

    /// "1,998/2,000" when it fits, else without separators, else with the total shortened ("9996/10k"), so
    /// that the nodes up stay exact (a shortened "10k/10k" would hide four nodes down).
    static func upOfAll(_ up: Int, _ all: Int, width: Int) -> String {
        let candidates = [
            "\(Widgets.count(up))/\(Widgets.count(all))", "\(up)/\(all)",
            "\(up)/\(Widgets.count(all, width: 3))",
        ]
        if let fitting = candidates.first(where: { $0.count <= width }) { return fitting }
        let half = (width - 1) / 2
        return "\(Widgets.count(up, width: half))/\(Widgets.count(all, width: half))"
    }

    static func nodeRow(_ node: Snapshot.NodeRow) -> [Table.Cell] {
        let statusRole: ColorRole =
            switch node.status {
            case .up: .good
            case .degraded: .warn
            case .syncing: .alert
            case .down: .critical
            }
        let roles =
            (node.roles.contains(.validator) ? "v" : "") + (node.roles.contains(.oracleReporter) ? "o" : "")
            + (node.roles.contains(.liquidatorHost) ? "b" : "") + (node.roles.contains(.sequencer) ? "s" : "")
        return [
            .init(sanitized(node.name) + (roles.isEmpty ? "" : " " + roles)),
            .init(
                node.crashed ? "crashed" : node.slashed && node.status != .down ? "slashed" : node.status.rawValue,
                Style(node.slashed ? .critical : statusRole)),
            .init(
                node.dataCenter + (node.dataCenterPowered ? "" : "!") + (node.compromised ? "*" : ""),
                Style(node.dataCenterPowered && !node.compromised ? .dim : .critical)),
            .init(
                node.status == .down ? "-" : "\(node.peers)",
                Style(node.status == .down ? .dim : Thresholds.peers(node.peers))),
            node.status == .down
                ? .init("-", Style(.dim))
                : .init(Widgets.count(node.latencyMs, width: 5), Style(Thresholds.latency(node.latencyMs))),
            .init(Widgets.count(node.head, width: 5)),
            .init("\(node.lag)", Style(Thresholds.lag(node.lag))),
            .init(
                Widgets.count(node.lastPropagationMs, width: 6), Style(Thresholds.propagation(node.lastPropagationMs))),
            .init(Widgets.sparkline(node.propagationHistory.map(Double.init), width: 12), Style(.accent)),
        ]
    }
}
