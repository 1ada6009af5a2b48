extension FixedWidthInteger {
    /// `value` rounded toward zero and held within the type's range; NaN is 0.
    ///
    /// For figures derived from floating-point estimates or shown on screen (a change in basis points,
    /// a bar's length, a latency): an absurd but valid input, such as a price a quadrillion times the
    /// last, must give a pinned figure, never a trap that ends the program.
    @inlinable
    public init(clamping value: Double) {
        if value.isNaN {
            self = 0
        } else if value <= Double(Self.min) {
            self = .min
        } else if value >= Double(Self.max) {
            self = .max
        } else {
            self = Self(value)
        }
    }
}

extension Int {
    /// The generic `init(clamping:)` for `Int` without the standard library's generic conversion (its
    /// `_convert(from:)` takes the bits apart in software; this is one instruction): the same value.
    @inlinable
    public init(clamping value: Double) {
        if value.isNaN {
            self = 0
        } else if value <= Double(Int.min) {
            self = .min
        } else if value >= Double(Int.max) {
            self = .max
        } else {
            self = Int(value)
        }
    }
}

extension Double {
    /// `rounded()` (to nearest, halves away from zero) without a call into libm for 0 < self < 2⁵²,
    /// where the whole part converts exactly and the fraction `self − whole` is exact: the same value.
    /// Anything else (zeros, whose sign `rounded()` keeps, negative, large, NaN) is `rounded()`.
    @inlinable
    public var roundedQuickly: Double {
        guard self > 0, self < 0x1p52 else { return rounded() }
        let whole = Double(Int64(self))
        // Without a branch: the fraction is a coin toss for prices, which a branch predictor cannot learn.
        let up: Double = self - whole >= 0.5 ? 1 : 0
        return whole + up
    }
}

extension UInt128 {
    /// `self * factor`, or `UInt128.max` where the product does not fit.
    public func saturatingMultiplied(by factor: UInt128) -> UInt128 {
        let (product, overflow) = multipliedReportingOverflow(by: factor)
        return overflow ? .max : product
    }
}
