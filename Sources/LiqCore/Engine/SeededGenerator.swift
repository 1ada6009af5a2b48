/// The world's one random stream: xoshiro256** seeded through SplitMix64. Every random draw in the
/// engine comes from here, in a fixed order, so a seed replays exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
        lhs.state == rhs.state
    }

    public mutating func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in (0, 1].
    public mutating func unitOpen() -> Double { Double((next() >> 11) + 1) * 0x1.0p-53 }

    /// Uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A standard normal draw (Irwin–Hall sum of 12 uniforms: basic arithmetic only, tails cut at ±6).
    public mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }

    /// `normal()`'s Irwin–Hall sum from 16-bit uniforms, four to a draw: three draws instead of twelve, for
    /// the fast path mode. Each lane k is the uniform (k + ½)/65,536, so the sum of twelve is exact in a
    /// `Double`, with mean 6 and variance 1 − 2⁻³² (against 1). Another stream than `normal()`'s.
    public mutating func quickNormal() -> Double { Self.quickNormal(next(), next(), next()) }

    /// The sum of the twelve 16-bit lanes of three words as `quickNormal`'s draw.
    static func quickNormal(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Double {
        func lanes(_ x: UInt64) -> UInt64 { (x & 0xFFFF) + (x >> 16 & 0xFFFF) + (x >> 32 & 0xFFFF) + (x >> 48) }
        return (Double(lanes(a) + lanes(b) + lanes(c)) + 6) / 65_536 - 6
    }

    /// A standard normal draw conditioned on being at least `a` (the truncated normal, so that a floor
    /// never piles draws onto one value). Near the middle, draws below `a` are drawn again; in the tail
    /// (a > 0.5), Robert's exponential proposal (Statistics and Computing 5, 1995) keeps the acceptance
    /// rate above 70 % however far out `a` is.
    public mutating func normal(atLeast a: Double) -> Double {
        if a <= 0.5 {
            while true {
                let z = normal()
                if z >= a { return z }
            }
        }
        let rate = (a + (a * a + 4).squareRoot()) / 2
        while true {
            let z = a - DeterministicMath.log(unitOpen()) / rate
            let d = z - rate
            if unit() <= DeterministicMath.exp(-d * d / 2) { return z }
        }
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }
}

/// `log` and `exp` from basic IEEE arithmetic only, so that results (and so `state_hash`) do not depend on
/// the platform's libm. Accurate to a few ulps, which is all a jitter model needs.
public enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_3

    /// `log`'s range reduction: x = m · 2^k exactly, with m in [√½, √2).
    static func reduceForLog(_ x: Double) -> (m: Double, k: Int) {
        precondition(x > 0)
        var k = Int(x.exponent)
        var m = x.significand
        if m > 1.414_213_562_373_095_1 {
            m /= 2
            k += 1
        }
        return (m, k)
    }

    /// `exp`'s range reduction: x = k · ln 2 + r, k the nearest integer (without libm), |r| ≤ ln 2 / 2.
    static func reduceForExp(_ x: Double) -> (k: Double, r: Double) {
        let q = x / ln2
        let k = Double(Int(q >= 0 ? q + 0.5 : q - 0.5))
        return (k, x - k * ln2)
    }

    public static func log(_ x: Double) -> Double {
        let (m, k) = reduceForLog(x)
        // ln m = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172: 12 odd terms reach double precision. Written
        // out term by term (the same operations in the same order as a loop over n = 1, 3, …, 23, so the same
        // bits): a Monte Carlo path calls this for every gossip hop.
        let s = (m - 1) / (m + 1), s2 = s * s
        var term = s, sum = 0.0
        sum += term / 1
        term *= s2
        sum += term / 3
        term *= s2
        sum += term / 5
        term *= s2
        sum += term / 7
        term *= s2
        sum += term / 9
        term *= s2
        sum += term / 11
        term *= s2
        sum += term / 13
        term *= s2
        sum += term / 15
        term *= s2
        sum += term / 17
        term *= s2
        sum += term / 19
        term *= s2
        sum += term / 21
        term *= s2
        sum += term / 23
        return 2 * sum + Double(k) * ln2
    }

    /// 1/n! for n = 0…17, each from the previous by one exact-rounded division (the same on every machine).
    package static let inverseFactorials: [Double] = {
        var values = [1.0]
        for n in 1...17 { values.append(values[n - 1] / Double(n)) }
        return values
    }()

    public static func exp(_ x: Double) -> Double {
        if x > 700 { return .infinity }
        if x < -700 { return 0 }
        let (k, r) = reduceForExp(x)
        // Horner over 1/n!: 17 terms reach double precision for |r| ≤ 0.35. Written out with the table's
        // entries as literals (`inverseFactorials`, checked equal by a test): the same operations in the same
        // order as a loop over the table, so the same bits.
        var sum = 0x1.952c77030ad4bp-49
        sum = sum * r + 0x1.ae7f3e733b820p-45 // 1/16!
        sum = sum * r + 0x1.ae7f3e733b820p-41 // 1/15!
        sum = sum * r + 0x1.93974a8c07c9ep-37 // 1/14!
        sum = sum * r + 0x1.6124613a86d0ap-33 // 1/13!
        sum = sum * r + 0x1.1eed8eff8d898p-29 // 1/12!
        sum = sum * r + 0x1.ae64567f544e4p-26 // 1/11!
        sum = sum * r + 0x1.27e4fb7789f5dp-22 // 1/10!
        return expTail(sum, r, k)
    }

    /// The last ten Horner steps of `exp` (1/9! down to 1/0!) from `sum`, times 2^k: shared with `quickExp`.
    static func expTail(_ sum: Double, _ r: Double, _ k: Double) -> Double {
        var sum = sum * r + 0x1.71de3a556c734p-19 // 1/9!
        sum = sum * r + 0x1.a01a01a01a01ap-16 // 1/8!
        sum = sum * r + 0x1.a01a01a01a01ap-13 // 1/7!
        sum = sum * r + 0x1.6c16c16c16c17p-10 // 1/6!
        sum = sum * r + 0x1.1111111111111p-7 // 1/5!
        sum = sum * r + 0x1.5555555555555p-5 // 1/4!
        sum = sum * r + 0x1.5555555555555p-3 // 1/3!
        sum = sum * r + 0x1.0000000000000p-1 // 1/2!
        sum = sum * r + 0x1.0000000000000p+0 // 1/1!
        sum = sum * r + 0x1.0000000000000p+0 // 1/0!
        // 2^k from its bit pattern: k is within the normal exponent range here.
        return sum * Double(bitPattern: UInt64(1_023 + Int(k)) << 52)
    }

    public static func pow(_ base: Double, _ exponent: Double) -> Double { exp(exponent * log(base)) }
}
