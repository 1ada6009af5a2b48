/// What defending borrowers decide when a block lands, from a read-only world: those closest to the edge
/// repay 30 % of their largest debt, unless gas (at the transaction's fee cap) would cost more than 1 % of
/// the repayment, so that a fee spike prices defence out rather than feeding it.
extension World {
    func decideDefences(
        at time: Int64, candidates: [(account: Int, healthFactor: Double)]
    ) -> [(account: Int, intent: Intent)] {
        let gasCapBase = FullWidth.mulDivSaturating(
            UInt128(Transaction.defenceGas) * (2 * UInt128(chain.baseFeeWei) + 1_000_000_000),
            gasAssetPrice, WadRayMath.wad)
        // The estimate of the debt skips the clear cases (with 1 % to spare) before the exact check below.
        let smallestWorthIt = Double(gasCapBase) / 1e8 * 100 / 0.3 * 0.99
        let defending = candidates.filter {
            $0.account < defenders.count && defenders[$0.account] && !defencePending[$0.account]
                && $0.healthFactor < settings.borrowers.defendBelow && $0.healthFactor > 0.5
                && riskIndex.debtUSD(account: $0.account) >= smallestWorthIt
        }.sorted { ($0.healthFactor, $0.account) < ($1.healthFactor, $1.account) }
        var intents: [(account: Int, intent: Intent)] = []
        for candidate in defending {
            let account = candidate.account
            let borrower = pool.accounts[account]
            let debts: [UInt128] = pool.reserves.indices.map { (try? pool.debtBalance(borrower, reserve: $0)) ?? 0 }
            let values: [UInt128] = debts.indices.map {
                FullWidth.mulDivSaturating(debts[$0], pool.prices[$0], pool.reserves[$0].configuration.unit)
            }
            guard let reserve = values.indices.max(by: { values[$0] < values[$1] }), debts[reserve] > 0 else {
                continue
            }
            guard gasCapBase.saturatingMultiplied(by: 100) <= FullWidth.mulDivSaturating(values[reserve], 3, 10) else {
                continue
            }
            let origin = account % network.nodes.count
            guard network.isUp(origin, at: time) else { continue }
            intents.append(
                (
                    account,
                    Intent(
                        kind: .repay(
                            account: account, reserve: reserve,
                            amount: FullWidth.mulDivSaturating(debts[reserve], 3, 10)),
                        origin: origin, atMs: time + 2_000, priorityFeeGwei: 1, gas: Transaction.defenceGas)
                ))
        }
        return intents
    }
}
