import CYaml
import Yams

/// Bounds the work one YAML (or JSON) document can cause, checked on the parser's event stream
/// before anything is composed.
///
/// Aliases are counted at their expanded size: a document's nodes and scalar bytes, keys
/// included, each alias adding everything its anchor holds. Mapping keys must be plain scalars:
/// an alias, list or mapping as a key is refused, because the composer compares keys by
/// hashing them expanded (ten nested aliases of ten make a key of 10^10 nodes). Nesting is
/// bounded too, since composing recurses. All arithmetic saturates, so no count can overflow.
struct YAMLBudget: Sendable {
    /// The most nodes (scalars, lists, mappings; keys included) a document may expand to.
    var maximumNodes = 200_000
    /// The most scalar bytes (keys included) a document may expand to.
    var maximumBytes = 16 * 1024 * 1024
    /// The deepest nesting of lists and mappings.
    var maximumDepth = 64

    /// What a document exceeded, with where it was found.
    enum Exceeded: Error, Equatable {
        case aliasAsKey(line: Int, column: Int)
        case complexKey(line: Int, column: Int)
        case tooManyNodes(limit: Int)
        case tooManyBytes(limit: Int)
        case tooDeep(limit: Int, line: Int, column: Int)
    }

    /// The expanded size of a document or of one of its nodes.
    struct Cost: Equatable {
        var nodes = 0
        var bytes = 0

        static func + (a: Cost, b: Cost) -> Cost {
            Cost(nodes: saturatingSum(a.nodes, b.nodes), bytes: saturatingSum(a.bytes, b.bytes))
        }

        private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? .max : sum
        }
    }

    /// The document in `text`, composed once it is known to be within the budget. Syntax
    /// errors are left to the composer, which reports them with their place.
    func compose(_ text: String) throws -> Node? {
        try composeMeasured(text).node
    }

    /// The document and its expanded size.
    func composeMeasured(_ text: String) throws -> (node: Node?, cost: Cost) {
        let cost = try check(text)
        return (try Yams.compose(yaml: text, .basic), cost)
    }

    /// The expanded size of `text`; throws ``Exceeded`` as soon as a limit is passed. Stops
    /// quietly at a syntax error (the composer reports it).
    @discardableResult
    func check(_ text: String) throws -> Cost {
        var walk = Walk(budget: self)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return walk.total }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var copy = text
        try copy.withUTF8 { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try walk.take(event)
            }
        }
        return walk.total
    }
}

/// The running state of one check: open lists and mappings, anchors' sizes, the total.
private struct Walk {
    struct Frame {
        var cost = YAMLBudget.Cost(nodes: 1)
        var anchor: String?
        var isMapping: Bool
        /// In a mapping, whether the next node is a key.
        var expectsKey = true
    }

    let budget: YAMLBudget
    var total = YAMLBudget.Cost()
    var stack: [Frame] = []
    var anchors: [String: YAMLBudget.Cost] = [:]

    init(budget: YAMLBudget) { self.budget = budget }

    mutating func take(_ event: yaml_event_t) throws {
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        let isKey = stack.last.map { $0.isMapping && $0.expectsKey } ?? false
        switch event.type {
        case YAML_SCALAR_EVENT:
            try finish(YAMLBudget.Cost(nodes: 1, bytes: Int(event.data.scalar.length)), anchor: Self.name(event.data.scalar.anchor))
        case YAML_ALIAS_EVENT:
            if isKey { throw YAMLBudget.Exceeded.aliasAsKey(line: line, column: column) }
            // An undefined alias is the composer's error to report.
            let cost = Self.name(event.data.alias.anchor).flatMap { anchors[$0] } ?? YAMLBudget.Cost(nodes: 1)
            try finish(cost, anchor: nil)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            if isKey { throw YAMLBudget.Exceeded.complexKey(line: line, column: column) }
            guard stack.count < budget.maximumDepth else {
                throw YAMLBudget.Exceeded.tooDeep(limit: budget.maximumDepth, line: line, column: column)
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? Self.name(event.data.mapping_start.anchor) : Self.name(event.data.sequence_start.anchor)
            stack.append(Frame(anchor: anchor, isMapping: isMapping))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            // The node's own children were added to the total as they came; add the node itself.
            try add(YAMLBudget.Cost(nodes: 1))
            if let anchor = frame.anchor { anchors[anchor] = frame.cost }
            passUp(frame.cost)
        default:
            return
        }
    }

    /// A complete scalar or alias: counted in the total and in every open parent.
    private mutating func finish(_ cost: YAMLBudget.Cost, anchor: String?) throws {
        try add(cost)
        if let anchor { anchors[anchor] = cost }
        passUp(cost)
    }

    private mutating func add(_ cost: YAMLBudget.Cost) throws {
        total = total + cost
        if total.nodes > budget.maximumNodes { throw YAMLBudget.Exceeded.tooManyNodes(limit: budget.maximumNodes) }
        if total.bytes > budget.maximumBytes { throw YAMLBudget.Exceeded.tooManyBytes(limit: budget.maximumBytes) }
    }

    private mutating func passUp(_ cost: YAMLBudget.Cost) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].cost = stack[stack.count - 1].cost + cost
        if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectsKey.toggle() }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
