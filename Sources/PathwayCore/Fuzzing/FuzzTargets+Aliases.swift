import Foundation
import Yams

extension FuzzTargets {
    /// YAML alias structures. Inputs starting with `#!` are YAML text as they are; any other
    /// bytes drive a generator of anchors and aliases (nested lists and mappings of aliases to
    /// earlier anchors, long texts, aliases and lists as keys), so the fuzzer explores alias
    /// graphs rather than spelling. Loading must stay within the budget, and when the budget
    /// accepts a document its count must be exactly what the composed document expands to.
    public static func aliases(_ data: Data) {
        let text: String
        if data.starts(with: Array("#!".utf8)) {
            guard let raw = String(data: data, encoding: .utf8) else { return }
            text = raw
        } else {
            text = AliasDocument(data).text
        }
        _ = DocumentDecoder().decode(Lesson.self, text: text, displayPath: "fuzz")
        let budget = YAMLBudget()
        guard let cost = try? budget.check(text), let node = try? Yams.compose(yaml: text, .basic) else { return }
        var walked = YAMLBudget.Cost()
        count(node, into: &walked, limit: budget.maximumNodes)
        guard walked == cost else {
            fatalError("the budget counted \(cost) but the document expands to \(walked)")
        }
    }

    /// Nodes and scalar bytes of `node` expanded, keys included; stops past `limit` nodes.
    private static func count(_ node: Node, into cost: inout YAMLBudget.Cost, limit: Int) {
        guard cost.nodes <= limit else { return }
        cost.nodes += 1
        switch node {
        case let .scalar(scalar): cost.bytes += scalar.string.utf8.count
        case let .sequence(sequence): for child in sequence { count(child, into: &cost, limit: limit) }
        case let .mapping(mapping):
            for pair in mapping {
                count(pair.key, into: &cost, limit: limit)
                count(pair.value, into: &cost, limit: limit)
            }
        case .alias: break
        }
    }
}

/// A YAML document of anchors and aliases built from fuzz bytes.
private struct AliasDocument {
    private var bytes: [UInt8]
    private var position = 0
    private(set) var text = "id: l\ntitle: T\nsteps: []\n"

    init(_ data: Data) {
        bytes = Array(data)
        var anchors = 0
        var line = 0
        while position < bytes.count, line < 40 {
            let kind = next() % 6
            let width = Int(next() % 12) + 1
            let value: String
            switch kind {
            case 0: value = String(repeating: "x", count: Int(next()) * 64)
            case 1 where anchors > 0: value = "[" + (0..<width).map { _ in alias(anchors) }.joined(separator: ", ") + "]"
            case 2 where anchors > 0: value = "{" + (0..<width).map { "k\($0): \(alias(anchors))" }.joined(separator: ", ") + "}"
            case 3 where anchors > 0: value = "{? \(alias(anchors)) : v}"
            case 4 where anchors > 0: value = "{? [\(alias(anchors))] : v}"
            default: value = "[" + (0..<width).map { "s\($0)" }.joined(separator: ", ") + "]"
            }
            text += "e\(line): &a\(anchors) \(value)\n"
            anchors += 1
            line += 1
        }
        if anchors > 0 { text += "last: *a\(anchors - 1)\n" }
    }

    private mutating func next() -> UInt8 {
        defer { position += 1 }
        return position < bytes.count ? bytes[position] : 0
    }

    private mutating func alias(_ anchors: Int) -> String { "*a\(Int(next()) % anchors)" }
}
