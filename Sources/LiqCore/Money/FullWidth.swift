/// How a division's remainder is treated.
public enum Rounding: Sendable {
    /// Truncate, as Solidity's `/` does.
    case down
    /// Add half the divisor before dividing, as Aave's `WadRayMath` and `PercentageMath` do.
    case halfUp
    /// Round any remainder up (Aave v3.5+ `mulDivCeil`).
    case up
}

/// An arithmetic step whose exact result does not fit, or divides by zero.
/// The protocol's contracts revert here; liqtop throws instead of wrapping.
public struct ArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable { case overflow, divisionByZero, underflow }
    public let kind: Kind
    public let operation: String

    public init(_ kind: Kind, in operation: String) {
        self.kind = kind
        self.operation = operation
    }

    public var description: String {
        switch kind {
        case .overflow: "arithmetic overflow in \(operation)"
        case .divisionByZero: "division by zero in \(operation)"
        case .underflow: "arithmetic underflow in \(operation)"
        }
    }
}

/// Full-width multiply-divide on `UInt128`: `a * b / c` with a 256-bit intermediate product,
/// so only a quotient that does not fit in 128 bits can fail.
public enum FullWidth {
    public static func mulDiv(
        _ a: UInt128, _ b: UInt128, _ c: UInt128,
        rounding: Rounding = .down, operation: @autoclosure () -> String = "mulDiv"
    ) throws -> UInt128 {
        guard c != 0 else { throw ArithmeticError(.divisionByZero, in: operation()) }
        var (high, low) = a.wideProduct(b)
        if rounding == .halfUp {
            // a, b < 2^128, so a*b + c/2 < 2^256: the carry never leaves the high word.
            let (sum, carry) = low.addingReportingOverflow(c / 2)
            low = sum
            if carry { high += 1 }
        }
        guard high < c else { throw ArithmeticError(.overflow, in: operation()) }
        let (quotient, remainder) = c.wideDivide(high: high, low: low)
        if rounding == .up, remainder != 0 {
            guard quotient != .max else { throw ArithmeticError(.overflow, in: operation()) }
            return quotient + 1
        }
        return quotient
    }

    /// `a * b * c / (d * e)`, truncating, as Solidity evaluates `(a * b * c) / (d * e)` in uint256:
    /// a numerator past 2^256 throws (the contract reverts there too), as does a quotient past 2^128.
    public static func mulMulDiv(
        _ a: UInt128, _ b: UInt128, _ c: UInt128, _ d: UInt128, _ e: UInt128,
        operation: @autoclosure () -> String = "mulMulDiv"
    ) throws -> UInt128 {
        guard d != 0, e != 0 else { throw ArithmeticError(.divisionByZero, in: operation()) }
        let (ab, abOverflow) = a.multipliedReportingOverflow(by: b)
        let (de, deOverflow) = d.multipliedReportingOverflow(by: e)
        if !abOverflow, !deOverflow { return try mulDiv(ab, c, de, operation: operation()) }
        guard let numerator = UInt256(a, times: b).multiplied(by: c),
            let quotient = numerator.divided(by: UInt256(d, times: e))
        else { throw ArithmeticError(.overflow, in: operation()) }
        return quotient
    }

    /// `a * b / c` rounded down, or `UInt128.max` where the quotient does not fit (or `c` is 0): for the
    /// agents' estimates and thresholds (is a repayment worth its gas?), never for the protocol's amounts,
    /// where an overflow must throw as the contract reverts.
    public static func mulDivSaturating(_ a: UInt128, _ b: UInt128, _ c: UInt128) -> UInt128 {
        (try? mulDiv(a, b, c)) ?? .max
    }

    /// `a + b`, thrown on overflow.
    public static func add(_ a: UInt128, _ b: UInt128, operation: @autoclosure () -> String = "add") throws -> UInt128 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw ArithmeticError(.overflow, in: operation()) }
        return sum
    }

    /// `a - b`, thrown on underflow (Solidity 0.8 reverts there).
    public static func subtract(
        _ a: UInt128, _ b: UInt128, operation: @autoclosure () -> String = "subtract"
    ) throws -> UInt128 {
        guard a >= b else { throw ArithmeticError(.underflow, in: operation()) }
        return a - b
    }

    /// `a * b`, thrown on overflow.
    public static func multiply(
        _ a: UInt128, _ b: UInt128, operation: @autoclosure () -> String = "multiply"
    ) throws -> UInt128 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw ArithmeticError(.overflow, in: operation()) }
        return product
    }

    /// `10^exponent`, for asset units (`10 ** decimals`).
    public static func pow10(_ exponent: Int) throws -> UInt128 {
        guard exponent >= 0, exponent <= 38 else { throw ArithmeticError(.overflow, in: "10^\(exponent)") }
        var result: UInt128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
