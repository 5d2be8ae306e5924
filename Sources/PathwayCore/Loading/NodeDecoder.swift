import Yams

/// Decodes `Decodable` values straight from a composed YAML (or JSON) document.
///
/// Yams' own decoder resolves every scalar's type with regular expressions and looks keys up
/// by scanning; this one converts a scalar only to the type asked for and indexes mappings,
/// which makes loading packs several times faster. It also bounds the work a file can cause
/// (values decoded, nesting depth; an alias bomb expands past the bound) and makes every
/// text terminal-safe, remembering where control characters were found.
final class NodeDecoder {
    /// The most values one file may decode to.
    var maximumValues = 200_000
    /// The deepest nesting accepted.
    var maximumDepth = 64
    private(set) var values = 0
    private(set) var firstUnsafeMark: Mark?
    private(set) var unsafeTexts = 0
    var userInfo: [CodingUserInfoKey: Any] = [:]

    enum Limit: Error {
        case tooManyValues(Int)
        case tooDeep(Int, Mark?)
    }

    func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        try T(from: NodeDecoding(node: node, codingPath: [], owner: self))
    }

    fileprivate func count(_ node: Node, depth: Int) throws {
        values += 1
        if values > maximumValues { throw Limit.tooManyValues(maximumValues) }
        if depth > maximumDepth { throw Limit.tooDeep(maximumDepth, node.mark) }
    }

    fileprivate func safeText(_ scalar: Node.Scalar) -> String {
        let safe = TerminalSafeText.sanitize(scalar.string)
        if safe != scalar.string {
            unsafeTexts += 1
            if firstUnsafeMark == nil { firstUnsafeMark = scalar.mark }
        }
        return safe
    }
}

private struct NodeDecoding: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let owner: NodeDecoder
    /// The mapping's keys, indexed once however many containers a type asks for.
    private let index = MappingIndexBox()

    init(node: Node, codingPath: [any CodingKey], owner: NodeDecoder) {
        self.node = node
        self.codingPath = codingPath
        self.owner = owner
    }

    var userInfo: [CodingUserInfoKey: Any] { owner.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .mapping(mapping) = node else {
            throw DecodingError.typeMismatch([String: Any].self, .init(codingPath: codingPath, debugDescription: "expected a mapping"))
        }
        if index.value == nil { index.value = MappingIndex(mapping) }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(index: index.value!, codingPath: codingPath, owner: owner))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .sequence(sequence) = node else {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "expected a list"))
        }
        return NodeUnkeyedContainer(nodes: Array(sequence), codingPath: codingPath, owner: owner)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeSingleValue(node: node, codingPath: codingPath, owner: owner)
    }
}

/// Converts one node to the scalar type asked for.
private struct NodeSingleValue: SingleValueDecodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    let owner: NodeDecoder

    func decodeNil() -> Bool { Self.isNull(node) }

    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func scalar<T>(_ type: T.Type) throws -> Node.Scalar {
        guard case let .scalar(scalar) = node else {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected a single value"))
        }
        return scalar
    }

    private func mismatch<T>(_ type: T.Type) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "unexpected value"))
    }

    func decode(_ type: String.Type) throws -> String { owner.safeText(try scalar(type)) }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try scalar(type).string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw mismatch(type)
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        let text = try scalar(type).string.replacingOccurrences(of: "_", with: "")
        guard let value = Double(text), value.isFinite else { throw mismatch(type) }
        return value
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int {
        guard let value = Int(try scalar(type).string) else { throw mismatch(type) }
        return value
    }

    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    private func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let value = T(try scalar(type).string) else { throw mismatch(type) }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: NodeDecoding(node: node, codingPath: codingPath, owner: owner))
    }
}

/// A mapping's values by key, in document order.
private struct MappingIndex {
    var entries: [String: Node] = [:]
    var order: [String] = []

    init(_ mapping: Node.Mapping) {
        entries.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            if entries.updateValue(value, forKey: name) == nil { order.append(name) }
        }
    }
}

private final class MappingIndexBox {
    var value: MappingIndex?
}

private struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let codingPath: [any CodingKey]
    let owner: NodeDecoder
    private let entries: [String: Node]
    private let order: [String]

    init(index: MappingIndex, codingPath: [any CodingKey], owner: NodeDecoder) {
        self.codingPath = codingPath
        self.owner = owner
        entries = index.entries
        order = index.order
    }

    var allKeys: [Key] { order.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { entries[key.stringValue] != nil }

    private func node(_ key: Key) throws -> Node {
        guard let node = entries[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
        }
        try owner.count(node, depth: codingPath.count + 1)
        return node
    }

    private func value(_ key: Key) throws -> NodeSingleValue {
        NodeSingleValue(node: try node(key), codingPath: codingPath + [key], owner: owner)
    }

    func decodeNil(forKey key: Key) throws -> Bool { NodeSingleValue.isNull(try node(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try value(key).decode(type) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = entries[key.stringValue], !NodeSingleValue.isNull(node) else { return nil }
        return try decode(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoding(node: try node(key), codingPath: codingPath + [key], owner: owner).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoding(node: try node(key), codingPath: codingPath + [key], owner: owner).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeDecoding(node: .mapping(.init([])), codingPath: codingPath, owner: owner) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoding(node: try node(key), codingPath: codingPath + [key], owner: owner)
    }
}

private struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let nodes: [Node]
    let codingPath: [any CodingKey]
    let owner: NodeDecoder
    private(set) var currentIndex = 0

    init(nodes: [Node], codingPath: [any CodingKey], owner: NodeDecoder) {
        self.nodes = nodes
        self.codingPath = codingPath
        self.owner = owner
    }

    var count: Int? { nodes.count }
    var isAtEnd: Bool { currentIndex >= nodes.count }

    private mutating func next() throws -> NodeDecoding {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the list has no more values"))
        }
        let node = nodes[currentIndex]
        try owner.count(node, depth: codingPath.count + 1)
        let decoding = NodeDecoding(node: node, codingPath: codingPath + [AnyCodingKey(intValue: currentIndex)!], owner: owner)
        currentIndex += 1
        return decoding
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, NodeSingleValue.isNull(nodes[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }
}
