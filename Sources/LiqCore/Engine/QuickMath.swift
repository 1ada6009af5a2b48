/// Shorter series for the fast path mode's gossip jitter, with the same range reductions as
/// `DeterministicMath.log` and `exp` (basic IEEE arithmetic only, so the same bits on every machine): a
/// relative error below 1e-10 (against a few ulps), which moves a jitter of up to a minute by far less
/// than the millisecond it is rounded to. A test holds them to that bound against the full series.
extension DeterministicMath {
    /// `log` with the series 2 atanh(s) cut after s¹¹ (|s| ≤ 0.172, so the first term left out is below
    /// 2·0.172¹³/13 < 2e-11).
    public static func quickLog(_ x: Double) -> Double {
        let (m, k) = reduceForLog(x)
        let s = (m - 1) / (m + 1), s2 = s * s
        // s (1 + s²/3 + s⁴/5 + … + s¹⁰/11), by Horner in s².
        var sum = 1.0 / 11
        sum = sum * s2 + 1.0 / 9
        sum = sum * s2 + 1.0 / 7
        sum = sum * s2 + 1.0 / 5
        sum = sum * s2 + 1.0 / 3
        sum = sum * s2 + 1
        return 2 * s * sum + Double(k) * ln2
    }

    /// `exp` with the Taylor series cut after r¹⁰/10! (|r| ≤ ln 2 / 2, so the first term left out is below
    /// 0.347¹¹/11! < 1e-12).
    public static func quickExp(_ x: Double) -> Double {
        if x > 700 { return .infinity }
        if x < -700 { return 0 }
        let (k, r) = reduceForExp(x)
        return expTail(0x1.27e4fb7789f5dp-22, r, k) // from 1/10!
    }
}
