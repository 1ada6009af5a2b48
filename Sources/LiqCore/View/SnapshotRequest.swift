/// Everything a screen asks of the next snapshot, in one value: which asset's liquidation curve, which
/// region's nodes, which window of the pending liquidations, and which shock to preview (if a dialog is
/// open). The dashboard sends a new one when it changes; the engine answers on its own queue.
public struct SnapshotRequest: Sendable, Equatable {
    /// The asset of the liquidations-versus-price curve; nil for the first that is not a stablecoin.
    public var curveAsset: Int?
    /// The region whose nodes to list (up to 4,096); nil for the first nodes of all regions.
    public var nodeRegion: Region?
    public var pending: PendingQuery
    /// A shock to preview with the exact scan.
    public var shock: ShockQuery?
    /// A governance proposal to preview (the proposal form is open).
    public var proposal: Proposal?

    public init(
        curveAsset: Int? = nil, nodeRegion: Region? = nil, pending: PendingQuery = PendingQuery(),
        shock: ShockQuery? = nil, proposal: Proposal? = nil
    ) {
        self.curveAsset = curveAsset
        self.nodeRegion = nodeRegion
        self.pending = pending
        self.shock = shock
        self.proposal = proposal
    }
}

/// A shock to an asset's oracle price, in basis points (−2000 = −20 %).
public struct ShockQuery: Sendable, Equatable {
    public var asset: Int
    public var percentBps: Int

    public init(asset: Int, percentBps: Int) {
        self.asset = asset
        self.percentBps = percentBps
    }
}
