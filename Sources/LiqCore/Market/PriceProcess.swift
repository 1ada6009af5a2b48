/// True prices from a seeded process: geometric Brownian motion with jumps, correlated through a common
/// factor, stepped with Euler steps in basic arithmetic (deterministic on any IEEE machine); stablecoins
/// revert to their peg. Prices are held as USD with 8 decimals; the Double is only the process's arithmetic.
public struct PriceProcess: Sendable, Equatable {
    public struct Parameters: Sendable, Equatable {
        /// Annual volatility, 0.8 = 80 %.
        public var volatility: Double
        /// A stablecoin: reverts to `peg` instead of wandering.
        public var isStable: Bool
        public var peg: Double = 1
    }

    public var parameters: [Parameters]
    /// Pairwise correlation of two assets' moves (0 = independent, 1 = identical); each loads √correlation
    /// on the common factor.
    public var correlation: Double = 0.7
    /// Expected jumps per day and their size (standard deviation of the relative move).
    public var jumpsPerDay: Double = 0.5
    public var jumpSize: Double = 0.02
    /// Stablecoins' reversion speed, per second.
    public var pegReversion: Double = 0.01

    static let secondsPerYear = 365.0 * 24 * 3600

    /// Moves every price by `seconds`. `quick` (the fast path mode) draws the same process more cheaply:
    /// normals from `SeededGenerator.quickNormal`, and a jump's size only when there is a jump, a stablecoin
    /// only its own noise. The same distribution from another stream, so other paths than the full mode's.
    public func step(_ prices: inout [UInt128], seconds: Double, quick: Bool = false, using rng: inout SeededGenerator)
    {
        let common = quick ? rng.quickNormal() : rng.normal()
        let loading = correlation.squareRoot()
        let weight = (1 - correlation).squareRoot()
        let jumpChance = jumpsPerDay * seconds / 86_400
        for index in prices.indices {
            let p = parameters[index]
            // The draws, in each mode's order; a jump's size only where the jump happens.
            let own: Double, jumpShock: Double?
            if quick {
                own = rng.quickNormal()
                jumpShock = !p.isStable && rng.unit() < jumpChance ? rng.quickNormal() : nil
            } else {
                own = rng.normal()
                let jumpDraw = rng.unit(), shock = rng.normal()
                jumpShock = jumpDraw < jumpChance ? shock : nil
            }
            var price = prices[index].doubleValue / 1e8
            if p.isStable {
                price +=
                    (p.peg - price) * min(1, pegReversion * seconds) + 0.0001 * (seconds / 86_400).squareRoot() * own
            } else {
                let sigma = p.volatility * (seconds / Self.secondsPerYear).squareRoot()
                var relative = sigma * (loading * common + weight * own)
                if let jumpShock { relative += jumpSize * jumpShock }
                price *= 1 + relative
            }
            prices[index] = Self.quantize(price)
        }
    }

    /// The highest price the world holds, in 8-decimal units ($10²²): every product of a price with an
    /// amount then fits the 256-bit arithmetic, and a shock or scripted price beyond it is pinned here.
    public static let maximumUnits: UInt128 = 1_000_000_000_000_000 * 1_000_000_000_000_000

    /// USD to 8-decimal units, at least one unit and at most `maximumUnits`.
    public static func quantize(_ price: Double) -> UInt128 {
        guard price.isFinite, price > 0 else { return price > 0 ? maximumUnits : 1 }
        let units = min(price * 1e8, 1e30)
        // Below 2⁵² units ($45 million) without libm: the same value (`roundedQuickly`). Every tick, every asset.
        if units < 0x1p52 { return max(1, UInt128(UInt64(units.roundedQuickly))) }
        return max(1, UInt128(integral: units.rounded()))
    }
}
