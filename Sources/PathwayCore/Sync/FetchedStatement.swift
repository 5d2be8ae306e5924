import Foundation

/// The parts of an xAPI statement read back from an LRS that a cohort report needs.
struct FetchedStatement: Decodable {
    struct Actor: Decodable {
        struct Account: Decodable {
            var homePage: String
            var name: String
        }

        var name: String?
        var mbox: String?
        var account: Account?
    }

    struct Reference: Decodable { var id: String }

    struct Score: Decodable { var raw: Double? }

    struct Result: Decodable {
        var score: Score?
        var success: Bool?
        var response: String?
        var duration: String?
        var extensions: [String: Extension]?
    }

    /// An extension value: Pathway's are strings, numbers, true or false, and lists of numbers.
    enum Extension: Decodable {
        case text(String)
        case number(Double)
        case flag(Bool)
        case numbers([Double])
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let flag = try? container.decode(Bool.self) {
                self = .flag(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let numbers = try? container.decode([Double].self) {
                self = .numbers(numbers)
            } else {
                self = .other
            }
        }

        var text: String? { if case let .text(value) = self { value } else { nil } }
        var number: Double? { if case let .number(value) = self { value } else { nil } }
        var flag: Bool? { if case let .flag(value) = self { value } else { nil } }
        var numbers: [Double]? { if case let .numbers(value) = self { value } else { nil } }
        /// The number as a whole count, or nil when none could hold it (beyond ±10¹⁵): an LRS
        /// may return anything, and converting such a number would trap.
        var whole: Int? { number.flatMap(Self.whole) }
        /// The list's numbers as whole counts, leaving out any no count could hold.
        var wholes: [Int]? { numbers.map { $0.compactMap(Self.whole) } }

        private static func whole(_ value: Double) -> Int? { abs(value) < 1e15 ? Int(value) : nil }
    }

    var id: String
    var actor: Actor
    var verb: Reference
    var object: Reference
    var result: Result?
    var timestamp: String?
}

/// One page of `GET statements`.
struct StatementPage: Decodable {
    var statements: [FetchedStatement]
    var more: String?
}
