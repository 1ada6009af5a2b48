import LiqCore

@testable import LiqUI

/// A deterministic world to render: the crash scenario (1,000 borrowers, seed 1) 100 s after its drop.
enum Frames {
    static func crashedEngine(ticks: Int = 700, bots: Bool = true, borrowers: Int = 1_000) throws -> Engine {
        guard var scenario = try BuiltInScenarios.load("crash") else { fatalError("crash scenario") }
        scenario.simulation.borrowers.count = borrowers
        scenario.simulation.bots.enabled = bots
        var engine = try Engine(scenario: scenario, seed: 1)
        for _ in 0..<ticks { try engine.step() }
        return engine
    }

    static func text(_ buffer: ScreenBuffer) -> String { buffer.lines.joined(separator: "\n") }

    /// Each line followed by the monochrome attributes of its cells.
    static func monochrome(_ buffer: ScreenBuffer) -> String {
        (0..<buffer.height).map { y in
            let attributes = String((0..<buffer.width).map { MonochromeAttributes(buffer[$0, y].style).code })
            return buffer.line(y) + "\n" + attributes
        }.joined(separator: "\n")
    }
}
