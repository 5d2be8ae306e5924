/// A branching case: the learner reads a situation, makes a decision, reads what happens,
/// and goes on until the case ends; then a debrief, the path taken and a score.
///
/// Each node holds the situation and 2–5 options; each option has a decision score (0–1, how
/// good a choice it is), a consequence, optional feedback, and the next node (none at an end).
/// The scenario's score is the mean decision score of the path taken, so a learner who makes
/// the best decision at every node scores 1.
public struct ScenarioStep: Step, Decodable {
    public static let typeName = "scenario"
    /// More nodes than this is refused (bounded validation and play).
    public static let maximumNodes = 200
    public static let optionRange = 2...5

    /// One decision point.
    public struct Node: Sendable, Equatable, Codable {
        public var id: String
        /// The situation, in Markdown.
        public var text: String
        public var options: [Option]

        public init(id: String, text: String, options: [Option]) {
            self.id = id
            self.text = text
            self.options = options
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case id, text, options }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            text = try c.decode(String.self, forKey: .text)
            options = try c.decodeIfPresent([Option].self, forKey: .options) ?? []
        }
    }

    /// One decision a learner may take at a node.
    public struct Option: Sendable, Equatable, Codable {
        public var text: String
        /// How good a decision it is, from 0 to 1.
        public var score: Double
        /// What happens next, in Markdown.
        public var consequence: String
        /// Why it was a good or poor decision.
        public var feedback: String?
        /// The node that follows; nil ends the scenario.
        public var next: String?
        /// Marks an intended edge back to an earlier node (other cycles are errors).
        public var loop: Bool

        public init(text: String, score: Double, consequence: String, feedback: String? = nil, next: String? = nil, loop: Bool = false) {
            self.text = text
            self.score = score
            self.consequence = consequence
            self.feedback = feedback
            self.next = next
            self.loop = loop
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case text, score, consequence, feedback, next, loop }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            score = try c.decode(Double.self, forKey: .score)
            consequence = try c.decode(String.self, forKey: .consequence)
            feedback = try c.decodeIfPresent(String.self, forKey: .feedback)
            next = try c.decodeIfPresent(String.self, forKey: .next)
            loop = try c.decodeIfPresent(Bool.self, forKey: .loop) ?? false
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(score, forKey: .score)
            try c.encode(consequence, forKey: .consequence)
            try c.encodeIfPresent(feedback, forKey: .feedback)
            try c.encodeIfPresent(next, forKey: .next)
            if loop { try c.encode(true, forKey: .loop) }
        }
    }

    public var scenarioID: String
    public var title: String?
    public var level: CognitiveLevel?
    /// The id of the first node.
    public var start: String
    public var nodes: [Node]
    /// Shown at the end, in Markdown.
    public var debrief: String?

    public var id: String? { scenarioID }

    public init(id: String, title: String? = nil, level: CognitiveLevel? = nil, start: String, nodes: [Node], debrief: String? = nil) {
        self.scenarioID = id
        self.title = title
        self.level = level
        self.start = start
        self.nodes = nodes
        self.debrief = debrief
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case type, id, title, level, start, nodes, debrief }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scenarioID = try c.decode(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        level = try CognitiveLevel.decode(from: c, forKey: .level)
        nodes = try c.decode([Node].self, forKey: .nodes)
        start = try c.decodeIfPresent(String.self, forKey: .start) ?? nodes.first?.id ?? ""
        debrief = try c.decodeIfPresent(String.self, forKey: .debrief)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.typeName, forKey: .type)
        try c.encode(scenarioID, forKey: .id)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(level?.rawValue, forKey: .level)
        try c.encode(start, forKey: .start)
        try c.encode(nodes, forKey: .nodes)
        try c.encodeIfPresent(debrief, forKey: .debrief)
    }

    /// The node with id `id`.
    public func node(id: String) -> Node? { nodes.first { $0.id == id } }

    /// The score of a run: the mean decision score of the options taken (0 for no decision).
    public static func score(ofDecisions scores: [Double]) -> Double {
        scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
    }

    // MARK: Validation

    public func problems() -> [StepProblem] {
        var found: [StepProblem] = []
        if nodes.isEmpty { return [.error("a scenario needs at least one node", field: "nodes")] }
        if nodes.count > Self.maximumNodes {
            return [.error("a scenario may have at most \(Self.maximumNodes) nodes (it has \(nodes.count)); split it", field: "nodes")]
        }
        if title?.trimmingWhitespace().isEmpty ?? true {
            found.append(.warning("no title; learners see it when the case opens", field: "title"))
        }
        var index: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            if !Identifier.isValid(node.id) {
                found.append(.error("node id '\(node.id)' is not valid: \(Identifier.rule)", field: "nodes[\(i)].id"))
            }
            if index[node.id] != nil {
                found.append(.error("node id '\(node.id)' is used by another node; node ids must be unique in a scenario", field: "nodes[\(i)].id"))
            } else {
                index[node.id] = i
            }
        }
        guard let startIndex = index[start] else {
            return found + [.error("start '\(start)' is not the id of a node", field: "start")]
        }
        for (i, node) in nodes.enumerated() {
            found += nodeProblems(node, at: i, index: index)
        }
        if found.contains(where: { $0.severity == .error }) { return found }
        return found + graphProblems(startIndex: startIndex, index: index)
    }

    private func nodeProblems(_ node: Node, at i: Int, index: [String: Int]) -> [StepProblem] {
        var found: [StepProblem] = []
        let at = "nodes[\(i)]"
        if node.text.trimmingWhitespace().isEmpty { found.append(.error("node '\(node.id)' has no situation text", field: "\(at).text")) }
        if node.options.isEmpty {
            return found + [.error("node '\(node.id)' is a dead end: it has no options; give it \(Self.optionRange.lowerBound)–\(Self.optionRange.upperBound) options (an option without 'next' ends the case)", field: "\(at).options")]
        }
        if !Self.optionRange.contains(node.options.count) {
            found.append(.error("node '\(node.id)' has \(Plural.count(node.options.count, "option")); a decision needs \(Self.optionRange.lowerBound)–\(Self.optionRange.upperBound)", field: "\(at).options"))
        }
        for (j, option) in node.options.enumerated() {
            let field = "\(at).options[\(j)]"
            if option.text.trimmingWhitespace().isEmpty { found.append(.error("an option of node '\(node.id)' has empty text", field: "\(field).text")) }
            if option.consequence.trimmingWhitespace().isEmpty {
                found.append(.error("an option of node '\(node.id)' has no consequence; say what happens next", field: "\(field).consequence"))
            }
            if !(0...1).contains(option.score) || option.score.isNaN {
                found.append(.error("score \(option.score) is out of range; decision scores go from 0 to 1", field: "\(field).score"))
            }
            if let next = option.next, index[next] == nil {
                found.append(.error("option leads to '\(next)', which is not a node of this scenario", field: "\(field).next"))
            }
        }
        let texts = node.options.map { AnswerNormalizer.normalize($0.text) }
        if Set(texts).count != texts.count { found.append(.error("two options of node '\(node.id)' have the same text", field: "\(at).options")) }
        if !node.options.contains(where: { $0.score == 1 }) {
            found.append(.error("node '\(node.id)' has no best option: give the best decision 'score: 1.0'", field: "\(at).options"))
        }
        return found
    }

    /// Reachability, endings and cycles, on a scenario whose nodes and links are valid.
    private func graphProblems(startIndex: Int, index: [String: Int]) -> [StepProblem] {
        var found: [StepProblem] = []
        let targets: [[(node: Int, loop: Bool)]] = nodes.map { node in
            node.options.compactMap { option in option.next.flatMap { index[$0] }.map { ($0, option.loop) } }
        }
        // Every node can be reached from the start.
        var reached = Set([startIndex])
        var queue = [startIndex]
        while let current = queue.popLast() {
            for target in targets[current] where reached.insert(target.node).inserted { queue.append(target.node) }
        }
        for i in nodes.indices where !reached.contains(i) {
            found.append(.error("node '\(nodes[i].id)' cannot be reached from the start node '\(start)'", field: "nodes[\(i)].id"))
        }
        // From every node an ending can be reached (no path that can only go on forever).
        var predecessors = Array(repeating: [Int](), count: nodes.count)
        for (from, list) in targets.enumerated() { for target in list { predecessors[target.node].append(from) } }
        var ends = Set(nodes.indices.filter { i in nodes[i].options.contains { $0.next == nil } })
        var backward = Array(ends)
        while let current = backward.popLast() {
            for from in predecessors[current] where ends.insert(from).inserted { backward.append(from) }
        }
        for i in nodes.indices where reached.contains(i) && !ends.contains(i) {
            found.append(.error("no ending can be reached from node '\(nodes[i].id)': every path from it goes on forever", field: "nodes[\(i)].options"))
        }
        // No cycle except through options marked `loop: true`.
        if let cycle = firstCycle(targets: targets) {
            let names = (cycle + [cycle[0]]).map { nodes[$0].id }.joined(separator: " → ")
            found.append(.error("the path \(names) is a cycle; mark the option that goes back with 'loop: true' if it is intended", field: "nodes[\(cycle.last!)].options"))
        }
        return found
    }

    /// A cycle among edges not marked as loops, as node indices in order, if any.
    private func firstCycle(targets: [[(node: Int, loop: Bool)]]) -> [Int]? {
        enum Mark { case unseen, open, done }
        var marks = Array(repeating: Mark.unseen, count: nodes.count)
        for root in nodes.indices where marks[root] == .unseen {
            // Iterative depth-first search: the stack holds a node and the next edge to follow.
            var stack: [(node: Int, edge: Int)] = [(root, 0)]
            marks[root] = .open
            while let top = stack.last {
                let edges = targets[top.node].filter { !$0.loop }
                if top.edge < edges.count {
                    stack[stack.count - 1].edge += 1
                    let next = edges[top.edge].node
                    switch marks[next] {
                    case .open:
                        let path = stack.map(\.node)
                        return Array(path[path.firstIndex(of: next)!...])
                    case .unseen:
                        marks[next] = .open
                        stack.append((next, 0))
                    case .done: continue
                    }
                } else {
                    marks[top.node] = .done
                    stack.removeLast()
                }
            }
        }
        return nil
    }
}
