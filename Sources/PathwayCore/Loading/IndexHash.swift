import Foundation

/// A 64-bit hash that reads eight bytes at a step, for checking the pack index's sections and
/// for the pack folders' fingerprints: both run for every pack on the search path at every
/// start-up, where FNV-1a's byte at a step cost a tenth of a millisecond per pack.
///
/// It detects damage and change, not tampering: the index lives in the learner's own data
/// folder and is never trusted beyond the pack's own files.
struct IndexHash {
    private(set) var value: UInt64

    init(seed: UInt64 = 0x9E37_79B9_7F4A_7C15) {
        value = seed
    }

    private static let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD

    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        var hash = (hash ^ word) &* multiplier
        hash ^= hash >> 32
        return hash
    }

    /// Adds `bytes`, and their count, so that "ab" then "c" differs from "a" then "bc".
    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            hash = Self.mix(hash, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = Self.mix(hash, tail)
        value = Self.mix(hash, UInt64(count) | 0x8000_0000_0000_0000)
    }

    mutating func add(_ number: UInt64) {
        value = Self.mix(value, number)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// The value, finished so that every input bit reaches every output bit.
    var finished: UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 29
        return hash
    }

    /// Sixteen hexadecimal digits of ``finished``.
    var hex: String { Self.hex(finished) }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(of bytes: UnsafeRawBufferPointer) -> String {
        var hash = IndexHash()
        hash.add(bytes)
        return hash.hex
    }

    static func hex(of data: some ContiguousBytes) -> String {
        data.withUnsafeBytes { hex(of: $0) }
    }
}
