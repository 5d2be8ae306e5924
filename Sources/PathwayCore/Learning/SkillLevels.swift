/// A learner's level in each skill, from the graded results of the modules tagged with it.
public struct SkillLevel: Sendable, Equatable {
    public var skill: String
    /// Mean mastery weight over every graded item of the skill's modules (unseen items count 0).
    public var level: Double
    public var itemsSeen: Int
    public var itemsTotal: Int
    /// Share of seen items answered right on the first try.
    public var firstTryAccuracy: Double

    /// A word for the level.
    public var band: String {
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
                let keys = module.lessons.flatMap { $0.questions.map { ProgressKey.question(pack, $0) } }
                for skill in module.skills { keysBySkill[skill, default: []].formUnion(keys) }
            }
        }
        return keysBySkill.map { skill, keys in
            let records = keys.compactMap { progress.items[$0] }.filter { !$0.attempts.isEmpty }
            let total = keys.reduce(0) { $0 + Mastery.itemScore(progress.items[$1]) }
            return SkillLevel(skill: skill, level: keys.isEmpty ? 0 : total / Double(keys.count), itemsSeen: records.count,
                              itemsTotal: keys.count,
                              firstTryAccuracy: records.isEmpty ? 0 : Double(records.filter(\.firstTryCorrect).count) / Double(records.count))
        }.sorted { ($0.level, $1.skill) > ($1.level, $0.skill) }
    }
}
