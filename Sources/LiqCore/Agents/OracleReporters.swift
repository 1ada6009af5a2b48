/// What the oracle reporters decide each tick, from a read-only world: a reporter whose node is up posts
/// the true price when the deviation threshold is crossed or the heartbeat has passed (Chainlink's rule),
/// allowing ten times the base fee so that its update rides out a fee spike. A reporter in a data center
/// under an undetected intrusion posts the manipulated price instead.
extension World {
    func decideOracleUpdates() -> [(feed: Int, intent: Intent)] {
        feeds.indices.compactMap { index in
            let feed = feeds[index]
            let observed = reportedPrice(feed)
            guard network.isUp(feed.reporter, at: nowMs),
                feed.wantsUpdate(truePrice: observed, onChain: pool.prices[feed.asset], at: nowMs)
            else { return nil }
            return (
                index,
                Intent(
                    kind: .oracleUpdate(feed: index, price: feed.answer(observed)), origin: feed.reporter,
                    atMs: nowMs, priorityFeeGwei: 2, gas: Transaction.oracleGas, baseFeeHeadroom: 10)
            )
        }
    }

    /// The price a feed's reporter posts: the true one, or the intruder's while its site is compromised.
    func reportedPrice(_ feed: OracleFeed) -> UInt128 {
        let site = network.nodes[feed.reporter].dataCenter
        guard isManipulated(feed), let intrusion = network.dataCenters[site].intrusion else {
            return truePrices[feed.asset]
        }
        return intrusion.manipulated(truePrices[feed.asset])
    }
}
