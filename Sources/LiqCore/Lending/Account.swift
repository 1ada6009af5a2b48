/// A borrower or supplier: scaled collateral (aToken) and variable-debt balances per reserve,
/// indexed like the pool's reserves.
public struct Account: Sendable, Equatable {
    public var id: String
    /// The account's eMode category, 0 for none.
    public var eModeCategory: UInt8
    public var scaledCollateral: [UInt128]
    public var usingAsCollateral: [Bool]
    public var scaledDebt: [UInt128]

    public init(id: String, reserveCount: Int, eModeCategory: UInt8 = 0) {
        self.id = id
        self.eModeCategory = eModeCategory
        scaledCollateral = Array(repeating: 0, count: reserveCount)
        usingAsCollateral = Array(repeating: false, count: reserveCount)
        scaledDebt = Array(repeating: 0, count: reserveCount)
    }

    public var isBorrowingAny: Bool { scaledDebt.contains { $0 != 0 } }
}
