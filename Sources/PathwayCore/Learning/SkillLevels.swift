/// A learner's level in each skill, from the graded results of the modules tagged with it.
public struct SkillLevel: Sendable, Equatable {
    public var skill: String
    /// Mean mastery weight over every graded item of the skill's modules (unseen items count 0).
    public var level: Double
    public var itemsSeen: Int
    public var itemsTotal: Int
    /// Share of seen items answered right on the first try.
    public var firstTryAccuracy: Double

    /// The skill's name for people (`ai-literacy` is shown as `AI literacy`).
    public var name: String { Self.name(of: skill) }

    /// A skill tag as a name: words split at `-` and `_`, the first capitalised, known
    /// abbreviations in capitals.
    public static func name(of skill: String) -> String {
        let abbreviations: Set<String> = ["ai", "ml", "llm", "llms", "pm", "pms", "ux", "ui", "api", "kpi", "okr", "gdpr", "nlp", "mlops"]
        let words = skill.split(whereSeparator: { $0 == "-" || $0 == "_" }).enumerated().map { index, word in
            let text = String(word)
            if abbreviations.contains(text.lowercased()) { return text.uppercased() }
            return index == 0 ? text.prefix(1).uppercased() + text.dropFirst() : text
        }
        return words.isEmpty ? skill : words.joined(separator: " ")
    }

    /// A word for the level; "not started" until an item of the skill is answered.
    public var band: String {
        guard itemsSeen > 0 else { return "not started" }
        return Self.band(for: level)
    }

    /// The word for a level from 0 to 1.
    public static func band(for level: Double) -> String {
        switch level {
        case ..<0.25: return "beginning"
        case ..<0.5: return "developing"
        case ..<0.8: return "proficient"
        default: return "strong"
        }
    }

    /// Levels for every skill tag in the library, strongest first.
    public static func all(library: PackLibrary, progress: LearnerProgress) -> [SkillLevel] {
        var keysBySkill: [String: Set<ProgressKey>] = [:]
        for pack in library.packs {
            for module in pack.modules {
                let keys = Mastery.keys(of: module, in: pack)
                for skill in module.skills { keysBySkill[skill, default: []].formUnion(keys) }
            }
        }
        return keysBySkill.map { skill, keys in
            let records = keys.compactMap { progress.items[$0] }.filter { !$0.attempts.isEmpty }
            let total = keys.reduce(0) { $0 + Mastery.score(of: $1, in: progress) }
            return SkillLevel(skill: skill, level: keys.isEmpty ? 0 : total / Double(keys.count), itemsSeen: records.count,
                              itemsTotal: keys.count,
                              firstTryAccuracy: records.isEmpty ? 0 : Double(records.filter(\.firstTryCorrect).count) / Double(records.count))
        }.sorted { ($0.level, $1.skill) > ($1.level, $0.skill) }
    }
}
