/// Budget lines as the tree their `parent_id`s draw, by row, with amounts that fall back to the
/// sum of a line's lines (a programme heading printed without amounts is the sum of its
/// activities).
public struct BudgetTree: Sendable {
    /// For each row: where its children start in ``childRows`` (and the next row's start, where they end).
    private let childStart: [Int32]
    private let childRows: [Int32]
    /// The rows that have children, in the order of their first child.
    public let parents: [Int32]
    /// The first row of each id.
    private let rowOfID: [Int32: Int32]

    /// The tree of lines identified by `ids` (pool ids), each under the line whose id is its
    /// `parentIDs` entry (negative, or an id no line has: none). A parent id names the first line
    /// that has it (``firstRow(of:)``).
    public init(ids: [Int32], parentIDs: [Int32]) {
        precondition(ids.count == parentIDs.count, "one parent id per line")
        var rowOfID: [Int32: Int32] = [:]
        rowOfID.reserveCapacity(ids.count)
        for (row, id) in ids.enumerated() where rowOfID[id] == nil { rowOfID[id] = Int32(row) }
        var parentOf = [Int32](repeating: -1, count: ids.count)
        var counts = [Int32](repeating: 0, count: ids.count + 1)
        for (row, parent) in parentIDs.enumerated() {
            guard parent >= 0, let p = rowOfID[parent] else { continue }
            parentOf[row] = p
            counts[Int(p) + 1] += 1
        }
        for i in 0..<ids.count { counts[i + 1] += counts[i] }
        var next = counts
        var rows = [Int32](repeating: 0, count: Int(counts[ids.count]))
        var parents: [Int32] = []
        for (row, p) in parentOf.enumerated() where p >= 0 {
            if next[Int(p)] == counts[Int(p)] { parents.append(p) }
            rows[Int(next[Int(p)])] = Int32(row)
            next[Int(p)] += 1
        }
        childStart = counts
        childRows = rows
        self.parents = parents
        self.rowOfID = rowOfID
    }

    /// The first row whose id is `id`, `nil` when none.
    public func firstRow(of id: Int32) -> Int? { rowOfID[id].map(Int.init) }

    /// The rows directly under `row`, in row order.
    public func children(of row: Int) -> ArraySlice<Int32> {
        childRows[Int(childStart[row])..<Int(childStart[row + 1])]
    }

    /// How deep the walks of the tree go: a `parent_id` chain that comes back to a line is a
    /// validation error, and the walks stop here instead of going round it for ever.
    public static let maximumDepth = 32

    /// The rows under `row` (its lines, their lines, …), depth first in row order, to
    /// ``maximumDepth`` levels.
    public func rows(under row: Int) -> [Int] {
        var rows: [Int] = []
        func walk(_ row: Int, depth: Int) {
            guard depth < Self.maximumDepth else { return }
            for k in children(of: row) {
                rows.append(Int(k))
                walk(Int(k), depth: depth + 1)
            }
        }
        walk(row, depth: 0)
        return rows
    }

    /// The printed amount of line `row` (`amount(row)`, `nil` when not printed), or else the sum
    /// of its lines' amounts; `nil` when it has no amount and no lines, or when one of its lines
    /// has none (never a silent zero).
    public func amount(_ row: Int, _ printed: (Int) -> Double?) -> Double? {
        amount(row, printed, depth: 0)
    }

    private func amount(_ row: Int, _ printed: (Int) -> Double?, depth: Int) -> Double? {
        if let v = printed(row) { return v }
        let kids = children(of: row)
        guard depth < Self.maximumDepth, !kids.isEmpty else { return nil }
        var sum = 0.0
        for k in kids {
            guard let v = amount(Int(k), printed, depth: depth + 1) else { return nil }
            sum += v
        }
        return sum
    }
}
