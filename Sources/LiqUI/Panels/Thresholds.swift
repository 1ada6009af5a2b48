/// ethstats' colour thresholds (cubedro/eth-netstats `src/js/filters.js`).
enum Thresholds {
    static func peers(_ count: Int) -> ColorRole { count <= 1 ? .critical : count <= 3 ? .warn : .good }
    static func latency(_ ms: Int) -> ColorRole { ms <= 100 ? .good : ms <= 1_000 ? .warn : .critical }
    static func propagation(_ ms: Int) -> ColorRole {
        ms < 1_000 ? .good : ms < 3_000 ? .warn : ms < 7_000 ? .alert : .critical
    }
    static func uptime(_ percent: Double) -> ColorRole { percent >= 90 ? .good : percent >= 75 ? .warn : .critical }
    static func lag(_ blocks: Int) -> ColorRole {
        blocks <= 0 ? .good : blocks == 1 ? .warn : blocks <= 3 ? .alert : .critical
    }
    static func activeRatio(_ ratio: Double) -> ColorRole {
        ratio >= 0.9 ? .good : ratio >= 0.75 ? .warn : ratio >= 0.5 ? .alert : .critical
    }

    /// Health factors: red below 1 (liquidatable), orange below 1.05, yellow below 1.25, green above.
    static let health: [(below: Double, role: ColorRole, name: String)] = [
        (1.0, .critical, "red"), (1.05, .alert, "orange"),
        (1.25, .warn, "yellow"),
    ]

    static func health(_ value: Double) -> ColorRole { health.first { value < $0.below }?.role ?? .good }

    /// The health-factor colours in words, for the help.
    static var healthLegend: String {
        var parts = ["green ≥ \(health[health.count - 1].below)"]
        for index in stride(from: health.count - 1, to: 0, by: -1) {
            parts.append("\(health[index].name) ≥ \(health[index - 1].below)")
        }
        parts.append("red < \(health[0].below) (liquidatable)")
        return parts.joined(separator: ", ")
    }
}
