/// Units as the documents print them (the `unit` field of observations and references), and
/// what kind of quantity they measure.
public enum PrintedUnit {
    /// Units of counts (whole persons, cases): never with decimals; the operands of the ratio,
    /// sum and per-1,000 transforms.
    public static let counts: Set<String> = ["orang", "jiwa", "tenaga kerja", "kasus", "perkara"]
    /// Units of a share in percent.
    public static let percent: Set<String> = ["%", "persen"]
}
