import Testing

@testable import LiqCore

/// The DEX pools against Uniswap v2's own tests. Expected values are copied from the sources named.
@Suite struct UniswapV2ConformanceTests {
    static let e18: UInt128 = 1_000_000_000_000_000_000

    /// Uniswap/v2-core @ ee547b17, test/UniswapV2Pair.spec.ts 70–91 (`swapTestCases`): amount in, reserve in,
    /// reserve out, and the output the pair accepts; one wei more reverts with "UniswapV2: K".
    static let swapTestCases: [(UInt128, UInt128, UInt128, UInt128)] = [
        (e18, 5 * e18, 10 * e18, 1_662_497_915_624_478_906),
        (e18, 10 * e18, 5 * e18, 453_305_446_940_074_565),
        (2 * e18, 5 * e18, 10 * e18, 2_851_015_155_847_869_602),
        (2 * e18, 10 * e18, 5 * e18, 831_248_957_812_239_453),
        (e18, 10 * e18, 10 * e18, 906_610_893_880_149_131),
        (e18, 100 * e18, 100 * e18, 987_158_034_397_061_298),
        (e18, 1_000 * e18, 1_000 * e18, 996_006_981_039_903_216),
    ]

    @Test(arguments: swapTestCases)
    func swapTestCasesAreTight(amountIn: UInt128, reserveIn: UInt128, reserveOut: UInt128, expected: UInt128) throws {
        #expect(try DexPool.amountOut(amountIn, reserveIn: reserveIn, reserveOut: reserveOut) == expected)
        #expect(
            DexPool.keepsInvariant(
                amountIn: amountIn, amountOut: expected, reserveIn: reserveIn, reserveOut: reserveOut))
        #expect(
            !DexPool.keepsInvariant(
                amountIn: amountIn, amountOut: expected + 1, reserveIn: reserveIn, reserveOut: reserveOut))
        var (poolIn, poolOut) = (reserveIn, reserveOut)
        #expect(throws: ArithmeticError.self) {
            try DexPool.swap(amountIn: amountIn, amountOut: expected + 1, reserveIn: &poolIn, reserveOut: &poolOut)
        }
        #expect((poolIn, poolOut) == (reserveIn, reserveOut), "a refused swap changes nothing")
    }

    /// A pool's own sale goes through the same check and moves the reserves by what the formula gives.
    @Test func aSaleMovesTheReservesByTheFormula() throws {
        var pool = DexPool(asset: 0, stable: 1, assetReserve: 5 * Self.e18, stableReserve: 10 * Self.e18)
        #expect(try pool.sellAsset(Self.e18) == 1_662_497_915_624_478_906)
        #expect(pool.assetReserve == 6 * Self.e18)
        #expect(pool.stableReserve == 10 * Self.e18 - 1_662_497_915_624_478_906)
    }

    /// Uniswap/v2-periphery @ 0335e8f7: test/UniswapV2Router02.spec.ts:54 (`getAmountOut(2, 100, 100) = 1`),
    /// test/ExampleSwapToPrice.spec.ts 121–129 and 146–154 (swaps to a 1:90 and a 1:110 price).
    static let peripheryCases: [(UInt128, UInt128, UInt128, UInt128)] = [
        (2, 100, 100, 1),
        (526_682_316_179_835_569, 10 * e18, 1_000 * e18, 49_890_467_170_695_440_744),
        (47_376_582_963_642_643_588, 1_000 * e18, 10 * e18, 451_039_908_682_851_138),
    ]

    @Test(arguments: peripheryCases)
    func peripheryAmountsOut(amountIn: UInt128, reserveIn: UInt128, reserveOut: UInt128, expected: UInt128) throws {
        #expect(try DexPool.amountOut(amountIn, reserveIn: reserveIn, reserveOut: reserveOut) == expected)
    }
}
