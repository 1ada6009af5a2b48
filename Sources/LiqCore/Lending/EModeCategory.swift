/// An efficiency-mode category: accounts in it use the category's LTV, liquidation threshold and
/// liquidation bonus for collateral that belongs to it (the protocol fee stays the reserve's).
public struct EModeCategory: Sendable, Equatable {
    public var id: UInt8
    public var label: String
    public var ltvBps: UInt128
    public var liquidationThresholdBps: UInt128
    public var liquidationBonusBps: UInt128
    /// Reserve indexes in the category.
    public var reserves: [Int]

    public init(
        id: UInt8, label: String, ltvBps: UInt128, liquidationThresholdBps: UInt128,
        liquidationBonusBps: UInt128, reserves: [Int]
    ) {
        self.id = id
        self.label = label
        self.ltvBps = ltvBps
        self.liquidationThresholdBps = liquidationThresholdBps
        self.liquidationBonusBps = liquidationBonusBps
        self.reserves = reserves
    }

    public func contains(reserve: Int) -> Bool { reserves.contains(reserve) }
}
