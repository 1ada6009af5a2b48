import Foundation
import LiqCore
import Testing

@testable import LiqUI

@Suite struct HeaderTests {
    /// When the driver reports the speed it achieved, the header shows it next to the asked speed, in the
    /// alert colour; when it keeps up, or while paused, it shows nothing of the kind.
    @Test func theHeaderSaysWhenTheEngineFallsBehind() throws {
        var engine = try Frames.crashedEngine(ticks: 30)
        var snapshot = engine.snapshot()
        snapshot.speed = 100
        let keepingUp = Dashboard.render(snapshot, ViewState(), width: 160, height: 48)
        #expect(keepingUp.line(0).contains("running ×100 ·"))
        #expect(!keepingUp.line(0).contains("behind"))

        snapshot.achievedSpeed = 23.4
        let behind = Dashboard.render(snapshot, ViewState(), width: 160, height: 48)
        #expect(behind.line(0).contains("running ×100 · engine behind: ×23 ·"))
        let x = try #require(
            behind.line(0).range(of: "engine behind").map {
                behind.line(0).distance(from: behind.line(0).startIndex, to: $0.lowerBound)
            })
        #expect(behind[x, 0].style.role == ColorRole.alert)

        snapshot.achievedSpeed = 2.46
        #expect(
            Dashboard.render(snapshot, ViewState(), width: 160, height: 48).line(0).contains("engine behind: ×2.5 ·"))
        snapshot.paused = true
        #expect(!Dashboard.render(snapshot, ViewState(), width: 160, height: 48).line(0).contains("behind"))
    }

    /// At 80 columns the fields take their short forms, least important first, and none is cut off.
    @Test func aNarrowHeaderAbbreviatesInsteadOfCutting() throws {
        var engine = try Frames.crashedEngine(ticks: 30)
        var snapshot = engine.snapshot()
        snapshot.speed = 100
        snapshot.achievedSpeed = 23.4
        let wide = Dashboard.render(snapshot, ViewState(), width: 200, height: 60, frameMicros: 1_400).line(0)
        let fee = "\(snapshot.baseFeeGwei) gwei"
        #expect(wide.hasSuffix("base fee \(fee) · frame 1.4 ms"))
        let narrow = Dashboard.render(snapshot, ViewState(), width: 80, height: 24, frameMicros: 1_400).line(0)
        #expect(narrow.count <= 80)
        let fields = narrow.trimmingCharacters(in: .whitespaces).components(separatedBy: " · ")
        #expect(fields.first == "liqtop" || fields.first == "crash")
        #expect(fields.contains("behind ×23") && fields.contains("h2") && fields.contains(fee), "\(fields)")
        for field in fields {
            #expect(
                wide.contains(field) || ["behind ×23", "h2", "f0", "×100", fee, "1.4 ms"].contains(field), "\(field)")
        }
    }

    /// A real market's export time has no short form: on a narrow screen it goes, leaving no empty field.
    @Test func theExportTimeGoesRatherThanLeavingAnEmptyField() throws {
        var engine = try Frames.crashedEngine(ticks: 30)
        var snapshot = engine.snapshot()
        snapshot.marketExport = "export 2023-10-31 00:00 UTC"
        #expect(Dashboard.render(snapshot, ViewState(), width: 200, height: 60).line(0).contains("export 2023-10-31"))
        let narrow = Dashboard.render(snapshot, ViewState(), width: 80, height: 24).line(0)
        #expect(!narrow.contains("·  ·") && !narrow.contains("export"), "\(narrow)")
    }
}
