/// A work that text shown in a report cites inline (`[@key]`), with the pack that declares it
/// (keys are a pack's own: two packs may use one key for different works).
public struct CitedReference: Codable, Sendable, Equatable {
    public var pack: String
    public var reference: Reference

    public init(pack: String, reference: Reference) {
        self.pack = pack
        self.reference = reference
    }
}

extension ReportData {
    /// The references cited by the pack texts the report carries (question prompts, reflection
    /// briefs, checklists and rubrics, scenario situations and options), sorted by pack and key.
    static func citedReferences(library: PackLibrary, modules: [ModuleReport], portfolio: [PortfolioArtifact],
                                scenarios: [ScenarioReport]) -> [CitedReference] {
        var texts: [(pack: String, text: String)] = []
        for module in modules {
            for question in module.lessons.flatMap(\.questions) { texts.append((module.pack, question.prompt)) }
        }
        for artifact in portfolio {
            let rubric = artifact.rubric.flatMap { [$0.criterion] + $0.levels }
            for text in [artifact.prompt ?? ""] + artifact.checklist.map(\.text) + rubric { texts.append((artifact.pack, text)) }
        }
        for scenario in scenarios {
            for decision in scenario.runs.flatMap(\.decisions) {
                for text in [decision.situation] + decision.options { texts.append((scenario.pack, text)) }
            }
        }
        var declared: [String: [String: Reference]] = [:]
        for pack in library.packs where declared[pack.id] == nil { declared[pack.id] = pack.manifest.referencesByKey }
        return CitedReference.cited(in: texts, references: declared)
    }
}

extension CitedReference {
    /// The works `texts` cite (each text with the pack it comes from), found among each pack's
    /// `references` by key: each once, sorted by pack and key. Keys no reference has are left out.
    static func cited(in texts: [(pack: String, text: String)], references: [String: [String: Reference]]) -> [CitedReference] {
        var seen: Set<String> = []
        var found: [CitedReference] = []
        for (pack, text) in texts {
            for key in Citations.keys(in: text) {
                guard let reference = references[pack]?[key], seen.insert(pack + "\u{0}" + key).inserted else { continue }
                found.append(CitedReference(pack: pack, reference: reference))
            }
        }
        return found.sorted { ($0.pack, $0.reference.key) < ($1.pack, $1.reference.key) }
    }
}
