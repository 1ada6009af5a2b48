/// Everything the person at the terminal, a script or a scenario can ask the world to do. Playback (pause,
/// speed, one step) is not the world's: the driver that runs it owns that.
public enum Command: Sendable, Equatable {
    /// Move an asset's true price by `percentBps` (−3500 = −35 %), at once or spread over `overSeconds`.
    case shock(asset: Int, percentBps: Int, overSeconds: Int)
    /// Set an asset's true price (USD, 8 decimals).
    case setPrice(asset: Int, price: UInt128)
    case regionOutage(Region)
    case regionRecover(Region)
    /// Mains power lost at a data center; its generator (if any) takes over after its delay.
    case powerLoss(dataCenter: Int)
    case powerRestore(dataCenter: Int)
    /// Replaces a data center's generator: failover after `delayMs`, or none.
    case setGenerator(dataCenter: Int, delayMs: Int64?)
    case crashNode(Int)
    case restartNode(Int)
    /// Multiply a link's latency (3 = degraded).
    case degradeLink(Region, Region, factor: Double)
    /// Cut a link: a partition.
    case cutLink(Region, Region)
    case restoreLink(Region, Region)
    case latencySpike(Region, ms: Int)
    case clearLatencySpike(Region)
    case freezeOracle(asset: Int)
    case unfreezeOracle(asset: Int)
    case setBots(enabled: Bool)
    /// An intrusion at a data center: its reporters post prices `offsetBps` off (of `asset`, or of every
    /// asset that is not a stablecoin), its validators equivocate, until it is detected (after
    /// `detectAfterSeconds`, or by `detectIntrusion`).
    case intrusion(dataCenter: Int, asset: Int?, offsetBps: Int, detectAfterSeconds: Int?)
    case detectIntrusion(dataCenter: Int)
    /// A governance proposal: new risk parameters for a reserve, in effect once voted and past the timelock.
    case propose(Proposal)
    /// The risk steward's update: within its bounds, no vote, executed in the next block.
    case stewardUpdate(Proposal)
    /// The person at the terminal liquidates, from their own wallet, through the mempool.
    case userLiquidation(account: Int, request: LiquidationRequest)
}

/// A command due at a simulated time.
public struct ScheduledCommand: Sendable, Equatable {
    public var atMs: Int64
    public var command: Command

    public init(atMs: Int64, command: Command) {
        self.atMs = atMs
        self.command = command
    }
}
