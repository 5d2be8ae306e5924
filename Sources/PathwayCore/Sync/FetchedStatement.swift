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

    struct Result: Decodable {
        var success: Bool?
        var response: String?
        var duration: String?
        var extensions: [String: Extension]?
    }

    /// An extension value: Pathway's are strings and numbers.
    enum Extension: Decodable {
        case text(String)
        case number(Double)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .other
            }
        }

        var text: String? { if case let .text(value) = self { value } else { nil } }
        var number: Double? { if case let .number(value) = self { value } else { nil } }
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
