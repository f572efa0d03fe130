import TolokModel
import TolokInput

/// The canonical number parser on arbitrary bytes: no crash; what it accepts is exactly the
/// canonical syntax `-?[0-9]+(\.[0-9]+)?` (no negative zero), finite, with the decimals as
/// written, and the standard library reads the same value; every refusal points inside the cell.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumber(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let cell = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: cell, as: UTF8.self)
    let canonical = isCanonical(cell)
    do {
        let number = try NumberParser.parse(cell)
        require(canonical, "accepted a non-canonical number: \(Array(cell))")
        require(number.value.isFinite, "accepted a number that is not finite")
        let dot = cell.firstIndex(of: UInt8(ascii: "."))
        require(number.decimals == (dot.map { size - $0 - 1 } ?? 0), "decimals \(number.decimals) for '\(text)'")
        require(Double(text) == number.value, "'\(text)' read as \(number.value), the standard library reads \(Double(text) ?? .nan)")
        // Written back with its decimals, it reads as the same value.
        if number.decimals <= 15 && abs(number.value) < 1e15 {
            let written = NumberText.fixed(number.value, decimals: number.decimals)
            require(Double(written) == number.value, "'\(text)' written back as '\(written)'")
        }
    } catch {
        let finite = Double(text).map { $0.isFinite } ?? false
        let negativeZero = canonical && Double(text) == 0 && cell.first == UInt8(ascii: "-")
        require(!canonical || !finite || negativeZero, "refused the canonical number '\(text)': \(error.message)")
        require(error.offset >= 0 && error.offset <= size, "error offset \(error.offset) outside the cell")
        require(!error.message.isEmpty, "an error without a message")
    }
    return 0
}

/// `-?[0-9]+(\.[0-9]+)?`
private func isCanonical(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    if i < cell.count, cell[i] == UInt8(ascii: "-") { i += 1 }
    func digits() -> Int {
        let start = i
        while i < cell.count, cell[i] >= UInt8(ascii: "0"), cell[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }
    guard digits() > 0 else { return false }
    if i < cell.count, cell[i] == UInt8(ascii: ".") {
        i += 1
        guard digits() > 0 else { return false }
    }
    return i == cell.count
}
