import Testing

@testable import LiqCore

/// The speed-ups of the Monte Carlo keep every result: the same bits, the same answers.
@Suite struct FastPathMathTests {
    /// `exp` with its coefficients written as literals equals Horner over the computed table of 1/n!.
    @Test func expLiteralsAreTheTable() {
        func reference(_ x: Double) -> Double {
            let q = x / DeterministicMath.ln2
            let k = Double(Int(q >= 0 ? q + 0.5 : q - 0.5))
            let r = x - k * DeterministicMath.ln2
            let c = DeterministicMath.inverseFactorials
            var sum = c[17]
            for n in stride(from: 16, through: 0, by: -1) { sum = sum * r + c[n] }
            return sum * Double(bitPattern: UInt64(1_023 + Int(k)) << 52)
        }
        var rng = SeededGenerator(seed: 1)
        for _ in 0..<20_000 {
            let x = (rng.unit() - 0.5) * 1_390
            #expect(DeterministicMath.exp(x).bitPattern == reference(x).bitPattern)
        }
        #expect(DeterministicMath.exp(0) == 1)
        #expect(abs(DeterministicMath.exp(1) - 2.718_281_828_459_045) < 1e-15)
        #expect(abs(DeterministicMath.log(10) - 2.302_585_092_994_046) < 1e-15)
    }

    /// The arbitrageur's galloping search returns what a plain bisection over 0…high returns, for any
    /// estimate, good or bad.
    @Test func gallopingSearchEqualsBisection() throws {
        func bisection(_ high: UInt128, _ holds: (UInt128) -> Bool) -> UInt128 {
            var low: UInt128 = 0, high = high
            while low < high {
                let mid = low + (high - low + 1) / 2
                if holds(mid) { low = mid } else { high = mid - 1 }
            }
            return low
        }
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<2_000 {
            let high = UInt128(rng.next() >> UInt64(rng.int(in: 0...63)))
            let answer = UInt128(rng.next()) % (high + 2) // may be past high: then high is the answer
            let estimate = rng.chance(0.5) ? answer &+ UInt128(rng.int(in: 0...3)) : UInt128(rng.next())
            var checks = 0
            let found = try Arbitrageur.largest(upTo: high, near: estimate) { x in
                checks += 1
                return x <= answer
            }
            #expect(found == bisection(high) { $0 <= answer })
            #expect(checks <= 400)
        }
        #expect(try Arbitrageur.largest(upTo: 0, near: 5) { _ in true } == 0)
        #expect(try Arbitrageur.largest(upTo: 1_000, near: 0) { _ in false } == 0)
        #expect(try Arbitrageur.largest(upTo: .max, near: .max) { _ in true } == .max)
    }

    /// The estimate lands near the exact answer for a real pool: within a millionth.
    @Test func arbitrageEstimateIsClose() throws {
        let reserveIn: UInt128 = 40_000_000 * 1_000_000 // USDC, 6 decimals
        let reserveOut: UInt128 = 20_000 * 1_000_000_000_000_000_000 // WETH, 18 decimals
        // The pool's price is 2,000; the target 2,100 USDC per WETH, in raw units out per in.
        let target = 2_100.0 * 1e6 / 1e18
        let estimate = Arbitrageur.estimate(reserveIn: reserveIn, reserveOut: reserveOut, target: target)
        let exact = try Arbitrageur.largest(upTo: 10_000_000 * 1_000_000, near: 0) { paid in
            let out = try DexPool.amountOut(paid, reserveIn: reserveIn, reserveOut: reserveOut)
            return Double(reserveIn + paid) / Double(reserveOut - out) < target
        }
        #expect(exact > 0)
        #expect(abs(estimate.doubleValue / exact.doubleValue - 1) < 1e-6)
    }
}
