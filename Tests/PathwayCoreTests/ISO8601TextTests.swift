import Foundation
import Testing
@testable import PathwayCore

/// The progress files' dates, written and read by hand, are the same text and the same dates
/// as Foundation's ISO 8601 strategies give.
@Suite struct ISO8601TextTests {
    static func foundationText(_ date: Date) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try JSONDecoder().decode([String].self, from: encoder.encode([date]))[0]
    }

    @Test func writesWhatFoundationWrites() throws {
        var random = SeededRandom(seed: 8601)
        var times: [TimeInterval] = [0, -0.5, -1, -1.5, 0.999_999, 59.999, 86_399.9, -86_400.25, 951_782_400, 951_868_800, 1_800_000_000.9999,
                                     4_107_542_400, -2_208_988_800, 253_402_300_799.9, -62_135_596_800]
        for _ in 0..<2000 { times.append(Double(random.next() % 10_000_000_000) / 3.0 - 1_000_000_000) }
        for time in times {
            let date = Date(timeIntervalSince1970: time)
            let text = ISO8601Text.format(date)
            #expect(text == (try Self.foundationText(date)), "\(time)")
            #expect(ISO8601Text.parse(text)?.timeIntervalSince1970 == time.rounded(.down), "\(text)")
        }
    }

    @Test func readsWhatFoundationReads() throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        // The written form, and other forms Foundation reads (or refuses) the same way.
        for text in ["2026-11-30T21:13:53Z", "2026-11-30T21:13:53+01:00", "2026-11-30T21:13:53.250Z", "2024-02-29T00:00:00Z",
                     "0500-01-01T00:00:00Z", "2023-02-29T00:00:00Z", "2026-11-30T24:00:00Z", "2026-11-30 21:13:53Z",
                     "2026-13-01T00:00:00Z", "", "yesterday"] {
            let expected = (try? decoder.decode([Date].self, from: JSONEncoder().encode([text])))?.first
            #expect(ISO8601Text.parse(text) == expected, "\(text)")
        }
        #expect(ISO8601Text.parse("yesterday") == nil)
    }
}
