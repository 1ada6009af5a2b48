import Testing

@testable import LiqCore

/// Generated borrowers' initial health factors come from a normal truncated at `health_min`: none below
/// it, and no pile of identical values on it (a clamp put every draw below the floor exactly there).
@Suite struct BorrowerGenerationTests {
    /// The mean of a standard normal truncated below at a is φ(a) / (1 − Φ(a)); values from tables:
    /// a = 0: 0.39894 / 0.5 = 0.7979; a = 2: 0.053991 / 0.022750 = 2.3732; a = 6: 6.1585 (Mills ratio).
    @Test(arguments: [(-3.0, 0.0044), (0.0, 0.7979), (2.0, 2.3732), (6.0, 6.1585)])
    func truncatedDrawsStayAboveTheFloorWithTheRightMean(floor: Double, mean: Double) {
        var rng = SeededGenerator(seed: 7)
        let draws = (0..<20_000).map { _ in rng.normal(atLeast: floor) }
        #expect(draws.allSatisfy { $0 >= floor })
        let average = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(average - mean) < 0.02, "mean \(average), expected \(mean)")
    }

    @Test func theDefaultPopulationHasNoMassPointAtItsFloor() throws {
        let scenario = try #require(try BuiltInScenarios.load("default"))
        let world = try World(scenario: scenario, seed: 1)
        let floor = scenario.simulation.borrowers.healthMin
        var counts: [Int: Int] = [:]
        var generated = 0
        // Generated borrowers are "b0", "b1", …; the scenario's own positions have names.
        for account in world.pool.accounts.indices
        where world.pool.accounts.id(at: account).dropFirst().allSatisfy(\.isNumber)
            && world.pool.accounts.id(at: account).hasPrefix("b")
        {
            let health = try world.pool.accountData(world.pool.accounts[account]).healthFactor
            let value = Double(health.wad) / 1e18
            // Amounts round to units and the average threshold truncates to basis points: 0.1 % of slack.
            #expect(value >= floor * 0.999, "\(world.pool.accounts.id(at: account)): \(value)")
            counts[Int((value * 10_000).rounded()), default: 0] += 1
            generated += 1
        }
        #expect(generated == scenario.simulation.borrowers.count)
        // About 5 % of draws fell below 1.02 and were clamped onto it before: ~250 identical values.
        let largest = counts.values.max() ?? 0
        #expect(largest <= generated / 100, "\(largest) accounts share one health factor")
        #expect(counts[Int((floor * 10_000).rounded()), default: 0] < 20)
    }
}
