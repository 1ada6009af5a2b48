/// What the oracle reporters decide each tick, from a read-only world: a reporter whose node is up posts
/// the true price when the deviation threshold is crossed or the heartbeat has passed (Chainlink's rule),
/// allowing ten times the base fee so that its update rides out a fee spike.
extension World {
    func decideOracleUpdates() -> [(feed: Int, intent: Intent)] {
        feeds.indices.compactMap { index in
            let feed = feeds[index]
            guard network.isUp(feed.reporter, at: nowMs),
                feed.wantsUpdate(
                    truePrice: truePrices[feed.asset], onChain: pool.prices[feed.asset], at: nowMs)
            else { return nil }
            return (
                index,
                Intent(
                    kind: .oracleUpdate(feed: index, price: feed.answer(truePrices[feed.asset])), origin: feed.reporter,
                    atMs: nowMs, priorityFeeGwei: 2, gas: Transaction.oracleGas, baseFeeHeadroom: 10)
            )
        }
    }
}
