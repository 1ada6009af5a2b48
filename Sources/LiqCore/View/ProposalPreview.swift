/// What a governance proposal would do if it executed now, exactly: every account that holds the asset as
/// collateral gets its health factor under the new parameters (the protocol's arithmetic, as
/// `getUserAccountData`); those liquidatable after and not now, and those no longer liquidatable.
public struct ProposalPreview: Sendable, Equatable {
    public var proposal: Proposal
    /// Why the PoolConfigurator would refuse it; nil when it is valid (and the counts are then filled).
    public var problem: String?
    public var newlyLiquidatable = 0
    /// Their collateral at today's prices, USD.
    public var collateralAtRiskUSD = 0.0
    public var noLongerLiquidatable = 0
    /// With a pause: accounts liquidatable now that hold or owe the asset, which no one could liquidate.
    public var blockedByPause = 0

    static func compute(_ proposal: Proposal, pool: LendingPool, index: RiskIndex) -> ProposalPreview {
        guard pool.reserves.indices.contains(proposal.asset) else {
            return ProposalPreview(proposal: proposal, problem: "no such asset")
        }
        var preview = ProposalPreview(
            proposal: proposal, problem: proposal.problem(with: pool.reserves[proposal.asset].configuration))
        guard preview.problem == nil else { return preview }
        var changed = pool
        changed.reserves[proposal.asset].configuration = proposal.applied(
            to: pool.reserves[proposal.asset].configuration)
        let (before, after) = (ExactHealth(pool), ExactHealth(changed))
        if proposal.changes[.paused].map({ $0 != 0 }) == true {
            for account in 0..<index.count
            where index.collateralTokens(account: account, asset: proposal.asset) > 0
                || index.debtTokens(account: account, asset: proposal.asset) > 0
            {
                if (try? before.healthFactor(account: account))?.isLiquidatable == true { preview.blockedByPause += 1 }
            }
        }
        for account in 0..<index.count where index.collateralTokens(account: account, asset: proposal.asset) > 0 {
            guard let now = try? before.healthFactor(account: account),
                let then = try? after.healthFactor(account: account), now != then
            else { continue }
            if then.isLiquidatable && !now.isLiquidatable {
                preview.newlyLiquidatable += 1
                preview.collateralAtRiskUSD += index.collateralUSD(account: account)
            } else if now.isLiquidatable && !then.isLiquidatable {
                preview.noLongerLiquidatable += 1
            }
        }
        return preview
    }
}
