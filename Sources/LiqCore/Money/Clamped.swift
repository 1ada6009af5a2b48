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

extension UInt128 {
    /// `self * factor`, or `UInt128.max` where the product does not fit.
    public func saturatingMultiplied(by factor: UInt128) -> UInt128 {
        let (product, overflow) = multipliedReportingOverflow(by: factor)
        return overflow ? .max : product
    }
}
