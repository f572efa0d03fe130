/// Budget lines as the tree their `parent_id`s draw, with amounts that fall back to the sum of
/// a line's lines (a programme heading printed without amounts is the sum of its activities).
public struct BudgetTree: Sendable {
    public let lines: [BudgetLine]
    /// Indices of each line's children, by the parent's id.
    public let children: [String: [Int]]
    /// Index of each line, by id.
    public let index: [String: Int]

    public init(_ lines: [BudgetLine]) {
        self.lines = lines
        var children: [String: [Int]] = [:]
        for (i, line) in lines.enumerated() {
            if let parent = line.parentID { children[parent, default: []].append(i) }
        }
        self.children = children
        index = Dictionary(lines.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The printed amount of line `i`, or else the sum of its lines' amounts; `nil` when it has
    /// no amount and no lines, or when one of its lines has none (never a silent zero).
    public func amount(_ i: Int, _ field: KeyPath<BudgetLine, CanonicalNumber?>) -> Double? {
        amount(i, field, depth: 0)
    }

    private func amount(_ i: Int, _ field: KeyPath<BudgetLine, CanonicalNumber?>, depth: Int) -> Double? {
        if let v = lines[i][keyPath: field] { return v.value }
        guard depth < 32, let kids = children[lines[i].id], !kids.isEmpty else { return nil }
        var sum = 0.0
        for k in kids {
            guard let v = amount(k, field, depth: depth + 1) else { return nil }
            sum += v
        }
        return sum
    }
}
