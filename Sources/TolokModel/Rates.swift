/// Rates of one count to another, the one place each is computed: a percentage (a ratio mapping,
/// the audit's ratio relations, TPT from its counts, budget absorption) and a rate per 1,000 (a
/// count per 1,000 of the labour force, so districts of different size can be ranked).
public enum Rates {
    /// `count` as a percentage of `base` (the caller rules out a base of 0).
    @inlinable
    public static func percent(_ count: Double, of base: Double) -> Double { count / base * 100 }

    /// `count` per 1,000 of `base` (the caller rules out a base of 0).
    @inlinable
    public static func perThousand(_ count: Double, of base: Double) -> Double { count / base * 1000 }
}
