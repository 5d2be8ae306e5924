import Foundation

/// One line of the pack index's hand-written sections (see ``PackIndexModules``): its fields,
/// separated by tabs, as ranges of the section's bytes, turned into text only when asked for.
///
/// `path`, `list` and the greeting read these lines for every pack on the search path, so they
/// are read in one pass over the bytes, with no array of texts per line.
struct PackIndexLine {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let fields: [Range<Int>]

    /// How many fields the line has.
    var count: Int { fields.count }

    /// The first field when it is one byte (`M`, `L`, `H`…), else 0.
    var tag: UInt8 { fields[0].count == 1 ? bytes[fields[0].lowerBound] : 0 }

    /// Calls `body` with every line of `data`, in order, while it returns true; whether it
    /// always did. A newline at the end starts one more, empty, line.
    static func forEachLine(of data: Data, _ body: (PackIndexLine) -> Bool) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var fields: [Range<Int>] = []
            fields.reserveCapacity(16)
            var start = 0
            for index in 0...bytes.count {
                let byte: UInt8 = index == bytes.count ? 10 : bytes[index]
                guard byte == 10 || byte == 9 else { continue }
                fields.append(start..<index)
                start = index + 1
                guard byte == 10 else { continue }
                guard body(PackIndexLine(bytes: bytes, fields: fields)) else { return false }
                fields.removeAll(keepingCapacity: true)
            }
            return true
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, fields: [Range<Int>]) {
        self.bytes = bytes
        self.fields = fields
    }

    /// Field `index` as it is written.
    func raw(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[index]]), as: UTF8.self)
    }

    /// Field `index` with its escapes (`\xHH`) undone.
    func text(_ index: Int) -> String { text(in: fields[index]) }

    /// Field `index`, escapes undone, as a NUL-terminated C string in `buffer` (grown when too
    /// short); false when the text holds a NUL of its own.
    func cString(_ index: Int, into buffer: inout [CChar]) -> Bool {
        let range = fields[index]
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if slice.contains(UInt8(ascii: "\\")) {
            let text = text(in: range)
            guard !text.utf8.contains(0) else { return false }
            buffer = Array(text.utf8CString)
            return true
        }
        guard !slice.contains(0) else { return false }
        if buffer.count <= slice.count { buffer = [CChar](repeating: 0, count: slice.count * 2 + 1) }
        buffer.withUnsafeMutableBufferPointer { out in
            for (offset, byte) in slice.enumerated() { out[offset] = CChar(bitPattern: byte) }
            out[slice.count] = 0
        }
        return true
    }

    /// Whether field `index` is written exactly as `text` (which holds no escape).
    func isField(_ index: Int, _ text: StaticString) -> Bool {
        let range = fields[index]
        guard range.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { expected in zip(bytes[range], expected).allSatisfy { $0 == $1 } }
    }

    /// Field `index` as a whole number.
    func int(_ index: Int) -> Int? { int(in: fields[index]) }

    /// Field `index` as a list (see ``list(in:)``).
    func list(_ index: Int) -> [String]? { list(in: fields[index]) }

    /// Field `index` as an optional text: `-` when absent, `+` then the text.
    func optionalText(_ index: Int) -> String?? { optional(index) { text(in: $0) } }

    /// Field `index` as an optional value: `.some(nil)` for `-`, the value read by `read` from
    /// what follows `+`, or nil when the field is neither or `read` fails.
    func optional<T>(_ index: Int, _ read: (Range<Int>) -> T?) -> T?? {
        let range = fields[index]
        guard let first = range.first else { return nil }
        if bytes[first] == UInt8(ascii: "-") { return range.count == 1 ? .some(nil) : nil }
        guard bytes[first] == UInt8(ascii: "+"), let value = read(range.dropFirst()) else { return nil }
        return .some(value)
    }

    func text(in range: Range<Int>) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        let text = String(decoding: slice, as: UTF8.self)
        return slice.contains(UInt8(ascii: "\\")) ? Self.unescape(text) : text
    }

    /// A decimal whole number, with an optional `-`.
    func int(in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        let negative = index < range.upperBound && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < range.upperBound else { return nil }
        var value = 0
        while index < range.upperBound {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(negative ? -digit : digit)
            guard !overflow, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// Elements separated by U+001F, each written as `+` then its text; an empty field is an
    /// empty list. Both are single bytes in UTF-8 and never part of another character.
    func list(in range: Range<Int>) -> [String]? {
        guard !range.isEmpty else { return [] }
        var items: [String] = []
        var start = range.lowerBound
        for index in range.lowerBound...range.upperBound where index == range.upperBound || bytes[index] == 0x1F {
            guard start < index, bytes[start] == UInt8(ascii: "+") else { return nil }
            items.append(text(in: (start + 1)..<index))
            start = index + 1
        }
        return items
    }

    /// A field for an optional value already written as a field: `+` then it, or `-` (read by
    /// ``optional(_:_:)``).
    static func optionalField(_ field: String?) -> String { field.map { "+" + $0 } ?? "-" }

    /// A field for `items`, each escaped (read by ``list(in:)``).
    static func listField(_ items: [String]) -> String {
        items.map { "+" + escape($0) }.joined(separator: "\u{1F}")
    }

    /// `text` with backslashes and control characters (tabs and newlines among them) written as
    /// `\xHH`, so that it fits in one field.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\\") }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar == "\\" {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count == 1 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Undoes `\xHH` escapes; a backslash followed by anything else is dropped with it.
    static func unescape(_ field: String) -> String {
        var out = ""
        var scalars = field.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            guard scalars.next() == "x", let high = scalars.next(), let low = scalars.next(),
                  let value = UInt32(String(high) + String(low), radix: 16), let decoded = Unicode.Scalar(value) else { continue }
            out.unicodeScalars.append(decoded)
        }
        return out
    }
}
