/// The engine: a world and the commands that change it, stepped one tick at a time. Headless callers
/// (`sim`, `bench`, tests) call `step()` in a loop; the dashboard's driver calls it from a timer.
public struct Engine: Sendable {
    public private(set) var world: World

    public init(scenario: Scenario, seed: UInt64, schedule: [ScheduledCommand] = []) throws {
        world = try World(scenario: scenario, seed: seed, extraEvents: schedule)
    }

    /// Applies a command at the current time.
    @discardableResult
    public mutating func apply(_ command: Command) -> [Event] {
        var events = world.apply(command)
        world.record(&events)
        return events
    }

    /// One tick of simulated time.
    @discardableResult
    public mutating func step() throws -> [Event] { try world.tick() }

    /// The dashboard's snapshot; the account-level summary is kept until the accounts or prices change.
    public mutating func snapshot(curveAsset: Int? = nil, nodeRegion: Region? = nil, pendingQuery: PendingQuery? = nil) -> Snapshot {
        world.updateRiskSummary(curveAsset: curveAsset)
        world.updatePendingWindow(pendingQuery ?? PendingQuery(), curveAsset: curveAsset)
        return world.snapshot(curveAsset: curveAsset, nodeRegion: nodeRegion, pendingQuery: pendingQuery)
    }

    public var stateHash: String { world.stateHash }
}
