import Foundation
import TolokModel

/// The matching rule for printed labels in mapping tables: ignore case, leading and trailing
/// spaces and repeated spaces. Spelling variants (Presentase / Persentase) are *not* merged:
/// each needs its own mapping row, so a mapping never matches a label nobody looked at.
public enum LabelKey {
    public static func of(_ label: String) -> String {
        var label = label
        if let key = label.withUTF8({ asciiKey($0) }) { return key }
        return label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// ``of(_:)`` on bytes, for ASCII labels (the usual case); `nil` for any other.
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        for b in bytes {
            guard b < 0x80 else { return nil }
            if b == 0x20 || b == 0x09 || b == 0x0A {
                space = !out.isEmpty
                continue
            }
            if space { out.append(0x20); space = false }
            out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// For recognising one fact printed in two places (the audit's `same_fact`): ``of(_:)``
    /// without the spaces and punctuation a table leaves around a label (`Jumlah pencari kerja:`).
    public static func ofFact(_ label: String) -> String {
        of(label).trimmingCharacters(in: CharacterSet(charactersIn: " .:;"))
    }

    /// Programme names also ignore a leading "program" and punctuation after it
    /// ("Program: Penempatan Tenaga Kerja" = "Penempatan Tenaga Kerja").
    public static func ofProgramme(_ label: String) -> String {
        var key = of(label)
        if key.hasPrefix("program") {
            key = String(key.dropFirst("program".count))
            while let first = key.first, first == " " || first == ":" || first == "." || first == "-" { key.removeFirst() }
        }
        return key
    }
}

extension LabelKey {
    /// Words that say nothing about which line a label names.
    static let fillers: Set<String> = ["dan", "serta", "yang", "di", "ke", "dari", "untuk", "bagi", "pada", "dengan", "kota",
                                       "kabupaten", "kab", "tahun", "kegiatan", "sub", "program", "belanja"]

    /// The content words of a label: lower-cased, punctuation and numbers dropped, fillers dropped.
    public static func words(_ label: String) -> [String] {
        let lowered = label.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(lowered).split(separator: " ").map(String.init)
            .filter { !fillers.contains($0) && !$0.allSatisfy(\.isNumber) }
    }

    /// How alike two labels are, 0…1: the Dice coefficient of their content words, where two
    /// words of five letters or more one typo apart (`tripartit`/`tripartite`,
    /// `Baekasi`/`Bekasi`) count as the same word. For recognising one line printed in two
    /// tables under different wording; never for mapping labels (``of(_:)`` does that).
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(Set(words(a))), y = Array(Set(words(b)))
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var unused = y
        var matches = 0
        for w in x {
            if let i = unused.firstIndex(where: { $0 == w || (min($0.count, w.count) >= 5 && editDistanceAtMostOne($0, w)) }) {
                matches += 1
                unused.remove(at: i)
            }
        }
        return 2 * Double(matches) / Double(x.count + y.count)
    }

    static func editDistanceAtMostOne(_ a: String, _ b: String) -> Bool {
        let s = Array(a), t = Array(b)
        if abs(s.count - t.count) > 1 { return false }
        var i = 0, j = 0, edits = 0
        while i < s.count && j < t.count {
            if s[i] == t[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if s.count > t.count { i += 1 } else if s.count < t.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (s.count - i) + (t.count - j) <= 1
    }
}
