/// The engine: a world and the view that a screen reads of it, stepped one tick at a time. Headless
/// callers (`sim`, tests) call `step()` in a loop; the dashboard's driver calls it from a timer. Every
/// command and step goes to the world, and what it caused to the view.
public struct Engine: Sendable {
    public private(set) var world: World
    public private(set) var view: WorldView

    public init(scenario: Scenario, seed: UInt64, schedule: [ScheduledCommand] = []) throws {
        world = try World(scenario: scenario, seed: seed, extraEvents: schedule)
        view = WorldView(world: world)
    }

    /// An engine over a world already built (one Monte Carlo path, say).
    public init(world: World) {
        self.world = world
        view = WorldView(world: world)
    }

    /// Applies a command at the current time.
    @discardableResult
    public mutating func apply(_ command: Command) -> [Event] {
        let events = world.apply(command)
        view.observe(events, in: world, stepped: false)
        return events
    }

    /// One tick of simulated time.
    @discardableResult
    public mutating func step() throws -> [Event] {
        let events = try world.step()
        view.observe(events, in: world, stepped: true)
        return events
    }

    /// The screen's snapshot for `request` (the view keeps its summaries until the world changes).
    public mutating func snapshot(_ request: SnapshotRequest = SnapshotRequest()) -> Snapshot {
        view.snapshot(of: world, request)
    }

    public var stateHash: String { world.stateHash }
}
