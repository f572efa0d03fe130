/// Values made once and kept in a slot while the slot's stamp stays the same: the cells a large
/// export repeats on the rows of one province or one group (a province's and the nation's values
/// of an indicator and year, a group's province quartiles), formatted at the first such row.
struct StampedCache<Value> {
    private var values: [Value?]
    private var stamps: [Int]

    /// A cache of `slots` empty slots.
    init(slots: Int) {
        values = Array(repeating: nil, count: slots)
        stamps = Array(repeating: Int.min, count: slots)
    }

    /// The value of `slot` for `stamp`: made by `make` unless the slot holds one for that stamp.
    mutating func value(slot: Int, stamp: Int, _ make: () -> Value) -> Value {
        if stamps[slot] != stamp {
            values[slot] = make()
            stamps[slot] = stamp
        }
        return values[slot]!
    }
}
