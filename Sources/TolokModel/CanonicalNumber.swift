/// A number in the datasets' canonical notation, with the decimals it was written with.
public struct CanonicalNumber: Sendable, Equatable {
    /// The value.
    public var value: Double
    /// Digits after the decimal point as written (`78.20` has 2): the printed precision.
    public var decimals: Int

    public init(value: Double, decimals: Int) {
        self.value = value
        self.decimals = decimals
    }
}
