import Dispatch
import Foundation
import LiqCore
import LiqUI
import Testing

@testable import LiqTerminal

/// Collects snapshots delivered on a queue of the test's own (the main queue is not serviced here).
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshots: [Snapshot] = []
    func add(_ snapshot: Snapshot) {
        lock.lock()
        snapshots.append(snapshot)
        lock.unlock()
    }
    var all: [Snapshot] {
        lock.lock()
        defer { lock.unlock() }
        return snapshots
    }

    func wait(until condition: ([Snapshot]) -> Bool, seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(all) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition(all)
    }
}

@Suite struct EngineDriverTests {
    @Test func timerTicksTheEngineAndPauseStepAndSpeedWork() throws {
        let scenario = try #require(try BuiltInScenarios.load("default"))
        var small = scenario
        small.simulation.borrowers.count = 200
        let collector = Collector()
        let driver = EngineDriver(
            engine: try Engine(scenario: small, seed: 1), hertz: 50,
            callbackQueue: DispatchQueue(label: "test.callbacks"), onSnapshot: collector.add)
        driver.play(.setSpeed(200)) // 200 simulated seconds per wall second
        driver.start()
        #expect(collector.wait { ($0.last?.timeMs ?? 0) >= 30_000 }, "the timer advances simulated time")
        #expect(collector.wait { $0.contains { $0.headHeight > 0 } }, "blocks are produced")

        driver.play(.pause)
        #expect(collector.wait { $0.last?.paused == true })
        Thread.sleep(forTimeInterval: 0.1)
        let pausedAt = collector.all.last!.timeMs
        Thread.sleep(forTimeInterval: 0.2)
        #expect(collector.all.last!.timeMs == pausedAt, "paused: time stands still")

        driver.play(.step)
        #expect(collector.wait { $0.last!.timeMs == pausedAt + 1_000 }, "step: exactly one tick")
        driver.stop()
    }

    /// Ticks that do not fit in their frame slow the world down, in full ticks, and the snapshot says how fast
    /// it really runs; at a speed it can keep, it says nothing.
    @Test func anEngineThatFallsBehindRunsSlowerAndSaysSo() throws {
        var small = try #require(try BuiltInScenarios.load("default"))
        small.simulation.borrowers.count = 200
        let collector = Collector()
        // A budget of 1 % of a 20 ms frame: 0.2 ms, far less than 1,000 ticks a second need.
        let driver = EngineDriver(
            engine: try Engine(scenario: small, seed: 1), hertz: 50, tickBudget: 0.01,
            callbackQueue: DispatchQueue(label: "test.callbacks"), onSnapshot: collector.add)
        driver.play(.setSpeed(1_000))
        driver.start()
        #expect(
            collector.wait { $0.contains { ($0.achievedSpeed ?? .infinity) < 900 } },
            "the header is told the speed achieved")
        let behind = try #require(collector.all.last { $0.achievedSpeed != nil })
        #expect(behind.speed == 1_000)
        #expect(behind.timeMs % behind.tickMs == 0, "whole ticks only")

        driver.play(.setSpeed(1)) // one tick a second fits easily: no longer behind
        #expect(
            collector.wait(until: { $0.suffix(3).allSatisfy { $0.achievedSpeed == nil && $0.speed == 1 } }, seconds: 8))
        driver.stop()
    }
}
