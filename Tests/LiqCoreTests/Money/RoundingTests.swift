import Testing

@testable import LiqCore

/// Expected values come from the formulas of docs/mechanics.md, worked by hand.
@Suite struct PercentageMathTests {
    @Test func percentMulRoundsHalfUp() throws {
        // (1 * 5000 + 5000) / 10000 = 1: exactly half rounds up.
        #expect(try PercentageMath.percentMul(1, 5_000) == 1)
        // (1 * 4999 + 5000) / 10000 = 0: just under half rounds down.
        #expect(try PercentageMath.percentMul(1, 4_999) == 0)
        // (3 * 5000 + 5000) / 10000 = 2 (1.5 rounds up).
        #expect(try PercentageMath.percentMul(3, 5_000) == 2)
        // 25200 * 8300 / 10000 = 20916 exactly.
        #expect(try PercentageMath.percentMul(25_200, 8_300) == 20_916)
        #expect(try PercentageMath.percentMul(0, 8_300) == 0)
        #expect(try PercentageMath.percentMul(12_345, 0) == 0)
    }

    @Test func percentDivRoundsHalfUp() throws {
        // (1 * 10000 + 10500/2) / 10500 = 15250 / 10500 = 1.
        #expect(try PercentageMath.percentDiv(1, 10_500) == 1)
        // 5.25e18 / 1.05 = 5e18 exactly.
        #expect(try PercentageMath.percentDiv(5_250_000_000_000_000_000, 10_500) == 5_000_000_000_000_000_000)
        // (1 * 10000 + 10000) / 20000 = 1: 0.5 rounds up; (1 * 10000 + 10000) / 20001 = 0.
        #expect(try PercentageMath.percentDiv(1, 20_000) == 1)
        #expect(try PercentageMath.percentDiv(1, 20_001) == 0)
    }

    @Test func percentDivByZeroThrows() {
        #expect(throws: ArithmeticError.self) { try PercentageMath.percentDiv(1, 0) }
    }

    @Test func overflowThrowsInsteadOfWrapping() {
        #expect(throws: ArithmeticError(.overflow, in: "percentMul")) {
            try PercentageMath.percentMul(.max, 10_001)
        }
        // max * 10000 / 10000 = max fits exactly.
        #expect((try? PercentageMath.percentMul(.max, 10_000)) == .max)
    }
}

@Suite struct WadRayMathTests {
    let wad = WadRayMath.wad, ray = WadRayMath.ray

    @Test func wadMulRoundsHalfUp() throws {
        // 1 wei * 0.5 = 0.5 wei -> 1; 1 wei * (0.5 - 1e-18) -> 0.
        #expect(try WadRayMath.wadMul(1, wad / 2) == 1)
        #expect(try WadRayMath.wadMul(1, wad / 2 - 1) == 0)
        #expect(try WadRayMath.wadMul(2 * wad, 3 * wad) == 6 * wad)
    }

    @Test func wadDivRoundsHalfUp() throws {
        // 20916e8 / 21000e8 = 0.996 exactly.
        #expect(try WadRayMath.wadDiv(2_091_600_000_000, 2_100_000_000_000) == 996_000_000_000_000_000)
        // 2 / 3 = 0.666…67 (last digit rounded up), 1 / 3 = 0.333…33.
        #expect(try WadRayMath.wadDiv(2, 3) == 666_666_666_666_666_667)
        #expect(try WadRayMath.wadDiv(1, 3) == 333_333_333_333_333_333)
    }

    @Test func rayMulAndRayDivRoundHalfUp() throws {
        #expect(try WadRayMath.rayMul(1, ray / 2) == 1)
        #expect(try WadRayMath.rayMul(1, ray / 2 - 1) == 0)
        #expect(try WadRayMath.rayDiv(1, 2 * ray) == 1) // 0.5 -> 1
        #expect(try WadRayMath.rayDiv(1, 2 * ray + 1) == 0) // just under 0.5 -> 0
        #expect(try WadRayMath.rayDiv(10, ray) == 10)
    }

    @Test func conversionsBetweenWadAndRay() throws {
        #expect(WadRayMath.rayToWad(1_500_000_000) == 2) // 1.5 -> 2
        #expect(WadRayMath.rayToWad(1_499_999_999) == 1)
        #expect(try WadRayMath.wadToRay(wad) == ray)
    }

    @Test func divisionByZeroThrows() {
        #expect(throws: ArithmeticError.self) { try WadRayMath.wadDiv(1, 0) }
        #expect(throws: ArithmeticError.self) { try WadRayMath.rayDiv(1, 0) }
    }
}

@Suite struct FullWidthTests {
    @Test func usesA256BitIntermediate() throws {
        // (2^127) * 4 / 8 = 2^126: the product does not fit in 128 bits, the quotient does.
        let big = UInt128(1) << 127
        #expect(try FullWidth.mulDiv(big, 4, 8) == UInt128(1) << 126)
    }

    @Test func quotientOverflowThrows() {
        #expect(throws: ArithmeticError.self) { try FullWidth.mulDiv(.max, 2, 1) }
    }

    @Test func roundingModes() throws {
        #expect(try FullWidth.mulDiv(7, 1, 2, rounding: .down) == 3)
        #expect(try FullWidth.mulDiv(7, 1, 2, rounding: .halfUp) == 4)
        #expect(try FullWidth.mulDiv(5, 1, 3, rounding: .halfUp) == 2) // 1.67 -> 2
        #expect(try FullWidth.mulDiv(4, 1, 3, rounding: .halfUp) == 1) // 1.33 -> 1
        #expect(try FullWidth.mulDiv(4, 1, 3, rounding: .up) == 2)
        #expect(try FullWidth.mulDiv(6, 1, 3, rounding: .up) == 2)
    }

    @Test func tripleProductTruncatesOnce() throws {
        // 1e8 * 10500e6 * 1e18 / (2100e8 * 1e6) = 5e18 (the collateral for 10,500 USDC at $2,100).
        #expect(
            try FullWidth.mulMulDiv(
                100_000_000, 10_500_000_000, 1_000_000_000_000_000_000,
                210_000_000_000, 1_000_000) == 5_000_000_000_000_000_000)
        // 7 * 1 * 1 / (2 * 2) = 1.75 -> 1, whether or not d*e overflows.
        #expect(try FullWidth.mulMulDiv(7, 1, 1, 2, 2) == 1)
        #expect(try FullWidth.mulMulDiv(.max, 1, 4, UInt128(1) << 127, 4) == 1)
    }

    @Test func checkedAddSubtractMultiply() {
        #expect(throws: ArithmeticError.self) { try FullWidth.add(.max, 1) }
        #expect(throws: ArithmeticError.self) { try FullWidth.subtract(1, 2) }
        #expect(throws: ArithmeticError.self) { try FullWidth.multiply(.max, 2) }
    }
}
