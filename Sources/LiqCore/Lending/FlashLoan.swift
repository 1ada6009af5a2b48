/// Why a flash loan reverts.
public enum FlashLoanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The receiver handed back less than amount + premium: the pool's `safeTransferFrom` fails and the
    /// whole transaction reverts.
    case notRepaid(owed: UInt128, returned: UInt128)
    /// More than the reserve's available liquidity was asked for.
    case insufficientLiquidity

    public var description: String {
        switch self {
        case .notRepaid(let owed, let returned): "flash loan not repaid: owed \(owed), returned \(returned)"
        case .insufficientLiquidity: "flash loan larger than the reserve's available liquidity"
        }
    }
}

/// What a completed flash loan cost and where the premium went.
public struct FlashLoanReceipt: Sendable, Equatable {
    public var amount: UInt128
    public var premium: UInt128
    public var premiumToProtocol: UInt128
    public var premiumToSuppliers: UInt128
}

extension LendingPool {
    /// `flashLoanSimple` (aave-v3-core `FlashLoanLogic.sol`; docs/mechanics.md):
    /// `premium = amount.percentMul(FLASHLOAN_PREMIUM_TOTAL)`. The receiver runs with the pool in its
    /// state after the funds left and returns how much of the asset it pays back. Unless that covers
    /// amount + premium (or the receiver throws), everything it did is undone: the pool is left unchanged.
    /// The protocol's share of the premium goes to the treasury; the rest to suppliers via the liquidity index.
    @discardableResult
    public mutating func flashLoan(
        reserve: Int, amount: UInt128,
        receiver: (_ pool: inout LendingPool, _ amount: UInt128, _ premium: UInt128) throws -> UInt128
    ) throws -> FlashLoanReceipt {
        guard amount != 0 else { throw BorrowError.invalidAmount }
        guard !reserves[reserve].configuration.isPaused else { throw BorrowError.reservePaused }
        guard reserves[reserve].availableLiquidity >= amount else { throw FlashLoanError.insufficientLiquidity }
        let premium = try PercentageMath.percentMul(amount, flashLoanPremiumTotalBps)
        // The trial owns the accounts while the receiver runs (no copy of the book); a journal undoes the
        // accounts it changed when the loan reverts. Everything else is small and copied.
        let owed = try FullWidth.add(amount, premium, operation: "flash loan")
        var trial = self
        accounts = AccountBook(reserveCount: trial.accounts.reserveCount)
        trial.accounts.beginJournal()
        trial.reserves[reserve].availableLiquidity -= amount
        let premiumToProtocol: UInt128, premiumToSuppliers: UInt128
        do {
            let returned = try receiver(&trial, amount, premium)
            guard returned >= owed else { throw FlashLoanError.notRepaid(owed: owed, returned: returned) }

            // _handleFlashLoanRepayment
            premiumToProtocol = try PercentageMath.percentMul(premium, flashLoanPremiumToProtocolBps)
            premiumToSuppliers = premium - premiumToProtocol
            var updated = trial.reserves[reserve]
            try updated.updateState(to: trial.time)
            let totalLiquidity = try FullWidth.add(
                WadRayMath.rayMul(updated.totalScaledSupply, updated.liquidityIndex),
                WadRayMath.rayMul(updated.accruedToTreasury, updated.liquidityIndex))
            try updated.cumulateToLiquidityIndex(totalLiquidity: totalLiquidity, amount: premiumToSuppliers)
            updated.accruedToTreasury += try WadRayMath.rayDiv(premiumToProtocol, updated.liquidityIndex)
            try updated.updateInterestRates(liquidityAdded: owed, liquidityTaken: 0)
            trial.reserves[reserve] = updated
        } catch {
            trial.accounts.rollBack()
            accounts = trial.accounts
            throw error
        }
        trial.accounts.commitJournal()
        self = trial
        return FlashLoanReceipt(
            amount: amount, premium: premium, premiumToProtocol: premiumToProtocol,
            premiumToSuppliers: premiumToSuppliers)
    }
}
