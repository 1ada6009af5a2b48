import Dispatch
import Foundation
import LiqCore
import Testing
@testable import LiqTerminal

/// Collects snapshots delivered on a queue of the test's own (the main queue is not serviced here).
final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshots: [Snapshot] = []
    func add(_ snapshot: Snapshot) { lock.lock(); snapshots.append(snapshot); lock.unlock() }
    var all: [Snapshot] { lock.lock(); defer { lock.unlock() }; return snapshots }

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
        let driver = EngineDriver(engine: try Engine(scenario: small, seed: 1), hertz: 50,
                                  callbackQueue: DispatchQueue(label: "test.callbacks"), onSnapshot: collector.add)
        driver.send(.setSpeed(200))   // 200 simulated seconds per wall second
        driver.start()
        #expect(collector.wait { ($0.last?.timeMs ?? 0) >= 30_000 }, "the timer advances simulated time")
        #expect(collector.wait { $0.contains { $0.headHeight > 0 } }, "blocks are produced")

        driver.send(.pause)
        #expect(collector.wait { $0.last?.paused == true })
        Thread.sleep(forTimeInterval: 0.1)
        let pausedAt = collector.all.last!.timeMs
        Thread.sleep(forTimeInterval: 0.2)
        #expect(collector.all.last!.timeMs == pausedAt, "paused: time stands still")

        driver.send(.step)
        #expect(collector.wait { $0.last!.timeMs == pausedAt + 1_000 }, "step: exactly one tick")
        driver.stop()
    }
}
