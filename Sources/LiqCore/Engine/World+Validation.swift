extension World {
    /// Why `command` cannot be applied to this world (an index out of range, a proposal the configurator
    /// refuses); nil when it can. A journal is input: nothing in it may crash the re-run.
    func problem(with command: Command) -> String? {
        let assets = pool.reserves.count, centers = network.dataCenters.count, nodes = network.nodes.count
        func asset(_ index: Int) -> String? { (0..<assets).contains(index) ? nil : "no asset \(index)" }
        func center(_ index: Int) -> String? { (0..<centers).contains(index) ? nil : "no data center \(index)" }
        func node(_ index: Int) -> String? { (0..<nodes).contains(index) ? nil : "no node \(index)" }
        switch command {
        case .shock(let index, let bps, let over):
            return asset(index)
                ?? (bps > -10_000 && bps <= 100_000 && over >= 0 && over <= 10_000_000 ? nil : "a shock out of range")
        case .setPrice(let index, _), .freezeOracle(let index), .unfreezeOracle(let index): return asset(index)
        case .powerLoss(let index), .powerRestore(let index), .detectIntrusion(let index): return center(index)
        case .setGenerator(let index, let delay): return center(index) ?? ((delay ?? 0) >= 0 ? nil : "a negative delay")
        case .crashNode(let index), .restartNode(let index): return node(index)
        case .degradeLink(_, _, let factor): return factor >= 1 && factor <= 1_000 ? nil : "a link factor out of range"
        case .latencySpike(_, let ms): return (0...60_000).contains(ms) ? nil : "a latency spike out of range"
        case .regionOutage, .regionRecover, .cutLink, .restoreLink, .clearLatencySpike, .setBots: return nil
        case .intrusion(let index, let target, let bps, let detect):
            return center(index) ?? target.flatMap(asset)
                ?? (bps > -10_000 && bps <= 100_000 && (detect ?? 0) >= 0 ? nil : "an intrusion out of range")
        case .propose(let proposal), .stewardUpdate(let proposal):
            return asset(proposal.asset) ?? proposal.problem(with: pool.reserves[proposal.asset].configuration)
        case .userLiquidation(let account, let request):
            guard (0..<pool.accounts.count).contains(account) else { return "no account \(account)" }
            return asset(request.collateralReserve) ?? asset(request.debtReserve)
        }
    }
}
